package org.clinwiki.user;

/** Who is doing something and from where (an IP address), for permission checks and the audit log. */
public record Actor(User user, String address) {
}
