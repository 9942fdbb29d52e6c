package org.clinwiki.cli;

import java.io.PrintWriter;
import org.clinwiki.error.WikiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar clinwiki.jar <command>}: the entry point. {@code --help} and {@code --version}
 * are inherited by every command and subcommand, so each prints its usage and exits 0.
 */
@Command(name = "clinwiki", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "Clinwiki 0.1",
        description = "A wiki for clinical informatics.",
        subcommands = {ServeCommand.class, UserCommand.class, ImportCommand.class, ExportCommand.class,
                ReindexCommand.class, BenchmarkCommand.class, GenerateCorpusCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 wrong usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof WikiException || exception instanceof CommandFailedException) {
                line.getErr().println("error: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: serve, user, import, export, reindex, benchmark or generate-corpus.");
    }
}
