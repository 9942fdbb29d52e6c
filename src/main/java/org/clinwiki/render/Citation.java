package org.clinwiki.render;

import java.util.Map;

/** TEMPORARY stub until the helper's version is merged. */
public final class Citation {
    public static String markdown(String kind, Map<String, String> params) {
        return MarkdownText.escape(String.valueOf(params.get("title")));
    }
}
