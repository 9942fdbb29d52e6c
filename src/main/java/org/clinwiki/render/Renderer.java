package org.clinwiki.render;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.title.Title;
import org.jsoup.nodes.Entities;

/**
 * Markdown to sanitised HTML, and what the text says about the page: links, categories,
 * redirect, headings and plain text. Pure: the output depends only on the text. Thread-safe;
 * the flexmark parsers and renderer are built once.
 */
public final class Renderer {

    private static final Pattern REDIRECT = Pattern.compile(
            "\\A[ \\t]*#REDIRECT[ \\t]*:?[ \\t]*\\[\\[([^\\[\\]\\n|]+)(?:\\|[^\\]\\n]*)?]][^\\n]*(?:\\n|\\z)",
            Pattern.CASE_INSENSITIVE);
    private static final String FOOTNOTES = "<div class=\"footnotes\">\n<hr />";
    private static final String REFERENCES_ID = "references";

    private final Parser parser;
    private final Parser leanParser;
    private final HtmlRenderer htmlRenderer;
    private final Sanitizer sanitizer;

    public Renderer(Sanitizer sanitizer) {
        this.sanitizer = sanitizer;
        this.parser = Parser.builder(options(List.of(TablesExtension.create(), FootnoteExtension.create(),
                TocExtension.create(), AutolinkExtension.create(), StrikethroughExtension.create(), new WikiSyntax(),
                new HeadingStarts()))).build();
        this.htmlRenderer = HtmlRenderer.builder(parser.getOptions()).build();
        // Links, categories, headings and text need only wiki links and footnotes; the rest costs parsing time.
        this.leanParser = Parser.builder(options(List.of(FootnoteExtension.create(), new WikiSyntax(), new HeadingStarts()))).build();
    }

