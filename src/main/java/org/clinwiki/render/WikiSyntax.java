package org.clinwiki.render;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.internal.WikiLinkLinkRefProcessor;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Optional;
import java.util.Set;

/**
 * The flexmark extension for wiki syntax: parses {@code [[...]]} links with flexmark's wiki-link
 * parser, renders them as {@code <a class="wikilink">} to {@code /wiki/...}, and gives each
 * heading a self-link so sections can be linked to.
 */
final class WikiSyntax implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    static final String LINK_CLASS = "wikilink";

    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parserBuilder) {
        parserBuilder.linkRefProcessorFactory(new WikiLinkLinkRefProcessor.Factory());
    }

    @Override
    public void extend(HtmlRenderer.Builder rendererBuilder, String rendererType) {
        rendererBuilder.nodeRendererFactory(options -> new WikiNodeRenderer());
    }

    private static final class WikiNodeRenderer implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(WikiLink.class, this::renderLink),
                    new NodeRenderingHandler<>(Heading.class, this::renderHeading));
        }

        private void renderLink(WikiLink node, NodeRendererContext context, HtmlWriter html) {
            Optional<WikiLinkTarget> target = WikiLinkTarget.of(node);
            if (target.isEmpty()) {
                html.text(node.getChars().toString());
                return;
            }
            if (target.get().assignsCategory()) {
                return;
            }
            if (context.isDoNotRenderLinks()) {
                html.text(target.get().label());
                return;
            }
            // Attribute order matters: LinkMarker finds exactly this shape to mark missing pages.
            html.attr("href", target.get().href()).attr("class", LINK_CLASS).withAttr().tag("a");
            html.text(target.get().label());
            html.tag("/a");
        }

        private void renderHeading(Heading node, NodeRendererContext context, HtmlWriter html) {
            String id = context.getNodeId(node);
            String tag = "h" + node.getLevel();
            if (id != null && !id.isEmpty()) {
                html.attr("id", id);
            }
            html.withAttr().tagLine(tag, () -> {
                context.renderChildren(node);
                if (id != null && !id.isEmpty() && !context.isDoNotRenderLinks()) {
                    String text = new TextCollectingVisitor().collectAndGetText(node);
                    html.attr("href", "#" + id).attr("class", "heading-anchor")
                            .attr("aria-label", "Link to section: " + text).withAttr().tag("a");
                    html.text("§");
                    html.tag("/a");
                    SectionEdits.link(node).ifPresent(href -> {
                        html.attr("class", "section-edit").withAttr().tag("span");
                        html.attr("href", href).attr("aria-label", "Edit section: " + text).withAttr().tag("a");
                        html.text("edit").tag("/a").tag("/span");
                    });
                }
            });
        }
    }
}
