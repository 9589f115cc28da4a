package io.supplyline.deploy.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.supplyline.events.KeyedIds;

/**
 * The inbound feeds under load: a burst of one-line orders published at once to supplychain.inbound.orders
 * (as a shop's backlog would arrive after an outage), handled by the command side's orders feed; ten times
 * a second meanwhile, one more order whose time from publish (acknowledged by the broker) until the query
 * side's order board shows it is the inbound → read-model lag.
 */
final class InboundBurst {

    private static final String TOPIC = "supplychain.inbound.orders";
    private static final int SKUS = 20;

    record Result(long records, double seconds, double recordsPerSecond, Percentiles lag, long lagTimeouts) {
    }

    private InboundBurst() {
    }

    static Result run(BenchSettings settings, CommandBacklog metrics, String runId, int records) throws Exception {
        Http commands = new Http(settings.commandApi(), "operator", "operator");
        Http queries = new Http(settings.queryApi(), "analyst", "analyst");
        String warehouse = "INB-" + runId;
        List<String> skus = StockedItems.register(commands, warehouse, SKUS);
        Histogram lagMicros = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
        long timeouts = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new StringSerializer())) {
            long before = metrics.feedRecordsHandled("orders");
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                String recordId = warehouse + "-" + i;
                producer.send(new ProducerRecord<>(TOPIC, recordId, order(recordId, warehouse, skus.get(i % SKUS))));
            }
            producer.flush();
            int probes = 0;
            while (metrics.feedRecordsHandled("orders") - before < records + probes) {
                String recordId = warehouse + "-probe-" + probes++;
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, recordId, order(recordId, warehouse, skus.get(0)))).get();
                String order = "order:" + KeyedIds.newAggregateId("feed:orders", recordId);
                if (queries.get("/orders/" + order + "?minVersion=0").ok()) {
                    lagMicros.recordValue(Math.max(1, Math.min(lagMicros.getHighestTrackableValue(),
                            (System.nanoTime() - sent) / 1_000)));
                } else {
                    timeouts++;
                }
                Thread.sleep(Math.max(0, 100 - (System.nanoTime() - sent) / 1_000_000));
                if (System.nanoTime() - started > settings.phaseLimit().toNanos()) {
                    throw new IllegalStateException("The orders feed did not handle " + records + " records within "
                            + settings.phaseLimit());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long handled = records + probes;
            return new Result(handled, Math.round(seconds * 10) / 10.0, Math.round(handled / seconds),
                    Percentiles.of(lagMicros), timeouts);
        }
    }

    private static String order(String recordId, String warehouse, String sku) {
        return """
                {"recordId":"%s","customer":"Bench shop","warehouse":"%s","requestedDeliveryDate":"2030-01-31",\
                "lines":[{"sku":"%s","quantity":1}]}""".formatted(recordId, warehouse, sku);
    }
}
