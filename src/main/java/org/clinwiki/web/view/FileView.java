package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/**
 * A file on its {@code File:} page, above its description: the image (or a download link), the
 * table of its versions with thumbnails, and the pages that show it.
 */
public record FileView(String name, String fileUrl, String mediaType, String size, Optional<Picture> picture,
                       List<VersionRow> versions, List<Link> usage, boolean canUpload, String uploadUrl) {

    /** An image as the page shows it: its address, sources for dense screens, and its size in pixels. */
    public record Picture(String src, String srcset, int width, int height, String alt) {

        /** For the template: an attribute whose value is null is left out. */
        public String srcsetOrNone() {
            return srcset.isEmpty() ? null : srcset;
        }

        public Integer heightOrNone() {
            return height > 0 ? height : null;
        }
    }

    /** One version in the table; {@code revertable} when the viewer may make it current again. */
    public record VersionRow(long id, boolean current, String url, String isoTime, String shownTime, Optional<Picture> thumbnail,
                             String dimensions, String size, Link uploader, String comment, boolean revertable,
                             String revertUrl) {
    }
}
