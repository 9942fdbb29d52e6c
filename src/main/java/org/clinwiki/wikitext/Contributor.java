package org.clinwiki.wikitext;

/** Who made a revision or an upload. */
public sealed interface Contributor {

    /** An account; {@code id} is 0 when the dump doesn't give it (imported or very old edits). */
    record Registered(String name, long id) implements Contributor {
    }

    /**
     * An edit without an account: usually an IP address, but old dumps also have made-up names
     * here ({@code Conversion script}).
     */
    record Anonymous(String ip) implements Contributor {
    }

    /** Hidden by an administrator ({@code <contributor deleted="deleted"/>}), or missing from the dump. */
    record Deleted() implements Contributor {
    }
}
