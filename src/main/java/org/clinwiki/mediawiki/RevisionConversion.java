package org.clinwiki.mediawiki;

import java.util.ArrayList;
import java.util.List;
import org.clinwiki.wikitext.Conversion;
import org.clinwiki.wikitext.ConversionIssue;
import org.clinwiki.wikitext.DumpRevision;
import org.clinwiki.wikitext.Sha1Base36;
import org.clinwiki.wikitext.WikitextConverter;

/**
 * Turns one revision of the dump into the Markdown it is stored as. Nothing here fails a page:
 * hidden text becomes a note, text that is not wikitext (CSS, JavaScript, JSON pages) a code
 * block, and should the converter ever fail, the wikitext is kept as a code block; each is
 * reported. The dump's SHA-1, when it has one, is checked against the wikitext.
 */
final class RevisionConversion {

    private final WikitextConverter converter;
    private final String siteName;

    RevisionConversion(WikitextConverter converter, String siteName) {
        this.converter = converter;
        this.siteName = siteName;
    }

    ConvertedRevision convert(DumpRevision revision, String pageTitle) {
        List<ConversionIssue> issues = new ArrayList<>();
        if (revision.text().isEmpty()) {
            issues.add(new ConversionIssue("hidden text", "the revision's text was hidden on " + siteName
                    + " or missing from the dump; a note stands in for it"));
            return new ConvertedRevision(revision, "", "*(The text of this revision was hidden on " + siteName + ".)*\n", issues);
        }
        String wikitext = revision.text().get();
        revision.sha1().filter(sha1 -> !sha1.isEmpty() && !sha1.equals(Sha1Base36.of(wikitext))).ifPresent(sha1 ->
                issues.add(new ConversionIssue("SHA-1 mismatch", "the dump's SHA-1 " + sha1
                        + " does not match the revision's text; imported as it is")));
        String model = revision.model() == null ? "" : revision.model();
        if (!model.isEmpty() && !model.equals("wikitext")) {
            issues.add(new ConversionIssue("content model " + model, "kept as a code block"));
            return new ConvertedRevision(revision, wikitext, codeBlock(wikitext, language(model)), issues);
        }
        try {
            Conversion conversion = converter.convert(wikitext, pageTitle);
            issues.addAll(conversion.issues());
            return new ConvertedRevision(revision, wikitext, conversion.markdown(), issues);
        } catch (RuntimeException | StackOverflowError e) {
            issues.add(new ConversionIssue("page", "could not be converted (" + e.getClass().getSimpleName()
                    + "); its wikitext is shown as a code block"));
            return new ConvertedRevision(revision, wikitext, codeBlock(wikitext, "wikitext"), issues);
        }
    }

    private static String language(String model) {
        return switch (model) {
            case "css", "sanitized-css" -> "css";
            case "javascript" -> "javascript";
            case "json" -> "json";
            case "Scribunto" -> "lua";
            default -> "";
        };
    }

    /** The text in a fence longer than any run of backticks inside it, so nothing can close it early. */
    static String codeBlock(String text, String language) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + text + (text.endsWith("\n") ? "" : "\n") + fence + "\n";
    }
}
