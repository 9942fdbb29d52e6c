package org.clinwiki.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One generated page's wikitext as it is edited, revision by revision: a lead, sections of
 * paragraphs, lists, a table and references, growing and changing as real articles do. Used
 * by {@link SyntheticDump}; the vocabulary is clinical informatics so that a converter and a
 * search index see the words, links and markup a Clinfowiki import would give them.
 */
final class SyntheticArticle {

    static final String[] TOPICS = {"Clinical decision support", "Computerized physician order entry",
        "Electronic health record", "Alert fatigue", "Health Level Seven", "Fast Healthcare Interoperability Resources",
        "Barcode medication administration", "Health information exchange", "Meaningful use", "Patient portal",
        "Clinical documentation", "Order set", "Drug-drug interaction", "Telemedicine", "Personal health record",
        "SNOMED CT", "LOINC", "ICD-10", "Usability of electronic health records", "Picture archiving and communication system",
        "Laboratory information system", "Nursing informatics", "Clinical data warehouse", "Natural language processing",
        "Medication reconciliation", "E-prescribing", "Population health management", "Data governance",
        "Unintended consequences of health IT", "Workflow analysis"};
    private static final String[] SECTIONS = {"History", "Definition", "Implementation", "Benefits", "Challenges",
        "Evaluation", "Workflow", "Safety", "Standards", "Vendors", "Future directions", "See also"};
    private static final String[] SUBJECTS = {"Clinicians", "Hospitals", "Pharmacists", "Nurses", "Vendors",
        "Informaticists", "Health systems", "Regulators", "Researchers", "Patients"};
    private static final String[] VERBS = {"reported", "adopted", "evaluated", "questioned", "redesigned",
        "measured", "documented", "integrated", "customized", "audited"};
    private static final String[] OBJECTS = {"override rates", "interruptive alerts", "order sets", "discharge summaries",
        "medication lists", "problem lists", "laboratory results", "interface engines", "terminology services",
        "audit trails", "clinical pathways", "dashboards"};
    private static final String[] JOURNALS = {"J Am Med Inform Assoc", "Appl Clin Inform", "Int J Med Inform",
        "JAMA", "BMJ Qual Saf", "Methods Inf Med"};
    private static final String[] AUTHORS = {"Ash|first=JS", "Bates|first=DW", "Sittig|first=DF", "Koppel|first=R",
        "Kuperman|first=GJ", "Osheroff|first=JA", "Middleton|first=B", "Wright|first=A"};
    private static final String[] CATEGORIES = {"Clinical decision support", "Order entry", "Standards",
        "Patient safety", "Interoperability", "Usability", "Medication management"};

    private static final int MAX_CHARS = 13_000;

    private final String title;
    private final List<String> linkable;
    private final SplittableRandom random;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private final StringBuilder lead = new StringBuilder();
    private boolean stub = true;
    private int refs;
    // The length of the last text rendered: an edit looks at it instead of rendering again.
    private int length;

    private record Section(String heading, List<String> blocks) {
    }

    SyntheticArticle(String title, List<String> linkable, SplittableRandom random) {
        this.title = title;
        this.linkable = linkable;
        this.random = random;
        lead.append("'''").append(title).append("''' is a topic in [[clinical informatics]] that ")
                .append(sentence().toLowerCase()).append(' ').append(sentence());
        categories.add(pick(CATEGORIES));
        while (render().length() < 3_000) {
            addSection();
        }
    }

    /** Edits the text as one revision would, and says how, for the edit summary. */
    String edit() {
        if (length > MAX_CHARS) {
            Section section = sections.get(random.nextInt(sections.size()));
            if (section.blocks().size() > 1) {
                section.blocks().remove(random.nextInt(section.blocks().size()));
                return "/* " + section.heading() + " */ trimmed";
            }
        }
        return switch (random.nextInt(6)) {
            case 0 -> {
                addSection();
                yield "/* " + sections.getLast().heading() + " */ new section";
            }
            case 1 -> {
                Section section = sections.get(random.nextInt(sections.size()));
                section.blocks().add(paragraph());
                yield "/* " + section.heading() + " */ expanded";
            }
            case 2 -> {
                Section section = sections.get(random.nextInt(sections.size()));
                int at = random.nextInt(section.blocks().size());
                String block = section.blocks().get(at);
                String edited = block.replaceFirst("\\. ", ", as noted. ");
                section.blocks().set(at, edited.equals(block) ? block + " See also [[" + link() + "]]." : edited);
                yield "copyedit";
            }
            case 3 -> {
                stub = false;
                lead.append(' ').append(sentence()).append(reference());
                yield "Added reference";
            }
            case 4 -> {
                String category = pick(CATEGORIES);
                if (categories.contains(category)) {
                    lead.append(' ').append(sentence());
                    yield "lead";
                }
                categories.add(category);
                yield "categorized";
            }
            default -> {
                sections.get(random.nextInt(sections.size())).blocks().add(list());
                yield "added list";
            }
        };
    }

