package org.clinwiki.bench;

import java.io.PrintWriter;
import org.clinwiki.cli.Main;

/**
 * {@code java -jar clinwiki-bench.jar <command>}: the product's command line with the benchmark
 * tools added, {@code benchmark search|load|hostile|mediawiki-import|cluster} and {@code generate-corpus}. The bench jar
 * runs beside {@code clinwiki.jar}, which its manifest puts on the class path.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 wrong usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.commandLine(out, err, new BenchmarkCommand(), new GenerateCorpusCommand(),
                new GenerateDumpCommand()).execute(args);
    }
}
