#!/usr/bin/env bash
# What each service's Kafka user may do; the brokers refuse whatever no ACL allows. Run as admin (the super user) by
# the kafka-acls service of compose.yaml, which the services wait for; adding an ACL that exists changes nothing.
set -uo pipefail
acl() {
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server kafka-1:9092,kafka-2:9092,kafka-3:9092 \
    --command-config /opt/supplyline/admin.properties --add --topic supplychain.events "$@"
}
group_acl() {
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server kafka-1:9092,kafka-2:9092,kafka-3:9092 \
    --command-config /opt/supplyline/admin.properties --add --group supplyline-query "$@"
}
grant() {
  # The command side creates the topic if it is missing, relays every event to it and reads it back to reconcile:
  # the only user that may write it.
  acl --allow-principal User:supplyline-command-side --operation Create --operation Describe --operation Write --operation Read &&
  # The query side only reads it. Its instances share the partitions as one consumer group (their positions
  # live in the database; the group's committed offsets only follow them, for tools).
  acl --allow-principal User:supplyline-query-side --operation Describe --operation Read &&
  group_acl --allow-principal User:supplyline-query-side --operation Read
}
# The brokers may still be forming their quorum: try for up to two minutes.
for _ in $(seq 24); do
  grant && exit 0
  sleep 5
done
echo "could not set the ACLs" >&2
exit 1
