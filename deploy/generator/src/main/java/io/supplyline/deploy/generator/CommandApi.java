package io.supplyline.deploy.generator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Posts commands to the command API as one user, tallies every answer and times every request. */
final class CommandApi {

    /**
     * HTTP/1.1 with a pool of connections, as REST clients mostly talk. The JDK client would otherwise
     * upgrade to cleartext HTTP/2 and multiplex every worker over one connection, whose request bodies
     * the server then reads one at a time.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** The instances of the command API, taken in turn: as a load balancer would spread the requests. */
    private volatile List<URI> bases;
    private final AtomicInteger turn = new AtomicInteger();
    private final String authorization;
    private final Tally tally;
    private final RequestTimer timer;
    /** When the worker's next request was due, if it is paced; its latency counts from then. */
    private final ThreadLocal<Long> due = new ThreadLocal<>();

    CommandApi(DayOptions options, Tally tally, RequestTimer timer) {
        this.bases = List.of(options.commandApi());
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
        this.tally = tally;
        this.timer = timer;
    }

    /** Sends each request to the next of these instances, and to another when one refuses the connection. */
    void spreadOver(List<URI> commandApis) {
        bases = List.copyOf(commandApis);
    }

    /** The next request of this thread was due at {@code nanoTime}. */
    void due(long nanoTime) {
        due.set(nanoTime);
    }

    /** @param command the name the tally counts the answer under */
    Answer post(String command, String path, Object body) {
        Long dueAt = due.get();
        due.remove();
        long started = dueAt != null ? Math.min(dueAt, System.nanoTime()) : System.nanoTime();
        Answer answer = send(path, body);
        timer.record(command, answer.status(), System.nanoTime() - started);
        tally.record(command, answer);
        return answer;
    }

    private Answer send(String path, Object body) {
        List<URI> instances = bases;
        int first = Math.floorMod(turn.getAndIncrement(), instances.size());
        String failure = "ConnectException";
        for (int i = 0; i < instances.size(); i++) {
            try {
                return send(instances.get((first + i) % instances.size()), path, body);
            } catch (ConnectException refused) {
                // Nothing reached that instance, so another may take the command: no risk of doing it twice.
                failure = refused.getClass().getSimpleName();
            } catch (IOException e) {
                // Sent, but no answer: whether it was done is unknown, so it is not sent again.
                return new Answer(-1, null, -1, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(-1, null, -1, "INTERRUPTED");
            }
        }
        return new Answer(-1, null, -1, failure);
    }

    private Answer send(URI base, String path, Object body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
        return new Answer(response.statusCode(), answer.path("id").asText(null), answer.path("version").asLong(-1),
                answer.path("code").asText(response.statusCode() >= 300 ? "NO_CODE" : null));
    }
}
