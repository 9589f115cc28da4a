package io.supplyline.deploy.generator;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How big and how fast a day is.
 *
 * @param commands  commands to send after the opening setup (registrations and first stock)
 * @param workers   concurrent HTTP clients
 * @param rate      commands per second across all workers; 0 sends as fast as the service answers
 * @param seed      the same seed gives the same day (up to the interleaving of workers)
 * @param kafka     bootstrap servers, to count the events the day produced; blank to skip counting
 * @param via       {@code KAFKA}: carrier tracking, warehouse scans and half the orders go through the inbound
 *                  topics at {@code kafka}, the rest over HTTP
 */
public record DayOptions(URI commandApi, String user, String password, int commands, int workers, double rate,
                         long seed, String kafka, Via via) {

    public enum Via { HTTP, KAFKA }

    static final String USAGE = """
            usage: generate-day.sh [--url http://localhost:8080] [--user operator] [--password operator]
                                   [--commands 2000] [--workers 4] [--rate 0] [--seed 42]
                                   [--kafka localhost:9092 | --kafka ""] [--via http|kafka]
              --commands  commands after the opening setup     --workers  concurrent clients
              --rate      commands per second (0: as fast as answered)
              --seed      the same seed gives the same day       --kafka    where to count produced events
              --via kafka carrier tracking, warehouse scans and half the orders through the inbound topics""";

    public static DayOptions defaults() {
        return new DayOptions(URI.create("http://localhost:8080"), "operator", "operator", 2000, 4, 0, 42,
                "localhost:9092", Via.HTTP);
    }

    static DayOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --option value pairs, got " + args[i]);
            }
            given.put(args[i].substring(2), args[++i]);
        }
        DayOptions d = defaults();
        DayOptions options = new DayOptions(
                URI.create(given.getOrDefault("url", d.commandApi().toString())),
                given.getOrDefault("user", d.user()),
                given.getOrDefault("password", d.password()),
                Integer.parseInt(given.getOrDefault("commands", String.valueOf(d.commands()))),
                Integer.parseInt(given.getOrDefault("workers", String.valueOf(d.workers()))),
                Double.parseDouble(given.getOrDefault("rate", String.valueOf(d.rate()))),
                Long.parseLong(given.getOrDefault("seed", String.valueOf(d.seed()))),
                given.getOrDefault("kafka", d.kafka()),
                Via.valueOf(given.getOrDefault("via", d.via().name()).toUpperCase(java.util.Locale.ROOT)));
        given.keySet().removeAll(Set.of("url", "user", "password", "commands", "workers", "rate", "seed", "kafka", "via"));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + given.keySet());
        }
        if (options.commands() < 0 || options.workers() < 1 || options.rate() < 0) {
            throw new IllegalArgumentException("commands >= 0, workers >= 1 and rate >= 0");
        }
        if (options.via() == Via.KAFKA && options.kafka().isBlank()) {
            throw new IllegalArgumentException("--via kafka needs --kafka");
        }
        return options;
    }

    public DayOptions withSize(int commands, int workers, double rate) {
        return new DayOptions(commandApi, user, password, commands, workers, rate, seed, kafka, via);
    }

    public DayOptions via(Via channel, String bootstrapServers) {
        return new DayOptions(commandApi, user, password, commands, workers, rate, seed, bootstrapServers, channel);
    }

    public DayOptions against(URI commandApi, String kafka) {
        return new DayOptions(commandApi, user, password, commands, workers, rate, seed, kafka, via);
    }
}
