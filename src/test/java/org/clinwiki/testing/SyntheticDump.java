package org.clinwiki.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.clinwiki.wikitext.Sha1Base36;

/**
 * A MediaWiki dump (schema 0.11) of a made-up Clinfowiki, written as it is generated, for tests
 * and benchmarks of the import: articles with headings, links between them, lists, tables,
 * references and categories, a few templates, talk pages with signatures and redirects. Each
 * revision edits the previous one as real editors do (a section added, a reference, a
 * copyedit), by registered users and IP editors, at increasing times, with MediaWiki's sha1.
 * Revisions are 3 to 15 KB, save a redirect's last. The same seed writes the same dump.
 */
public final class SyntheticDump {

    private static final String[][] USERS = {{"Admin", "1"}, {"Wsterling", "2"}, {"Jdoe", "3"}, {"Mkhan", "4"},
        {"Apatel", "5"}, {"Lchen", "6"}, {"Rgarcia", "7"}, {"Informaticist", "8"}};
    private static final String[] SETTINGS = {"in pediatrics", "in emergency medicine", "in primary care",
        "in oncology", "in intensive care", "in long-term care", "in Canada", "in the United Kingdom"};
    private static final String[] TEMPLATES = {"Template:Stub", "Template:Cite journal", "Template:Infobox system"};
    private static final Instant START = Instant.parse("2005-03-01T09:00:00Z");
    private static final Duration SPAN = Duration.ofDays(18 * 365);

    private final Writer out;
    // One revision's escaped text, written at once: many small writes to a Writer cost more than the escaping.
    private final StringBuilder escaped = new StringBuilder(1 << 16);
    private final SplittableRandom random;
    private final long meanStepSeconds;
    private Instant clock = START;
    private long revisionId;

    private SyntheticDump(Writer out, long seed, long revisions) {
        this.out = out;
        this.random = new SplittableRandom(seed);
        this.meanStepSeconds = Math.max(2, SPAN.toSeconds() / Math.max(1, revisions));
    }

    /**
     * Writes {@code pages} pages of {@code revisionsPerPage} revisions each to {@code out}, which
     * is flushed, not closed.
     */
    public static void write(OutputStream out, int pages, int revisionsPerPage, long seed) throws IOException {
        if (pages < 0 || revisionsPerPage < 1) {
            throw new IllegalArgumentException("Can't write " + pages + " pages of " + revisionsPerPage + " revisions");
        }
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new SyntheticDump(writer, seed, (long) pages * revisionsPerPage).dump(pages, revisionsPerPage);
        writer.flush();
    }

