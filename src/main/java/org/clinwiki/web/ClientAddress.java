package org.clinwiki.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import org.clinwiki.cluster.TrustedProxies;

/**
 * The one place a request's client address comes from: login and registration limits, the
 * audit log, the body gate and every {@code Actor} use it. The connection's own address, or,
 * behind a trusted load balancer ({@code --trusted-proxies}), the address it forwarded.
 * Javalin's {@code ctx.ip()} is the connection's address; nothing else in this layer calls it
 * (ArchitectureTest), so no handler can read the header a client may forge.
 */
final class ClientAddress {

    private static final String ATTRIBUTE = "clinwiki.clientAddress";

    private final TrustedProxies proxies;

    ClientAddress(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    String of(Context ctx) {
        String known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String peer = ctx.req().getRemoteAddr();
        List<String> forwarded = proxies.isEmpty() ? List.of()
                : Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
        String address = proxies.clientAddress(peer, forwarded);
        ctx.attribute(ATTRIBUTE, address);
        return address;
    }
}
