package org.clinwiki.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Whose X-Forwarded-For is believed, and how far: the client is the right-most address no trusted proxy stands for. */
class ForwardedForTest {

    private static final TrustedProxies BALANCERS = TrustedProxies.parse(List.of("10.0.0.0/8", "192.168.1.7", "2001:db8::/32"));

    private static String client(String peer, String... forwardedFor) {
        return BALANCERS.clientAddress(peer, List.of(forwardedFor));
    }

    @Test
    void anUntrustedConnectionIsTheClientWhateverItForwards() {
        assertThat(client("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.none().clientAddress("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void behindATrustedBalancerTheRightMostUntrustedAddressIsTheClient() {
        assertThat(client("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        // The client wrote the first entry itself; the balancer appended the address it saw.
        assertThat(client("10.1.2.3", "6.6.6.6, 198.51.100.1")).isEqualTo("198.51.100.1");
        // Two trusted hops: a proxy in front of the balancer.
        assertThat(client("10.1.2.3", "6.6.6.6, 198.51.100.1, 192.168.1.7")).isEqualTo("198.51.100.1");
        // Several headers count as one list, in the order they came.
        assertThat(client("10.1.2.3", "6.6.6.6", "198.51.100.1, 10.9.9.9")).isEqualTo("198.51.100.1");
    }

    @Test
    void onlyTrustedHopsMeanTheLeftMostIsTheClient() {
        assertThat(client("10.1.2.3", "10.0.0.1, 192.168.1.7")).isEqualTo("10.0.0.1");
        assertThat(client("10.1.2.3")).as("no header at all").isEqualTo("10.1.2.3");
    }

    @Test
    void anEntryThatIsNoAddressStopsTheWalkAtTheLastTrustedHop() {
        assertThat(client("10.1.2.3", "198.51.100.1, unknown")).isEqualTo("10.1.2.3");
        assertThat(client("10.1.2.3", "198.51.100.1, example.org, 10.0.0.4")).isEqualTo("10.0.0.4");
    }

    @Test
    void portsBracketsAndIpv6AreUnderstoodAndWrittenOneWay() {
        assertThat(client("10.1.2.3", "198.51.100.1:51234")).isEqualTo("198.51.100.1");
        assertThat(client("10.1.2.3", "[2001:db9::1]:443")).isEqualTo("2001:db9:0:0:0:0:0:1");
        assertThat(client("[2001:db8::5]", "2001:db9::1")).as("a trusted IPv6 balancer").isEqualTo("2001:db9:0:0:0:0:0:1");
        assertThat(client("::ffff:10.0.0.1", "198.51.100.1")).as("an IPv4 peer on a dual-stack socket").isEqualTo("198.51.100.1");
    }

    @Test
    void rangesMatchByTheirPrefix() {
        TrustedProxies narrow = TrustedProxies.parse(List.of("172.16.0.0/12"));
        assertThat(narrow.clientAddress("172.31.255.255", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(narrow.clientAddress("172.32.0.1", List.of("198.51.100.1"))).isEqualTo("172.32.0.1");
        assertThat(TrustedProxies.parse(List.of("0.0.0.0/0")).clientAddress("8.8.8.8", List.of("198.51.100.1")))
                .isEqualTo("198.51.100.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.org", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/", "2001:db8::/129", "10.0.0", "*",
            "localhost", "10.0.0.0/8/8", "[10.0.0.1]/8", "2001:db8::g"})
    void garbageIsRefusedByName(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.1", entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"" + entry + "\"");
    }

    @Test
    void blankEntriesAreSkipped() {
        assertThat(TrustedProxies.parse(List.of(" ", "")).isEmpty()).isTrue();
        assertThat(TrustedProxies.parse(List.of(" 10.0.0.1 ")).isEmpty()).isFalse();
    }
}
