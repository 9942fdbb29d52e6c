package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.clinwiki.Config;
import org.clinwiki.limit.Limits;
import org.clinwiki.testing.TestWiki;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * X-Forwarded-For names the client only when the connection comes from a trusted proxy
 * ({@code --trusted-proxies}); from anyone else it is ignored, so no client can pass for another
 * address to dodge the per-address login limit or to put a false address in the audit log.
 */
class TrustedProxiesTest {

    private static final int PER_ADDRESS = 3;

    @TempDir
    Path data;

    private TestWiki start(List<String> proxies) {
        UnaryOperator<Config> settings = config -> config.withTrustedProxies(proxies)
                .withLimits(Limits.defaults().withLoginFailures(1_000, PER_ADDRESS).withLoginsPerHour(10_000));
        return TestWiki.start(data, settings);
    }

    private static Response login(TestWiki wiki, String name, String password, String forwardedFor) {
        HttpRequest.Builder request = wiki.request("/api/v1/login", "")
                .POST(HttpRequest.BodyPublishers.ofString(TestWiki.json("username", name, "password", password)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return wiki.send(request);
    }

    /** The address the audit log gave the last failed login. */
    private static String lastFailedLoginAddress(TestWiki wiki, String admin) {
        Response audit = wiki.get("/api/v1/audit?action=login_failed&limit=1", admin);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        JsonNode entry = audit.json().path("entries").path(0);
        return entry.path("address").asText();
    }

    @Test
    void anUntrustedPeerCannotPassForAnotherAddress() {
        try (TestWiki wiki = start(List.of())) {
            String admin = wiki.login("auditor", Role.ADMIN);
            assertThat(login(wiki, "nobody", "a wrong password", "203.0.113.9").status()).isEqualTo(401);
            assertThat(lastFailedLoginAddress(wiki, admin)).isEqualTo("127.0.0.1");
            // Each guess claims another address; all of them count against the connection's own.
            for (int i = 1; i < PER_ADDRESS; i++) {
                assertThat(login(wiki, "nobody", "a wrong password", "203.0.113." + (10 + i)).status()).isEqualTo(401);
            }
            Response refused = login(wiki, "nobody", "a wrong password", "198.51.100.77");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo("too_many_login_failures");
        }
    }

    @Test
    void behindATrustedProxyTheForwardedAddressIsTheClient() {
        try (TestWiki wiki = start(List.of("127.0.0.1"))) {
            String admin = wiki.login("auditor", Role.ADMIN);
            assertThat(login(wiki, "nobody", "a wrong password", "203.0.113.9").status()).isEqualTo(401);
            assertThat(lastFailedLoginAddress(wiki, admin)).isEqualTo("203.0.113.9");
            // What the client wrote itself, left of what the proxy appended, is not believed.
            assertThat(login(wiki, "nobody", "a wrong password", "6.6.6.6, 203.0.113.9").status()).isEqualTo(401);
            assertThat(lastFailedLoginAddress(wiki, admin)).isEqualTo("203.0.113.9");
            assertThat(login(wiki, "nobody", "a wrong password", "203.0.113.9").status()).isEqualTo(401);
            assertThat(login(wiki, "nobody", "a wrong password", "203.0.113.9").status())
                    .as("the limit is the forwarded address's").isEqualTo(429);
            assertThat(login(wiki, "nobody", "a wrong password", "203.0.113.10").status())
                    .as("another client behind the same proxy is not locked out").isEqualTo(401);
            assertThat(login(wiki, "nobody", "a wrong password", null).status())
                    .as("without the header, the proxy itself is the client").isEqualTo(401);
            assertThat(lastFailedLoginAddress(wiki, admin)).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void theActorOfAnEditIsTheForwardedAddress() {
        try (TestWiki wiki = start(List.of("127.0.0.0/8"))) {
            String admin = wiki.login("auditor", Role.ADMIN);
            wiki.save("Forwarded_edit", "First text.", admin);
            long first = wiki.get("/api/v1/pages/Forwarded_edit").json().path("revision").path("id").asLong();
            wiki.save("Forwarded_edit", "Second text.", admin);
            Response revert = wiki.send(wiki.request("/api/v1/pages/Forwarded_edit/revert", admin)
                    .header("X-Forwarded-For", "2001:db8::7")
                    .POST(HttpRequest.BodyPublishers.ofString(TestWiki.json("revisionId", first))));
            assertThat(revert.status()).as(revert.body()).isEqualTo(200);
            Response audit = wiki.get("/api/v1/audit?action=revert&limit=1", admin);
            assertThat(audit.json().path("entries").path(0).path("address").asText()).isEqualTo("2001:db8:0:0:0:0:0:7");
        }
    }
}
