package org.clinwiki.file;

import java.util.List;

/**
 * How large one upload may be, how many bytes all files together may take in the database, and
 * which media types beyond the built-in images and PDF may be uploaded (served as downloads).
 */
public record FileLimits(long maxFileBytes, long maxStoredBytes, List<String> extraMediaTypes) {

    private static final long MIB = 1024 * 1024;

    public FileLimits {
        extraMediaTypes = List.copyOf(extraMediaTypes);
        if (maxFileBytes <= 0 || maxStoredBytes <= 0) {
            throw new IllegalArgumentException("File limits must be positive.");
        }
    }

    /** 10 MiB a file (MediaWiki's sites mostly allow less), 10 GiB in all. */
    public static FileLimits defaults() {
        return new FileLimits(10 * MIB, 10 * 1024 * MIB, List.of());
    }
}
