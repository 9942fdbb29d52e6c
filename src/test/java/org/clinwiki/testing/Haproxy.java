package org.clinwiki.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy (Debian's {@code haproxy}, on the PATH or at {@code $CLINWIKI_HAPROXY}) in front of
 * several servers, configured as production would be (see {@link #configText}): round robin,
 * health checks on {@code /health}, failed reads retried on another server. It runs in the
 * foreground as our child, on 127.0.0.1 and a free port, until {@link #close()} or the JVM's exit.
 */
public final class Haproxy implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Path binary;
    private final Path dir;
    private final Path config;
    private final Path log;
    private final int port;
    private final Thread shutdownHook = new Thread(this::shutDown, "stop HAProxy");
    private Process process;
    private String check = "";
    private boolean closed;

    private Haproxy(Path binary, int port) {
        this.binary = binary;
        this.port = port;
        try {
            this.dir = Files.createTempDirectory("clinwiki-haproxy-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.config = dir.resolve("haproxy.cfg");
        this.log = dir.resolve("haproxy.log");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** HAProxy balancing over the backends (each serving {@code /health}), accepting connections when this returns. */
    public static Haproxy start(List<InetSocketAddress> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("HAProxy needs at least one backend");
        }
        Path binary = Processes.executable("CLINWIKI_HAPROXY", "haproxy")
                .orElseThrow(() -> new IllegalStateException("HAProxy tests need haproxy on the PATH: install Debian's haproxy "
                        + "package (apt-get install haproxy; .ci/run does this), or set CLINWIKI_HAPROXY to the program"));
        // The free port can be taken by another process before HAProxy binds it; then another is tried.
        for (int attempt = 1; ; attempt++) {
            Haproxy haproxy = new Haproxy(binary, Processes.freePort());
            try {
                haproxy.launch(backends);
                return haproxy;
            } catch (IllegalStateException e) {
                haproxy.close();
                if (attempt == 3 || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    /**
     * The configuration {@link #start} runs: HAProxy 2.6 in front of Clinwiki servers. The comments
     * say why each part is there, so that the text can serve as the documentation's sample.
     */
    public static String configText(List<InetSocketAddress> backends, int port) {
        String servers = IntStream.range(0, backends.size())
                .mapToObj(i -> "    server wiki" + (i + 1) + " " + backends.get(i).getHostString() + ":" + backends.get(i).getPort() + " check")
                .collect(Collectors.joining("\n"));
        return """
                # HAProxy in front of Clinwiki servers that share one PostgreSQL database.
                global
                    # One line per request and per server going down or up, on stderr (use syslog in production).
                    log stderr format raw local0 info

                defaults
                    mode http
                    log global
                    option httplog
                    # Connections that send nothing (port probes) are not worth a line.
                    option dontlognull
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                    # The wiki learns the visitor's address from X-Forwarded-For; it must trust only this proxy's.
                    option forwardfor
                    # A failed request is tried twice more, the last time on another server.
                    retries 2
                    option redispatch
                    retry-on conn-failure empty-response response-timeout

                frontend clinwiki
                    bind 127.0.0.1:%d
                    default_backend wikis

                backend wikis
                    balance roundrobin
                    # A server is taken out after two failed checks half a second apart, and back after two good ones.
                    option httpchk GET /health
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                    # HAProxy would resend any request. One that may change something (anything but GET
                    # and HEAD) is resent only when it never reached a server (a connection failure).
                    http-request disable-l7-retry if !METH_GET
                %s
                """.formatted(port, servers);
    }

    public int port() {
        return port;
    }

    /** HAProxy's process id, for benchmarks that read its CPU time. */
    public long pid() {
        return process.pid();
    }

    /** {@code http://127.0.0.1:PORT} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** HAProxy's output: warnings, servers going down or up, and one line per request. */
    public Path logFile() {
        return log;
    }

    /** Stops HAProxy and removes its directory. */
    @Override
    public void close() {
        shutDown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException exiting) {
            // The JVM is exiting; the hook finds HAProxy closed.
        }
    }

    private synchronized void shutDown() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process != null) {
                // SIGTERM is HAProxy's hard stop: open connections are closed at once.
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    Processes.killTree(process.toHandle());
                }
            }
        } catch (InterruptedException e) {
            Processes.killTree(process.toHandle());
            Thread.currentThread().interrupt();
        } finally {
            Processes.deleteRecursively(dir);
        }
    }

    /** Checks the configuration, runs HAProxy in the foreground (-db), and waits until its port accepts connections. */
    private void launch(List<InetSocketAddress> backends) {
        try {
            Files.writeString(config, configText(backends, port));
            Processes.Result checked = Processes.run(List.of(binary.toString(), "-c", "-f", config.toString()), WAIT);
            check = checked.output().strip();
            if (checked.exit() != 0) {
                throw failure("haproxy -c rejects the configuration");
            }
            process = new ProcessBuilder(binary.toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw failure("HAProxy exited (" + process.exitValue() + ") at start");
                }
                if (System.nanoTime() > deadline) {
                    throw failure("HAProxy does not accept connections on port " + port);
                }
                Processes.sleep(20);
            }
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + "\nhaproxy -c said: " + (check.isEmpty() ? "(nothing)" : check)
                + "\nHAProxy's output:\n" + Processes.tail(log, 30) + "\nconfiguration " + config + ":\n" + readConfig());
    }

    private String readConfig() {
        try {
            return Files.readString(config);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
