package org.clinwiki.wikitext;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Variables ({@code {{PAGENAME}}}), parser functions ({@code {{#if:…}}}, {@code {{lc:…}}}) and
 * the page switches ({@code {{DISPLAYTITLE:…}}}). Clinwiki has no logic in templates, so what
 * depends on more than the page's own title is kept visibly, as code, and reported.
 */
final class MagicWords {

    private static final Set<String> FUNCTIONS = Set.of("lc", "uc", "lcfirst", "ucfirst", "urlencode", "anchorencode",
            "fullurl", "fullurle", "localurl", "localurle", "canonicalurl", "filepath", "formatnum", "padleft", "padright",
            "plural", "grammar", "gender", "int", "ns", "nse", "pagesincategory", "pagesize", "protectionlevel", "special",
            "speciale", "msg", "msgnw", "raw", "fullpagename", "pagename", "basepagename", "subpagename", "namespace",
            "talkpagename", "pagenamee", "fullpagenamee", "language", "bidi", "noexternallanglinks", "server", "servername");
    private static final Set<String> SWITCHES = Set.of("displaytitle", "defaultsort", "defaultsortkey", "defaultcategorysort");
    private static final Set<String> VARIABLES = Set.of("CURRENTYEAR", "CURRENTMONTH", "CURRENTMONTHNAME", "CURRENTMONTHABBREV",
            "CURRENTDAY", "CURRENTDAY2", "CURRENTDAYNAME", "CURRENTTIME", "CURRENTHOUR", "CURRENTWEEK", "CURRENTTIMESTAMP",
            "LOCALYEAR", "LOCALMONTH", "LOCALDAY", "LOCALTIME", "LOCALTIMESTAMP", "NUMBEROFPAGES", "NUMBEROFARTICLES",
            "NUMBEROFFILES", "NUMBEROFEDITS", "NUMBEROFUSERS", "NUMBEROFADMINS", "NUMBEROFACTIVEUSERS", "REVISIONID",
            "REVISIONDAY", "REVISIONMONTH", "REVISIONYEAR", "REVISIONTIMESTAMP", "REVISIONUSER", "SERVER", "SERVERNAME",
            "SCRIPTPATH", "STYLEPATH", "CURRENTVERSION", "CONTENTLANGUAGE", "PAGEID", "NAMESPACENUMBER", "DIRMARK");

    private MagicWords() {
    }

    /** The Markdown token for a magic word or parser function, or null if {@code name} is a template. */
    static String convert(String name, List<String> parts, String source, Session session) {
        if (name.startsWith("#")) {
            String function = name.contains(":") ? name.substring(0, name.indexOf(':') + 1) : name;
            return asCode(source, "parser function {{" + function.toLowerCase(Locale.ROOT) + "}}", session);
        }
        if (parts.size() == 1) {
            String text = variable(name, session);
            if (text != null) {
                return session.stash().inline(MarkdownEscaper.escape(text, MarkdownEscaper.Place.TEXT), source);
            }
            if (name.equals("!")) {
                // A bar that separates nothing: in a table or a call, a raw one would.
                return session.stash().inline("\\|", source);
            }
            if (name.equals("=")) {
                return session.stash().inline("=", source);
            }
            if (VARIABLES.contains(name)) {
                return asCode(source, "variable {{" + name + "}}", session);
            }
        }
        int colon = name.indexOf(':');
        if (colon > 0) {
            String function = name.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (SWITCHES.contains(function)) {
                session.issues().add("{{" + function.toUpperCase(Locale.ROOT) + ":}}", "dropped");
                return session.stash().inline("", source);
            }
            if (FUNCTIONS.contains(function)) {
                return asCode(source, "parser function {{" + function + ":}}", session);
            }
        }
        return null;
    }

    /** The text of a variable about the page itself, or null. */
    private static String variable(String name, Session session) {
        Namespaces.Parsed page = session.page();
        String full = page.canonical();
        String pageName = page.name();
        return switch (name) {
            case "PAGENAME", "PAGENAMEE" -> pageName;
            case "FULLPAGENAME", "FULLPAGENAMEE" -> full;
            case "BASEPAGENAME", "ROOTPAGENAME" -> pageName.contains("/") ? pageName.substring(0, pageName.indexOf('/')) : pageName;
            case "SUBPAGENAME" -> pageName.contains("/") ? pageName.substring(pageName.lastIndexOf('/') + 1) : pageName;
            case "NAMESPACE" -> page.known() ? Namespaces.prefixOf(page.number()) : page.written();
            case "SITENAME" -> session.site().siteName();
            default -> null;
        };
    }

    /** The call kept as written, as code: inline on one line, a fenced block if it spans lines. */
    static String asCode(String source, String construct, Session session) {
        session.issues().add(construct, "kept as code");
        String written = session.stash().source(source);
        if (written.indexOf('\n') >= 0) {
            return session.stash().block(Code.fenced("wikitext", written), source);
        }
        return session.stash().inline(Code.inline(written, MarkdownEscaper.Place.TEXT), source);
    }
}
