package io.supplyline.query.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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

    private static ValidatableResponse stockLevels(String signingKey, Instant expiresAt, String group) {
        return stockLevels(ISSUER, AUDIENCE, signingKey, expiresAt, group);
    }

    private static ValidatableResponse stockLevels(String issuer, String audience, String signingKey, Instant expiresAt,
                                                   String group) {
        String token = Jwt.issuer(issuer).audience(audience).upn("bob@example.com").groups(Set.of(group))
                .issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt)
                .sign(signingKey);
        return given().auth().oauth2(token).get("/stock-levels").then();
    }

    @Test
    void aValidTokenWithTheRoleReads() {
        stockLevels(ISSUER_KEY, Instant.now().plusSeconds(300), "analyst").statusCode(200);
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthenticated() {
        stockLevels("jwt/stranger-private.pem", Instant.now().plusSeconds(300), "analyst")
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthenticated() {
        stockLevels("another-issuer", AUDIENCE, ISSUER_KEY, Instant.now().plusSeconds(300), "analyst")
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenForAnotherAudienceIsUnauthenticated() {
        stockLevels(ISSUER, "another-api", ISSUER_KEY, Instant.now().plusSeconds(300), "analyst")
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        stockLevels(ISSUER_KEY, Instant.now().minusSeconds(600), "analyst").statusCode(401);
    }

    @Test
    void aTokenWithoutTheRoleIsForbidden() {
        stockLevels(ISSUER_KEY, Instant.now().plusSeconds(300), "operator")
                .statusCode(403)
                .contentType("application/problem+json");
    }
}
