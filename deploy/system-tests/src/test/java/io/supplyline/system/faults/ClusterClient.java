package io.supplyline.system.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.supplyline.deploy.cluster.LocalCluster;
import io.supplyline.deploy.cluster.ServiceProcess;

/** The suite's own HTTP calls to whichever instances are up: the probe's write and read, and the audit. */
public final class ClusterClient {

    static final String PROBE_WAREHOUSE = "PROBE-WH";
    static final String PROBE_SKU = "PROBE-SKU";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final LocalCluster cluster;

    public ClusterClient(LocalCluster cluster) {
        this.cluster = cluster;
    }

    void registerProbeItem() {
        post("/warehouses", "{\"code\":\"" + PROBE_WAREHOUSE + "\",\"name\":\"Probe\",\"city\":\"Berlin\",\"country\":\"DE\"}");
        post("/products", "{\"sku\":\"" + PROBE_SKU + "\",\"name\":\"Probe\",\"unitOfMeasure\":\"EA\",\"reorderPoint\":0,"
                + "\"reorderQuantity\":1}");
    }

    /** A receipt of one unit into the probe item; its version, if some command instance accepted it. */
    Optional<Long> probeWrite() {
        return post("/stock/" + PROBE_WAREHOUSE + "/" + PROBE_SKU + "/receipts", "{\"quantity\":1}")
                .filter(answer -> answer.has("version")).map(answer -> answer.get("version").asLong());
    }

    /** Whether some query instance shows the probe item at this version within its read-after wait. */
    boolean probeVisible(long version) {
        for (ServiceProcess query : cluster.querySides()) {
            if (query.isAlive() && get(query, "analyst", "/stock-levels/" + PROBE_WAREHOUSE + "/" + PROBE_SKU
                    + "?minVersion=" + version).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The command side's reconciliation of the event store with the topic. */
    public JsonNode storeAgainstTopic() {
        for (ServiceProcess command : cluster.commandSides()) {
            if (command.isAlive()) {
                Optional<JsonNode> answer = get(command, "auditor", "/audit/reconciliation");
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        throw new IllegalStateException("No command instance answered /audit/reconciliation");
    }

    private Optional<JsonNode> post(String path, String body) {
        return send(path, body, REQUEST_TIMEOUT).filter(response -> response.statusCode() / 100 == 2).flatMap(response -> {
            try {
                return Optional.of(json.readTree(response.body()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** The status the first command instance that took the command answered; empty if none answered in time. */
    Optional<Integer> post(String path, String body, Duration timeout) {
        return send(path, body, timeout).map(HttpResponse::statusCode);
    }

    private Optional<HttpResponse<byte[]>> send(String path, String body, Duration timeout) {
        for (ServiceProcess command : cluster.commandSides()) {
            if (!command.isAlive()) {
                continue;
            }
            try {
                return Optional.of(http.send(request(command, "operator", path).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray()));
            } catch (ConnectException refused) {
                // try the next instance
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> get(ServiceProcess service, String user, String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(service, user, path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(json.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static HttpRequest.Builder request(ServiceProcess service, String user, String path) {
        // The local profile's users have their name as password.
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(service.url() + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + credentials);
    }
}
