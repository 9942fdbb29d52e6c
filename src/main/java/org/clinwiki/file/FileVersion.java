package org.clinwiki.file;

import java.time.Instant;
import java.util.OptionalLong;
import org.clinwiki.page.Author;

/**
 * One immutable version of a file: its bytes' SHA-256, size, media type and pixel size, and the
 * upload that made it (the revision of the file's page, its uploader, time and comment). A
 * revert adds a version with an older one's bytes and says which in {@code revertedFrom}.
 */
public record FileVersion(long id, long revisionId, String sha256, long size, String mediaType, int width, int height,
                          Author uploader, Instant timestamp, String comment, OptionalLong revertedFrom) {

    public boolean hasPixelSize() {
        return width > 0 && height > 0;
    }
}
