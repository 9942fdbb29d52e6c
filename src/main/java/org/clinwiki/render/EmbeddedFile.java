package org.clinwiki.render;

import org.clinwiki.title.Title;

/**
 * What a page needs to show a file: its current version, whether it is a raster image (scaled
 * by thumbnails), a vector image (scaled by the browser) or neither (linked), and its size in
 * pixels (0 when unknown).
 */
public record EmbeddedFile(Title title, long versionId, Kind kind, int width, int height) {

    public enum Kind { RASTER, VECTOR, DOCUMENT }
}
