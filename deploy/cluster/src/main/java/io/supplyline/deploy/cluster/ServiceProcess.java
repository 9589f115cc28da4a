package io.supplyline.deploy.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged service as its own JVM, as `deploy/run-local.sh` starts it; ready when its readiness check is. */
public final class ServiceProcess extends ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> properties;
    private List<String> extraProperties = List.of();

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
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-Dquarkus.http.port=" + port));
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
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
