package org.clinwiki.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.clinwiki.testing.TestWiki.Response;
import org.clinwiki.testing.WikiTestCase;
import org.clinwiki.user.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their request bodies slowly (R.U.D.Y.) cannot take the request threads:
 * page views go on, extra slow bodies from one address are refused at once, and a body slower
 * than the minimum data rate is given up.
 */
class SlowClientsTest extends WikiTestCase {

    // More than Jetty's 250 request threads: before the limits, these alone stopped every page view.
    private static final int SLOW_CONNECTIONS = 300;

    @BeforeAll
    void aPage() {
        wiki.save("Still_here", "Readers keep reading.", wiki.login("writer", Role.EDITOR));
    }

    @Test
    void hundredsOfSlowBodiesDoNotStopPageViews() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                slow.add(startSlowBody("/api/v1/login", 1_000_000));
            }
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Response view = wiki.get("/wiki/Still_here");
                assertThat(view.status()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a page view while %d bodies trickle in", SLOW_CONNECTIONS)
                        .isLessThan(Duration.ofSeconds(5));
            }
            int refused = 0;
            for (Socket socket : slow) {
                if (firstLine(socket, 200).startsWith("HTTP/1.1 429")) {
                    refused++;
                }
            }
            assertThat(refused).as("slow bodies beyond the few one address may send at once").isGreaterThan(SLOW_CONNECTIONS - 20);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodySlowerThanTheMinimumRateIsGivenUp() throws Exception {
        try (Socket socket = startSlowBody("/api/v1/login", 100)) {
            OutputStream out = socket.getOutputStream();
            String status = "";
            for (int i = 0; i < 10 && status.isEmpty(); i++) {
                Thread.sleep(1_000);
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    // The server gave up and closed: read what it answered.
                }
                status = firstLine(socket, 200);
            }
            assertThat(status).startsWith("HTTP/1.1 408");
        }
    }

    /** A request whose headers promise {@code length} bytes, of which one is sent. */
    private Socket startSlowBody(String path, int length) throws IOException {
        Socket socket = new Socket("127.0.0.1", wiki.app().port());
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n{";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status line the server sent, or "" if it sent nothing within the time. */
    private static String firstLine(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        StringBuilder line = new StringBuilder();
        try {
            InputStream in = socket.getInputStream();
            for (int c = in.read(); c >= 0 && c != '\r' && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
        } catch (SocketTimeoutException e) {
            return line.toString();
        } catch (IOException reset) {
            return line.toString();
        }
        return line.toString();
    }
}
