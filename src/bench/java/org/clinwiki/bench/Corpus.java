package org.clinwiki.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clinwiki.title.Title;

/**
 * A deterministic corpus of clinical-informatics articles for benchmarks: the same seed gives
 * the same pages. Titles combine a topic and an aspect ("Barcode medication administration in
 * pediatrics"); bodies of about 2–4 KB have sections, abbreviations, wiki links to other pages
 * of the corpus, and one to three categories.
 */
public final class Corpus {

    static final List<String> TOPICS = List.of(
            "Electronic health record", "Computerized provider order entry", "Clinical decision support",
            "Barcode medication administration", "Electronic medication administration record", "Health information exchange",
            "Fast Healthcare Interoperability Resources", "Health Level Seven version 2", "Clinical document architecture",
            "Patient portal", "Telehealth", "Remote patient monitoring", "Smart infusion pump", "Sepsis early warning",
            "Medication reconciliation", "Order set", "Clinical pathway", "Nursing documentation", "Problem list",
            "Allergy documentation", "Drug interaction alerting", "Alert fatigue", "Downtime procedure", "Master patient index",
            "Patient identity matching", "Laboratory information system", "Radiology information system",
            "Picture archiving and communication system", "Pharmacy information system", "Anesthesia information system",
            "Emergency department tracking board", "Bed management", "Discharge summary", "After visit summary",
            "Clinical data warehouse", "Population health registry", "Quality measure reporting", "Risk adjustment coding",
            "SNOMED CT mapping", "LOINC mapping", "RxNorm normalization", "ICD-10 coding", "Natural language processing",
            "Machine learning model governance", "Predictive analytics", "Readmission risk model", "Clinical documentation improvement",
            "Speech recognition dictation", "Ambient clinical documentation", "Single sign-on", "Multi-factor authentication",
            "Role-based access control", "Break-the-glass access", "Audit log review", "Protected health information disclosure",
            "De-identification", "Consent management", "Information blocking", "Prior authorization", "Electronic prescribing",
            "Prescription drug monitoring program", "Controlled substance prescribing", "Immunization registry reporting",
            "Syndromic surveillance", "Electronic case reporting", "Public health reporting", "Closed-loop referral",
            "Care coordination platform", "Social determinants of health screening", "Patient-reported outcomes",
            "Clinical trial matching", "Genomic data integration", "Pharmacogenomic decision support", "Antimicrobial stewardship",
            "Venous thromboembolism prophylaxis", "Blood product ordering", "Point-of-care testing", "Vital signs integration",
            "Medical device integration", "Nurse call integration", "Secure messaging", "Clinical communication platform",
            "Handoff tool", "Rounding checklist", "Surgical safety checklist", "Perioperative scheduling",
            "Chemotherapy ordering", "Oncology treatment plan", "Pediatric weight-based dosing", "Neonatal intensive care charting",
            "Obstetric early warning", "Behavioral health documentation", "Long-term care interoperability", "Home health charting",
            "Revenue cycle integration", "Charge capture", "Enterprise imaging", "Interface engine", "Data governance",
            "Terminology server", "Clinical content management", "Usability testing", "Training and adoption",
            "Go-live command center", "Upgrade testing", "Cloud hosting", "Disaster recovery", "Cybersecurity incident response");

