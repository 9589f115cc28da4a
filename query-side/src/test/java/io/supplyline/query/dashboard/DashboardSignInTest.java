package io.supplyline.query.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * People sign in to the dashboard at an OpenID Connect provider (the tests' own), in headless Chromium:
 * the page and its live stream work on the session cookie alone, changes need the CSRF token as well,
 * roles come from the groups claim, and signing out ends the session. Machines keep their bearer tokens.
 */
@QuarkusTest
@TestProfile(SignInProfile.class)
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(OidcWiremockTestResource.class)
class DashboardSignInTest {

    @OidcWireMock
    WireMockServer provider;

    @TestHTTPResource("/")
    URL page;

    @BeforeEach
    void people() {
        TestProvider.person(provider, "anna", Set.of("analyst"));
        TestProvider.person(provider, "ada", Set.of("admin", "analyst"));
        TestProvider.signsOut(provider);
    }

    @Test
    void anAnalystSignsInFollowsTheLiveStreamAndSignsOut() {
        try (Chromium browser = new Chromium(page.toString())) {
            browser.open("/");
            assertThat(browser.url()).as("the page sends a stranger to the provider").startsWith(provider.baseUrl());
            browser.signInAs("anna");
            assertThat(browser.url()).isEqualTo(page.toString());
            browser.awaitText("#user", "anna");
            browser.await("the live stream follows on the session cookie", () -> browser.attribute("#live", "class").contains("on"));
            assertThat(browser.attribute("#admin", "hidden")).as("no admin view for an analyst").isNotNull();
            assertThat(browser.cookie("q_session")).as("the session cookie").containsEntry("secure", true)
                    .containsEntry("httpOnly", true).containsEntry("sameSite", "Lax");

            Map<?, ?> session = (Map<?, ?>) browser.fetch("GET", "/session", null).get("body");
            assertThat(session.get("roles")).isEqualTo(List.of("analyst"));
            assertThat(session.get("signOut")).isEqualTo("/sign-out");
            Map<String, Object> refused = browser.fetch("POST", "/admin/dead-letters/0/retry", (String) session.get("csrfToken"));
            assertThat(refused).containsEntry("status", 403L);
            assertThat(((Map<?, ?>) refused.get("body")).get("code")).as("an analyst may not act as admin").isEqualTo("FORBIDDEN");

            browser.click("#sign-out");
            browser.await("signed out", () -> browser.url().equals(page + "signed-out.html"));
            assertThat(browser.cookie("q_session")).as("the session cookie is gone").isNull();
            browser.open("/");
            assertThat(browser.url()).as("signed out: the page asks to sign in again").startsWith(provider.baseUrl());
        }
    }

    @Test
    void anAdminsChangesFromTheBrowserNeedTheCsrfToken() {
        try (Chromium browser = new Chromium(page.toString())) {
            browser.open("/");
            browser.signInAs("ada");
            browser.awaitText("#user", "ada");
            browser.click("#admin");
            browser.await("the admin view lists the projections", () -> !browser.findAll("#projections tbody tr[data-id]").isEmpty());
            Map<?, ?> session = (Map<?, ?>) browser.fetch("GET", "/session", null).get("body");
            assertThat(session.get("roles")).isEqualTo(List.of("admin", "analyst"));

            Map<String, Object> withoutToken = browser.fetch("POST", "/admin/dead-letters/0/retry", null);
            assertThat(withoutToken).containsEntry("status", 403L);
            assertThat(((Map<?, ?>) withoutToken.get("body")).get("code")).isEqualTo("CSRF_TOKEN_MISSING");
            Map<String, Object> wrongToken = browser.fetch("DELETE", "/admin/dead-letters/0", "forged");
            assertThat(((Map<?, ?>) wrongToken.get("body")).get("code")).isEqualTo("CSRF_TOKEN_MISSING");

            Map<String, Object> withToken = browser.fetch("POST", "/admin/dead-letters/0/retry", (String) session.get("csrfToken"));
            assertThat(withToken).as("with the token the admin's request is carried out").containsEntry("status", 404L);
            assertThat(((Map<?, ?>) withToken.get("body")).get("code")).isEqualTo("UNKNOWN_DEAD_LETTER");
        }
    }

    @Test
    void machinesUseBearerTokensAndAreNeverRedirected() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", startsWith(provider.baseUrl()));
        given().redirects().follow(false).get("/stock-levels").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        String token = Jwt.issuer("supplyline-test").audience("supplyline-test").upn("robot@example.com")
                .groups(Set.of("admin", "analyst")).expiresAt(Instant.now().plusSeconds(300)).sign("jwt/test-private.pem");
        given().auth().oauth2(token).get("/stock-levels").then().statusCode(200);
        given().auth().oauth2(token).post("/admin/dead-letters/0/retry").then().statusCode(404)
                .body("code", equalTo("UNKNOWN_DEAD_LETTER"));
    }
}
