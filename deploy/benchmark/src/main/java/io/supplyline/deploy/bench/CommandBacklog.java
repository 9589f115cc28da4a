package io.supplyline.deploy.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Events the command side has stored but its relay and processes (goods into stock, order
 * fulfilment) have still to see, from its Prometheus metrics. A phase that starts while the
 * processes still work off the one before measures their catch-up, not its own load: orders wait to
 * be allocated, and the realistic day's shipments are refused.
 */
final class CommandBacklog {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI metrics;

    /** @param commandManagement the command side's management interface, where its metrics are */
    CommandBacklog(URI commandManagement) {
        this.metrics = commandManagement.resolve("/q/metrics");
    }

    /** The sum of the relay's and the processes' lag in events; -1 when the metrics cannot be read. */
    long events() throws InterruptedException {
        return sum(line -> line.startsWith("supplyline_relay_lag_events") || line.startsWith("supplyline_process_lag_events"));
    }

    /** Records the feed has finished with, accepted or rejected; -1 when the metrics cannot be read. */
    long feedRecordsHandled(String feed) throws InterruptedException {
        String ofFeed = "feed=\"" + feed + "\"";
        return sum(line -> (line.startsWith("supplyline_feed_records_accepted_total")
                || line.startsWith("supplyline_feed_records_rejected_total")) && line.contains(ofFeed));
    }

    private long sum(Predicate<String> lines) throws InterruptedException {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return -1;
            }
            return answer.body().lines().filter(lines)
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