    static final List<String> ASPECTS = List.of(
            "", "implementation", "in pediatrics", "in the emergency department", "in intensive care", "at community hospitals",
            "in ambulatory care", "governance", "usability", "workflow redesign", "safety evaluation", "return on investment",
            "vendor selection", "training", "go-live planning", "metrics", "pitfalls", "case study", "regulatory requirements",
            "interoperability", "data quality", "optimization", "in long-term care", "for nurses", "for pharmacists",
            "for physicians", "in rural settings", "at academic medical centers", "policy", "history", "best practices",
            "downtime planning", "reporting", "analytics", "patient engagement", "privacy considerations", "security controls",
            "testing strategy", "change management", "maintenance", "standards", "terminology", "configuration", "alerts",
            "documentation burden", "clinical validation", "evaluation framework", "adoption barriers", "cost analysis",
            "future directions", "in oncology", "in obstetrics", "in behavioral health", "in surgery", "in radiology",
            "in laboratory medicine", "in home health", "in telehealth", "for students", "glossary", "frequently asked questions",
            "checklist", "lessons learned", "literature review", "research agenda", "equity considerations", "for executives",
            "committee charter", "escalation process", "in critical access hospitals", "in the operating room",
            "in the pharmacy", "in primary care", "in cardiology", "in nephrology", "in infectious disease", "in geriatrics",
            "in dermatology", "in ophthalmology", "in orthopedics", "in neurology", "in psychiatry", "in urgent care",
            "in correctional health", "in military health", "in veterans care", "in public health", "internationally",
            "under HIPAA", "under the 21st Century Cures Act", "with FHIR", "with HL7 v2", "with CDS Hooks", "with SMART on FHIR",
            "with natural language processing", "with machine learning", "with mobile devices", "with wearables",
            "with voice assistants", "for small practices", "for health systems", "for payers", "for patients");

    static final List<String> CATEGORIES = List.of(
            "Clinical systems", "Medication safety", "Clinical decision support", "Interoperability", "Terminology",
            "Privacy and security", "Quality and safety", "Nursing informatics", "Pharmacy informatics", "Public health",
            "Analytics", "Usability", "Implementation", "Governance", "Standards", "Patient engagement", "Imaging",
            "Laboratory", "Regulation", "Education", "Research", "Telehealth", "Population health", "Revenue cycle",
            "Infrastructure", "Pediatrics", "Emergency medicine", "Critical care", "Oncology", "Ambulatory care");

    private static final List<String> SUBJECTS = List.of(
            "Clinicians", "Nurses", "Pharmacists", "The informatics team", "The CMIO", "The CNIO", "Analysts",
            "Physicians", "Hospitalists", "The governance committee", "Residents", "The quality department", "Vendors",
            "The IT service desk", "Patients", "Care managers");
    private static final List<String> VERBS = List.of(
            "reported", "found", "observed", "documented", "measured", "confirmed", "noted", "estimated", "showed", "argued");
    private static final List<String> EFFECTS = List.of(
            "reduced medication errors", "lowered alert override rates", "shortened order turnaround time",
            "improved documentation completeness", "increased adherence to guidelines", "cut duplicate laboratory tests",
            "raised patient portal enrollment", "improved handoff quality", "decreased time spent in the EHR after hours",
            "reduced adverse drug events", "improved HL7 interface reliability", "increased FHIR API adoption",
            "improved ICD-10 coding accuracy", "reduced PHI disclosure incidents", "improved CPOE usability scores",
            "reduced BCMA scanning workarounds", "improved eMAR accuracy", "increased CDS acceptance",
            "shortened length of stay", "reduced readmissions", "improved SNOMED CT mapping coverage",
            "improved LOINC code consistency", "reduced interruptive alerts", "improved HIE query success");
    private static final List<String> CONTEXTS = List.of(
            "after the go-live", "during the pilot", "within six months", "across three hospitals", "in the first year",
            "after workflow redesign", "once order sets were standardized", "when alerts were tiered by severity",
            "after super-user training", "with weekly feedback reports", "during the upgrade", "after the downtime drill");
    private static final List<String> FACTS = List.of(
            "Decision support works best when it delivers the right information to the right person in the right format through the right channel at the right time.",
            "Interoperability depends on shared terminology as much as on message formats such as HL7 v2 and FHIR.",
            "Every change to order sets should pass clinical review, testing in a non-production environment and sign-off by the governance committee.",
            "Usability problems in the electronic health record contribute to clinician burnout and to workarounds that bypass safety checks.",
            "Protected health information must be shared on the minimum necessary basis, and access is recorded in the audit log.",
            "Barcode scanning at the bedside confirms the right patient, medication, dose, route and time.",
            "Downtime procedures should include read-only access to recent medication administration records and printed census lists.",
            "Master data such as the provider directory and the charge master need owners and a maintenance schedule.",
            "Alert fatigue grows when low-value interruptive alerts outnumber the actionable ones.",
            "Natural language processing can extract problems and medications from free-text notes, but its output needs validation.",
            "Training is most effective when it is role-based and scheduled close to go-live.",
            "Patient matching errors can merge two charts or split one patient's record across several identifiers.");
    private static final List<String> SOURCES = List.of(
            "Bates DW, et al. Ten commandments for effective clinical decision support. JAMIA. 2003.",
            "Koppel R, et al. Role of computerized physician order entry systems in facilitating medication errors. JAMA. 2005.",
            "Poon EG, et al. Effect of bar-code technology on the safety of medication administration. NEJM. 2010.",
            "Office of the National Coordinator. Health IT Playbook. 2019.",
            "Sittig DF, Singh H. A new sociotechnical model for studying health information technology. Qual Saf Health Care. 2010.",
            "Ancker JS, et al. Effects of workload, work complexity, and repeated alerts on alert fatigue. BMC Med Inform Decis Mak. 2017.",
            "HL7 International. FHIR Release 4. 2019.",
            "Adler-Milstein J, et al. Electronic health record adoption in US hospitals. Health Aff. 2017.");
    private static final List<String> HEADINGS = List.of(
            "Background", "Workflow", "Evidence", "Implementation", "Governance", "Risks", "Measurement", "Design",
            "Lessons learned", "Configuration", "Training", "Standards", "Outcomes", "Related work");

