package org.clinwiki.page;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * An immutable revision of a page, without its text. {@code size} is the text's length in
 * UTF-8 bytes and {@code sha1} its hex SHA-1. {@code parentId} is the revision it replaced.
 */
public record Revision(long id, long pageId, OptionalLong parentId, Author author, Instant timestamp,
                       String summary, boolean minor, int size, String sha1) {
}
