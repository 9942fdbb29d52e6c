package org.clinwiki.render;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlock;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.List;
import java.util.Locale;
import org.clinwiki.title.Title;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few HTML tags page text may use, for what Markdown cannot say: {@code sup}, {@code sub},
 * {@code br}, {@code abbr} (with a {@code title}), {@code kbd}, {@code small}, {@code mark},
 * {@code del}, {@code ins}, {@code u}, {@code s}, {@code dl}/{@code dt}/{@code dd}, and
 * comments, which show nothing. A tag is written afresh from its name (and an abbreviation's
 * title, escaped), never copied, so no other attribute can come along; any other tag is shown
 * as the text typed. The {@link Sanitizer} still checks the result.
 */
final class HtmlSubset implements HtmlRenderer.HtmlRendererExtension {

    static final Set<String> TAGS = Set.of("sup", "sub", "br", "abbr", "kbd", "small", "mark", "del", "ins", "u", "s",
            "dl", "dt", "dd");

    private static final Pattern PIECE = Pattern.compile("<!--.*?-->|<[^<>]{1,2000}>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]{0,15})((?:\\s[^<>]*)?)>");
    private static final Pattern PLACEHOLDER_NUMBER = Pattern.compile("^ data-n=\"(\\d{1,4})\"$");
    private static final Pattern TITLE = Pattern.compile("\\stitle\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    /**
     * The tags the markup steps before flexmark write, {@link Transclusion#error}'s error and
     * {@link PageMarkup}'s talk reply, kept whole: the only classes page text can carry, and
     * harmless when typed by hand.
     */
    private static final Set<String> MARKUP_OPENINGS = Set.of("<strong class=\"error\">", "<div class=\"reply\">");
    private static final Set<String> MARKUP_CLOSINGS = Set.of("strong", "div");

    /** Whether this raw HTML (one tag, or a comment) renders as markup rather than showing as typed. */
    static boolean isRendered(String html) {
        if (html.startsWith("<!--") || MARKUP_OPENINGS.contains(html)) {
            return true;
        }
        Matcher tag = TAG.matcher(html.strip());
        if (!tag.matches()) {
            return false;
        }
        String name = tag.group(2).toLowerCase(Locale.ROOT);
        return TAGS.contains(name) || name.startsWith("x-") || tag.group(1).length() > 0 && MARKUP_CLOSINGS.contains(name);
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(HtmlRenderer.Builder rendererBuilder, String rendererType) {
        rendererBuilder.nodeRendererFactory(options -> new SubsetRenderer());
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static final class SubsetRenderer implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(HtmlInline.class, (node, context, html) -> write(node, context, html)),
                    new NodeRenderingHandler<>(HtmlBlock.class, (node, context, html) -> writeBlock(node, context, html)),
                    new NodeRenderingHandler<>(HtmlInnerBlock.class, (node, context, html) -> writeBlock(node, context, html)),
                    new NodeRenderingHandler<>(HtmlInlineComment.class, (node, context, html) -> { }),
                    new NodeRenderingHandler<>(HtmlCommentBlock.class, (node, context, html) -> { }),
                    new NodeRenderingHandler<>(HtmlInnerBlockComment.class, (node, context, html) -> { }));
        }

        private static void writeBlock(Node node, NodeRendererContext context, HtmlWriter html) {
            html.line();
            write(node, context, html);
            html.line();
        }

        /** Allowed tags as fresh tags, comments as nothing, all else as escaped text. */
        private static void write(Node node, NodeRendererContext context, HtmlWriter html) {
            String raw = node.getChars().toString();
            Matcher piece = PIECE.matcher(raw);
            int at = 0;
            while (piece.find()) {
                html.text(raw.substring(at, piece.start()));
                if (!piece.group().startsWith("<!--")) {
                    writeTag(piece.group(), context, html);
                }
                at = piece.end();
            }
            html.text(raw.substring(at));
        }

        private static void writeTag(String tag, NodeRendererContext context, HtmlWriter html) {
            if (MARKUP_OPENINGS.contains(tag)) {
                html.raw(tag);
                return;
            }
            Matcher matcher = TAG.matcher(tag);
            String name = matcher.matches() ? matcher.group(2).toLowerCase(Locale.ROOT) : "";
            boolean closing = matcher.matches() && !matcher.group(1).isEmpty();
            if (name.startsWith("x-")) {
                writeFilePlaceholder(name, closing, matcher.matches() ? matcher.group(3) : "", context, html);
            } else if (closing && MARKUP_CLOSINGS.contains(name)) {
                html.raw("</" + name + ">");
            } else if (!TAGS.contains(name)) {
                html.text(tag);
            } else if (closing) {
                html.raw("</" + name + ">");
            } else if (name.equals("br")) {
                html.raw("<br>");
            } else if (name.equals("abbr")) {
                // Written raw: flexmark's writer checks that tags it opened close inside the same node, and these need not.
                Matcher title = TITLE.matcher(matcher.group(3));
                html.raw(title.find() ? "<abbr title=\"" + attribute(title.group(1) != null ? title.group(1) : title.group(2))
                        + "\">" : "<abbr>");
            } else {
                html.raw("<" + name + ">");
            }
        }
    
        /**
         * The placeholders {@link FileEmbeds} left for files: an embed's opening HTML (and, for one
         * without a caption, its closing too), a figure caption's end, a media link. One typed by
         * hand only repeats an embed of the same page, or is shown as text.
         */
        private static void writeFilePlaceholder(String name, boolean closing, String attributes, NodeRendererContext context,
                                                 HtmlWriter html) {
            if (closing) {
                html.raw(switch (name) {
                    case FileEmbeds.FIGURE_TAG -> "</figcaption></figure>";
                    case FileEmbeds.MEDIA_TAG -> "</a>";
                    default -> "";
                });
                return;
            }
            Matcher number = PLACEHOLDER_NUMBER.matcher(attributes);
            int n = number.matches() ? Integer.parseInt(number.group(1)) : -1;
            List<FileEmbed> embeds = FileEmbeds.EMBEDS.get(context.getDocument());
            List<Title> media = FileEmbeds.MEDIA.get(context.getDocument());
            if (name.equals(FileEmbeds.MEDIA_TAG) && n >= 0 && n < media.size()) {
                html.raw(FileEmbeds.mediaOpeningHtml(media.get(n)));
            } else if (name.equals(FileEmbeds.FIGURE_TAG) && n >= 0 && n < embeds.size() && embeds.get(n).showsCaption()) {
                html.raw(FileEmbeds.openingHtml(embeds.get(n)));
            } else if (name.equals(FileEmbeds.IMAGE_TAG) && n >= 0 && n < embeds.size() && !embeds.get(n).showsCaption()) {
                html.raw(FileEmbeds.openingHtml(embeds.get(n)) + FileEmbeds.closingHtml(embeds.get(n)));
            } else {
                html.text("<" + name + attributes + ">");
            }
        }
}
}