    private final long seed;

    public Corpus(long seed) {
        this.seed = seed;
    }

    /** The title of page {@code i} (0-based); all titles are distinct. Past topics × aspects, a review year tells them apart. */
    public Title title(int i) {
        String topic = TOPICS.get(i % TOPICS.size());
        String aspect = ASPECTS.get((i / TOPICS.size()) % ASPECTS.size());
        int round = i / (TOPICS.size() * ASPECTS.size());
        String name = aspect.isEmpty() ? topic : topic + " " + aspect;
        return Title.parse(round == 0 ? name : name + " (" + (2000 + round) + " review)");
    }

    /** Every twentieth page is a redirect to another page of the corpus, as wikis have. */
    public boolean isRedirect(int i) {
        return i % 20 == 19;
    }

    /**
     * The Markdown of page {@code i} of a corpus of {@code size} pages: a lead, sections with
     * paragraphs, now and then a list, a table or a cited claim, 5–30 links to other pages,
     * and 1–3 categories. Most pages have 300–800 words, some up to 3,000.
     */
    public String markdown(int i, int size) {
        Random random = new Random(seed * 1_000_003L + i);
        Title title = title(i);
        if (isRedirect(i)) {
            int target = Math.floorMod(i + 1 + random.nextInt(Math.max(1, size - 1)), Math.max(1, size));
            if (isRedirect(target)) {
                target = target - 1;
            }
            return "#REDIRECT [[" + title(target).text() + "]]\n";
        }
        // Like a real article, each page dwells on a few findings and facts rather than all of them.
        Page page = new Page(title, sample(random, EFFECTS, 4), sample(random, FACTS, 3), size);
        int words = targetWords(random);
        int links = 5 + random.nextInt(26);
        StringBuilder text = new StringBuilder(words * 7);
        text.append("**").append(title.text()).append("** is a topic in clinical informatics. ")
                .append(page.sentence(random, links-- > 0)).append(' ').append(pick(random, page.facts())).append("\n\n");
        List<String> headings = new ArrayList<>(HEADINGS);
        List<String> footnotes = new ArrayList<>();
        while (wordCount(text) < words) {
            if (headings.isEmpty()) {
                headings.addAll(HEADINGS);
            }
            text.append("## ").append(headings.remove(random.nextInt(headings.size()))).append("\n\n");
            int paragraphs = 1 + random.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                int sentences = 3 + random.nextInt(5);
                for (int k = 0; k < sentences; k++) {
                    text.append(k % 3 == 2 ? pick(random, page.facts()) : page.sentence(random, links-- > 0));
                    if (random.nextInt(12) == 0) {
                        footnotes.add(pick(random, SOURCES));
                        text.append("[^").append(footnotes.size()).append(']');
                    }
                    text.append(' ');
                }
                text.append("\n\n");
            }
            switch (random.nextInt(5)) {
                case 0 -> {
                    for (int item = 0, items = 3 + random.nextInt(4); item < items; item++) {
                        text.append("- ").append(pick(random, page.effects())).append(' ').append(pick(random, CONTEXTS)).append('\n');
                    }
                    text.append('\n');
                }
                case 1 -> {
                    text.append("| Measure | Before | After |\n|---|---|---|\n");
                    for (int row = 0; row < 3; row++) {
                        text.append("| ").append(pick(random, page.effects())).append(" | ").append(10 + random.nextInt(80))
                                .append("% | ").append(10 + random.nextInt(80)).append("% |\n");
                    }
                    text.append('\n');
                }
                default -> {
                }
            }
        }
        for (int f = 0; f < footnotes.size(); f++) {
            text.append("[^").append(f + 1).append("]: ").append(footnotes.get(f)).append("\n");
        }
        text.append('\n');
        int categories = 1 + random.nextInt(3);
        for (int c = 0; c < categories; c++) {
            text.append("[[Category:").append(pick(random, CATEGORIES)).append("]]\n");
        }
        return text.toString();
    }

    /**
     * Earlier versions of page {@code i}, oldest first, for the one page in five that has a
     * history: each is the final text with some sections not yet written. Empty for the rest.
     */
    public List<String> earlierVersions(int i, int size) {
        if (isRedirect(i) || i % 5 != 0) {
            return List.of();
        }
        String text = markdown(i, size);
        String[] sections = text.split("(?m)(?=^## )");
        int versions = 1 + (i / 5) % 3;
        List<String> earlier = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            int keep = Math.max(1, sections.length * v / (versions + 1));
            earlier.add(String.join("", java.util.Arrays.copyOfRange(sections, 0, keep)));
        }
        return earlier;
    }

    private static int targetWords(Random random) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return 300 + random.nextInt(500);
        }
        return roll < 95 ? 800 + random.nextInt(700) : 1500 + random.nextInt(1500);
    }

    private static int wordCount(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        for (int c = 0; c < text.length(); c++) {
            boolean letter = !Character.isWhitespace(text.charAt(c));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /** One page's theme: its title, the findings and facts it returns to, and how many pages it may link to. */
    private record Page(Title title, List<String> effects, List<String> facts, int size) {
        String sentence(Random random, boolean link) {
            // Sentences link to another page until the page's quota of links is used; the rest are about this page.
            String subject = link ? "[[" + CORPUS_TITLES.title(random.nextInt(Math.max(1, size))).text() + "]]"
                    : title.text().toLowerCase(java.util.Locale.ROOT);
            return pick(random, SUBJECTS) + " " + pick(random, VERBS) + " that " + subject + " " + pick(random, effects)
                    + " by " + (5 + random.nextInt(40)) + "% " + pick(random, CONTEXTS) + ".";
        }
    }

    // Titles do not depend on the seed.
    private static final Corpus CORPUS_TITLES = new Corpus(0);

    private static List<String> sample(Random random, List<String> from, int count) {
        List<String> copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        return List.copyOf(copy.subList(0, Math.min(count, copy.size())));
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
