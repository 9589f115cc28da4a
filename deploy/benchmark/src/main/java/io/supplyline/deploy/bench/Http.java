package io.supplyline.deploy.bench;

import java.io.IOException;
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

/** JSON over HTTP as one user, for the benchmark's own requests (set-up, probes, admin). */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** One answer: status and body ({@code null} node when empty or not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** HTTP/1.1 with a pool of connections, like the generator (see its CommandApi). */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;

    Http(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Answer post(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            return new Answer(-1, JSON.nullNode());
        }
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    /** A body that is not JSON, such as Prometheus metrics; empty unless answered 200. */
    Optional<String> text(String path) {
        return exchange(request(path).GET().build())
                .filter(response -> response.statusCode() == 200)
                .map(response -> new String(response.body(), StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
    }

    private Answer send(HttpRequest request) {
        return exchange(request).map(response -> {
            JsonNode body;
            try {
                body = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = JSON.nullNode();
            }
            return new Answer(response.statusCode(), body);
        }).orElse(new Answer(-1, JSON.nullNode()));
    }

    /** The response; empty when none came (connection refused, timeout, interrupted). */
    private Optional<HttpResponse<byte[]>> exchange(HttpRequest request) {
        try {
            return Optional.of(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
