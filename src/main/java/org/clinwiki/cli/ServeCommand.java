package org.clinwiki.cli;

import org.clinwiki.limit.Limits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.clinwiki.App;
import org.clinwiki.Config;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.cluster.TrustedProxies;
import org.clinwiki.user.RegistrationMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", description = "Run the wiki's web server until stopped.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--port", defaultValue = "${env:CLINWIKI_PORT:-8080}", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:CLINWIKI_HOST:-127.0.0.1}",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port-file", paramLabel = "FILE",
            description = "Once serving, write the bound port (a number and a newline) to FILE: for scripts, with --port 0.")
    Optional<Path> portFile;

    @Option(names = "--registration", defaultValue = "${env:CLINWIKI_REGISTRATION:-approval}",
            description = "Who may create accounts: open, approval or closed (default: ${DEFAULT-VALUE}).")
    String registration;

    @Option(names = "--edits-per-minute", defaultValue = "${env:CLINWIKI_EDITS_PER_MINUTE:-30}",
            description = "Saves and reverts one user may make per minute (default: ${DEFAULT-VALUE}).")
    int editsPerMinute;

    @Option(names = "--login-failures", defaultValue = "${env:CLINWIKI_LOGIN_FAILURES:-5}",
            description = "Failed logins allowed per account per 15 minutes before 429 (default: ${DEFAULT-VALUE}).")
    int loginFailures;

    @Option(names = "--login-failures-per-address", defaultValue = "${env:CLINWIKI_LOGIN_FAILURES_PER_ADDRESS:-30}",
            description = "Failed logins allowed per client address per 15 minutes before 429 (default: ${DEFAULT-VALUE}).")
    int loginFailuresPerAddress;

    @Option(names = "--previews-per-minute", defaultValue = "${env:CLINWIKI_PREVIEWS_PER_MINUTE:-120}",
            description = "Edit previews one user may ask for per minute (default: ${DEFAULT-VALUE}).")
    int previewsPerMinute;

    @Option(names = "--registrations-per-hour", defaultValue = "${env:CLINWIKI_REGISTRATIONS_PER_HOUR:-20}",
            description = "Accounts that may be registered from one client address per hour (default: ${DEFAULT-VALUE}).")
    int registrationsPerHour;

    @Option(names = "--image-hosts", split = ",", defaultValue = "${env:CLINWIKI_IMAGE_HOSTS:-}", paramLabel = "HOST[,HOST...]",
            description = "Other sites pages may show images from; images from anywhere else show as links (default: none).")
    List<String> imageHosts;

    @Option(names = "--trusted-proxies", split = ",", defaultValue = "${env:CLINWIKI_TRUSTED_PROXIES:-}",
            paramLabel = "ADDR[,ADDR...]",
            description = "Load balancers or proxies (IP addresses or CIDR ranges such as 10.0.0.0/8) whose X-Forwarded-For "
                          + "names the client; from anyone else the header is ignored (default: none).")
    List<String> trustedProxies;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        RegistrationMode mode = RegistrationMode.ofKey(registration).orElseThrow(() ->
                new CommandFailedException("--registration must be open, approval or closed."));
        if (editsPerMinute < 1 || loginFailures < 1 || loginFailuresPerAddress < 1 || previewsPerMinute < 1
                || registrationsPerHour < 1) {
            throw new CommandFailedException("--edits-per-minute, --login-failures, --login-failures-per-address, "
                    + "--previews-per-minute and --registrations-per-hour must be at least 1.");
        }
        Limits limits = Limits.defaults().withLoginFailures(loginFailures, loginFailuresPerAddress)
                .withEditsPerMinute(editsPerMinute).withPreviewsPerMinute(previewsPerMinute)
                .withRegistrationsPerHour(registrationsPerHour);
        Config config = data.config().withPort(port).withHost(host).withRegistration(mode).withLimits(limits)
                .withImageHosts(ImageHosts.parse(imageHosts)).withTrustedProxies(trustedProxies(trustedProxies));
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.systemUTC();
        Optional<String> adminPassword;
        try (Wiki wiki = Wiki.open(config, clock)) {
            adminPassword = FirstRun.prepare(wiki);
        }
        App app = new App(config, clock);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "clinwiki-shutdown"));
        adminPassword.ifPresent(password -> {
            out.println();
            out.println("  A new wiki. Administrator account: " + FirstRun.ADMIN_ACCOUNT);
            out.println("  One-time password:                 " + password);
            out.println("  It is shown only now. Log in and change it at /special/change-password.");
            out.println();
        });
        // The one line scripts may parse (README): the data directory, then the URL with the bound port.
        out.println("Clinwiki is serving " + config.dataDir().toAbsolutePath() + " at http://"
                + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + app.port() + "/");
        out.flush();
        if (portFile.isPresent()) {
            writePort(portFile.get(), app.port());
        }
        stopped.await();
        return 0;
    }

    /** The {@code --trusted-proxies} list, checked now so a typo stops the start instead of trusting no one (or anyone). */
    private static List<String> trustedProxies(List<String> given) {
        List<String> proxies = given == null ? List.of() : given.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        try {
            TrustedProxies.parse(proxies);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("--trusted-proxies: " + e.getMessage());
        }
        return proxies;
    }

    /** Written whole and then moved into place, so a script polling for the file never reads half of it. */
    private static void writePort(Path file, int port) {
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.writeString(partial, port + "\n");
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CommandFailedException("Cannot write the port to " + file + ": " + e.getMessage());
        }
    }
}
