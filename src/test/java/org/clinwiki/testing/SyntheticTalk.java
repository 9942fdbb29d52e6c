package org.clinwiki.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A generated talk page: threads of signed comments and indented replies, as editors leave them
 * with {@code ~~~~} (expanded, as MediaWiki saves them). Old threads are archived away so a
 * revision stays within what {@link SyntheticDump} promises.
 */
final class SyntheticTalk {

    private static final DateTimeFormatter SIGNATURE_TIME = DateTimeFormatter.ofPattern("HH:mm, d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final String[] TOPICS = {"Merge proposal", "Citation needed for override rates", "Outdated vendor list",
        "Scope of this article", "Alert fatigue figures", "Neutral point of view", "Requested move"};
    private static final String[] REMARKS = {"I think the section on implementation needs a source from the last five years.",
        "Agree with the above; the 2004 study is often misquoted.", "Could someone check whether this still applies to FHIR R4?",
        "Done. I added the reference to the evaluation section.", "Disagree: the table mixes inpatient and ambulatory settings.",
        "The override rate figure (49–96%) comes from a review, not a single site.", "Support merging, the overlap is large."};

    private final SplittableRandom random;
    private final String[][] users;
    private final List<StringBuilder> threads = new ArrayList<>();

    SyntheticTalk(SplittableRandom random, String[][] users) {
        this.random = random;
        this.users = users;
    }

    /** Adds a comment and says what, for the edit summary. */
    String reply(Instant when) {
        if (threads.isEmpty() || random.nextInt(4) == 0) {
            String topic = TOPICS[random.nextInt(TOPICS.length)];
            threads.add(new StringBuilder("== " + topic + " ==\n").append(comment("", when)));
            return "/* " + topic + " */ new section";
        }
        StringBuilder thread = threads.get(random.nextInt(threads.size()));
        thread.append(comment(":".repeat(1 + random.nextInt(3)), when));
        return "reply";
    }

    String render(Instant when) {
        while (length() < 3_000) {
            reply(when);
        }
        while (length() > 13_000 && threads.size() > 1) {
            threads.removeFirst();
        }
        StringBuilder text = new StringBuilder("{{Talk header}}\n");
        threads.forEach(thread -> text.append(thread).append('\n'));
        return text.toString();
    }

    private int length() {
        return threads.stream().mapToInt(StringBuilder::length).sum();
    }

    private String comment(String indent, Instant when) {
        String[] user = users[random.nextInt(users.length)];
        StringBuilder comment = new StringBuilder(indent);
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            comment.append(REMARKS[random.nextInt(REMARKS.length)]).append(' ');
        }
        return comment.append("[[User:").append(user[0]).append('|').append(user[0]).append("]] ([[User talk:")
                .append(user[0]).append("|talk]]) ").append(SIGNATURE_TIME.format(when)).append(" (UTC)\n").toString();
    }
}
