package io.supplyline.query.session;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/session")
@Tag(name = "Session", description = "Who is signed in, and the token the dashboard's changes carry")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SecurityIdentity identity;
    private final String signOutPath;

    SessionResource(SecurityIdentity identity, @ConfigProperty(name = "quarkus.oidc.logout.path") String signOutPath) {
        this.identity = identity;
        this.signOutPath = signOutPath;
    }

    @GET
    @Operation(operationId = "getSession", summary = "The signed-in user, their roles and the page's CSRF token")
    public Response session(@CookieParam(CsrfGuard.COOKIE) String token, @Context UriInfo uri) {
        String csrfToken = token == null || token.isBlank() ? CsrfGuard.newToken() : token;
        boolean signedIn = identity.getCredential(IdTokenCredential.class) != null;
        SessionView view = new SessionView(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList(),
                csrfToken, signedIn ? signOutPath : null);
        String host = uri.getBaseUri().getHost();
        boolean secure = "https".equals(uri.getBaseUri().getScheme()) || "localhost".equals(host) || "127.0.0.1".equals(host);
        return Response.ok(view).cookie(CsrfGuard.cookie(csrfToken, secure)).build();
    }
}
