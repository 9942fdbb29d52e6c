package org.clinwiki.file;

/**
 * An upload ready to store: its type and the bytes to keep (images re-encoded without metadata),
 * with the pixel size of a raster image (0 by 0 for anything else).
 */
public record CleanFile(FileType type, byte[] bytes, int width, int height) {

    public CleanFile {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