    private static MutableDataSet options(List<Extension> extensions) {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, extensions)
                .set(HtmlRenderer.ESCAPE_HTML, true)
                // Looks through a node's children for attributes on every tag it writes: quadratic in long lists of notes.
                .set(HtmlRenderer.EMBEDDED_ATTRIBUTE_PROVIDER, false)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, WikiLinkTarget.HEADING_DASH_CHARS)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE, true)
                .set(WikiLinkExtension.LINK_FIRST_SYNTAX, true)
                .set(WikiLinkExtension.ALLOW_ANCHORS, true)
                .set(TocExtension.LEVELS, TocExtension.LEVELS.get(null) | 1 << 4)
                .set(TocExtension.LIST_CLASS, "toc")
                .set(TablesExtension.CLASS_NAME, "wikitable");
    }

    /** What the text says, without producing HTML: for saving an edit and for search. */
    public ParsedPage parse(String markdown) {
        return bounded(markdown, () -> parseChecked(markdown));
    }

    private ParsedPage parseChecked(String markdown) {
        Source source = Source.of(markdown);
        Document document = leanParser.parse(source.body());
        Collected collected = collect(document, source.redirect());
        new HeaderIdGenerator().generateIds(document);
        List<Heading> headings = headings(document);
        if (hasFootnotes(document) && !headings.isEmpty()) {
            headings.add(new Heading(2, "References", REFERENCES_ID));
        }
        return collected.parsed(source.redirect(), headings, PlainText.of(document));
    }

    /**
     * Only the links, categories and redirect: for storing a revision that is not rendered now (an
     * import). Skips headings and plain text, about a third of {@link #parse}.
     */
    public PageConnections connections(String markdown) {
        return bounded(markdown, () -> {
            Source source = Source.of(markdown);
            return collect(leanParser.parse(source.body()), source.redirect()).connections(source.redirect());
        });
    }

    /** The text as sanitised HTML; refuses text beyond the {@link Complexity} limits with {@link TooComplexException}. */
    public RenderedPage render(String markdown) {
        return bounded(markdown, () -> renderChecked(markdown));
    }

    /**
     * {@link #render}, or, for text beyond the limits (a revision saved before they existed), the
     * text itself, escaped, under a notice: an old revision must stay readable, never an error.
     */
    public RenderedPage renderOrShowSource(String markdown) {
        try {
            return render(markdown);
        } catch (TooComplexException e) {
            String html = "<p class=\"notice\">" + Entities.escape(e.getMessage()) + " Its text is shown as written.</p>\n<pre>"
                    + Entities.escape(markdown) + "</pre>";
            return new RenderedPage(new SafeHtml(html), ParsedPage.textOnly(""));
        }
    }

    /**
     * Runs {@code work} on text within the {@link Complexity} limits. A StackOverflowError that
     * still happens in flexmark (which recurses once per nesting level) becomes a refusal too:
     * the stack has unwound by the time it is caught, and nothing was changed.
     */
    private static <T> T bounded(String markdown, Supplier<T> work) {
        Complexity.check(markdown);
        try {
            return work.get();
        } catch (StackOverflowError e) {
            throw new TooComplexException("The page is nested too deeply to render.");
        }
    }

    private RenderedPage renderChecked(String markdown) {
        Source source = Source.of(markdown);
        StringBuilder html = new StringBuilder(markdown.length() + markdown.length() / 4 + 64);
        source.redirect().ifPresent(target -> html.append("<p class=\"redirect-notice\">Redirect to <a href=\"")
                .append(target.wikiPath()).append("\" class=\"").append(WikiSyntax.LINK_CLASS).append("\">")
                .append(Entities.escape(target.text())).append("</a></p>\n"));

        Document document = parser.parse(source.body());
        Collected collected = collect(document, source.redirect());
        String body = htmlRenderer.render(document);
        List<Heading> headings = headings(document);
        if (body.contains(FOOTNOTES)) {
            // Footnotes are the page's references: give them a heading, like MediaWiki's "References".
            body = body.replace(FOOTNOTES, "<div class=\"footnotes\">\n<h2 id=\"" + REFERENCES_ID + "\">References</h2>");
            if (!headings.isEmpty()) {
                headings.add(new Heading(2, "References", REFERENCES_ID));
            }
        }
        html.append(body);
        // No plain text: search parses for itself, and caches drop it.
        return new RenderedPage(sanitizer.clean(html.toString()), collected.parsed(source.redirect(), headings, ""));
    }

    /** The text after a redirect line, and the redirect's target if the first line is one. */
    private record Source(String body, Optional<Title> redirect) {
        static Source of(String markdown) {
            Matcher redirectLine = REDIRECT.matcher(markdown);
            if (redirectLine.find()) {
                Optional<Title> target = Title.tryParse(redirectLine.group(1));
                if (target.isPresent()) {
                    return new Source(markdown.substring(redirectLine.end()), target);
                }
            }
            return new Source(markdown, Optional.empty());
        }
    }

    private record Collected(Set<Title> links, Set<String> categories) {
        ParsedPage parsed(Optional<Title> redirect, List<Heading> headings, String text) {
            return new ParsedPage(new ArrayList<>(links), new ArrayList<>(categories), redirect, headings, text);
        }

        PageConnections connections(Optional<Title> redirect) {
            return new PageConnections(new ArrayList<>(links), new ArrayList<>(categories), redirect);
        }
    }

    /** Finds links and categories, and removes category assignments, which render nothing. */
    private static Collected collect(Document document, Optional<Title> redirect) {
        Set<Title> links = new LinkedHashSet<>();
        redirect.ifPresent(links::add);
        Set<String> categories = new LinkedHashSet<>();
        List<WikiLink> categoryNodes = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof WikiLink link) {
                WikiLinkTarget.of(link).ifPresent(target -> {
                    if (target.assignsCategory()) {
                        categories.add(target.title().orElseThrow().name());
                        categoryNodes.add(link);
                    } else {
                        target.title().ifPresent(links::add);
                    }
                });
            }
        }
        for (WikiLink node : categoryNodes) {
            Node parent = node.getParent();
            node.unlink();
            if (parent instanceof Paragraph && isBlank(parent)) {
                parent.unlink();
            }
        }
        return new Collected(links, categories);
    }

    private static boolean isBlank(Node paragraph) {
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            boolean blank = child instanceof SoftLineBreak || child instanceof Text && child.getChars().isBlank();
            if (!blank) {
                return false;
            }
        }
        return true;
    }

    private static List<Heading> headings(Document document) {
        List<Heading> headings = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof com.vladsch.flexmark.ast.Heading heading && !heading.getAnchorRefId().isEmpty()) {
                String text = new TextCollectingVisitor().collectAndGetText(heading);
                headings.add(new Heading(heading.getLevel(), text, heading.getAnchorRefId()));
            }
        }
        return headings;
    }

    private static boolean hasFootnotes(Document document) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Footnote) {
                return true;
            }
        }
        return false;
    }

}
