package io.supplyline.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Kafka's own performance tools against the broker Supplyline uses: the consumer tool reads the
 * event topic itself, as a rebuild does; the producer tool writes records of the events' mean size
 * with the relay's producer settings to a scratch topic shaped like the event topic.
 */
record KafkaBaseline(double producerRecordsPerSecond, double producerMbPerSecond, double producerP99Millis,
                     double consumerRecordsPerSecond, double consumerMbPerSecond) {

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\).*?(\\d+) ms 99th");

    static KafkaBaseline measure(String bootstrapServers, String eventTopic, long topicRecords, int recordSize,
                                 long producerRecords, Map<String, String> relayProducerSettings) throws Exception {
        String scratch = "bench.producer-perf-" + System.currentTimeMillis();
        createLike(bootstrapServers, eventTopic, scratch);
        List<String> producerArgs = new ArrayList<>(List.of("--topic", scratch,
                "--num-records", String.valueOf(producerRecords), "--record-size", String.valueOf(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers));
        relayProducerSettings.forEach((key, value) -> producerArgs.add(key + "=" + value));
        String produced = Tool.java("org.apache.kafka.tools.ProducerPerformance", producerArgs);
        double[] producer = producerSummary(produced);
        deleteTopic(bootstrapServers, scratch);

        String consumed = Tool.java("org.apache.kafka.tools.ConsumerPerformance", List.of(
                "--bootstrap-server", bootstrapServers, "--topic", eventTopic, "--messages", String.valueOf(topicRecords),
                "--group", "bench-consumer-perf-" + System.currentTimeMillis(), "--hide-header", "--timeout", "60000"));
        double[] consumer = consumerSummary(consumed);
        return new KafkaBaseline(producer[0], producer[1], producer[2], consumer[0], consumer[1]);
    }

    /**
     * Records/s, MB/s and p99 ms of the producer tool's run: it prints progress lines, then the
     * summary of the whole run (the only line with percentiles) last.
     */
    static double[] producerSummary(String output) {
        Matcher summary = PRODUCER_SUMMARY.matcher(output);
        double[] last = null;
        while (summary.find()) {
            last = new double[] {Double.parseDouble(summary.group(2)), Double.parseDouble(summary.group(3)),
                Double.parseDouble(summary.group(4))};
        }
        if (last == null) {
            throw new IllegalStateException("No summary from the producer tool:\n" + output);
        }
        return last;
    }

    /**
     * Records/s and MB/s of the consumer tool's fetching. Its line is start.time, end.time,
     * data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms,
     * fetch.MB.sec, fetch.nMsg.sec: the fetch figures leave out the group join, which a rebuild does
     * not do either.
     */
    static double[] consumerSummary(String output) {
        String[] lines = output.strip().split("\n");
        String[] fields = lines[lines.length - 1].split(",\\s*");
        if (fields.length < 10) {
            throw new IllegalStateException("No summary from the consumer tool:\n" + output);
        }
        return new double[] {Double.parseDouble(fields[9]), Double.parseDouble(fields[8])};
    }

    private static void createLike(String bootstrapServers, String model, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicDescription shape = admin.describeTopics(List.of(model)).allTopicNames().get().get(model);
            short replication = (short) shape.partitions().get(0).replicas().size();
            admin.createTopics(List.of(new NewTopic(topic, shape.partitions().size(), replication))).all().get();
        }
    }

    private static void deleteTopic(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }
}
