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
 * redirect, transclusions, headings and plain text. The output depends only on the text and on
 * the templates' text as {@link TemplateSource} gives it. Thread-safe; the flexmark parsers
 * and renderer are built once.
 *
 * <p>In order: the redirect line; MediaWiki markup read outside code ({@link PageMarkup});
 * templates expanded ({@link Transclusion}); the limits checked again on the result; flexmark
 * parses; notes are numbered and placed ({@link References}); HTML is written, with tags only
 * from the {@link HtmlSubset}, and cleaned by the {@link Sanitizer}.
 */
public final class Renderer {

    private static final Pattern REDIRECT = Pattern.compile(
            "\\A[ \\t]*#REDIRECT[ \\t]*:?[ \\t]*\\[\\[([^\\[\\]\\n|]+)(?:\\|[^\\]\\n]*)?]][^\\n]*(?:\\n|\\z)",
            Pattern.CASE_INSENSITIVE);

    private final Parser parser;
    private final Parser leanParser;
    private final HtmlRenderer htmlRenderer;
    private final Sanitizer sanitizer;
    private final TemplateSource templates;

    /** A renderer for which no template exists: for text that stands alone. */
    public Renderer(Sanitizer sanitizer) {
        this(sanitizer, TemplateSource.NONE);
    }

    public Renderer(Sanitizer sanitizer, TemplateSource templates) {
        this.sanitizer = sanitizer;
        this.templates = templates;
        this.parser = Parser.builder(options(List.of(TablesExtension.create(), FootnoteExtension.create(),
                TocExtension.create(), AutolinkExtension.create(), StrikethroughExtension.create(), new WikiSyntax(),
                new HeadingStarts()))).build();
        // The notes are written by References, not by flexmark's footnote renderer: only the parser's part is wanted.
        this.htmlRenderer = HtmlRenderer.builder(options(List.of(TablesExtension.create(), TocExtension.create(),
                AutolinkExtension.create(), StrikethroughExtension.create(), new WikiSyntax(), new HtmlSubset(),
                new References()))).build();
        // Links, categories, headings and text need only wiki links and footnotes; the rest costs parsing time.
        this.leanParser = Parser.builder(options(List.of(FootnoteExtension.create(), new WikiSyntax(), new HeadingStarts()))).build();
    }

    private static MutableDataSet options(List<Extension> extensions) {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, extensions)
                .set(HtmlRenderer.ESCAPE_HTML, true)
                // Definition lists are HTML of the subset, inline in a paragraph, so Markdown still works inside them.
                .set(Parser.HTML_BLOCK_TAGS, htmlBlockTags())
                .set(Parser.HTML_BLOCK_START_ONLY_ON_BLOCK_TAGS, true)
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

    /**
     * A definition list and a talk reply's block sit inside a paragraph's lines, where Markdown
     * must go on working; as HTML block tags they would end Markdown until the next blank line.
     * Page text cannot write a div (the HTML subset escapes it); only replies make one.
     */
    private static List<String> htmlBlockTags() {
        List<String> tags = new ArrayList<>(Parser.HTML_BLOCK_TAGS.get(null));
        tags.removeAll(List.of("dl", "dt", "dd", "div"));
        return tags;
    }

    /** What the text says, without producing HTML: for saving an edit and for search. */
    public ParsedPage parse(String markdown) {
        return bounded(markdown, () -> parseChecked(markdown));
    }

    private ParsedPage parseChecked(String markdown) {
        Source source = Source.of(markdown, templates);
        Document document = leanParser.parse(source.text());
        Collected collected = collect(document, source);
        References.arrange(document);
        new HeaderIdGenerator().generateIds(document);
        return collected.parsed(source, headings(document), PlainText.of(document));
    }

    /**
     * Only the links, categories, transclusions and redirect: for storing a revision that is not
     * rendered now (an import). Skips headings and plain text, about a third of {@link #parse}.
     */
    public PageConnections connections(String markdown) {
        return bounded(markdown, () -> {
            Source source = Source.of(markdown, templates);
            return collect(leanParser.parse(source.text()), source).parsed(source, List.of(), "").connections();
        });
    }

