package io.supplyline.deploy.generator;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.supplyline.events.KeyedIds;

/**
 * A plausible day of a small distribution business, driven through the command API: it registers
 * suppliers, warehouses and products and counts the opening stock; then workers send a seeded mix of
 * purchase orders and partial receipts, customer orders (some too large for the stock, which are
 * backordered), shipments with checkpoints, delays, deliveries and a few exceptions, stock
 * adjustments and the odd cancellation, suspension or discontinuation. Refusals are part of a real
 * day and are counted by code; a 5xx answer is a defect and fails the run.
 */
public final class RealisticDay {

    /** What a day did. {@code eventsProduced} is -1 when the topic was not counted. */
    public record Report(long commands, Duration took, Map<String, Long> acceptedByCommand,
                         Map<String, Long> rejectedByCode, Map<String, Long> serverErrors, long eventsProduced,
                         Map<String, Long> publishedByFeed, Map<String, Long> unpublishedByFeed) {

        public long accepted() {
            return acceptedByCommand.values().stream().mapToLong(Long::longValue).sum();
        }

        public long rejected() {
            return rejectedByCode.values().stream().mapToLong(Long::longValue).sum();
        }

        public String summary() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("Realistic day: %d commands in %.1f s (%.0f/s)%n", commands, took.toMillis() / 1000.0,
                    commands / Math.max(0.001, took.toMillis() / 1000.0)));
            text.append(String.format("  accepted  %6d%n", accepted()));
            acceptedByCommand.forEach((command, count) -> text.append(String.format("    %-28s %6d%n", command, count)));
            text.append(String.format("  rejected  %6d%n", rejected()));
            rejectedByCode.forEach((code, count) -> text.append(String.format("    %-28s %6d%n", code, count)));
            text.append(String.format("  5xx or no answer %6d%n", serverErrors.values().stream().mapToLong(Long::longValue).sum()));
            serverErrors.forEach((what, count) -> text.append(String.format("    %-40s %6d%n", what, count)));
            if (!publishedByFeed.isEmpty() || !unpublishedByFeed.isEmpty()) {
                text.append(String.format("  published to inbound feeds %6d (their outcome is the feeds' to tell)%n",
                        publishedByFeed.values().stream().mapToLong(Long::longValue).sum()));
                publishedByFeed.forEach((feed, count) -> text.append(String.format("    %-28s %6d%n", feed, count)));
                unpublishedByFeed.forEach((feed, count) -> text.append(String.format("    %-28s %6d not acknowledged%n", feed, count)));
            }
            text.append(eventsProduced < 0 ? "  events produced: not counted (no --kafka)\n"
                    : String.format("  events produced %6d (records added to supplychain.events)%n", eventsProduced));
            return text.toString();
        }
    }

    private static final String[] PRODUCTS = {"BOLT-M8", "NUT-M8", "WASHER-8", "SCREW-4X40", "DOWEL-8", "ANCHOR-10",
        "HINGE-80", "BRACKET-L", "PALLET-EUR", "STRAP-25", "TAPE-50", "GLUE-PVA", "SEALANT-W", "CABLE-3X1",
        "PLUG-EU", "SWITCH-1G", "LAMP-E27", "PIPE-22", "ELBOW-22", "VALVE-22", "FILTER-A", "GLOVE-L", "MASK-FFP2",
        "HELMET-W", "BOOT-43", "PAINT-W10", "BRUSH-50", "ROLLER-25", "SANDPAPER-120", "LADDER-3"};
    private static final String[][] WAREHOUSES = {{"BER", "Berlin", "DE"}, {"HAM", "Hamburg", "DE"}, {"MUC", "Munich", "DE"}};
    private static final String[] CARRIERS = {"DHL", "DPD", "UPS", "GLS", "Hermes"};
    private static final String[] HUBS = {"Leipzig hub", "Hannover hub", "Kassel hub", "Nuremberg hub", "Cologne hub"};
    private static final int SUPPLIERS = 6;

    private final DayOptions options;
    private final Tally tally = new Tally();
    private final CommandApi api;
    private final World world = new World();
    /** Null when every command goes over HTTP. */
    private final InboundFeeds feeds;
    private final AtomicLong records = new AtomicLong();
    /** Business keys unique to this run, so days can follow each other on one event store. */
    private final String run;
    private final Instant dayStart;
    private final AtomicInteger sent = new AtomicInteger();
    /** Workers send nothing new after this {@code System.nanoTime()}; by default they never stop early. */
    private volatile long stopAt = Long.MAX_VALUE;
    private final List<Map.Entry<Integer, Predicate<Random>>> mix = new ArrayList<>();
    private int totalWeight;

    public RealisticDay(DayOptions options) {
        this(options, RequestTimer.NONE);
    }

    public RealisticDay(DayOptions options, RequestTimer timer) {
        this.options = options;
        this.api = new CommandApi(options, tally, timer);
        this.feeds = options.via() == DayOptions.Via.KAFKA ? new InboundFeeds(options.kafka()) : null;
        this.run = ("D" + Long.toString(System.currentTimeMillis() % 60_466_176L, 36) + "-"
                + Long.toString(options.seed() & 0xFFFF, 36)).toUpperCase();
        this.dayStart = LocalDate.now(ZoneOffset.UTC).atTime(6, 0).toInstant(ZoneOffset.UTC);
        weigh(22, this::placeOrder);
        weigh(12, this::createShipment);
        weigh(10, this::dispatch);
        weigh(10, this::checkpoint);
        weigh(3, this::delay);
        weigh(9, this::deliver);
        weigh(1, this::shipmentException);
        weigh(6, this::placePurchaseOrder);
        weigh(9, this::receiveGoods);
        weigh(1, this::cancelPurchaseOrder);
        weigh(5, this::adjustStock);
        weigh(2, this::cancelOrder);
        weigh(1, this::changeReorderPolicy);
        weigh(1, this::changeMasterData);
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
        Report report;
        try (Progress progress = Progress.every(Duration.ofSeconds(5), options.commands(),
                () -> day.report(Duration.ZERO, -1).commands())) {
            report = day.run();
        }
        System.out.print(report.summary());
        System.exit(report.serverErrors().isEmpty() ? 0 : 1);
    }

    public Report run() throws Exception {
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
        openTheDay(new Random(options.seed()));
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

    /** Stops sending new commands {@code after} from now, done or not (a benchmark phase's time limit). */
    public RealisticDay stopAfter(Duration after) {
        stopAt = System.nanoTime() + after.toNanos();
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
    public Report report(Duration took, long events) {
        long commands = tally.acceptedByCommand().values().stream().mapToLong(Long::longValue).sum()
                + tally.rejectedByCode().values().stream().mapToLong(Long::longValue).sum()
                + tally.serverErrors().values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> published = feeds == null ? Map.of() : feeds.publishedByFeed();
        return new Report(commands + published.values().stream().mapToLong(Long::longValue).sum(), took,
                tally.acceptedByCommand(), tally.rejectedByCode(), tally.serverErrors(), events, published,
                feeds == null ? Map.of() : feeds.failedByFeed());
    }

    private void weigh(int weight, Predicate<Random> command) {
        mix.add(Map.entry(weight, command));
        totalWeight += weight;
    }

    private void work(Random random, long started) {
        int index;
        while ((index = sent.getAndIncrement()) < options.commands() && System.nanoTime() - stopAt < 0) {
            if (options.rate() > 0) {
                long due = started + (long) (index * 1e9 / options.rate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(wait / 1_000_000);
                }
                api.due(due);
            }
            // Draw until a command applies: nothing to dispatch before a shipment exists, for example.
            while (!pick(random).test(random)) {
                Thread.onSpinWait();
            }
        }
    }

    private Predicate<Random> pick(Random random) {
        int pick = random.nextInt(totalWeight);
        for (Map.Entry<Integer, Predicate<Random>> command : mix) {
            pick -= command.getKey();
            if (pick < 0) {
                return command.getValue();
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    /** The simulated time of day: the commands spread over 24 hours from 06:00. */
    private Instant now() {
        long index = Math.min(sent.get(), Math.max(1, options.commands()));
        return dayStart.plus(Duration.ofDays(1).multipliedBy(index).dividedBy(Math.max(1, options.commands())))
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    // --- the opening: master data and the stock counted before the day starts

    private void openTheDay(Random random) {
        for (String[] warehouse : WAREHOUSES) {
            String code = run + "-" + warehouse[0];
            if (api.post("RegisterWarehouse", "/warehouses", Map.of("code", code, "name", warehouse[1] + " DC",
                    "city", warehouse[1], "country", warehouse[2])).accepted()) {
                world.warehouses.add(code);
            }
        }
        for (int s = 1; s <= SUPPLIERS; s++) {
            String code = run + "-SUP" + s;
            if (api.post("RegisterSupplier", "/suppliers", Map.of("code", code, "name", "Supplier " + s + " GmbH",
                    "leadTimeDays", 2 + random.nextInt(9))).accepted()) {
                world.suppliers.add(code);
            }
        }
        for (String product : PRODUCTS) {
            String sku = run + "-" + product;
            if (api.post("RegisterProduct", "/products", Map.of("sku", sku, "name", product, "unitOfMeasure", "EA",
                    "reorderPoint", 20 + random.nextInt(60), "reorderQuantity", 100 + random.nextInt(300))).accepted()) {
                world.skus.add(sku);
            }
        }
        for (String warehouse : world.warehouses) {
            for (String sku : world.skus) {
                if (random.nextInt(10) < 8) {
                    receive(warehouse, sku, 40 + random.nextInt(260), "opening count");
                }
            }
        }
    }

    private void receive(String warehouse, String sku, int quantity, String reference) {
        if (api.post("ReceiveStock", "/stock/" + warehouse + "/" + sku + "/receipts",
                Map.of("quantity", quantity, "reference", reference)).accepted()) {
            world.stocked(warehouse, sku);
        }
    }

    // --- customer orders and their shipments

    private boolean placeOrder(Random random) {
        String warehouse = world.any(world.warehouses, random);
        boolean bulk = random.nextInt(10) == 0;
        List<Map<String, Object>> lines = world.distinctSkus(random, 1 + random.nextInt(3), false).stream()
                .map(sku -> Map.<String, Object>of("sku", sku,
                        "quantity", bulk ? 150 + random.nextInt(300) : 1 + random.nextInt(10)))
                .toList();
        Map<String, Object> order = Map.of("customer", "Customer " + (1 + random.nextInt(200)),
                "warehouse", warehouse, "requestedDeliveryDate", today().plusDays(2 + random.nextInt(5)), "lines", lines);
        if (feeds != null && random.nextBoolean()) {
            String recordId = recordId();
            feeds.publish(InboundFeeds.ORDERS, recordId, recordId, order);
            world.placed(new World.Order(KeyedIds.newAggregateId("feed:" + InboundFeeds.ORDERS, recordId).toString(), 0));
            return true;
        }
        Answer answer = api.post("PlaceOrder", "/orders", order);
        if (answer.accepted()) {
            world.placed(new World.Order(answer.uuid(), 0));
        }
        return true;
    }

    private boolean createShipment(Random random) {
        Optional<World.Order> next = world.nextOrderToShip();
        next.ifPresent(order -> {
            LocalDate promised = today().plusDays(1 + random.nextInt(4));
            String carrier = CARRIERS[random.nextInt(CARRIERS.length)];
            String trackingNumber = "TRK" + (100_000_000 + random.nextInt(900_000_000));
            Answer answer = api.post("CreateShipment", "/shipments", Map.of("orderId", order.uuid(),
                    "carrier", carrier, "trackingNumber", trackingNumber, "promisedDeliveryDate", promised));
            if (answer.accepted()) {
                world.shipmentCreated(new World.Shipment(answer.uuid(), carrier, trackingNumber, promised, null));
            } else if ("ORDER_NOT_ALLOCATED".equals(answer.code()) || "UNKNOWN_ORDER".equals(answer.code())) {
                // Not allocated yet, or (sent through the orders feed) not placed yet.
                world.notYetShippable(order);
            }
        });
        return next.isPresent();
    }

    private boolean dispatch(Random random) {
        Optional<World.Shipment> next = world.takeCreatedShipment(random);
        next.ifPresent(shipment -> {
            Instant at = now();
            if (tracking(shipment, "PICKED_UP", Map.of("at", at))
                    || api.post("DispatchShipment", "/shipments/" + shipment.uuid() + "/dispatch", Map.of("at", at)).accepted()) {
                world.onTheWay(shipment.dispatched(at));
            }
        });
        return next.isPresent();
    }

    private boolean checkpoint(Random random) {
        Optional<World.Shipment> next = world.anyShipmentOnTheWay(random);
        next.ifPresent(shipment -> {
            Map<String, Object> checkpoint = Map.of("location", HUBS[random.nextInt(HUBS.length)], "at", now(), "note", "scanned");
            if (!tracking(shipment, "CHECKPOINT", checkpoint)) {
                api.post("RecordCheckpoint", "/shipments/" + shipment.uuid() + "/checkpoints", checkpoint);
            }
        });
        return next.isPresent();
    }

    private boolean delay(Random random) {
        Optional<World.Shipment> next = world.anyShipmentOnTheWay(random);
        next.ifPresent(shipment -> {
            LocalDate newEta = shipment.eta().plusDays(1 + random.nextInt(3));
            Map<String, Object> delay = Map.of("newEta", newEta, "reason", random.nextBoolean() ? "weather" : "hub congestion");
            if (tracking(shipment, "DELAYED", delay)
                    || api.post("ReportDelay", "/shipments/" + shipment.uuid() + "/delays", delay).accepted()) {
                world.delayed(shipment, newEta);
            }
        });
        return next.isPresent();
    }

    private boolean deliver(Random random) {
        Optional<World.Shipment> next = world.takeShipmentOnTheWay(random);
        next.ifPresent(shipment -> {
            Instant at = now().isAfter(shipment.dispatchedAt()) ? now() : shipment.dispatchedAt();
            Map<String, Object> delivery = Map.of("at", at, "receivedBy", "Goods-in " + (1 + random.nextInt(40)));
            if (!tracking(shipment, "DELIVERED", delivery)) {
                api.post("ConfirmDelivery", "/shipments/" + shipment.uuid() + "/delivery", delivery);
            }
        });
        return next.isPresent();
    }

    private boolean shipmentException(Random random) {
        String[] types = {"DAMAGED", "ADDRESS_PROBLEM", "CUSTOMS_HOLD", "REFUSED"};
        Optional<World.Shipment> next = world.anyShipmentOnTheWay(random);
        next.ifPresent(shipment -> {
            String type = types[random.nextInt(types.length)];
            if (!tracking(shipment, "EXCEPTION", Map.of("exceptionType", type, "note", "reported by carrier"))) {
                api.post("ReportShipmentException", "/shipments/" + shipment.uuid() + "/exceptions",
                        Map.of("type", type, "note", "reported by carrier"));
            }
        });
        return next.isPresent();
    }

    private boolean cancelOrder(Random random) {
        Optional<String> next = world.anyCancellableOrder(random);
        next.ifPresent(uuid -> {
            if (api.post("CancelOrder", "/orders/" + uuid + "/cancellation", Map.of("reason", "customer request"))
                    .accepted()) {
                world.orderCancelled(uuid);
            }
        });
        return next.isPresent();
    }

    // --- purchasing

    private boolean placePurchaseOrder(Random random) {
        String supplier = world.any(world.suppliers, random);
        String warehouse = world.any(world.warehouses, random);
        Map<String, Integer> lines = new LinkedHashMap<>();
        world.distinctSkus(random, 1 + random.nextInt(5), random.nextInt(20) != 0)
                .forEach(sku -> lines.put(sku, 50 + random.nextInt(250)));
        if (lines.isEmpty()) {
            return false;
        }
        List<Map<String, Object>> body = lines.entrySet().stream()
                .map(line -> Map.<String, Object>of("sku", line.getKey(), "quantity", line.getValue(),
                        "unitPrice", Map.of("amount", BigDecimal.valueOf(50 + random.nextInt(5000), 2), "currency", "EUR")))
                .toList();
        Answer answer = api.post("PlacePurchaseOrder", "/purchase-orders", Map.of("supplier", supplier,
                "warehouse", warehouse, "expectedDeliveryDate", today().plusDays(2 + random.nextInt(8)), "lines", body));
        if (answer.accepted()) {
            world.placed(new World.PurchaseOrder(answer.uuid(), warehouse, List.copyOf(lines.keySet()), new HashMap<>(lines)));
        }
        return true;
    }

    /** Mostly part of what is still open; now and then more than was ordered, which is refused. */
    private boolean receiveGoods(Random random) {
        Optional<World.PurchaseOrder> next = world.anyOpenPurchaseOrder(random);
        if (next.isEmpty()) {
            return false;
        }
        World.PurchaseOrder order = next.get();
        Map<String, Integer> received = new LinkedHashMap<>();
        synchronized (world) {
            order.open().forEach((sku, left) -> {
                if (random.nextInt(3) > 0) {
                    received.put(sku, random.nextInt(25) == 0 ? left + 10 : Math.max(1, left * (50 + random.nextInt(51)) / 100));
                }
            });
        }
        if (received.isEmpty()) {
            return false;
        }
        if (feeds != null) {
            scanIn(order, received);
            return true;
        }
        List<Map<String, Object>> lines = received.entrySet().stream()
                .map(line -> Map.<String, Object>of("sku", line.getKey(), "quantity", line.getValue()))
                .toList();
        if (api.post("ReceiveGoods", "/purchase-orders/" + order.uuid() + "/receipts", Map.of("lines", lines)).accepted()) {
            world.received(order, received);
        }
        return true;
    }

    private boolean cancelPurchaseOrder(Random random) {
        Optional<World.PurchaseOrder> next = world.anyOpenPurchaseOrder(random);
        next.ifPresent(order -> {
            if (api.post("CancelPurchaseOrder", "/purchase-orders/" + order.uuid() + "/cancellation",
                    Map.of("reason", "supplier cannot deliver")).accepted()) {
                world.closed(order);
            }
        });
        return next.isPresent();
    }

    // --- stock and master data

    private boolean adjustStock(Random random) {
        Optional<String[]> next = world.anyStockedItem(random);
        next.ifPresent(item -> {
            int kind = random.nextInt(10);
            String reason = kind < 5 ? "CYCLE_COUNT" : kind < 8 ? "DAMAGE" : kind < 9 ? "LOSS" : "FOUND";
            int size = 1 + random.nextInt(3);
            int delta = switch (reason) {
                case "CYCLE_COUNT" -> random.nextBoolean() ? size : -size;
                case "FOUND" -> size;
                default -> -size;
            };
            String note = "shift " + (1 + random.nextInt(3));
            if (feeds != null && "DAMAGE".equals(reason)) {
                feeds.publish(InboundFeeds.SCANS, item[0] + ":" + item[1], recordId(), Map.of("type", "DAMAGED",
                        "warehouse", item[0], "sku", item[1], "quantity", -delta, "note", note, "scanner", "HH-" + (1 + random.nextInt(20))));
            } else {
                api.post("AdjustStock", "/stock/" + item[0] + "/" + item[1] + "/adjustments",
                        Map.of("delta", delta, "reason", reason, "note", note));
            }
        });
        return next.isPresent();
    }

    private boolean changeReorderPolicy(Random random) {
        String sku = world.any(world.skus, random);
        api.post("ChangeReorderPolicy", "/products/" + sku + "/reorder-policy",
                Map.of("reorderPoint", 20 + random.nextInt(80), "reorderQuantity", 100 + random.nextInt(400)));
        return true;
    }

    /**
     * Master data moves a little: a product is replaced by a successor (a quarter of the time), a
     * suspended supplier is reinstated, or now and then an active one suspended (so most stay active).
     */
    private boolean changeMasterData(Random random) {
        if (random.nextInt(4) == 0) {
            return replaceProduct(random);
        }
        String supplier = world.any(world.suppliers, random);
        if (world.isSuspended(supplier)) {
            if (api.post("ReinstateSupplier", "/suppliers/" + supplier + "/reinstatement", Map.of()).accepted()) {
                world.suspended(supplier, false);
            }
            return true;
        }
        if (random.nextInt(3) > 0) {
            return false;
        }
        if (api.post("SuspendSupplier", "/suppliers/" + supplier + "/suspension",
                Map.of("reason", "quality audit")).accepted()) {
            world.suspended(supplier, true);
        }
        return true;
    }

    /** A product is discontinued and a successor registered, so the range stays the same size. */
    private boolean replaceProduct(Random random) {
        List<String> active = world.distinctSkus(random, 1, true);
        if (active.isEmpty()) {
            return false;
        }
        String sku = active.get(0);
        if (!api.post("DiscontinueProduct", "/products/" + sku + "/discontinuation",
                Map.of("reason", "replaced by a successor")).accepted()) {
            return true;
        }
        world.discontinued(sku);
        String successor = sku.replaceFirst("(-N\\d+)?$", "") + "-N" + sent.get();
        if (api.post("RegisterProduct", "/products", Map.of("sku", successor, "name", "Successor of " + sku,
                "unitOfMeasure", "EA", "reorderPoint", 20 + random.nextInt(60),
                "reorderQuantity", 100 + random.nextInt(300))).accepted()) {
            world.registered(successor);
        }
        return true;
    }

    // --- the inbound feeds: what carriers, scanners and shops publish

    private String recordId() {
        return run + "-" + records.incrementAndGet();
    }

    /** Sends a carrier's tracking event when the day goes through Kafka; false when it goes over HTTP. */
    private boolean tracking(World.Shipment shipment, String status, Map<String, Object> details) {
        if (feeds == null) {
            return false;
        }
        Map<String, Object> event = new LinkedHashMap<>(details);
        event.put("trackingNumber", shipment.trackingNumber());
        event.put("carrier", shipment.carrier());
        event.put("status", status);
        feeds.publish(InboundFeeds.TRACKING, shipment.trackingNumber(), recordId(), event);
        return true;
    }

    /**
     * Each line scanned in on its own, keyed by the item. The line over what is open is refused by the
     * purchase order (and lands on the rejected topic); the world counts the rest as received.
     */
    private void scanIn(World.PurchaseOrder order, Map<String, Integer> received) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        synchronized (world) {
            received.forEach((sku, quantity) -> {
                if (quantity <= order.open().getOrDefault(sku, 0)) {
                    expected.put(sku, quantity);
                }
            });
        }
        received.forEach((sku, quantity) -> feeds.publish(InboundFeeds.SCANS, order.warehouse() + ":" + sku, recordId(),
                Map.of("type", "RECEIVED", "purchaseOrderId", order.uuid(), "sku", sku, "quantity", quantity, "scanner", "DOCK-1")));
        world.received(order, expected);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
