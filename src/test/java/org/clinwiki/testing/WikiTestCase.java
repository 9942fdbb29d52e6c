package org.clinwiki.testing;

import java.nio.file.Path;
import org.clinwiki.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One running wiki shared by the tests of a class (tests use distinct titles and users).
 * Starting the server once per class keeps the suite fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class WikiTestCase {

    protected TestWiki wiki;

    @BeforeAll
    void startWiki(@TempDir Path dataDir) {
        wiki = TestWiki.start(dataDir, this::configure);
    }

    /** Settings for this class's wiki; the defaults unless overridden. */
    protected Config configure(Config config) {
        return config;
    }

    @AfterAll
    void stopWiki() {
        if (wiki != null) {
            wiki.close();
        }
    }
}