    String render() {
        StringBuilder text = new StringBuilder(16_384);
        if (stub) {
            text.append("{{Stub}}\n");
        }
        text.append(lead).append("\n\n");
        for (Section section : sections) {
            text.append("== ").append(section.heading()).append(" ==\n");
            section.blocks().forEach(block -> text.append(block).append("\n\n"));
        }
        if (refs > 0) {
            text.append("== References ==\n<references />\n\n");
        }
        categories.forEach(category -> text.append("[[Category:").append(category).append("]]\n"));
        length = text.length();
        return text.toString();
    }

    private void addSection() {
        List<String> blocks = new ArrayList<>();
        blocks.add(paragraph());
        int kind = random.nextInt(5);
        if (kind == 0) {
            blocks.add(table());
        } else if (kind == 1) {
            blocks.add(list());
        }
        blocks.add(paragraph());
        sections.add(new Section(SECTIONS[sections.size() % SECTIONS.length]
                + (sections.size() < SECTIONS.length ? "" : " " + (sections.size() / SECTIONS.length + 1)), blocks));
    }

    private String paragraph() {
        StringBuilder paragraph = new StringBuilder();
        int sentences = 3 + random.nextInt(5);
        for (int i = 0; i < sentences; i++) {
            paragraph.append(i == 0 ? "" : " ").append(sentence());
            if (random.nextInt(5) == 0) {
                paragraph.append(reference());
            }
        }
        return paragraph.toString();
    }

    private String sentence() {
        String object = pick(OBJECTS);
        String subject = pick(SUBJECTS);
        return switch (random.nextInt(4)) {
            case 0 -> subject + " " + pick(VERBS) + " " + object + " in [[" + link() + "]] projects.";
            case 1 -> "In " + (1995 + random.nextInt(28)) + ", " + subject.toLowerCase() + " " + pick(VERBS) + " ''"
                    + object + "'' as part of [[" + link() + "|" + link().toLowerCase() + "]].";
            case 2 -> "'''" + capitalized(object) + "''' remain a concern for " + subject.toLowerCase() + " & their teams.";
            default -> "Studies of " + object + " found " + (5 + random.nextInt(90)) + "% of " + pick(OBJECTS)
                    + " were \"not useful\" <small>(n=" + (20 + random.nextInt(900)) + ")</small>.";
        };
    }

    private String list() {
        StringBuilder list = new StringBuilder();
        char bullet = random.nextBoolean() ? '*' : '#';
        for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
            list.append(bullet).append(" [[").append(link()).append("]] – ").append(pick(OBJECTS)).append('\n');
        }
        return list.toString().stripTrailing();
    }

    private String table() {
        StringBuilder table = new StringBuilder("{| class=\"wikitable\"\n! System !! Setting !! Year\n");
        for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
            table.append("|-\n| ").append(pick(TOPICS)).append(" || ").append(pick(SUBJECTS)).append(" || ")
                    .append(1995 + random.nextInt(28)).append('\n');
        }
        return table.append("|}").toString();
    }

    private String reference() {
        refs++;
        return "<ref>{{cite journal|last=" + pick(AUTHORS) + "|title=" + capitalized(pick(OBJECTS)) + " and "
                + pick(OBJECTS) + "|journal=" + pick(JOURNALS) + "|year=" + (1998 + random.nextInt(25)) + "|volume="
                + (1 + random.nextInt(30)) + "|pages=" + (100 + random.nextInt(400)) + "-" + (501 + random.nextInt(99))
                + "|pmid=" + (10_000_000 + random.nextInt(25_000_000)) + "}}</ref>";
    }

    private String link() {
        String target = linkable.get(random.nextInt(linkable.size()));
        return target.equals(title) ? "Clinical informatics" : target;
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
