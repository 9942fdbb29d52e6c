package org.clinwiki.web.view;

import java.util.Optional;

/** The upload form: the name asked for, whether it replaces a file, and what went wrong last time. */
public record UploadView(String name, String comment, boolean replace, Optional<String> error, long maxBytes,
                         String allowedTypes, boolean mayUpload) {
}
