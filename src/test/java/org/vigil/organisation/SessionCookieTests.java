package org.vigil.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The session cookie as the real server sends it: Secure, HttpOnly, SameSite=Lax (OWASP session management). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionCookieTests {

    @LocalServerPort
    int port;

    @Test
    void the_session_cookie_is_secure_http_only_and_same_site() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        var cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("VIGIL_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }
}
