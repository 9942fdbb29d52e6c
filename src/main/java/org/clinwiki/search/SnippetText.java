package org.clinwiki.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;

/**
 * A page's text as kept in doc values for snippets: UTF-8, LZ4-compressed on its own. Stored
 * fields compress many documents together, so reading one hit decompressed its neighbours
 * too; uncompressed, the text doubled the index, and a merge reads all of it through the
 * memory map, which showed in the server's peak memory. One page at a time is both small and
 * quick to read.
 */
final class SnippetText {

    private SnippetText() {
    }

    static BytesRef pack(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeVInt(utf8.length);
            LZ4.compress(utf8, 0, utf8.length, out, new LZ4.FastCompressionHashTable());
        } catch (IOException e) {
            throw new UncheckedIOException("Compressing in memory failed", e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static String unpack(BytesRef packed) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(packed.bytes, packed.offset, packed.length);
        int length = in.readVInt();
        byte[] utf8 = new byte[length];
        LZ4.decompress(in, length, utf8, 0);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
