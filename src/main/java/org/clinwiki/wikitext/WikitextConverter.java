package org.clinwiki.wikitext;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a MediaWiki revision's wikitext to Clinwiki's Markdown, reporting what it could not
 * carry over exactly. Never throws: a construct that cannot be read stays as text or code, and
 * a page that cannot be converted at all is kept whole as a code block, reported. Thread-safe
 * and reusable; each call has its own state.
 */
public final class WikitextConverter {

    /** Bumped whenever the output for some input changes; stored with each imported revision. */
    public static final int VERSION = 1;

    /** Output beyond this multiple of the input (plus a margin) means something went wrong. */
    private static final int MAX_GROWTH = 4;
    private static final Pattern REDIRECT = Pattern.compile(
            "\\A\\s{0,20}#REDIRECT[ \\t]{0,20}:?[ \\t]{0,20}\\[\\[([^\\[\\]\\n|]{1,600})(?:\\|[^\\]\\n]{0,600})?]]",
            Pattern.CASE_INSENSITIVE);

    private final SourceSite site;
    private final Namespaces namespaces;

    public WikitextConverter(SourceSite site) {
        this.site = site;
        this.namespaces = new Namespaces(site);
    }

    /** The revision's Markdown; {@code pageTitle} as the dump writes it, e.g. {@code Talk:Foo}. */
    public Conversion convert(String wikitext, String pageTitle) {
        String text = wikitext == null ? "" : Stash.clean(lineEnds(wikitext));
        Session session = new Session(site, namespaces, pageTitle);
        try {
            String markdown = convert(text, session);
            if (markdown.length() > (long) MAX_GROWTH * text.length() + 65_536) {
                return keptWhole(text, "the converted text grew too large");
            }
            return new Conversion(markdown, session.issues().list());
        } catch (RuntimeException | StackOverflowError e) {
            return keptWhole(text, "it could not be converted (" + e.getClass().getSimpleName() + ")");
        }
    }

    private String convert(String text, Session session) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8 + 64);
        String body = text;
        Matcher redirect = REDIRECT.matcher(text);
        if (redirect.lookingAt()) {
            String target = redirect.group(1).strip();
            int hash = target.indexOf('#');
            if (hash >= 0) {
                // Clinwiki redirects to pages, not to their sections.
                session.issues().add("redirect to a section", "redirects to the page; the section dropped");
                target = target.substring(0, hash);
            }
            boolean colon = target.startsWith(":");
            Namespaces.Parsed parsed = namespaces.parse(colon ? target.substring(1) : target);
            out.append("#REDIRECT [[").append(parsed.canonical()).append("]]\n");
            body = text.substring(redirect.end());
        }
        Stash stash = session.stash();
        String converted = session.document(body);
        session.references().placeList();
        String markdown = BlankLines.collapse(stash.markdown(converted)).strip();
        String notes = session.references().definitions(markdown);
        out.append(markdown);
        if (markdown.isEmpty() && !out.isEmpty()) {
            out.setLength(out.length() - 1);
        }
        if (!notes.isEmpty()) {
            out.append("\n\n").append(stash.markdown(notes).strip());
        }
        int start = 0;
        while (start < out.length() && out.charAt(start) == '\n') {
            start++;
        }
        return start == out.length() ? "" : out.append('\n').substring(start);
    }

    private static Conversion keptWhole(String text, String why) {
        String markdown = Code.fenced("wikitext", text) + "\n";
        return new Conversion(markdown, List.of(new ConversionIssue("the whole page", "kept as code: " + why.toLowerCase(Locale.ROOT))));
    }

    /**
     * Line ends as "\n" and no NUL characters. Most texts have none of them: looked for first, since
     * replacing in text with characters beyond Latin-1 copies it whole even when nothing matches.
     */
    private static String lineEnds(String wikitext) {
        if (wikitext.indexOf('\r') < 0 && wikitext.indexOf('\0') < 0) {
            return wikitext;
        }
        return wikitext.replace("\r\n", "\n").replace('\r', '\n').replace('\0', ' ');
    }
}
