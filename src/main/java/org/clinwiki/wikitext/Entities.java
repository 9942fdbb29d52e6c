package org.clinwiki.wikitext;

import org.jsoup.parser.Parser;

/** HTML character references ({@code &nbsp;}, {@code &mdash;}, {@code &#123;}) as the characters they stand for. */
final class Entities {

    private Entities() {
    }

    static String decode(String text) {
        return text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
    }
}
