package org.clinwiki.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

    /** Starts a JVM of this classpath running {@code mainAndArgs}, stdout and stderr merged. */
    static Process start(List<String> jvm, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xlog:disable", "-cp", System.getProperty("java.class.path")));
        command.addAll(jvm);
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
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
