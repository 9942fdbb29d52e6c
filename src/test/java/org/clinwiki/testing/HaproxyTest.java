package org.clinwiki.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HaproxyTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final Queue<String> forwardedFor = new ConcurrentLinkedQueue<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void balancesOverHealthyServersAndLeavesOutOneThatStops() throws Exception {
        HttpServer a = backend("a");
        HttpServer b = backend("b");
        Haproxy haproxy = haproxy(List.of(a.getAddress(), b.getAddress()));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(get(haproxy, "GET").body());
        }
        assertThat(answers).contains("a", "b");
        assertThat(forwardedFor).isNotEmpty().allMatch("127.0.0.1"::equals);

        a.stop(0);
        // Even before the checks take it out, a request to the stopped server is retried on the other.
        assertThat(get(haproxy, "GET").statusCode()).isEqualTo(200);
        Thread.sleep(2000);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = get(haproxy, "GET");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("b");
        }
        assertThat(Haproxy.configText(List.of(a.getAddress()), 80)).contains("bind 127.0.0.1:80", "option httpchk GET /health");
    }

    @Test
    void readsAreRetriedOnAnotherServerButWritesAreNot() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        ServerSocket hangUp = hangingUpBackend(dropped);
        HttpServer b = backend("b");
        Haproxy haproxy = haproxy(List.of(new InetSocketAddress("127.0.0.1", hangUp.getLocalPort()), b.getAddress()));

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = get(haproxy, "GET");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("b");
        }
        int droppedReads = dropped.get();
        assertThat(droppedReads).isPositive();

        // A POST that reached the server that hung up is not sent again: the client gets a 502, or, when
        // the POST was not the first request on its connection, HAProxy closes the connection without an
        // answer (as a server closing an idle connection would), leaving any retry to the client.
        List<Integer> postStatuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            try {
                postStatuses.add(get(haproxy, "POST").statusCode());
            } catch (IOException noAnswer) {
                postStatuses.add(-1);
            }
        }
        assertThat(postStatuses).contains(200).containsAnyOf(502, -1).allMatch(s -> s == 200 || s == 502 || s == -1);
        assertThat(dropped.get() - droppedReads).isEqualTo(postStatuses.stream().filter(s -> s != 200).count());
    }

    private Haproxy haproxy(List<InetSocketAddress> backends) {
        Haproxy haproxy = Haproxy.start(backends);
        toClose.add(haproxy);
        return haproxy;
    }

    private HttpResponse<String> get(Haproxy haproxy, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(haproxy.uri().resolve("/")).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "edit" : "")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A server that answers its name at / (noting the X-Forwarded-For it got) and 200 at /health. */
    private HttpServer backend(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            forwardedFor.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")));
            exchange.getRequestBody().readAllBytes();
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        toClose.add(() -> server.stop(0));
        return server;
    }

    /** A server that passes its health checks but hangs up on every other request without answering. */
    private ServerSocket hangingUpBackend(AtomicInteger dropped) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    String head = readHead(socket.getInputStream());
                    if (head.startsWith("GET /health ")) {
                        socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } else {
                        dropped.incrementAndGet();
                    }
                } catch (IOException e) {
                    // Closed by the test, or HAProxy went away mid-request.
                }
            }
        });
        toClose.add(listener);
        return listener;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                break;
            }
            head.append((char) c);
        }
        return head.toString();
    }
}
