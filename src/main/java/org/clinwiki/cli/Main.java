package org.clinwiki.cli;

import java.io.PrintWriter;
import java.util.List;
import org.clinwiki.error.DatabaseUnavailableException;
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
                ReindexCommand.class, ReconvertCommand.class, MigrateDbCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code: 0 done, 1 failed, 2 wrong usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    /**
     * The command line {@link #run} executes, with {@code extraSubcommands} (picocli commands)
     * added: for tools built beside the product, such as the benchmarks. It writes to {@code out}
     * and {@code err} and answers failures with the same exit codes.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Object... extraSubcommands) {
        CommandLine commandLine = new CommandLine(new Main());
        for (Object subcommand : extraSubcommands) {
            commandLine.addSubcommand(subcommand);
        }
        // Set after the subcommands are added: picocli hands these settings only to the subcommands there are.
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parsed) -> {
            if (exception instanceof WikiException || exception instanceof CommandFailedException
                    || exception instanceof DatabaseUnavailableException) {
                line.getErr().println("error: " + exception.getMessage());
                return 1;
            }
            throw exception;
        });
        return commandLine;
    }

    @Override
    public void run() {
        List<String> names = List.copyOf(spec.subcommands().keySet());
        String listed = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: " + listed + ".");
    }
}
