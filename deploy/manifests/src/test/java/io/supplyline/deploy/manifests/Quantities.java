package io.supplyline.deploy.manifests;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory sizes as Kubernetes and Docker write them, in bytes. */
final class Quantities {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)([A-Za-z]*)");
    private static final Map<String, Long> KUBERNETES = Map.of(
            "", 1L, "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L,
            "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30);
    // Docker's units are binary whatever the case: 512m = 512M = 512MB = 512 MiB
    private static final Map<String, Long> DOCKER = Map.of("", 1L, "k", 1L << 10, "m", 1L << 20, "g", 1L << 30);

    private Quantities() {
    }

    static long kubernetesBytes(String quantity) {
        Matcher m = matched(quantity);
        return Long.parseLong(m.group(1)) * unit(KUBERNETES, m.group(2), quantity);
    }

    static long dockerBytes(String quantity) {
        Matcher m = matched(quantity);
        String unit = m.group(2).toLowerCase().replaceAll("(?<=[kmg])b$", "").replaceAll("^b$", "");
        return Long.parseLong(m.group(1)) * unit(DOCKER, unit, quantity);
    }

    private static Matcher matched(String quantity) {
        Matcher m = AMOUNT.matcher(quantity.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory size: " + quantity);
        }
        return m;
    }

    private static long unit(Map<String, Long> units, String unit, String quantity) {
        Long factor = units.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException("unknown unit in " + quantity);
        }
        return factor;
    }
}
