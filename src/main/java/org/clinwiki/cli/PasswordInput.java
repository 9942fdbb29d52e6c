package org.clinwiki.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/**
 * {@code --password-stdin}: a password comes from standard input, never from an argument,
 * where it would show in the process list and the shell history.
 */
final class PasswordInput {

    @Option(names = "--password-stdin", required = true, description = "Read the password from the first line of standard input.")
    boolean fromStdin;

    String read() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CommandFailedException("No password on standard input.");
            }
            return line;
        } catch (IOException e) {
            throw new CommandFailedException("Cannot read the password from standard input: " + e.getMessage());
        }
    }
}
