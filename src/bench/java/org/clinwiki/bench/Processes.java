package org.clinwiki.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The processes a benchmark starts (a server, the baseline) and what Linux says about them. */
final class Processes {

    private static final Pattern PORT = Pattern.compile("(?:serving .* at http://[^:]+:|serving on port )(\\d+)");

    private Processes() {
    }

    /** Waits until the process uses less than a tenth of a core over a second (or a minute has passed). */
    static void awaitIdle(long pid) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long before = cpuTicks(pid);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = cpuTicks(pid);
            if (now - before < 10) {
                return;
            }
            before = now;
        }
    }

    /** User plus system CPU time of a process, in clock ticks (1/100 s on Linux). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The JVM options plus more. */
    static List<String> with(List<String> jvm, String... options) {
        List<String> all = new ArrayList<>(jvm);
        all.addAll(List.of(options));
        return all;
    }

    /** Starts a JVM running {@code main} with {@code args}, stdout and stderr merged. */
    static Process start(List<String> jvm, Class<?> main, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xlog:disable", "-cp", classPath(main)));
        command.addAll(jvm);
        command.add(main.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * The jar {@code main} comes from, when it comes from one: run from the jars, the server runs
     * the product ({@code clinwiki.jar}) alone, and the baseline the bench jar (whose manifest adds
     * {@code clinwiki.jar}). Run from class folders (tests, an IDE), this JVM's class path.
     */
    static String classPath(Class<?> main) {
        try {
            Path source = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) {
                return source.toString();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No usable location: fall back to this JVM's class path.
        }
        return System.getProperty("java.class.path");
    }

    /** Reads the process's output until it names its port; keeps draining it afterwards. */
    static int port(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            Matcher matcher = PORT.matcher(line);
            if (matcher.find()) {
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        output.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // The process ended; nothing more to drain.
                    }
                });
                return Integer.parseInt(matcher.group(1));
            }
        }
        throw new IllegalStateException("the process ended without announcing a port");
    }

    static double peakRssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
