package org.clinwiki.wikitext;

import java.util.Optional;

/**
 * The start of a page, as its header says: its revisions and uploads follow, then a
 * {@link DumpEntry.PageEnd}.
 *
 * @param title the full title with its namespace prefix, as MediaWiki shows it ({@code Talk:Foo})
 * @param namespace MediaWiki's number: from {@code <ns>}, or, in dumps before schema 0.6 that
 *     lack it, from the title's prefix and the names in {@code <siteinfo>}
 * @param redirect whether the page was a redirect when dumped. Dumps before 0.6 write an empty
 *     {@code <redirect/>}: then the target is known only from the text ({@code #REDIRECT [[X]]})
 * @param redirectTarget the target's title when the dump names it ({@code <redirect title="X"/>})
 * @param restrictions protection as MediaWiki writes it ({@code edit=sysop:move=sysop}), or
 *     {@code ""}
 */
public record DumpPage(long id, String title, int namespace, boolean redirect, Optional<String> redirectTarget,
        String restrictions) implements DumpEntry {

    /**
     * Reads a page's header, from {@code <page>} to its first revision or upload (the cursor is
     * left on its start tag) or to the page's end.
     */
    static DumpPage read(DumpFormat.Cursor cursor, SiteInfo.Prefixes prefixes) {
        String title = null;
        Integer namespace = null;
        long id = 0;
        boolean redirect = false;
        Optional<String> target = Optional.empty();
        String restrictions = "";
        while (cursor.toChild()) {
            String name = cursor.name();
            if (name.equals("revision") || name.equals("upload")) {
                break;
            }
            switch (name) {
                case "title" -> title = cursor.text();
                case "ns" -> namespace = Math.toIntExact(cursor.number());
                case "id" -> id = cursor.number();
                case "redirect" -> {
                    redirect = true;
                    String to = cursor.attribute("title");
                    target = to.isEmpty() ? Optional.empty() : Optional.of(to);
                    cursor.skip();
                }
                case "restrictions" -> restrictions = cursor.text();
                default -> cursor.skip();
            }
        }
        if (title == null) {
            throw cursor.malformed("a page without a <title>");
        }
        return new DumpPage(id, title, namespace != null ? namespace : prefixes.of(title), redirect, target, restrictions);
    }
}
