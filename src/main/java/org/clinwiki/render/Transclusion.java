package org.clinwiki.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clinwiki.title.Namespace;
import org.clinwiki.title.Title;

/**
 * Expands a page's template calls: {@code {{Name|a|key=value}}} becomes the text of
 * {@code Template:Name} with {@code {{{1}}}}, {@code {{{key}}}} and {@code {{{key|default}}}}
 * filled in, {@code {{:Page}}} the text of an article, {@code {{cite journal|...}}} a
 * {@link Citation} and {@code {{references}}} the place of the notes. No logic beyond that.
 *
 * <p>Bounded, since any editor can write a template: at most {@value #MAX_DEPTH} levels deep,
 * {@value #MAX_CALLS} calls per page and {@value #MAX_CHARS} characters produced in all
 * (counting every copy, so a template that doubles its argument cannot grow exponentially).
 * Loops, overruns and missing templates show in the page, never as a failure. Arguments are
 * expanded only when used, as in MediaWiki. Not thread-safe: one per expansion.
 */
final class Transclusion {

    static final int MAX_DEPTH = 20;
    static final int MAX_CALLS = 500;
    static final int MAX_CHARS = 4_000_000;

    private final TemplateSource source;
    private final Map<Title, Long> used = new LinkedHashMap<>();
    /** Each title is looked up once per page, however often it is used: one revision of it throughout. */
    private final Map<Title, Optional<TemplateSource.Transcluded>> looked = new HashMap<>();
    private final Deque<Title> expanding = new ArrayDeque<>();
    private final List<int[]> verbatim = new ArrayList<>();
    private boolean noToc;
    private boolean forceToc;
    private int calls;
    private long produced;

    private Transclusion(TemplateSource source) {
        this.source = source;
    }

    static ExpandedText expand(PageMarkup markup, TemplateSource source) {
        String text = markup.text();
        if (!text.contains("{{")) {
            return new ExpandedText(text, Map.of(), markup.noToc(), markup.forceToc(), List.of(new int[] {0, 0, text.length()}),
                    text);
        }
        Transclusion transclusion = new Transclusion(source);
        transclusion.noToc = markup.noToc();
        transclusion.forceToc = markup.forceToc();
        StringBuilder out = new StringBuilder(text.length() + 256);
        try {
            transclusion.emit(text, 0, text.length(), Braces.parse(text), null, out, true);
        } catch (Overrun e) {
            String notice = error("The templates on this page expand to more than " + MAX_CHARS
                    + " characters, so they are shown as written.") + "\n\n";
            return new ExpandedText(notice + text, transclusion.used, markup.noToc(), markup.forceToc(),
                    List.of(new int[] {notice.length(), 0, text.length()}), text);
        }
        return new ExpandedText(out.toString(), transclusion.used, transclusion.noToc, transclusion.forceToc,
                transclusion.verbatim, text);
    }

    /** Writes {@code text[from, to)} with the calls in {@code nodes} expanded; {@code frame} holds the arguments, if any. */
    private void emit(String text, int from, int to, List<Braces> nodes, Frame frame, StringBuilder out, boolean page) {
        int at = from;
        for (int i = CallPart.firstEndingAfter(nodes, from); i < nodes.size() && nodes.get(i).start() < to; i++) {
            Braces node = nodes.get(i);
            if (node.start() < at || node.end() > to) {
                continue;
            }
            copy(text, at, node.start(), out, page);
            append(out, node.parameter() ? parameter(text, node, frame) : call(text, node, frame));
            at = node.end();
        }
        copy(text, at, to, out, page);
    }

    private void copy(String text, int from, int to, StringBuilder out, boolean page) {
        if (from >= to) {
            return;
        }
        if (page) {
            verbatim.add(new int[] {out.length(), from, to - from});
        }
        append(out, text.substring(from, to));
    }

    private void append(StringBuilder out, String piece) {
        produced += piece.length();
        if (produced > MAX_CHARS) {
            throw new Overrun();
        }
        out.append(piece);
    }

    String expanded(String text, int from, int to, List<Braces> nodes, Frame frame) {
        StringBuilder out = new StringBuilder(Math.max(16, to - from));
        emit(text, from, to, nodes, frame, out, false);
        return out.toString();
    }

    /** {@code {{{name|default}}}}: the argument, else the default, else as written (as MediaWiki shows it). */
    private String parameter(String text, Braces node, Frame frame) {
        if (frame == null) {
            return text.substring(node.start(), node.end());
        }
        List<CallPart> parts = CallPart.split(text, node);
        String name = parts.getFirst().expand(this, frame).strip();
        Optional<String> argument = frame.argument(this, name);
        if (argument.isPresent()) {
            return argument.get();
        }
        if (parts.size() > 1) {
            CallPart fallback = parts.get(1);
            CallPart whole = new CallPart(text, fallback.from(), parts.getLast().to(), node.children());
            return whole.expand(this, frame);
        }
        return text.substring(node.start(), node.end());
    }

