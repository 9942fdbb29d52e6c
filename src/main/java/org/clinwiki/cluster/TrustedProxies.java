package org.clinwiki.cluster;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The load balancers and proxies whose {@code X-Forwarded-For} is believed ({@code --trusted-proxies}),
 * and from it, who the client is. Behind a load balancer every connection comes from the
 * balancer, so per-address limits would put a whole hospital in one bucket and the audit log
 * would name the balancer; but anyone can send the header, so it is read only when the
 * connection itself comes from a trusted proxy, and then only as far as trusted proxies wrote
 * it. Immutable.
 */
public final class TrustedProxies {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<AddressRange> ranges;

    private TrustedProxies(List<AddressRange> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** Trusts no one: the connection's own address is the client's. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * The proxies {@code given} names: IPv4 or IPv6 addresses or CIDR ranges; blank entries are
     * skipped.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies parse(List<String> given) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : given) {
            if (entry.isBlank()) {
                continue;
            }
            ranges.add(AddressRange.parse(entry).orElseThrow(() -> new IllegalArgumentException("\"" + entry.strip()
                    + "\" is not an IP address or a CIDR range (such as 10.0.0.5, 10.0.0.0/8 or 2001:db8::/32).")));
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The client's address, for limits and the audit log. {@code peer} is the address the
     * connection comes from; {@code forwardedFor} the values of the {@code X-Forwarded-For}
     * headers in the order they came, each a comma-separated list that every proxy appended its
     * client's address to. When the peer is trusted, the list is walked from the right, past
     * trusted proxies, to the first address that is not one: every entry to its right was written
     * by a proxy we trust, anything to its left could be the client's own invention. If the list
     * holds only trusted proxies, the left-most is the client; if the entry to read is not an
     * address, the last trusted proxy is, for nothing beyond it can be believed.
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        Optional<InetAddress> connection = IpAddresses.parse(peer);
        if (connection.isEmpty()) {
            return peer;
        }
        InetAddress hop = connection.get();
        if (!trusted(hop)) {
            return IpAddresses.text(hop);
        }
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> next = IpAddresses.parse(hops.get(i));
            if (next.isEmpty()) {
                break;
            }
            hop = next.get();
            if (!trusted(hop)) {
                break;
            }
        }
        return IpAddresses.text(hop);
    }

    private boolean trusted(InetAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
