package org.clinwiki.render;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.toc.TocExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.title.InvalidTitleException;
import org.clinwiki.title.Title;
import org.jsoup.nodes.Entities;

/**
 * Markdown to sanitised HTML, plus what the text says about the page: links, categories,
 * redirect and headings. Pure: the output depends only on the text. Thread-safe; the flexmark
 * parser and renderer are built once.
 */
public final class Renderer {

    private static final Pattern REDIRECT = Pattern.compile(
            "\\A[ \\t]*#REDIRECT[ \\t]*:?[ \\t]*\\[\\[([^\\[\\]\\n|]+)(?:\\|[^\\]\\n]*)?]][^\\n]*(?:\\n|\\z)",
            Pattern.CASE_INSENSITIVE);

    private static final String FOOTNOTES = "<div class=\"footnotes\">\n<hr />";
    private static final String REFERENCES_ID = "references";

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;
    private final Sanitizer sanitizer;

    public Renderer(Sanitizer sanitizer) {
        this.sanitizer = sanitizer;
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(
                        TablesExtension.create(), FootnoteExtension.create(), TocExtension.create(),
                        AutolinkExtension.create(), StrikethroughExtension.create(), new WikiSyntax()))
                .set(HtmlRenderer.ESCAPE_HTML, true)
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
        this.parser = Parser.builder(options).build();
        this.htmlRenderer = HtmlRenderer.builder(options).build();
    }

    public RenderedPage render(String markdown) {
        String text = markdown;
        Optional<Title> redirect = Optional.empty();
        StringBuilder html = new StringBuilder(markdown.length() + markdown.length() / 4 + 64);

        Matcher redirectLine = REDIRECT.matcher(markdown);
        if (redirectLine.find()) {
            redirect = parseTitle(redirectLine.group(1));
            if (redirect.isPresent()) {
                text = markdown.substring(redirectLine.end());
                Title target = redirect.get();
                html.append("<p class=\"redirect-notice\">Redirect to <a href=\"/wiki/").append(target.urlPath())
                        .append("\" class=\"").append(WikiSyntax.LINK_CLASS).append("\">")
                        .append(Entities.escape(target.text())).append("</a></p>\n");
            }
        }

        Document document = parser.parse(text);
        Set<Title> links = new LinkedHashSet<>();
        redirect.ifPresent(links::add);
        Set<String> categories = new LinkedHashSet<>();
        collectLinks(document, links, categories);

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
        return new RenderedPage(sanitizer.clean(html.toString()), new ArrayList<>(links),
                new ArrayList<>(categories), redirect, headings);
    }

    private static void collectLinks(Document document, Set<Title> links, Set<String> categories) {
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
        // Category assignments render nothing; drop them and any paragraph they leave empty.
        for (WikiLink node : categoryNodes) {
            Node parent = node.getParent();
            node.unlink();
            if (parent instanceof Paragraph && isBlank(parent)) {
                parent.unlink();
            }
        }
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

    private static Optional<Title> parseTitle(String text) {
        try {
            return Optional.of(Title.parse(text));
        } catch (InvalidTitleException e) {
            return Optional.empty();
        }
    }
}
