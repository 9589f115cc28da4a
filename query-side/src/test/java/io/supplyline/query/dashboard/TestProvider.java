package io.supplyline.query.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.smallrye.jwt.build.Jwt;

/**
 * People at the tests' OpenID Connect provider: its login form signs in whoever is typed in (each known
 * person gets a code of their own, exchanged for tokens with their groups), and it signs out by sending
 * the browser back where the service asks.
 */
final class TestProvider {

    /** The issuer the WireMock provider announces; its signing key is privateKey.jwk on the test class path. */
    private static final String ISSUER = "https://server.example.com";

    private TestProvider() {
    }

    static void person(WireMockServer provider, String name, Set<String> groups) {
        String code = "code-of-" + name;
        provider.stubFor(get(urlPathEqualTo("/login")).withQueryParam("username", equalTo(name)).atPriority(1)
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + code)
                        .withTransformers("response-template")));
        String tokens = """
                {"access_token":"%s","id_token":"%s","refresh_token":"refresh-%s","token_type":"Bearer","expires_in":300}"""
                .formatted(token(name, groups), token(name, groups), name);
        provider.stubFor(post(urlPathEqualTo("/auth/realms/quarkus/token")).withRequestBody(containing("code=" + code))
                .atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(tokens)));
    }

    static void signsOut(WireMockServer provider) {
        provider.stubFor(get(urlPathEqualTo("/auth/realms/quarkus/protocol/openid-connect/end-session"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.post_logout_redirect_uri}}")
                        .withTransformers("response-template")));
    }

    private static String token(String name, Set<String> groups) {
        return Jwt.preferredUserName(name).groups(groups).issuer(ISSUER).audience(SignInProfile.CLIENT_ID).subject(name)
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
