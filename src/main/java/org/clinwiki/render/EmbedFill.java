package org.clinwiki.render;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinwiki.title.Title;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Gives the images a rendered page shows their address, pixel size and high-density sources,
 * from each file's current version, without rendering again: uploading a new version changes
 * the page's next view at once. A missing file becomes a red link to the upload form. Works on
 * the sanitised HTML, where {@link FileEmbeds}' images are exactly
 * {@code <img data-file="NAME" data-box="WxH" alt="…">}, so one scan finds them.
 */
public final class EmbedFill {

    private static final String IMAGE = "<img data-file=\"";
    private static final String MEDIA = "<a href=\"/files/";
    private static final Pattern IMAGE_TAG = Pattern.compile("<img data-file=\"([^\"]*)\" data-box=\"(\\d+)x(\\d+)\"([^>]*)>");
    private static final Pattern MEDIA_LINK = Pattern.compile("<a href=\"/files/([^\"?]*)\" class=\"media-link\">");
    private static final double[] DENSITIES = {1.5, 2};

    private EmbedFill() {
    }

    /** Whether the page shows or links to any file at all: most pages do not, and skip the rest. */
    public static boolean needed(SafeHtml html) {
        return html.html().contains(IMAGE) || html.html().contains(MEDIA);
    }

    public static SafeHtml fill(SafeHtml html, Map<Title, EmbeddedFile> files) {
        if (!needed(html)) {
            return html;
        }
        Map<String, EmbeddedFile> byPath = new HashMap<>();
        files.forEach((title, file) -> byPath.put(title.nameUrlPath(), file));
        String filled = fillImages(html.html(), byPath);
        return new SafeHtml(fillMediaLinks(filled, byPath));
    }

    private static String fillImages(String html, Map<String, EmbeddedFile> files) {
        StringBuilder out = new StringBuilder(html.length() + 256);
        Matcher image = IMAGE_TAG.matcher(html);
        int copied = 0;
        while (image.find()) {
            EmbeddedFile file = files.get(Parser.unescapeEntities(image.group(1), true));
            int start = image.start();
            int end = image.end();
            if (file == null || file.kind() == EmbeddedFile.Kind.DOCUMENT) {
                // The link around the image goes too: a link cannot hold the upload link, and a document shows as its name.
                int linkStart = html.lastIndexOf("<a ", start);
                if (linkStart >= copied && html.indexOf('>', linkStart) == start - 1 && html.startsWith("</a>", end)) {
                    start = linkStart;
                    end += 4;
                }
            }
            out.append(html, copied, start);
            if (file == null) {
                out.append(uploadLink(image.group(1)));
            } else if (file.kind() == EmbeddedFile.Kind.DOCUMENT) {
                out.append("<a href=\"").append(file.title().wikiPath()).append("\" class=\"file-link\">")
                        .append(Entities.escape(file.title().name())).append("</a>");
            } else {
                out.append(image(file, Integer.parseInt(image.group(2)), Integer.parseInt(image.group(3)), image.group(4)));
            }
            copied = end;
        }
        out.append(html, copied, html.length());
        return out.toString();
    }

    private static String fillMediaLinks(String html, Map<String, EmbeddedFile> files) {
        if (!html.contains(MEDIA)) {
            return html;
        }
        Matcher link = MEDIA_LINK.matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 64);
        while (link.find()) {
            String replacement = files.containsKey(Parser.unescapeEntities(link.group(1), true)) ? link.group()
                    : "<a href=\"/special/upload?name=" + link.group(1) + "\" class=\"media-link new\" title=\""
                      + attribute("File:" + readable(link.group(1)) + " does not exist: upload it") + "\">";
            link.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        link.appendTail(out);
        return out.toString();
    }

    private static String uploadLink(String path) {
        String name = attribute("File:" + readable(path));
        return "<a href=\"/special/upload?name=" + path + "\" class=\"new\" title=\"" + name
               + " does not exist: upload it\">" + name + "</a>";
    }

    private static String attribute(String text) {
        return Entities.escape(text).replace("\"", "&quot;");
    }

    /** A file's name as people read it, from its address in the (escaped) HTML: no percent-escapes, spaces for underscores. */
    private static String readable(String escapedPath) {
        String path = Parser.unescapeEntities(escapedPath, true);
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8).replace('_', ' ');
    }

    /** The image in its box: never larger than the original for a raster image, whose thumbnails the server makes. */
    private static String image(EmbeddedFile file, int boxWidth, int boxHeight, String rest) {
        boolean raster = file.kind() == EmbeddedFile.Kind.RASTER;
        int width = file.width();
        int height = file.height();
        String original = "/files/" + file.title().nameUrlPath() + "?version=" + file.versionId();
        if (width <= 0 || height <= 0) {
            // An SVG without a stated size: the box's width, or a thumbnail's, and the height the browser works out.
            int shown = boxWidth > 0 ? boxWidth : FileEmbed.THUMB_WIDTH;
            return "<img src=\"" + original + "\" width=\"" + shown + "\" loading=\"lazy\" decoding=\"async\"" + rest + ">";
        }
        double scale = Double.MAX_VALUE;
        if (boxWidth > 0) {
            scale = (double) boxWidth / width;
        }
        if (boxHeight > 0) {
            scale = Math.min(scale, (double) boxHeight / height);
        }
        if (scale == Double.MAX_VALUE || raster && scale > 1) {
            scale = 1;
        }
        int shownWidth = Math.max(1, (int) Math.round(width * scale));
        int shownHeight = Math.max(1, (int) Math.round(height * scale));
        StringBuilder img = new StringBuilder(256).append("<img src=\"").append(source(original, shownWidth, width, raster))
                .append('"');
        if (raster && shownWidth < width) {
            Set<String> sources = new LinkedHashSet<>();
            for (double density : DENSITIES) {
                String dense = source(original, (int) Math.ceil(shownWidth * density), width, true);
                sources.add(dense + " " + (density == 2 ? "2" : "1.5") + "x");
            }
            img.append(" srcset=\"").append(String.join(", ", sources)).append('"');
        }
        return img.append(" width=\"").append(shownWidth).append("\" height=\"").append(shownHeight)
                .append("\" loading=\"lazy\" decoding=\"async\"").append(rest).append('>').toString();
    }

    private static String source(String original, int wanted, int originalWidth, boolean raster) {
        if (!raster || wanted >= originalWidth) {
            return original;
        }
        return original + "&amp;width=" + ThumbnailWidths.snap(wanted, originalWidth);
    }
}
