package org.clinwiki.cli;

import java.nio.file.Path;
import org.clinwiki.Config;
import picocli.CommandLine.Option;

/** The {@code --data} option every command shares. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:CLINWIKI_DATA:-data}",
            description = "Data directory holding the database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    Config config() {
        return Config.defaults().withDataDir(dataDir);
    }
}
