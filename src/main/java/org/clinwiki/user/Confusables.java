package org.clinwiki.user;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * When two names would look alike on screen: ICU's confusable skeletons (Unicode TS #39), so
 * "bоss" with a Cyrillic "о", "paypa1" or "rnary" collide with "boss", "paypal" and "mary".
 * Names compare ignoring case, so the skeleton is of the lower-cased name. Thread-safe: an
 * ICU spoof checker does not change once built.
 */
public final class Confusables {

    private final SpoofChecker checker = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    /** The form two names share when a reader could mistake one for the other. */
    public String skeleton(String name) {
        return checker.getSkeleton(name.toLowerCase(Locale.ROOT));
    }
}
