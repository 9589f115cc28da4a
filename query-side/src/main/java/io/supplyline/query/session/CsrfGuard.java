package io.supplyline.query.session;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.supplyline.query.http.Refusal;

/**
 * Cross-site request forgery: a browser attaches its credentials (the sign-in session cookie, or Basic
 * credentials it remembers) to any request, also to one a foreign page makes it send. So a request that
 * changes something and comes from a browser must also carry, in the {@value #HEADER} header, the token
 * the page read from {@code GET /session}; the same token is in the {@value #COOKIE} cookie, which only
 * pages of this origin get, and which a foreign page can neither read nor set (double-submit cookie).
 * Machines (bearer tokens, or curl without a browser's session) need no token: nothing of theirs is ambient.
 */
public class CsrfGuard {

    public static final String HEADER = "X-CSRF-Token";
    public static final String COOKIE = "supplyline-csrf";
    /** Set by Quarkus OIDC for a signed-in browser (its name stays the default). */
    static final String SESSION_COOKIE = "q_session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod()) || !fromBrowser(request)) {
            return;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String header = request.getHeaderString(HEADER);
        if (cookie == null || header == null || !sameToken(cookie.getValue(), header)) {
            throw new Refusal(403, "CSRF_TOKEN_MISSING",
                    "A change made from a browser needs the " + HEADER + " header with the token of GET /session");
        }
    }

    /**
     * Signed in by the session cookie, or sent by a browser: every current browser marks its requests with
     * {@code Sec-Fetch-Site}. A bearer token is never attached by a browser on its own.
     */
    private static boolean fromBrowser(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return request.getCookies().keySet().stream().anyMatch(name -> name.startsWith(SESSION_COOKIE))
                || request.getHeaderString("Sec-Fetch-Site") != null;
    }

    private static boolean sameToken(String cookie, String header) {
        return !cookie.isEmpty() && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The token's cookie: for this origin's pages only (SameSite Strict), never readable by scripts (the page
     * gets the token from GET /session), and Secure (HTTPS only) unless the page itself came over plain HTTP
     * from a host other than localhost (a local run reached from another machine), where a browser would drop it.
     */
    static NewCookie cookie(String token, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
