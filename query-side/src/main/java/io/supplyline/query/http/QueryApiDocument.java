package io.supplyline.query.http;

import static io.supplyline.query.http.ProblemCode.DATABASE_UNAVAILABLE;
import static io.supplyline.query.http.ProblemCode.CSRF_TOKEN_MISSING;
import static io.supplyline.query.http.ProblemCode.FORBIDDEN;
import static io.supplyline.query.http.ProblemCode.INTERNAL_ERROR;
import static io.supplyline.query.http.ProblemCode.INVALID_PARAMETER;
import static io.supplyline.query.http.ProblemCode.INVALID_READ_AFTER;
import static io.supplyline.query.http.ProblemCode.READ_MODEL_BEHIND;
import static io.supplyline.query.http.ProblemCode.UNAUTHENTICATED;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.supplyline.support.http.ProblemResponses;

/**
 * Completes each operation of the OpenAPI document with what this service's HTTP layer does for
 * every operation, so that a resource declares only what is its own: summary, answer and the problem
 * codes it makes itself ({@value #PROBLEM_CODES}). A read that takes {@code minVersion} or
 * {@code X-Read-After} gets their shared description and the answers of {@link ReadAfter}; every
 * operation gets its problem answers and its roles under both security schemes. Runs when Quarkus
 * builds the document, so the document the service serves is the one the build stores.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class QueryApiDocument implements OASFilter {

    /** Operation extension: the codes the operation makes itself, separated by spaces (removed from the document). */
    public static final String PROBLEM_CODES = "x-problem-codes";

    /** Any request: the control-character check on paths and query strings, and security. */
    private static final Set<ProblemCode> EVERY_OPERATION =
            EnumSet.of(INVALID_PARAMETER, UNAUTHENTICATED, FORBIDDEN, INTERNAL_ERROR);

    /** What this API's answers with these statuses tell first, before the codes that say why. */
    private static final Map<Integer, String> LEADS = Map.of(
            400, "A parameter or header is not valid.",
            404, "Nothing by that name.",
            409, "Not possible in this instance's present state.",
            504, "The read model is behind the write asked for; read again shortly.");

    @Override
    public void filterOpenAPI(OpenAPI document) {
        ProblemResponses<ProblemCode> problems = new ProblemResponses<>(document.getComponents(), ProblemCode.class, LEADS,
                ProblemResponses.Sharing.ALONE_IN_OPERATION);
        document.getPaths().getPathItems().values().forEach(path -> path.getOperations()
                .forEach((method, operation) -> complete(method, operation, problems)));
    }

    private static void complete(PathItem.HttpMethod method, Operation operation, ProblemResponses<ProblemCode> problems) {
        Set<ProblemCode> codes = problems.declared(operation, PROBLEM_CODES);
        codes.addAll(EVERY_OPERATION);
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            codes.add(CSRF_TOKEN_MISSING);
        }
        // A stream is served from memory; every other answer reads the database.
        if (!streams(operation)) {
            codes.add(DATABASE_UNAVAILABLE);
        }
        if (shared(operation, ReadAfter.HEADER)) {
            codes.addAll(List.of(INVALID_READ_AFTER, READ_MODEL_BEHIND));
        }
        if (shared(operation, "minVersion")) {
            codes.add(READ_MODEL_BEHIND);
        }
        problems.answer(operation, codes);
        ProblemResponses.requireRoles(operation);
    }

    /** Replaces the operation's parameter of that name, if it has one, with the shared one under components. */
    private static boolean shared(Operation operation, String name) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (parameters.stream().noneMatch(parameter -> name.equals(parameter.getName()))) {
            return false;
        }
        operation.setParameters(new ArrayList<>(parameters.stream()
                .map(parameter -> name.equals(parameter.getName()) ? OASFactory.createParameter().ref(name) : parameter)
                .toList()));
        return true;
    }

    private static boolean streams(Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().hasMediaType("text/event-stream");
    }
}
