package io.supplyline.command.http;

import static io.restassured.RestAssured.given;
import static io.supplyline.command.ApiMother.unique;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.supplyline.deploy.kafka.KafkaBrokerTestResource;

/**
 * Bearer tokens as production sends them: signed by the issuer whose public key the service trusts
 * (the test profile trusts jwt/test-public.pem), made for this API (issuer and audience {@code supplyline-test}
 * in the test profile), roles in the {@code groups} claim.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
class BearerTokenTest {

    private static final String ISSUER_KEY = "jwt/test-private.pem";
    private static final String ISSUER = "supplyline-test";
    private static final String AUDIENCE = "supplyline-test";

    private static String token(String signingKey, Instant expiresAt, String... groups) {
        return token(ISSUER, AUDIENCE, signingKey, expiresAt, groups);
    }

    private static String token(String issuer, String audience, String signingKey, Instant expiresAt, String... groups) {
        return Jwt.issuer(issuer).audience(audience).upn("alice@example.com").groups(Set.of(groups))
                .issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt)
                .sign(signingKey);
    }

    private static ValidatableResponse registerWarehouse(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("code", unique("WH"), "name", "Berlin DC", "city", "Berlin", "country", "DE"))
                .post("/warehouses").then();
    }

    @Test
    void aValidTokenWithTheRoleIsAccepted() {
        registerWarehouse(token(ISSUER_KEY, Instant.now().plusSeconds(300), "operator")).statusCode(201);
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthenticated() {
        registerWarehouse(token("jwt/stranger-private.pem", Instant.now().plusSeconds(300), "operator"))
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthenticated() {
        registerWarehouse(token("another-issuer", AUDIENCE, ISSUER_KEY, Instant.now().plusSeconds(300), "operator"))
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        registerWarehouse(token(ISSUER, "another-api", ISSUER_KEY, Instant.now().plusSeconds(300), "operator"))
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        registerWarehouse(token(ISSUER_KEY, Instant.now().minusSeconds(600), "operator"))
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutTheRoleIsForbidden() {
        registerWarehouse(token(ISSUER_KEY, Instant.now().plusSeconds(300), "analyst"))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }
}
