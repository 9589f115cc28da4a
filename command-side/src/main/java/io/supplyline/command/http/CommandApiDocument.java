package io.supplyline.command.http;

import static io.supplyline.command.http.ProblemCode.BAD_REQUEST;
import static io.supplyline.command.http.ProblemCode.CONCURRENT_MODIFICATION;
import static io.supplyline.command.http.ProblemCode.DATABASE_UNAVAILABLE;
import static io.supplyline.command.http.ProblemCode.FORBIDDEN;
import static io.supplyline.command.http.ProblemCode.IDEMPOTENCY_KEY_REUSED;
import static io.supplyline.command.http.ProblemCode.INTERNAL_ERROR;
import static io.supplyline.command.http.ProblemCode.INVALID_INPUT;
import static io.supplyline.command.http.ProblemCode.INVALID_PARAMETER;
import static io.supplyline.command.http.ProblemCode.MALFORMED_JSON;
import static io.supplyline.command.http.ProblemCode.PAYLOAD_TOO_LARGE;
import static io.supplyline.command.http.ProblemCode.UNAUTHENTICATED;
import static io.supplyline.command.http.ProblemCode.UNSUPPORTED_MEDIA_TYPE;
import static io.supplyline.command.http.ProblemCode.VERSION_MISMATCH;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.supplyline.support.http.ProblemResponses;

/**
 * Completes each operation of the OpenAPI document with what this service's HTTP layer does for
 * every operation of its kind, so that a resource declares only what is its own: summary, answer and
 * the problem codes of its rules ({@value #PROBLEM_CODES}). A command (an operation answering
 * {@link CommandAccepted}) gets the headers {@link CommandDispatcher} reads and writes; every operation
 * gets its problem answers and its roles under both security schemes. Runs when Quarkus builds the
 * document, so the document the service serves is the one the build stores.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class CommandApiDocument implements OASFilter {

    /** Operation extension: the codes its own rules answer, separated by spaces (removed from the document). */
    public static final String PROBLEM_CODES = "x-problem-codes";

    private static final String ACCEPTED = "#/components/schemas/CommandAccepted";

    /** Any request: the control-character check on paths and query strings, security, the database. */
    private static final Set<ProblemCode> EVERY_OPERATION =
            EnumSet.of(INVALID_PARAMETER, UNAUTHENTICATED, FORBIDDEN, INTERNAL_ERROR, DATABASE_UNAVAILABLE);

    /** Any command, whatever its rules: reading the body and headers, the event store, Idempotency-Key. */
    private static final Set<ProblemCode> EVERY_COMMAND = EnumSet.of(INVALID_INPUT, MALFORMED_JSON, BAD_REQUEST,
            CONCURRENT_MODIFICATION, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, IDEMPOTENCY_KEY_REUSED);

    /** What this API's answers with these statuses tell first, before the codes that say why. */
    private static final Map<Integer, String> LEADS = Map.of(
            400, "The request is malformed or invalid; nothing was changed.",
            404, "Something the request names does not exist; nothing was changed.",
            409, "The command conflicts with what exists or with a concurrent command; nothing was stored.",
            412, "The aggregate is not at the `If-Match` version; nothing was stored.",
            413, "The body is too large; nothing was read.",
            415, "The body is not JSON; nothing was read.",
            422, "A business rule refuses the command; nothing was stored.");

    @Override
    public void filterOpenAPI(OpenAPI document) {
        ProblemResponses<ProblemCode> problems = new ProblemResponses<>(document.getComponents(), ProblemCode.class, LEADS,
                ProblemResponses.Sharing.ALONE_IN_CATALOGUE);
        document.getPaths().getPathItems().values()
                .forEach(path -> path.getOperations().values().forEach(operation -> complete(operation, problems)));
        refuseUnknownFields(document);
    }

    private static void complete(Operation operation, ProblemResponses<ProblemCode> problems) {
        Set<ProblemCode> codes = problems.declared(operation, PROBLEM_CODES);
        codes.addAll(EVERY_OPERATION);
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            codes.add(INVALID_INPUT);
        }
        APIResponse created = answering(operation, "201");
        APIResponse changed = answering(operation, "200");
        if (created != null) {
            command(operation, created, codes);
            created.addHeader("Location", header("Location"));
        } else if (changed != null) {
            command(operation, changed, codes);
            // Only a change to an existing aggregate can expect a version; a create ignores If-Match.
            operation.addParameter(OASFactory.createParameter().ref("If-Match"));
            codes.add(VERSION_MISMATCH);
        }
        problems.answer(operation, codes);
        ProblemResponses.requireRoles(operation);
    }

    private static void command(Operation operation, APIResponse accepted, Set<ProblemCode> codes) {
        codes.addAll(EVERY_COMMAND);
        operation.addParameter(OASFactory.createParameter().ref("Idempotency-Key"));
        operation.addParameter(OASFactory.createParameter().ref("X-Correlation-Id"));
        accepted.addHeader("ETag", header("ETag"));
        accepted.addHeader("X-Correlation-Id", header("X-Correlation-Id"));
    }

    /** The operation's response with that status when it is a command's answer, else null. */
    private static APIResponse answering(Operation operation, String status) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null || response.getContent() == null) {
            return null;
        }
        MediaType json = response.getContent().getMediaType("application/json");
        return json != null && json.getSchema() != null && ACCEPTED.equals(json.getSchema().getRef()) ? response : null;
    }

    private static Header header(String name) {
        return OASFactory.createHeader().ref(name);
    }

    /**
     * The service refuses a body with a field it does not know (quarkus.jackson.fail-on-unknown-properties),
     * so a misspelt optional field is reported instead of dropped: the request schemas say so too.
     */
    private static void refuseUnknownFields(OpenAPI document) {
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        Deque<Schema> open = new ArrayDeque<>();
        document.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().stream()
                .filter(operation -> operation.getRequestBody() != null)
                .forEach(operation -> open.add(operation.getRequestBody().getContent()
                        .getMediaType("application/json").getSchema())));
        Set<Schema> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!open.isEmpty()) {
            Schema schema = open.pop();
            if (schema.getRef() != null) {
                schema = schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            }
            if (!closed.add(schema)) {
                continue;
            }
            if (schema.getItems() != null) {
                open.add(schema.getItems());
            }
            if (schema.getProperties() != null) {
                schema.setAdditionalPropertiesBoolean(false);
                open.addAll(schema.getProperties().values());
            }
        }
    }
}
