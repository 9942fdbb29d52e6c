package org.clinwiki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s options that are checked before anything starts: a typo must stop the start with a clear message. */
class ServeCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void trustedProxiesThatAreNotAddressesStopTheStart() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--port", "0", "--trusted-proxies", "10.0.0.0/8,lb.example.org",
                "--data", dataDir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("--trusted-proxies", "\"lb.example.org\"", "CIDR");
        assertThat(out.toString()).doesNotContain("serving");
    }
}
