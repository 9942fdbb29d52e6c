package org.clinwiki.render;

import java.util.Collection;
import java.util.Map;
import org.clinwiki.title.Title;

/** The current versions of files, for showing the files a page embeds. */
public interface FileSource {

    /** The live files among these titles; a missing or deleted one is left out. */
    Map<Title, EmbeddedFile> find(Collection<Title> files);

    /** For rendering without files (tests, tools): every file is missing. */
    FileSource NONE = files -> Map.of();
}
