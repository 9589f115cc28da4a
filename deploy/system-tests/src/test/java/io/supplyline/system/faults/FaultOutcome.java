package io.supplyline.system.faults;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import io.supplyline.deploy.generator.DayReport;

/** One row of the fault table. */
record FaultOutcome(String fault, long sent, long accepted, long rejected, long unavailable, long serverErrors,
                    long noAnswer, long storedDuringFault, Ledger ledger, FeedBooks feeds, double serviceBackSeconds,
                    double reconciledSeconds, Map<String, Long> otherServerErrors) {

    static final String HEADER = String.format(
            "| %-40s | %6s | %8s | %8s | %5s | %9s | %9s | %13s | %4s | %12s | %7s | %8s | %12s | %9s | %12s | %9s | %10s |",
            "Fault", "Sent", "Accepted", "Rejected", "503", "Other 5xx", "No answer", "Stored during", "Lost",
            "Out of order", "Doubled", "Rows off", "Feed records", "Feed lost", "Feed doubled", "Works in", "Reconciled");

    static FaultOutcome of(String fault, DayReport load, long storedDuringFault, Ledger ledger, FeedBooks feeds,
                           double serviceBack, double reconciled) {
        return new FaultOutcome(fault, load.commands(), load.accepted(), load.rejected(),
                count(load.serverErrors(), status -> status == 503), count(load.serverErrors(), status -> status >= 500 && status != 503),
                count(load.serverErrors(), status -> status < 0), storedDuringFault, ledger, feeds, serviceBack, reconciled,
                Map.copyOf(load.serverErrors().entrySet().stream().filter(entry -> isOtherServerError(entry.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
    }

    /** A 5xx answer other than 503, by its "Command -> status CODE" key: which command and code, to find in the log. */
    private static boolean isOtherServerError(String answer) {
        int status = statusOf(answer);
        return status >= 500 && status != 503;
    }

    private static int statusOf(String answer) {
        return Integer.parseInt(answer.split(" -> ")[1].split(" ")[0]);
    }

    /** Answers counted by the generator as "Command -> status CODE" (status -1: no answer) whose status matches. */
    private static long count(Map<String, Long> serverErrors, IntPredicate status) {
        return serverErrors.entrySet().stream()
                .filter(entry -> status.test(statusOf(entry.getKey())))
                .mapToLong(Map.Entry::getValue).sum();
    }

    String row() {
        return String.format("| %-40s | %6d | %8d | %8d | %5d | %9d | %9d | %13d | %4d | %12d | %7d | %8d | %12d | %9d | %12d"
                        + " | %7.1f s | %8.1f s |",
                fault, sent, accepted, rejected, unavailable, serverErrors, noAnswer, storedDuringFault, ledger.lost(),
                ledger.outOfOrderOnTopic(), ledger.appliedTwice(), ledger.differingRows(), feeds.published(),
                feeds.withoutOutcome(), feeds.appliedTwice(), serviceBackSeconds, reconciledSeconds);
    }

    static String table(List<FaultOutcome> outcomes) {
        StringBuilder table = new StringBuilder(HEADER).append('\n')
                .append(HEADER.replaceAll("[^|]", "-")).append('\n');
        outcomes.forEach(outcome -> table.append(outcome.row()).append('\n'));
        return table.toString();
    }
}
