package org.clinwiki.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{cite journal}}}, {@code {{cite book}}} and {@code {{cite web}}} as one line of
 * Markdown in the AMA style clinical writing uses: "Hawn C. Take two aspirin and tweet me in the
 * morning. <i>Health Aff</i>. 2009;28(2):361-368. doi:10.1377/hlthaff.28.2.361. PMID: 19275991."
 * Every value is escaped, so only the italics and links written here are markup; DOI, PMID and
 * PMC link to their resolvers. Missing parts are left out; unknown parameters are ignored.
 */
public final class Citation {

    private static final int MAX_AUTHORS_LISTED = 6;
    private static final Pattern YEAR = Pattern.compile("\\b(1[5-9]\\d\\d|2\\d\\d\\d)\\b");
    private static final Pattern DOI_PREFIX = Pattern.compile("^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)", Pattern.CASE_INSENSITIVE);

    private Citation() {
    }

    /** {@code kind} is journal, book or web (anything else is cited as web); keys are matched ignoring case. */
    public static String markdown(String kind, Map<String, String> parameters) {
        Map<String, String> p = new java.util.HashMap<>();
        parameters.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                p.put(key.strip().toLowerCase(Locale.ROOT).replace('_', '-'), value.strip());
            }
        });
        List<String> parts = new ArrayList<>();
        String authors = authors(p);
        if (!authors.isEmpty()) {
            parts.add(sentence(authors));
        }
        String url = url(p.get("url"));
        String title = p.getOrDefault("title", "");
        switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "journal" -> {
                addTitle(parts, title, url, false);
                addItalic(parts, p.getOrDefault("journal", p.get("periodical")));
                String year = year(p);
                String numbers = (year + (p.containsKey("volume") ? ";" + p.get("volume") : "")
                        + (p.containsKey("issue") ? "(" + p.get("issue") + ")" : "")
                        + (p.containsKey("pages") ? ":" + pages(p.get("pages")) : "")).replaceFirst("^;", "");
                if (!numbers.isEmpty()) {
                    parts.add(sentence(MarkdownText.escape(numbers)));
                }
            }
            case "book" -> {
                addTitle(parts, title, url, true);
                if (p.containsKey("edition")) {
                    parts.add(sentence(MarkdownText.escape(p.get("edition") + " ed")));
                }
                String publisher = (p.containsKey("location") ? p.get("location") + ": " : "") + p.getOrDefault("publisher", "");
                String year = year(p);
                String imprint = publisher.isBlank() ? year : year.isEmpty() ? publisher : publisher + "; " + year;
                if (!imprint.isBlank()) {
                    parts.add(sentence(MarkdownText.escape(imprint)));
                }
            }
            default -> {
                addTitle(parts, title, "", false);
                String site = p.getOrDefault("website", p.getOrDefault("work", p.get("publisher")));
                if (site != null) {
                    parts.add(sentence(MarkdownText.escape(site)));
                }
                if (p.containsKey("date")) {
                    parts.add(sentence("Published " + MarkdownText.escape(p.get("date"))));
                }
                String accessed = p.getOrDefault("accessdate", p.get("access-date"));
                if (accessed != null) {
                    parts.add(sentence("Accessed " + MarkdownText.escape(accessed)));
                }
                if (!url.isEmpty()) {
                    parts.add("[" + MarkdownText.escape(url) + "](" + MarkdownText.linkDestination(url) + ")");
                }
            }
        }
        identifiers(p, parts);
        return parts.isEmpty() ? "Citation with no details\\." : String.join(" ", parts);
    }

    /** "Last FM" for each author (as Markdown), up to six; with more, the first three and "et al". */
    private static String authors(Map<String, String> p) {
        List<String> names = new ArrayList<>();
        if (p.containsKey("author") || p.containsKey("authors")) {
            names.add(p.getOrDefault("author", p.get("authors")));
        }
        for (int i = 1; i <= 100; i++) {
            String last = p.getOrDefault("last" + i, i == 1 ? p.get("last") : null);
            String first = p.getOrDefault("first" + i, i == 1 ? p.get("first") : null);
            String whole = p.get("author" + i);
            if (last != null) {
                names.add(first == null ? last : last + " " + initials(first));
            } else if (whole != null) {
                names.add(whole);
            } else if (i > 1) {
                break;
            }
        }
        List<String> escaped = names.stream().map(MarkdownText::escape).toList();
        if (escaped.size() > MAX_AUTHORS_LISTED) {
            return String.join(", ", escaped.subList(0, 3)) + ", et al";
        }
        return String.join(", ", escaped);
    }

    /** "Carleen M." is "CM", "Mary-Ann" is "MA": initials without periods or spaces. */
    private static String initials(String given) {
        StringBuilder out = new StringBuilder();
        for (String word : given.split("[\\s.\\-]+")) {
            if (!word.isEmpty()) {
                out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return out.toString();
    }

    private static void addTitle(List<String> parts, String title, String url, boolean italic) {
        if (title.isEmpty()) {
            return;
        }
        String shown = MarkdownText.escape(title);
        shown = italic ? "*" + shown + "*" : shown;
        shown = url.isEmpty() ? shown : "[" + shown + "](" + MarkdownText.linkDestination(url) + ")";
        parts.add(title.matches(".*[.?!]$") ? shown : shown + ".");
    }

    private static void addItalic(List<String> parts, String value) {
        if (value != null) {
            parts.add("*" + MarkdownText.escape(value) + "*.");
        }
    }

    private static void identifiers(Map<String, String> p, List<String> parts) {
        String doi = p.containsKey("doi") ? DOI_PREFIX.matcher(p.get("doi")).replaceFirst("").strip() : "";
        if (!doi.isEmpty()) {
            String target = "https://doi.org/" + URLEncoder.encode(doi, StandardCharsets.UTF_8).replace("%2F", "/").replace("+", "%20");
            parts.add("doi:[" + MarkdownText.escape(doi) + "](" + MarkdownText.linkDestination(target) + ").");
        }
        String pmid = p.getOrDefault("pmid", "");
        if (pmid.matches("\\d{1,10}")) {
            parts.add("PMID: [" + pmid + "](<https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/>).");
        } else if (!pmid.isEmpty()) {
            parts.add("PMID: " + MarkdownText.escape(pmid) + ".");
        }
        String pmc = p.getOrDefault("pmc", "").replaceFirst("(?i)^pmc", "");
        if (pmc.matches("\\d{1,10}")) {
            parts.add("PMCID: [PMC" + pmc + "](<https://www.ncbi.nlm.nih.gov/pmc/articles/PMC" + pmc + "/>).");
        } else if (!pmc.isEmpty()) {
            parts.add("PMCID: " + MarkdownText.escape(pmc) + ".");
        }
    }

    private static String year(Map<String, String> p) {
        if (p.containsKey("year")) {
            return p.get("year");
        }
        Matcher year = YEAR.matcher(p.getOrDefault("date", ""));
        return year.find() ? year.group(1) : "";
    }

    /** AMA writes page ranges with a hyphen, whatever dash was typed. */
    private static String pages(String pages) {
        return pages.replaceAll("\\s*[\\u2010-\\u2015]\\s*|\\s*-\\s*", "-");
    }

    private static String url(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).matches("https?://\\S+") ? url : "";
    }

    private static String sentence(String markdown) {
        return markdown.endsWith(".") ? markdown : markdown + ".";
    }
}
