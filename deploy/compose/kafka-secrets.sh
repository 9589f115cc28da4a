#!/usr/bin/env bash
# Makes what the secured Kafka of compose.yaml needs, in secrets/kafka/ (git-ignored): the brokers' TLS key and
# certificate (one, naming kafka-1, kafka-2 and kafka-3) signed by a new CA whose key is thrown away afterwards, the
# CA certificate the clients trust, random passwords for the Kafka users admin (the brokers themselves and the ACL
# job), supplyline-command-side and supplyline-query-side, and the brokers' JAAS file that lists them.
# Run once, before the first `docker compose up`. It never overwrites: to renew, delete secrets/kafka, run it again
# and recreate the containers. Needs keytool (any JDK).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out=secrets/kafka
if [[ -e $out ]]; then
  echo "$out exists already; delete it first to make new keys and passwords" >&2
  exit 1
fi
# Letters and digits only: the passwords go into a JAAS file between double quotes.
password() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }
ca=$(mktemp -d)
trap 'rm -rf "$ca"' EXIT
mkdir -p "$out"
chmod 700 "$out"

# No trailing newline: Kafka's DirectoryConfigProvider hands the file's content over as it is.
for user in admin command-side query-side; do
  password >"$out/$user.password"
done
password >"$out/broker.password"
ca_password=$(password)

keytool -genkeypair -keystore "$ca/ca.p12" -storetype PKCS12 -storepass "$ca_password" -alias ca \
  -dname CN=supplyline-kafka-ca -ext bc:c -keyalg RSA -keysize 3072 -validity 3650
keytool -exportcert -keystore "$ca/ca.p12" -storepass "$ca_password" -alias ca -rfc -file "$out/ca.crt"
store=$(cat "$out/broker.password")
keytool -genkeypair -keystore "$out/broker.p12" -storetype PKCS12 -storepass "$store" -alias broker \
  -dname CN=supplyline-kafka -keyalg RSA -keysize 3072 -validity 825
keytool -certreq -keystore "$out/broker.p12" -storepass "$store" -alias broker -file "$ca/broker.csr"
keytool -gencert -keystore "$ca/ca.p12" -storepass "$ca_password" -alias ca -infile "$ca/broker.csr" -rfc \
  -validity 825 -ext SAN=dns:kafka-1,dns:kafka-2,dns:kafka-3 -ext KU=digitalSignature,keyEncipherment \
  -ext EKU=serverAuth,clientAuth -outfile "$ca/broker.crt"
keytool -importcert -keystore "$out/broker.p12" -storepass "$store" -alias ca -file "$out/ca.crt" -noprompt
keytool -importcert -keystore "$out/broker.p12" -storepass "$store" -alias broker -file "$ca/broker.crt"

# The brokers log in to each other as admin; PLAIN checks a client's password against the user_<name> entries.
cat >"$out/broker_jaas.conf" <<JAAS
KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
  username="admin"
  password="$(cat "$out/admin.password")"
  user_admin="$(cat "$out/admin.password")"
  user_supplyline-command-side="$(cat "$out/command-side.password")"
  user_supplyline-query-side="$(cat "$out/query-side.password")";
};
JAAS
# Readable by the containers' own users (the brokers' and the services'); the folder keeps other host users out.
chmod 644 "$out"/*
echo "Kafka keys and passwords are in $out"
