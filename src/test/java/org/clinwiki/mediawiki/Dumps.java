package org.clinwiki.mediawiki;

import java.util.ArrayList;
import java.util.List;
import org.clinwiki.wikitext.Sha1Base36;

/** Small MediaWiki export files written out in tests, as Special:Export writes them (schema 0.11). */
final class Dumps {

    private final StringBuilder pages = new StringBuilder();
    private final String dbName;

    Dumps(String dbName) {
        this.dbName = dbName;
    }

    /** A revision: its id, time (ISO), author ({@code ip:1.2.3.4} for an IP editor), summary, minor flag, text. */
    record Rev(long id, String time, String author, String comment, boolean minor, String text) {
    }

    static Rev rev(long id, String time, String author, String comment, String text) {
        return new Rev(id, time, author, comment, false, text);
    }

    Dumps page(long id, int ns, String title, Rev... revisions) {
        pages.append("  <page>\n    <title>").append(escape(title)).append("</title>\n    <ns>").append(ns)
                .append("</ns>\n    <id>").append(id).append("</id>\n");
        long parent = 0;
        for (Rev rev : revisions) {
            pages.append("    <revision>\n      <id>").append(rev.id()).append("</id>\n");
            if (parent != 0) {
                pages.append("      <parentid>").append(parent).append("</parentid>\n");
            }
            pages.append("      <timestamp>").append(rev.time()).append("</timestamp>\n      <contributor>");
            if (rev.author().startsWith("ip:")) {
                pages.append("<ip>").append(rev.author().substring(3)).append("</ip>");
            } else {
                pages.append("<username>").append(escape(rev.author())).append("</username><id>7</id>");
            }
            pages.append("</contributor>\n");
            if (rev.minor()) {
                pages.append("      <minor/>\n");
            }
            pages.append("      <comment>").append(escape(rev.comment())).append("</comment>\n")
                    .append("      <model>wikitext</model>\n      <format>text/x-wiki</format>\n")
                    .append("      <text bytes=\"").append(rev.text().length()).append("\" xml:space=\"preserve\">")
                    .append(escape(rev.text())).append("</text>\n      <sha1>").append(Sha1Base36.of(rev.text()))
                    .append("</sha1>\n    </revision>\n");
            parent = rev.id();
        }
        pages.append("  </page>\n");
        return this;
    }

    String xml() {
        List<String> namespaces = new ArrayList<>(List.of("-2|Media", "-1|Special", "0|", "1|Talk", "2|User", "3|User talk",
                "4|Clinfowiki", "5|Clinfowiki talk", "6|File", "7|File talk", "10|Template", "11|Template talk", "12|Help",
                "13|Help talk", "14|Category", "15|Category talk", "100|Portal"));
        StringBuilder xml = new StringBuilder("""
                <mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
                  <siteinfo>
                    <sitename>Clinfowiki</sitename>
                    <dbname>%s</dbname>
                    <base>http://clinfowiki.example/wiki/Main_Page</base>
                    <generator>MediaWiki 1.39.17</generator>
                    <case>first-letter</case>
                    <namespaces>
                """.formatted(dbName));
        for (String namespace : namespaces) {
            String[] parts = namespace.split("\\|", -1);
            xml.append("      <namespace key=\"").append(parts[0]).append("\" case=\"first-letter\"")
                    .append(parts[1].isEmpty() ? " />\n" : ">" + parts[1] + "</namespace>\n");
        }
        xml.append("    </namespaces>\n  </siteinfo>\n").append(pages).append("</mediawiki>\n");
        return xml.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
