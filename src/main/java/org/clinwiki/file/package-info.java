/**
 * Uploaded files: the type read from the bytes, images cleaned of metadata and checked against
 * decompression bombs, SVGs sanitised, thumbnails as a rebuildable cache, and the versions of each
 * {@code File:} title with their bytes stored once by SHA-256.
 */
package org.clinwiki.file;
