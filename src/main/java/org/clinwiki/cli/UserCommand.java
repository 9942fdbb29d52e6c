package org.clinwiki.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.user.Role;
import org.clinwiki.user.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "user", description = "Manage accounts.", subcommands = {UserCommand.Add.class, UserCommand.Password.class,
        UserCommand.Activate.class, UserCommand.Merge.class})
final class UserCommand {

    @Command(name = "add", description = "Create an account. The password is read from standard input.")
    static final class Add implements Callable<Integer> {

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "NAME", description = "User name (2-40 letters, digits, . - _).")
        String name;

        @Option(names = "--role", required = true, description = "reader, editor or admin.")
        String role;

        @Option(names = "--display-name", defaultValue = "", description = "Name shown with edits (default: the user name).")
        String displayName;

        @Option(names = "--credentials", defaultValue = "", description = "Shown with edits, e.g. \"MD, clinical informaticist\".")
        String credentials;

        @Mixin
        PasswordInput password;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role parsedRole = Role.ofKey(role).orElseThrow(() ->
                    new CommandFailedException("--role must be reader, editor or admin."));
            String secret = password.read();
            try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
                User user = wiki.users().create(name, displayName, credentials, parsedRole, secret);
                spec.commandLine().getOut().println("Created " + user.role().key() + " " + user.name() + ".");
            }
            return 0;
        }
    }

    @Command(name = "password", description = "Set an account's password. The password is read from standard input.")
    static final class Password implements Callable<Integer> {

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        PasswordInput password;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String secret = password.read();
            try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
                wiki.users().resetPassword(name, secret);
                spec.commandLine().getOut().println("Password of " + name + " changed; their sessions were ended.");
            }
            return 0;
        }
    }

    @Command(name = "activate", description = {"Let an account log in: an imported author's, or one awaiting approval.",
            "The password is read from standard input."})
    static final class Activate implements Callable<Integer> {

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        PasswordInput password;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String secret = password.read();
            try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
                wiki.users().activate(name, secret);
                spec.commandLine().getOut().println("Activated " + name + "; they can log in with the password given.");
            }
            return 0;
        }
    }

    @Command(name = "merge", description = "Credit an imported author's revisions to a real account, and retire the imported one.")
    static final class Merge implements Callable<Integer> {

        @Mixin
        DataOptions data;

        @Parameters(index = "0", paramLabel = "IMPORTED", description = "The account made by an import.")
        String imported;

        @Parameters(index = "1", paramLabel = "INTO", description = "The person's real account.")
        String into;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Wiki wiki = Wiki.open(data.config(), Clock.systemUTC())) {
                int moved = wiki.authorMerge().merge(FirstRun.systemActor(wiki), imported, into);
                spec.commandLine().getOut().println("Merged " + imported + " into " + into + ": " + moved + " revisions now credited to "
                        + into + ".");
            }
            return 0;
        }
    }
}
