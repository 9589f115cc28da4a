package io.supplyline.query.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.supplyline.events.http.Problem;

/**
 * The problem+json answers of the operations in the OpenAPI document: one response per status, listing
 * its codes. A status only one code has (401, 503, ...) is one shared response under components.
 */
final class ProblemResponses {

    /** What every answer with this status tells, before the codes that say why. */
    private static final Map<Integer, String> LEADS = Map.ofEntries(
            Map.entry(400, "A parameter or header is not valid."),
            Map.entry(401, "Credentials are missing or not valid."),
            Map.entry(403, "The caller's role may not do this."),
            Map.entry(404, "Nothing by that name."),
            Map.entry(409, "Not possible in this instance's present state."),
            Map.entry(429, "Too many such requests at once; try again after `Retry-After` seconds."),
            Map.entry(500, "An unexpected failure on our side."),
            Map.entry(503, "The service cannot answer just now; try again after `Retry-After` seconds."),
            Map.entry(504, "The read model is behind the write asked for; read again shortly."));

    private final Components components;

    ProblemResponses(Components components) {
        this.components = components;
    }

    /**
     * The codes an operation declares in the extension {@code name} (names separated by spaces),
     * which is then removed: the document carries them in the responses instead.
     */
    static Set<ProblemCode> declared(Operation operation, String name) {
        Set<ProblemCode> codes = EnumSet.noneOf(ProblemCode.class);
        Object value = operation.getExtensions() == null ? null : operation.getExtensions().get(name);
        if (value == null) {
            return codes;
        }
        operation.removeExtension(name);
        for (String code : value.toString().trim().split("[\\s,]+")) {
            try {
                codes.add(ProblemCode.valueOf(code));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(operation.getOperationId() + " declares the problem code " + code
                        + ", which ProblemCode does not list", e);
            }
        }
        return codes;
    }

    /** Keeps the operation's success answers and replaces every other with one problem answer per status. */
    void answer(Operation operation, Set<ProblemCode> codes) {
        Map<String, APIResponse> responses = new LinkedHashMap<>();
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                responses.put(status, response);
            }
        });
        Map<Integer, List<ProblemCode>> byStatus = codes.stream()
                .collect(Collectors.groupingBy(ProblemCode::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, withStatus) -> responses.put(String.valueOf(status),
                withStatus.size() == 1 ? shared(withStatus.get(0)) : problem(status, withStatus)));
        operation.getResponses().setAPIResponses(responses);
    }

    /** The response of a code that alone has its status in an operation, registered under its name the first time. */
    private APIResponse shared(ProblemCode code) {
        if (components.getResponses() == null || !components.getResponses().containsKey(code.name())) {
            components.addResponse(code.name(), problem(code.status(), List.of(code)));
        }
        return OASFactory.createAPIResponse().ref(code.name());
    }

    private static APIResponse problem(int status, List<ProblemCode> codes) {
        String why = codes.stream()
                .map(code -> "- `" + code.name() + "`: " + code.meaning())
                .collect(Collectors.joining("\n"));
        APIResponse response = OASFactory.createAPIResponse()
                .description(LEADS.getOrDefault(status, "") + "\n\n" + why)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        if (status == 429 || status == 503) {
            response.addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
        }
        if (status == 401) {
            response.addHeader("WWW-Authenticate", OASFactory.createHeader().ref("WWW-Authenticate"));
        }
        return response;
    }

    /**
     * Quarkus names the roles of {@code @RolesAllowed} under a scheme of its own; the document offers
     * both of this API's schemes, each with those roles, and says them in the description too.
     */
    static void requireRoles(Operation operation) {
        if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
            return;
        }
        List<String> roles = operation.getSecurity().stream()
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .flatMap(List::stream).distinct().sorted().toList();
        operation.setSecurity(Arrays.asList(
                OASFactory.createSecurityRequirement().addScheme("basic", roles),
                OASFactory.createSecurityRequirement().addScheme("bearer", roles)));
        String needs = "Role: " + roles.stream().map(role -> "`" + role + "`").collect(Collectors.joining(" or "))
                + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null ? needs : description + "\n\n" + needs);
    }
}
