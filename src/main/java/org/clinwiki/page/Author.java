package org.clinwiki.page;

/** Who wrote a revision: user name, display name, and credentials as they were at the time. */
public record Author(String name, String displayName, String credentials) {
}
