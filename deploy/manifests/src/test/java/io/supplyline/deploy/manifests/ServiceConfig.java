package io.supplyline.deploy.manifests;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a service reads in production, from its application.properties as it is now: the default profile plus
 * {@code %prod.} lines. A property value may name environment variables as {@code ${NAME}} (required) or
 * {@code ${NAME:default}}; lower-case names are references to other properties, not the environment.
 */
record ServiceConfig(String module, Map<String, String> production) {

    /** One {@code ${NAME}} or {@code ${NAME:default}}; nested: inside another reference's default. */
    record Reference(String name, String defaultValue, boolean nested) {
        boolean required() {
            return defaultValue == null && !nested;
        }
    }

    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Read by the image's start script (run-java.sh) or the JVM itself, not by application.properties. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_TOOL_OPTIONS");

    static ServiceConfig of(String module) {
        return parse(module, Repo.read(Repo.ROOT.resolve(module).resolve("src/main/resources/application.properties")));
    }

    static ServiceConfig parse(String module, String text) {
        Properties all = new Properties();
        try {
            all.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        Map<String, String> prod = new LinkedHashMap<>();
        for (String key : all.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                defaults.put(key, all.getProperty(key));
            } else {
                // %prod.key, also %prod,other.key: the profile list ends at the first dot
                int dot = key.indexOf('.');
                if (List.of(key.substring(1, dot).split(",")).contains("prod")) {
                    prod.put(key.substring(dot + 1), all.getProperty(key));
                }
            }
        }
        defaults.putAll(prod); // a %prod. line overrides the default-profile line
        return new ServiceConfig(module, defaults);
    }

    /** Every environment variable some production property names, with or without a default. */
    Set<String> variablesRead() {
        Set<String> names = new TreeSet<>();
        environmentReferences().forEach(r -> names.add(r.name()));
        return names;
    }

    /** The environment variables production cannot start without: named with no default. */
    Set<String> requiredVariables() {
        Set<String> names = new TreeSet<>();
        environmentReferences().stream().filter(Reference::required).forEach(r -> names.add(r.name()));
        return names;
    }

    /**
     * Whether a variable a container sets means something to this service: a variable its properties name, a
     * JVM variable, or a QUARKUS_* one (Quarkus maps those onto its configuration). Anything else is a typo or a
     * variable meant for the other service.
     */
    boolean accepts(String variable) {
        return variablesRead().contains(variable) || JVM_VARIABLES.contains(variable) || variable.startsWith("QUARKUS_");
    }

    /**
     * Read with a default that suits only a developer's machine (localhost, a plaintext Kafka without logins,
     * replication 1): the manifests must set these too, although the service would start without them.
     */
    static final Set<String> LOCAL_DEFAULTS = Set.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_CLIENT_PROPERTIES",
            "SUPPLYLINE_DB_USER", "SUPPLYLINE_TOPIC_REPLICATION", "SUPPLYLINE_TOPIC_MIN_ISR");

    /** What a production manifest must set: the required variables, plus those read with a local default. */
    Set<String> variablesProductionMustSet() {
        Set<String> names = new TreeSet<>(requiredVariables());
        variablesRead().stream()
                .filter(name -> LOCAL_DEFAULTS.contains(name) || name.endsWith("_DB_URL"))
                .forEach(names::add);
        return names;
    }

    /** {@code <quarkus.container-image.group>/<quarkus.container-image.name>}. */
    String imageName() {
        return production.get("quarkus.container-image.group") + "/" + production.get("quarkus.container-image.name");
    }

    /** The port the service listens on with this environment (Quarkus' default 8080 when not configured). */
    int httpPort(Map<String, String> environment) {
        return Integer.parseInt(resolve(production.getOrDefault("quarkus.http.port", "8080"), environment));
    }

    /** Whether health and metrics have a port of their own (quarkus.management.enabled, fixed at build time). */
    boolean managementEnabled() {
        return Boolean.parseBoolean(production.getOrDefault("quarkus.management.enabled", "false"));
    }

    /** The management port with this environment (Quarkus' default 9000 when not configured). */
    int managementPort(Map<String, String> environment) {
        return Integer.parseInt(resolve(production.getOrDefault("quarkus.management.port", "9000"), environment));
    }

    private List<Reference> environmentReferences() {
        List<Reference> references = new ArrayList<>();
        production.values().forEach(value -> references(value, false, references));
        return references.stream().filter(r -> ENV_NAME.matcher(r.name()).matches()).toList();
    }

    static List<Reference> references(String value) {
        List<Reference> references = new ArrayList<>();
        references(value, false, references);
        return references;
    }

    private static void references(String value, boolean nested, List<Reference> out) {
        int i = value.indexOf("${");
        while (i >= 0) {
            int nameEnd = i + 2;
            while (nameEnd < value.length() && value.charAt(nameEnd) != ':' && value.charAt(nameEnd) != '}') {
                nameEnd++;
            }
            String name = value.substring(i + 2, nameEnd);
            if (nameEnd < value.length() && value.charAt(nameEnd) == ':') {
                int end = closingBrace(value, nameEnd + 1);
                String defaultValue = value.substring(nameEnd + 1, end);
                out.add(new Reference(name, defaultValue, nested));
                references(defaultValue, true, out); // only read when the outer one is unset
                i = value.indexOf("${", end + 1);
            } else {
                out.add(new Reference(name, null, nested));
                i = value.indexOf("${", nameEnd + 1);
            }
        }
    }

    /** The value with each {@code ${NAME[:default]}} replaced by the variable, else its default. */
    static String resolve(String value, Map<String, String> environment) {
        StringBuilder resolved = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            if (!value.startsWith("${", i)) {
                resolved.append(value.charAt(i++));
                continue;
            }
            int end = closingBrace(value, i + 2);
            String inner = value.substring(i + 2, end);
            int colon = inner.indexOf(':');
            String name = colon < 0 ? inner : inner.substring(0, colon);
            if (environment.containsKey(name)) {
                resolved.append(environment.get(name));
            } else if (colon >= 0) {
                resolved.append(resolve(inner.substring(colon + 1), environment));
            } else {
                throw new IllegalArgumentException("${" + name + "} is not set and has no default");
            }
            i = end + 1;
        }
        return resolved.toString();
    }

    /** The index of the '}' closing the reference whose body starts at {@code from}, skipping nested ones. */
    private static int closingBrace(String value, int from) {
        int depth = 0;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                depth++;
                i++;
            } else if (value.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        throw new IllegalArgumentException("unclosed ${ in " + value);
    }
}