    /** The text as sanitised HTML; refuses text beyond the {@link Complexity} limits with {@link TooComplexException}. */
    public RenderedPage render(String markdown) {
        return bounded(markdown, () -> renderChecked(markdown, Optional.empty()));
    }

    /** {@link #render}, with each of the page's own headings linking to the editing of its section. */
    public RenderedPage render(String markdown, Title title) {
        return bounded(markdown, () -> renderChecked(markdown, Optional.of(title)));
    }

    /**
     * {@link #render}, or, for text beyond the limits (a revision saved before they existed), the
     * text itself, escaped, under a notice: an old revision must stay readable, never an error.
     */
    public RenderedPage renderOrShowSource(String markdown, Title title) {
        try {
            return render(markdown, title);
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

    private RenderedPage renderChecked(String markdown, Optional<Title> title) {
        Source source = Source.of(markdown, templates);
        StringBuilder html = new StringBuilder(markdown.length() + markdown.length() / 4 + 64);
        source.redirect().ifPresent(target -> html.append("<p class=\"redirect-notice\">Redirect to <a href=\"")
                .append(target.wikiPath()).append("\" class=\"").append(WikiSyntax.LINK_CLASS).append("\">")
                .append(Entities.escape(target.text())).append("</a></p>\n"));

        Document document = parser.parse(source.text());
        document.set(FileEmbeds.EMBEDS, source.files().embeds());
        document.set(FileEmbeds.MEDIA, source.files().media());
        Collected collected = collect(document, source);
        References.arrange(document);
        title.ifPresent(page -> SectionEdits.mark(document, source.expanded(), page));
        html.append(htmlRenderer.render(document));
        List<Heading> headings = headings(document);
        // No plain text: search parses for itself, and caches drop it.
        return new RenderedPage(sanitizer.clean(html.toString()), collected.parsed(source, headings, ""));
    }

    /**
     * The text after a redirect line, with its markup read and templates expanded, and the
     * redirect's target if the first line is one.
     */
    private record Source(ExpandedText expanded, Optional<Title> redirect, FileEmbeds.Found files) {
        static Source of(String markdown, TemplateSource templates) {
            Matcher redirectLine = REDIRECT.matcher(markdown);
            String body = markdown;
            Optional<Title> target = Optional.empty();
            if (redirectLine.find()) {
                // A redirect to a section ([[Page#Section]], common in imported wikis) goes to the page.
                String named = redirectLine.group(1);
                target = Title.tryParse(named.indexOf('#') > 0 ? named.substring(0, named.indexOf('#')) : named);
                if (target.isPresent()) {
                    body = markdown.substring(redirectLine.end());
                }
            }
            ExpandedText expanded = Transclusion.expand(PageMarkup.ofPage(body), templates);
            if (!expanded.templates().isEmpty()) {
                Complexity.check(expanded.text());
            }
            FileEmbeds.Found files = FileEmbeds.find(expanded.text());
            return new Source(expanded.replacing(files.text(), files.edits()), target, files);
        }

        String text() {
            return expanded.text();
        }

        ParsedPage.Contents contents() {
            return expanded.noToc() ? ParsedPage.Contents.HIDDEN
                    : expanded.forceToc() ? ParsedPage.Contents.SHOWN : ParsedPage.Contents.AUTOMATIC;
        }
    }

    private record Collected(Set<Title> links, Set<String> categories) {
        ParsedPage parsed(Source source, List<Heading> headings, String text) {
            return new ParsedPage(new ArrayList<>(links), new ArrayList<>(categories), source.redirect(),
                    source.expanded().templates(), headings, source.contents(), text);
        }
    }

    /** Finds links (files shown too) and categories, and removes category assignments, which render nothing. */
    private static Collected collect(Document document, Source source) {
        Set<Title> links = new LinkedHashSet<>();
        source.redirect().ifPresent(links::add);
        // A file shown or linked to is a link to it: a missing one is wanted, and its page lists where it is used.
        links.addAll(source.files().files());
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


}
