package io.supplyline.deploy.generator;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** What the service answered, counted across all workers. */
final class Tally {

    private final Map<String, LongAdder> accepted = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> serverErrors = new ConcurrentHashMap<>();
    /** Each accepted write as {@code aggregateId@version}, when asked to keep them. */
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private volatile boolean keepAcknowledged;

    void record(String command, Answer answer) {
        if (answer.accepted()) {
            count(accepted, command);
            if (keepAcknowledged && answer.id() != null && answer.version() >= 0) {
                acknowledged.add(answer.id() + "@" + answer.version());
            }
        } else if (answer.status() >= 500 || answer.status() < 0) {
            count(serverErrors, command + " -> " + answer.status() + " " + answer.code());
        } else {
            count(rejected, answer.status() + " " + answer.code());
        }
    }

    private static void count(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    Map<String, Long> acceptedByCommand() {
        return snapshot(accepted);
    }

    Map<String, Long> rejectedByCode() {
        return snapshot(rejected);
    }

    void keepAcknowledged() {
        keepAcknowledged = true;
    }

    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** 5xx answers and requests that got no answer at all (status -1). */
    Map<String, Long> serverErrors() {
        return snapshot(serverErrors);
    }
}