    /** The titles of the articles a dump of {@code pages} pages has, which its pages link to. */
    static List<String> articleTitles(int pages) {
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            if (kind(i, pages) == Kind.ARTICLE) {
                titles.add(articleTitle(titles.size()));
            }
        }
        return titles.isEmpty() ? List.of(SyntheticArticle.TOPICS[0]) : titles;
    }

    private enum Kind { TEMPLATE, ARTICLE, TALK, REDIRECT }

    private static Kind kind(int page, int pages) {
        if (page < TEMPLATES.length && pages >= 10) {
            return Kind.TEMPLATE;
        }
        return page % 13 == 12 ? Kind.REDIRECT : page % 7 == 6 ? Kind.TALK : Kind.ARTICLE;
    }

    private static String articleTitle(int n) {
        String[] topics = SyntheticArticle.TOPICS;
        String topic = topics[n % topics.length];
        int round = n / topics.length;
        if (round == 0) {
            return topic;
        }
        String setting = SETTINGS[(round - 1) % SETTINGS.length];
        int again = (round - 1) / SETTINGS.length;
        return topic + " " + setting + (again == 0 ? "" : " (" + (again + 1) + ")");
    }

    private void dump(int pages, int revisionsPerPage) throws IOException {
        List<String> articles = articleTitles(pages);
        out.write("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"http://www.mediawiki.org/xml/export-0.11/ http://www.mediawiki.org/xml/export-0.11.xsd\" "
                + "version=\"0.11\" xml:lang=\"en\">\n");
        siteInfo();
        int written = 0;
        for (int i = 0; i < pages; i++) {
            Kind kind = kind(i, pages);
            String title = switch (kind) {
                case TEMPLATE -> TEMPLATES[i];
                case ARTICLE -> articles.get(written++);
                case TALK -> "Talk:" + articles.get(random.nextInt(Math.max(1, written)));
                case REDIRECT -> articles.get(random.nextInt(Math.max(1, written))) + " (merged " + i + ")";
            };
            String target = kind == Kind.REDIRECT ? articles.get(random.nextInt(Math.max(1, written))) : null;
            page(i + 1, title, kind, target, articles, revisionsPerPage);
        }
        out.write("</mediawiki>\n");
    }

    private void siteInfo() throws IOException {
        out.write("""
                  <siteinfo>
                    <sitename>Clinfowiki</sitename>
                    <dbname>clinfowiki</dbname>
                    <base>https://www.clinfowiki.org/wiki/index.php/Main_Page</base>
                    <generator>MediaWiki 1.39.3</generator>
                    <case>first-letter</case>
                    <namespaces>
                """);
        String[] names = {"Media", "Special", "", "Talk", "User", "User talk", "Clinfowiki", "Clinfowiki talk", "File",
            "File talk", "MediaWiki", "MediaWiki talk", "Template", "Template talk", "Help", "Help talk", "Category",
            "Category talk"};
        for (int i = 0; i < names.length; i++) {
            out.write("      <namespace key=\"" + (i - 2) + "\" case=\"first-letter\""
                    + (names[i].isEmpty() ? " />\n" : ">" + names[i] + "</namespace>\n"));
        }
        out.write("    </namespaces>\n  </siteinfo>\n");
    }

    private void page(int id, String title, Kind kind, String target, List<String> articles, int revisions)
            throws IOException {
        int namespace = kind == Kind.TEMPLATE ? 10 : kind == Kind.TALK ? 1 : 0;
        out.write("  <page>\n    <title>" + escape(title) + "</title>\n    <ns>" + namespace + "</ns>\n    <id>" + id
                + "</id>\n");
        if (target != null) {
            out.write("    <redirect title=\"" + escape(target) + "\" />\n");
        }
        SyntheticArticle article = new SyntheticArticle(kind == Kind.TALK ? title.substring(5) : title, articles, random);
        SyntheticTalk talk = kind == Kind.TALK ? new SyntheticTalk(random, USERS) : null;
        long parent = 0;
        for (int r = 0; r < revisions; r++) {
            String comment;
            if (r == 0) {
                comment = kind == Kind.TALK ? "New section" : "Created page";
            } else if (target != null && r == revisions - 1) {
                comment = "Merged into [[" + target + "]]";
            } else {
                comment = talk != null ? talk.reply(clock) : article.edit();
            }
            String text = target != null && r == revisions - 1 ? "#REDIRECT [[" + target + "]]\n"
                    : talk != null ? talk.render(clock)
                    : kind == Kind.TEMPLATE ? templateCode(title) + "<noinclude>\n" + article.render() + "</noinclude>"
                    : article.render();
            parent = revision(parent, comment, text);
        }
        out.write("  </page>\n");
    }

    private static String templateCode(String title) {
        return switch (title) {
            case "Template:Stub" -> "<div class=\"stub\">This article is a '''stub'''. You can help by expanding it.</div>";
            case "Template:Cite journal" -> "{{{last}}}, {{{first|}}}. \"{{{title}}}\". ''{{{journal}}}'' "
                    + "{{{year}}};{{{volume|}}}:{{{pages|}}}.{{#if:{{{pmid|}}}| PMID {{{pmid}}}}}";
            default -> "{| class=\"infobox\"\n! colspan=\"2\" | {{{name|{{PAGENAME}}}}}\n|-\n| Vendor || {{{vendor|}}}\n|}";
        };
    }

    private long revision(long parent, String comment, String text) throws IOException {
        long id = ++revisionId;
        clock = clock.plusSeconds(1 + random.nextLong(2 * meanStepSeconds));
        out.write("    <revision>\n      <id>" + id + "</id>\n");
        if (parent != 0) {
            out.write("      <parentid>" + parent + "</parentid>\n");
        }
        out.write("      <timestamp>" + clock + "</timestamp>\n      <contributor>\n");
        if (random.nextInt(7) == 0) {
            String ip = random.nextBoolean() ? "192.0.2." + (1 + random.nextInt(254))
                    : "2001:db8::" + Integer.toHexString(1 + random.nextInt(0xfffe));
            out.write("        <ip>" + ip + "</ip>\n");
        } else {
            String[] user = USERS[random.nextInt(USERS.length)];
            out.write("        <username>" + user[0] + "</username>\n        <id>" + user[1] + "</id>\n");
        }
        out.write("      </contributor>\n");
        if (parent != 0 && random.nextInt(4) == 0) {
            out.write("      <minor />\n");
        }
        String sha1 = Sha1Base36.of(text);
        out.write("      <comment>" + escape(comment) + "</comment>\n      <origin>" + id + "</origin>\n"
                + "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n      <text bytes=\""
                + text.getBytes(StandardCharsets.UTF_8).length + "\" sha1=\"" + sha1 + "\" xml:space=\"preserve\">");
        escaped.setLength(0);
        escapeTo(text, escaped);
        out.append(escaped);
        out.write("</text>\n      <sha1>" + sha1 + "</sha1>\n    </revision>\n");
        return id;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // As escape(), in runs: the revisions' texts are most of the dump.
    private static void escapeTo(String text, StringBuilder out) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null) {
                out.append(text, from, i).append(entity);
                from = i + 1;
            }
        }
        out.append(text, from, text.length());
    }
}
