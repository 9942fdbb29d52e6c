package org.clinwiki.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Clinwiki server in a JVM of its own, started with {@code serve} as an operator would: for
 * tests that kill it, or run several nodes side by side. Its output is kept for assertions and
 * for the message of a failed start.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern PASSWORD = Pattern.compile("One-time password:\\s+(\\S+)");
    private static final Pattern SERVING = Pattern.compile("Clinwiki is serving .* at http://[^:]+:(\\d+)/");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ServerProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("server-output-" + process.pid()).start(this::readOutput);
    }

    /** Starts {@code serve} on a free port of 127.0.0.1 with {@code dataDir}, and {@code options} after. */
    public static ServerProcess start(Path dataDir, String... options) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.clinwiki.cli.Main", "serve",
                "--port", "0", "--host", "127.0.0.1", "--data", dataDir.toString()));
        command.addAll(List.of(options));
        try {
            return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a server process", e);
        }
    }

    /** Waits until it serves; returns its port. */
    public int awaitServing() {
        try {
            return port.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The server did not start: " + String.join("\n", output), e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + awaitServing());
    }

    /** The administrator's one-time password, if this server seeded the wiki. */
    public Optional<String> adminPassword() {
        awaitServing();
        synchronized (output) {
            return output.stream().map(PASSWORD::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
        }
    }

    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** SIGKILL: no shutdown hook runs, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private void waitForExit() {
        try {
            process.waitFor(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    port.complete(Integer.parseInt(serving.group(1)));
                }
            }
        } catch (IOException e) {
            // The process ended; what it wrote is kept.
        }
        port.completeExceptionally(new IllegalStateException("exited before serving"));
    }
}
