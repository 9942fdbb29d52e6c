package org.clinwiki.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.clinwiki.limit.ServerBusyException;
import org.clinwiki.limit.TooManyRequestsException;
import org.clinwiki.error.WikiException;

/**
 * Reads request bodies before any handler runs, a bounded number at a time: at most
 * {@code perAddress} from one client address and {@code atOnce} in all. A request thread
 * blocks while it reads, so a client that sends bodies a byte at a time (R.U.D.Y.) over
 * hundreds of connections would otherwise hold every thread; now it holds a few, the rest are
 * refused at once, and page views (which have no body) never wait for them. Jetty's minimum
 * data rate ends the slow reads that are let in.
 *
 * <p>Limiting bodies rather than connections per address is deliberate: a hospital's staff
 * often reach the wiki through one address (NAT or a proxy), and must not be refused page
 * views because one of them is uploading. Thread-safe.
 */
final class BodyGate {

    private final int perAddress;
    private final Semaphore atOnce;
    private final ClientAddress addresses;
    private final ConcurrentHashMap<String, Integer> reading = new ConcurrentHashMap<>();

    BodyGate(int perAddress, int atOnce, ClientAddress addresses) {
        this.addresses = addresses;
        this.perAddress = perAddress;
        this.atOnce = new Semaphore(atOnce);
    }

    /** Reads the whole body now (Javalin keeps it for the handler), or refuses the request. */
    void read(Context ctx) {
        if (!hasBody(ctx)) {
            return;
        }
        if (arrived(ctx)) {
            // Nothing to wait for (most bodies come in the same packets as their headers): not counted.
            ctx.bodyAsBytes();
            return;
        }
        String address = addresses.of(ctx);
        if (reading.merge(address, 1, Integer::sum) > perAddress) {
            release(address);
            ctx.header("Connection", "close");
            throw new TooManyRequestsException("too_many_uploads",
                    "Your address is already sending " + perAddress + " requests with content; wait for them to finish.", 1);
        }
        try {
            if (!atOnce.tryAcquire()) {
                ctx.header("Connection", "close");
                throw new ServerBusyException("The wiki is receiving too much content at once; try again in a moment.", 1);
            }
            try {
                ctx.bodyAsBytes();
            } catch (HttpResponseException tooLarge) {
                throw tooLarge;
            } catch (Exception e) {
                // Jetty gave up on the body (below the minimum data rate, idle, or the client went away);
                // its I/O exceptions come through Kotlin undeclared.
                ctx.header("Connection", "close");
                throw new BodyTooSlowException();
            } finally {
                atOnce.release();
            }
        } finally {
            release(address);
        }
    }

    private void release(String address) {
        reading.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    private static boolean arrived(Context ctx) {
        long length = ctx.contentLength();
        try {
            return length > 0 && ctx.req().getInputStream().available() >= length;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasBody(Context ctx) {
        return ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    /** The body did not arrive, or arrived too slowly to wait for. */
    static final class BodyTooSlowException extends WikiException {
        BodyTooSlowException() {
            super(Kind.TOO_SLOW, "request_timeout", "The request's content did not arrive in time.");
        }
    }
}
