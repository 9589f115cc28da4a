package io.supplyline.support.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
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

/**
 * The problem+json answers of the operations in a service's OpenAPI document: one response per
 * status, listing its codes from the service's catalogue. The answer of a code that is alone with its
 * status (see {@link Sharing}) is one shared response under components.
 */
public final class ProblemResponses<C extends Enum<C> & DocumentedProblem> {

    /** When a code alone with its status is answered by a shared response. */
    public enum Sharing {
        /** When no other code of the catalogue has its status. */
        ALONE_IN_CATALOGUE,
        /** When no other code of the operation has its status. */
        ALONE_IN_OPERATION
    }

    /** What every answer with this status tells, before the codes that say why, in both services. */
    private static final Map<Integer, String> COMMON_LEADS = Map.ofEntries(
            Map.entry(401, "Credentials are missing or not valid."),
            Map.entry(403, "The caller's role may not do this."),
            Map.entry(429, "Too many such requests at once; try again after `Retry-After` seconds."),
            Map.entry(500, "An unexpected failure on our side."),
            Map.entry(503, "The service cannot answer just now; try again after `Retry-After` seconds."));

    private final Components components;
    private final Class<C> catalogue;
    private final Map<Integer, String> leads = new HashMap<>(COMMON_LEADS);
    private final Sharing sharing;
    private final Map<Integer, Long> codesPerStatus;

    /**
     * @param ownLeads what the service's answers with these statuses tell first, beside (or instead
     *                 of) the ones both services share
     */
    public ProblemResponses(Components components, Class<C> catalogue, Map<Integer, String> ownLeads,
                            Sharing sharing) {
        this.components = components;
        this.catalogue = catalogue;
        this.leads.putAll(ownLeads);
        this.sharing = sharing;
        this.codesPerStatus = Arrays.stream(catalogue.getEnumConstants())
                .collect(Collectors.groupingBy(DocumentedProblem::status, Collectors.counting()));
    }

    /**
     * The codes an operation declares in the extension {@code name} (names separated by spaces),
     * which is then removed: the document carries them in the responses instead.
     */
    public Set<C> declared(Operation operation, String name) {
        Set<C> codes = EnumSet.noneOf(catalogue);
        Object value = operation.getExtensions() == null ? null : operation.getExtensions().get(name);
        if (value == null) {
            return codes;
        }
        operation.removeExtension(name);
        for (String code : value.toString().trim().split("[\\s,]+")) {
            try {
                codes.add(Enum.valueOf(catalogue, code));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(operation.getOperationId() + " declares the problem code " + code
                        + ", which " + catalogue.getSimpleName() + " does not list", e);
            }
        }
        return codes;
    }

    /** Keeps the operation's success answers and replaces every other with one problem answer per status. */
    public void answer(Operation operation, Set<C> codes) {
        Map<String, APIResponse> responses = new LinkedHashMap<>();
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                responses.put(status, response);
            }
        });
        Map<Integer, List<C>> byStatus = codes.stream()
                .collect(Collectors.groupingBy(DocumentedProblem::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, withStatus) -> responses.put(String.valueOf(status),
                alone(status, withStatus) ? shared(withStatus.get(0)) : problem(status, withStatus)));
        operation.getResponses().setAPIResponses(responses);
    }

    private boolean alone(int status, List<C> withStatus) {
        return sharing == Sharing.ALONE_IN_CATALOGUE ? codesPerStatus.get(status) == 1 : withStatus.size() == 1;
    }

    /** The response of a code alone with its status, registered under its name the first time. */
    private APIResponse shared(C code) {
        if (components.getResponses() == null || !components.getResponses().containsKey(code.name())) {
            components.addResponse(code.name(), problem(code.status(), List.of(code)));
        }
        return OASFactory.createAPIResponse().ref(code.name());
    }

    private APIResponse problem(int status, List<C> codes) {
        String why = codes.stream()
                .map(code -> "- `" + code.name() + "`: " + code.meaning())
                .collect(Collectors.joining("\n"));
        APIResponse response = OASFactory.createAPIResponse()
                .description(leads.getOrDefault(status, "") + "\n\n" + why)
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
     * both of the APIs' schemes, each with those roles, and says them in the description too.
     */
    public static void requireRoles(Operation operation) {
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
