package org.clinwiki.user;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

/**
 * When two names would look alike on screen: ICU's confusable skeletons (Unicode TS #39), so
 * "bоss" with a Cyrillic "о", "B0SS", "Iinda" or "rnary" collide with "boss", "linda" and
 * "mary". The skeleton is taken of the name as written (a capital I looks like a small l) and
 * then lower-cased, since names are unique ignoring case. Thread-safe: an ICU spoof checker does
 * not change once built.
 */
public final class Confusables {

    private final SpoofChecker checker = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    /** The form two names share when a reader could mistake one for the other. */
    public String skeleton(String name) {
        return checker.getSkeleton(name).toLowerCase(Locale.ROOT);
    }
}
