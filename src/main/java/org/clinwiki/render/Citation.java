package org.clinwiki.render;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code {{cite journal|...}}}, {@code {{cite book|...}}} or {@code {{cite web|...}}} template
 * as one line of Markdown in AMA style (AMA Manual of Style, 11th edition), for a footnote. Without
 * the backslashes that escape the values, and with links shown as their text:
 * <pre>
 * Hawn C. Take two aspirin and tweet me in the morning. *Health Aff (Millwood)*. 2009;28(2):361-368. doi:10.1377/hlthaff.28.2.361.
 * Authors. Chapter. In: Editors, eds. *Title*. 3rd ed. Location: Publisher; Year:pages.
 * Authors. Title. Website. Published March 1, 2009. Accessed May 2, 2024. https://...
 * </pre>
 * Every parameter value is escaped ({@link MarkdownText#escape}): an editor's text shows as
 * typed and cannot make links, HTML, code or blocks; only the italics and links written here
 * are Markdown. Missing parts are left out with their punctuation. Unknown parameters are ignored.
 */
public final class Citation {

    private static final String NO_DETAILS = MarkdownText.escape("Citation with no details.");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S.*");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])[0-9]{4}(?![0-9])");
    private static final Pattern DASH = Pattern.compile("\\s*[-\u2010-\u2015\u2212]\\s*");
    private static final Pattern DOI_URL = Pattern.compile("(?i)https?://(?:dx\\.)?doi\\.org/");
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)doi:\\s*");
    private static final Pattern VALID_DOI = Pattern.compile("10\\.[^/\\s]+/\\S.*");
    private static final Pattern PMID = Pattern.compile("[0-9]+");
    private static final Pattern PMC = Pattern.compile("(?i)(?:PMC)?([0-9]+)");

    private Citation() {
    }

    /**
     * The citation of {@code kind} ("journal", "book" or "web", any case; anything else is
     * formatted as a web page) with the template's named parameters: names in any case, blank
     * values counted as absent. One line with no trailing newline; a citation with nothing
     * usable in it says so rather than leave an empty note.
     */
    public static String markdown(String kind, Map<String, String> params) {
        Map<String, String> p = normalised(params);
        List<String> sentences = switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "journal" -> journal(p);
            case "book" -> book(p);
            default -> web(p);
        };
        sentences.removeIf(String::isEmpty);
        return sentences.isEmpty() ? NO_DETAILS : String.join(" ", sentences);
    }

    private static List<String> journal(Map<String, String> p) {
        List<String> out = new ArrayList<>();
        out.add(authors(p));
        out.add(title(p));
        String journal = p.get("journal");
        out.add(journal == null ? "" : sentence("*" + esc(journal) + "*", journal));
        String year = year(p);
        String issue = p.get("issue") == null ? null : "(" + esc(p.get("issue")) + ")";
        String volume = join("", esc(p.get("volume")), issue);
        String pages = pages(p);
        String numbers = join(":", join(";", esc(year), volume), esc(pages));
        out.add(numbers.isEmpty() ? "" : sentence(numbers));
        identifiers(p, out);
        return out;
    }

    private static List<String> book(Map<String, String> p) {
        List<String> out = new ArrayList<>();
        out.add(authors(p));
        // A chapter is cited "In:" its book; without one, editors stand after any authors.
        String chapter = p.get("chapter");
        out.add(chapter == null ? "" : sentence(esc(chapter), chapter) + " In:");
        List<String> editors = CitationAuthors.editors(p);
        boolean plural = editors.size() > 1 || p.containsKey("editors");
        out.add(editors.isEmpty() ? "" : CitationAuthors.markdown(editors) + (plural ? ", eds." : ", ed."));
        String title = p.get("title");
        out.add(title == null ? "" : sentence("*" + linked(esc(title), p) + "*", title));
        String edition = p.get("edition");
        out.add(edition == null ? "" : esc(edition.replaceFirst("(?i)\\s*(?:ed\\.?|edition)$", "")) + " ed.");
        String publisher = join(": ", esc(p.get("location")), esc(p.get("publisher")));
        String year = year(p);
        String pages = pages(p);
        String when = year == null ? esc(pages) : join(":", esc(year), esc(pages));
        String published = join("; ", publisher, when);
        out.add(published.isEmpty() ? "" : sentence(published));
        identifiers(p, out);
        return out;
    }

    private static List<String> web(Map<String, String> p) {
        List<String> out = new ArrayList<>();
        out.add(authors(p));
        String title = p.get("title");
        out.add(title == null ? "" : sentence(esc(title), title));
        String site = first(p, "website", "work", "publisher");
        out.add(site == null ? "" : sentence(esc(site), site));
        String published = p.containsKey("date") ? amaDate(p.get("date")) : p.get("year");
        out.add(published == null ? "" : sentence("Published " + esc(published), published));
        String accessed = first(p, "accessdate", "access-date");
        out.add(accessed == null ? "" : sentence("Accessed " + esc(amaDate(accessed)), accessed));
        String url = url(p);
        // AMA ends with the URL and no period, which would look like part of it.
        out.add(url == null ? "" : link(esc(url), url));
        return out;
    }

    private static String authors(Map<String, String> p) {
        String names = CitationAuthors.markdown(CitationAuthors.authors(p));
        return names.isEmpty() ? "" : sentence(names);
    }

    private static String title(Map<String, String> p) {
        String title = p.get("title");
        return title == null ? "" : sentence(linked(esc(title), p), title);
    }

    private static String linked(String text, Map<String, String> p) {
        String url = url(p);
        return url == null ? text : link(text, url);
    }

    private static String link(String text, String url) {
        return "[" + text + "](" + MarkdownText.linkDestination(url) + ")";
    }

    // Identifiers that do not look right are shown as given, unlinked, so the editor can see and fix them.
    private static void identifiers(Map<String, String> p, List<String> out) {
        String doi = p.get("doi");
        if (doi != null) {
            String valid = doi(doi);
            String shown = valid == null ? esc(doi)
                    : link(esc(valid), "https://doi.org/" + MarkdownText.percentEncode(valid, Citation::isDoiSafe));
            out.add(sentence("doi:" + shown, valid == null ? doi : valid));
        }
        String pmid = p.get("pmid");
        if (pmid != null) {
            boolean valid = PMID.matcher(pmid).matches();
            String shown = valid ? link(pmid, "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/") : esc(pmid);
            out.add(sentence("PMID: " + shown, pmid));
        }
        String isbn = p.get("isbn");
        if (isbn != null && !isbn.isBlank()) {
            out.add(sentence("ISBN " + esc(isbn.strip()), isbn));
        }
        String pmc = first(p, "pmc", "pmcid");
        if (pmc != null) {
            Matcher m = PMC.matcher(pmc);
            String id = m.matches() ? "PMC" + m.group(1) : null;
            String shown = id != null ? link(id, "https://www.ncbi.nlm.nih.gov/pmc/articles/" + id + "/") : esc(pmc);
            out.add(sentence("PMCID: " + shown, pmc));
        }
    }

    /** The DOI itself, from a bare DOI, "doi:10..." or a doi.org URL (percent-decoded); null if it is not one. */
    private static String doi(String value) {
        String doi = value;
        Matcher url = DOI_URL.matcher(doi);
        if (url.lookingAt()) {
            doi = doi.substring(url.end());
            try {
                doi = URLDecoder.decode(doi.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // A stray "%" in a pasted URL: the DOI as pasted is the best guess.
            }
        } else {
            Matcher prefix = DOI_PREFIX.matcher(doi);
            doi = prefix.lookingAt() ? doi.substring(prefix.end()) : doi;
        }
        return VALID_DOI.matcher(doi).matches() ? doi : null;
    }

    // RFC 3986 unreserved characters, and "/" which separates a DOI's prefix and suffix.
    private static boolean isDoiSafe(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0;
    }

    private static String url(Map<String, String> p) {
        String url = p.get("url");
        return url != null && HTTP_URL.matcher(url).matches() ? url : null;
    }

    private static String year(Map<String, String> p) {
        String date = p.get("date");
        if (p.containsKey("year") || date == null) {
            return p.get("year");
        }
        Matcher year = YEAR.matcher(date);
        return year.find() ? year.group() : date;
    }

    private static String pages(Map<String, String> p) {
        String pages = first(p, "pages", "page");
        return pages == null ? null : DASH.matcher(pages).replaceAll("-");
    }

    /** An ISO date as AMA writes dates ("2009-03-01" as "March 1, 2009"); anything else as written. */
    private static String amaDate(String date) {
        try {
            LocalDate day = LocalDate.parse(date);
            return month(day.getMonthValue()) + " " + day.getDayOfMonth() + ", " + day.getYear();
        } catch (DateTimeParseException notADay) {
            try {
                YearMonth month = YearMonth.parse(date);
                return month(month.getMonthValue()) + " " + month.getYear();
            } catch (DateTimeParseException notAMonth) {
                return date;
            }
        }
    }

    private static String month(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /**
     * Escaped text closed with a period unless it ends a sentence already. Escaping keeps the
     * last character (a backslash goes before it), so it is the one the reader sees.
     */
    private static String sentence(String escaped) {
        return sentence(escaped, escaped);
    }

    /** {@code markdown} closed with a period, unless the text it shows ({@code plainEnd}) already ends a sentence. */
    private static String sentence(String markdown, String plainEnd) {
        char last = plainEnd.charAt(plainEnd.length() - 1);
        return last == '.' || last == '?' || last == '!' ? markdown : markdown + ".";
    }

    private static String join(String separator, String before, String after) {
        if (before == null || before.isEmpty()) {
            return after == null ? "" : after;
        }
        return after == null || after.isEmpty() ? before : before + separator + after;
    }

    private static String esc(String plain) {
        return plain == null ? null : MarkdownText.escape(plain);
    }

    private static String first(Map<String, String> p, String... keys) {
        for (String key : keys) {
            if (p.containsKey(key)) {
                return p.get(key);
            }
        }
        return null;
    }

    // Keys in sorted order, so which of "Title" and "title" wins does not depend on the map.
    private static Map<String, String> normalised(Map<String, String> params) {
        Map<String, String> given = new TreeMap<>();
        Objects.requireNonNull(params).forEach((key, value) -> {
            if (key != null && value != null && !value.isBlank()) {
                given.put(key, value);
            }
        });
        Map<String, String> out = new TreeMap<>();
        given.forEach((key, value) -> out.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), value.strip()));
        return out;
    }
}