    private String call(String text, Braces node, Frame frame) {
        List<CallPart> parts = CallPart.split(text, node);
        String name = parts.getFirst().expand(this, frame).strip();
        String key = name.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (key.equals("references") || key.equals("reflist")) {
            return References.PLACEHOLDER_BLOCK;
        }
        if (key.startsWith("cite ")) {
            if (++calls > MAX_CALLS) {
                return error("This page uses more than " + MAX_CALLS + " templates; the rest are not shown.");
            }
            return Citation.markdown(key.substring("cite ".length()).strip(), named(parts, frame));
        }
        if (name.isEmpty() || name.startsWith("#") || key.startsWith("subst:") || key.startsWith("safesubst:")) {
            return error("Unsupported template syntax: " + MarkdownText.escape(oneLine(name)) + ".");
        }
        Optional<Title> parsed = Title.tryParse(name);
        if (parsed.isEmpty()) {
            return text.substring(node.start(), node.end());
        }
        Title title = name.startsWith(":") || parsed.get().namespace() != Namespace.MAIN ? parsed.get()
                : new Title(Namespace.TEMPLATE, parsed.get().name());
        return transclude(title, new Frame(text, parts.subList(1, parts.size()), frame, expanding));
    }

    private String transclude(Title title, Frame arguments) {
        String link = "[[" + (title.namespace() == Namespace.MAIN ? ":" : "") + title.text() + "]]";
        if (expanding.contains(title)) {
            return error("Template loop: " + link + " includes itself.");
        }
        if (expanding.size() >= MAX_DEPTH) {
            return error("Templates are nested more than " + MAX_DEPTH + " deep at " + link + ".");
        }
        if (++calls > MAX_CALLS) {
            return error("This page uses more than " + MAX_CALLS + " templates; " + link + " and the rest are not shown.");
        }
        Optional<TemplateSource.Transcluded> found = looked.computeIfAbsent(title, source::find);
        used.putIfAbsent(title, found.map(TemplateSource.Transcluded::revisionId).orElse(0L));
        if (found.isEmpty()) {
            // A red link, as MediaWiki shows a missing template: following it creates the template.
            return link;
        }
        PageMarkup body = PageMarkup.ofTranscluded(found.get().text());
        noToc |= body.noToc();
        forceToc |= body.forceToc();
        String text = body.text();
        expanding.push(title);
        try {
            return expanded(text, 0, text.length(), Braces.parse(text), arguments);
        } finally {
            expanding.pop();
        }
    }

    private Map<String, String> named(List<CallPart> parts, Frame frame) {
        Map<String, String> named = new HashMap<>();
        for (CallPart part : parts.subList(1, parts.size())) {
            int equals = part.equalsSign();
            if (equals >= 0) {
                CallPart key = new CallPart(part.text(), part.from(), equals, part.nodes());
                CallPart value = new CallPart(part.text(), equals + 1, part.to(), part.nodes());
                named.put(key.expand(this, frame).strip().toLowerCase(Locale.ROOT), value.expand(this, frame).strip());
            }
        }
        return named;
    }

    private static String oneLine(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** A visible error in the page; {@code markdown} is already escaped where it must be. */
    static String error(String markdown) {
        return "<strong class=\"error\">" + markdown + "</strong>";
    }

    /** The arguments of one call, expanded in the caller's frame when first used. */
    static final class Frame {
        private final Map<String, CallPart> arguments = new HashMap<>();
        private final Map<String, String> values = new HashMap<>();
        private final Frame caller;
        /** The templates being expanded where the call stands: its arguments belong there, not inside the template. */
        private final List<Title> callerStack;

        Frame(String text, List<CallPart> parts, Frame caller, Deque<Title> expanding) {
            this.caller = caller;
            this.callerStack = List.copyOf(expanding);
            int position = 0;
            for (CallPart part : parts) {
                int equals = part.equalsSign();
                if (equals < 0) {
                    arguments.put(Integer.toString(++position), part);
                } else {
                    String key = text.substring(part.from(), equals).strip();
                    if (!key.isEmpty() && !hasBraces(text, part.from(), equals)) {
                        arguments.put(key, new CallPart(text, equals + 1, part.to(), part.nodes()).trimmed());
                    }
                }
            }
        }

        private static boolean hasBraces(String text, int from, int to) {
            return text.substring(from, to).contains("{{");
        }

        Optional<String> argument(Transclusion transclusion, String name) {
            String value = values.get(name);
            if (value != null) {
                return Optional.of(value);
            }
            CallPart part = arguments.get(name);
            if (part == null) {
                return Optional.empty();
            }
            List<Title> inside = List.copyOf(transclusion.expanding);
            transclusion.expanding.clear();
            transclusion.expanding.addAll(callerStack);
            String expanded;
            try {
                expanded = part.expand(transclusion, caller);
            } finally {
                transclusion.expanding.clear();
                transclusion.expanding.addAll(inside);
            }
            if (part.trim()) {
                expanded = expanded.strip();
            }
            values.put(name, expanded);
            return Optional.of(expanded);
        }
    }

    /** Thrown when expansion produced more than {@link #MAX_CHARS}: the page shows its text as written. */
    private static final class Overrun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overrun() {
            super(null, null, false, false);
        }
    }
}
