package io.supplyline.query.dashboard;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Sign-in switched on, against the OpenID Connect provider the tests run (Quarkus's WireMock provider,
 * whose address it publishes as {@code keycloak.url}).
 */
public class SignInProfile implements QuarkusTestProfile {

    static final String CLIENT_ID = "supplyline-dashboard";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.http.auth.permission.dashboard.auth-mechanism", "code",
                "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", "dashboard-secret");
    }
}
