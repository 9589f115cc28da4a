package io.supplyline.deploy.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One packaged service as its own JVM, as `deploy/run-local.sh` starts it; ready when its readiness check is. Health
 * and metrics are on the service's management port: each start lets the service bind any free one (several
 * instances share this machine, and a port picked here could be taken before the service binds it) and reads it
 * from the service's start-up line.
 */
public final class ServiceProcess extends ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Quarkus' start-up line: "... Listening on: http://0.0.0.0:8080. Management interface listening on http://0.0.0.0:41033." */
    private static final Pattern MANAGEMENT_PORT = Pattern.compile("Management interface listening on https?://[^\\s]+:(\\d+)");

    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> properties;
    private List<String> extraProperties = List.of();
    /** The management port of the current run, once its start-up line said it; -1 before. */
    private volatile int managementPort = -1;

    /** @param properties system properties, each {@code name=value} */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> properties,
                          Path logDirectory) {
        super(name, logDirectory);
        this.jar = jar;
        this.port = port;
        this.environment = environment;
        this.properties = properties;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Where health ({@code /q/health}) and metrics ({@code /q/metrics}) are, once the service is ready. */
    public String managementUrl() {
        if (managementPort < 0) {
            throw new IllegalStateException(name() + " has not said its management port yet");
        }
        return "http://localhost:" + managementPort;
    }

    /** Starts the JVM, with these system properties on top of its own, and waits until it is ready. */
    public void start(String... extraProperties) {
        this.extraProperties = List.of(extraProperties);
        start(READY_TIMEOUT);
    }

    public void awaitReady() {
        awaitReady(READY_TIMEOUT);
    }

    @Override
    protected List<String> command() {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=0"));
        properties.forEach(property -> command.add("-D" + property));
        extraProperties.forEach(property -> command.add("-D" + property));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    @Override
    protected Map<String, String> environment() {
        return environment;
    }

    @Override
    protected boolean ready(long logOffsetAtStart) throws IOException {
        OptionalInt management = managementPortLogged(logOffsetAtStart);
        managementPort = management.orElse(-1);
        if (management.isEmpty()) {
            return false;
        }
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The management port this run's start-up line names, in the log after where this run began. */
    private OptionalInt managementPortLogged(long from) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(logFile().toFile(), "r")) {
            byte[] run = new byte[(int) Math.max(0, log.length() - from)];
            log.seek(from);
            log.readFully(run);
            Matcher line = MANAGEMENT_PORT.matcher(new String(run, StandardCharsets.UTF_8));
            return line.find() ? OptionalInt.of(Integer.parseInt(line.group(1))) : OptionalInt.empty();
        }
    }
}
