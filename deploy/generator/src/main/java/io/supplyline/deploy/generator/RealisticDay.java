package io.supplyline.deploy.generator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A plausible day of a small distribution business, driven through the command API: it registers
 * suppliers, warehouses and products and counts the opening stock ({@link Opening}); then workers send a
 * seeded mix ({@link CommandMix}) of purchase orders and partial receipts, customer orders (some too large
 * for the stock, which are backordered), shipments with checkpoints, delays, deliveries and a few
 * exceptions, stock adjustments and the odd cancellation, suspension or discontinuation, at the
 * configured rate ({@link Pacing}). Refusals are part of a real day and are counted by code; a 5xx
 * answer is a defect and fails the run ({@link DayReport}).
 */
public final class RealisticDay {

    private final DayOptions options;
    private final Tally tally = new Tally();
    private final CommandApi api;
    /** Null when every command goes over HTTP. */
    private final InboundFeeds feeds;
    private final Pacing pacing;
    private final Opening opening;
    private final CommandMix mix;

    public RealisticDay(DayOptions options) {
        this(options, RequestTimer.NONE);
    }

    public RealisticDay(DayOptions options, RequestTimer timer) {
        this.options = options;
        this.api = new CommandApi(options, tally, timer);
        this.feeds = options.via() == DayOptions.Via.KAFKA ? new InboundFeeds(options.kafka()) : null;
        String run = ("D" + Long.toString(System.currentTimeMillis() % 60_466_176L, 36) + "-"
                + Long.toString(options.seed() & 0xFFFF, 36)).toUpperCase();
        this.pacing = new Pacing(options, api);
        DayContext day = new DayContext(api, new World(), feeds, pacing, run);
        this.opening = new Opening(day);
        this.mix = new CommandMix(day);
    }

    public static void main(String[] args) throws Exception {
        DayOptions options;
        try {
            options = DayOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + DayOptions.USAGE);
            System.exit(2);
            return;
        }
        RealisticDay day = new RealisticDay(options);
        DayReport report;
        try (Progress progress = Progress.every(Duration.ofSeconds(5), options.commands(),
                () -> day.report(Duration.ZERO, -1).commands())) {
            report = day.run();
        }
        System.out.print(report.summary());
        System.exit(report.serverErrors().isEmpty() ? 0 : 1);
    }

    public DayReport run() throws Exception {
        boolean counting = !options.kafka().isBlank();
        long topicBefore = counting ? TopicSize.of(options.kafka()) : -1;
        long started = System.nanoTime();
        try {
            open();
            drive();
        } finally {
            close();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long events = counting
                ? TopicSize.settled(options.kafka(), Duration.ofSeconds(3), Duration.ofMinutes(2)) - topicBefore : -1;
        return report(took, events);
    }

    /** The opening: master data and the stock counted before the day starts. */
    public void open() {
        opening.open(new Random(options.seed()));
    }

    /** The day's commands after the opening, by the configured workers at the configured rate. */
    public void drive() throws Exception {
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(options.workers());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < options.workers(); w++) {
                Random random = new Random(options.seed() * 31 + w);
                running.add(workers.submit(() -> work(random, started)));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
            if (feeds != null) {
                feeds.flush();
            }
        }
    }

    private void work(Random random, long started) {
        while (pacing.awaitTurn(started)) {
            mix.sendOne(random);
        }
    }

    /** Stops sending new commands {@code after} from now, done or not (a benchmark phase's time limit). */
    public RealisticDay stopAfter(Duration after) {
        pacing.stopAfter(after);
        return this;
    }

    /**
     * Spreads the commands over several instances of the command API, as a load balancer would, and
     * keeps every accepted write ({@code aggregateId@version}) for {@link #acknowledged()}.
     */
    public RealisticDay spreadOver(List<URI> commandApis) {
        api.spreadOver(commandApis);
        tally.keepAcknowledged();
        if (feeds != null) {
            feeds.keepAcknowledged();
        }
        return this;
    }

    /** The writes the service said it did, as {@code aggregateId@version}: each must be in the event store. */
    public List<String> acknowledged() {
        return tally.acknowledged();
    }

    /** Lets go of the connection to the inbound feeds' brokers, if any; the day can still report. */
    public void close() {
        if (feeds != null) {
            feeds.close();
        }
    }

    /** The records the broker acknowledged on the inbound feeds, as {@code feed/recordId}: each must have an outcome. */
    public List<String> published() {
        return feeds == null ? List.of() : feeds.acknowledged();
    }

    /** What was answered so far. */
    public DayReport report(Duration took, long events) {
        return DayReport.of(tally, feeds, took, events);
    }
}
