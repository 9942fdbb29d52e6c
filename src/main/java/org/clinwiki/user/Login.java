package org.clinwiki.user;

import java.time.Instant;

/** A successful login: the bearer token (shown once, stored hashed) and whom it belongs to. */
public record Login(String token, Instant expires, User user) {
}
