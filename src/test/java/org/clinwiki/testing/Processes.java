package org.clinwiki.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the harnesses of real servers (PostgreSQL, HAProxy) share: running commands, waiting for processes, ports, directories. */
final class Processes {

    private Processes() {
    }

    record Result(int exit, String output) {
    }

    /** Runs a command to its end; output goes to a file, which a process left behind cannot hold open as it could a pipe. */
    static Result run(List<String> command, Duration timeout) {
        Path output = null;
        try {
            output = Files.createTempFile("clinwiki-command", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return new Result(-1, String.join(" ", command) + " did not finish in " + timeout + ":\n" + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            return new Result(-1, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /**
     * Sends a signal ("-STOP", "-CONT") with kill(1), which Java has no API for, to a process and
     * then to what it started: children listed after their parent stopped cannot fork more. A child
     * that has ended meanwhile is no error.
     */
    static void signalTree(String signal, ProcessHandle root) {
        Result result = run(List.of("kill", signal, String.valueOf(root.pid())), Duration.ofSeconds(10));
        if (result.exit() != 0) {
            throw new IllegalStateException("kill " + signal + " " + root.pid() + ": " + result.output());
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        root.descendants().forEach(p -> command.add(String.valueOf(p.pid())));
        if (command.size() > 2) {
            run(command, Duration.ofSeconds(10));
        }
    }

    /**
     * Whether a process still runs. A process that is not our child waits as a zombie when it ends
     * until init reaps it, which can take seconds; {@link ProcessHandle#isAlive()} counts zombies.
     */
    static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /** Waits until none of the processes runs; false if some still do after the timeout. */
    static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(Processes::running)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    /** Kills a process and everything it started, and waits for them. */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> all = Stream.concat(Stream.of(root), root.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        awaitExit(all, Duration.ofSeconds(10));
    }

    /**
     * An executable named by an environment variable, else the first of the names on the PATH or in
     * /usr/sbin (where Debian puts daemons such as haproxy, and which a user's PATH may lack).
     */
    static Optional<Path> executable(String variable, String... names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin") + File.pathSeparator + "/usr/sbin";
        return Stream.of(path.split(File.pathSeparator)).flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    /** A port nobody listens on now; another process can still take it before the caller binds it. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of a log, for error messages. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ": " + e + ")";
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a temporary directory left behind is no reason to fail a test.
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
