package org.clinwiki.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.clinwiki.wikitext.Conversion;
import org.clinwiki.wikitext.SourceSite;
import org.clinwiki.wikitext.WikitextConverter;

/**
 * How fast the wikitext converter is on a typical clinical article of about 10 KB (sections,
 * linked prose, named and reused notes with citation templates, lists, a table, an infobox):
 * conversions per second and megabytes of wikitext per second on one thread. An import must
 * reach 1,000 revisions a second with its database writes, so one conversion should take well
 * under half a millisecond. {@code java -cp … org.clinwiki.bench.WikitextBenchmark [seconds]}.
 */
public final class WikitextBenchmark {

    /**
     * @param conversions how many were made
     * @param seconds     in how long (wall clock)
     * @param cpuSeconds  the thread's processor time meanwhile: steadier on a machine shared with other work
     * @param bytes       of wikitext each
     */
    public record Result(long conversions, double seconds, double cpuSeconds, int bytes) {

        public double perSecond() {
            return conversions / seconds;
        }

        public double cpuMillisecondsEach() {
            return cpuSeconds * 1000 / conversions;
        }

        public double megabytesPerSecond() {
            return conversions * (double) bytes / seconds / 1_000_000;
        }
    }

    private WikitextBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        String article = article();
        measure(article, Duration.ofSeconds(2));
        Result result = measure(article, Duration.ofMillis((long) (seconds * 1000)));
        System.out.printf("wikitext → markdown: %d bytes per article, %.0f conversions/s, %.1f MB/s, %.3f ms each"
                + " (%.3f ms of processor time)%n", result.bytes(), result.perSecond(), result.megabytesPerSecond(),
                1000 / result.perSecond(), result.cpuMillisecondsEach());
    }

    /** Converts {@code article} again and again for {@code duration}, on one thread. */
    public static Result measure(String article, Duration duration) {
        WikitextConverter converter = new WikitextConverter(SourceSite.defaults("Clinfowiki"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + duration.toNanos();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        do {
            Conversion conversion = converter.convert(article, "Computerized provider order entry");
            checksum += conversion.markdown().length();
            count++;
        } while (System.nanoTime() < end);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (checksum == 0) {
            throw new IllegalStateException("no output");
        }
        return new Result(count, seconds, cpuSeconds, article.getBytes(StandardCharsets.UTF_8).length);
    }

    /** A realistic article of about 10 KB, built from the constructs clinical wikis use most. */
    public static String article() {
        StringBuilder text = new StringBuilder();
        text.append("{{Infobox system\n| name = Computerized provider order entry\n| abbreviation = CPOE\n")
                .append("| used in = [[Hospital]]s and [[clinic]]s\n}}\n")
                .append("'''Computerized provider order entry''' ('''CPOE''') is the process by which a [[physician|clinician]] ")
                .append("enters orders for [[medication]]s, tests and procedures into a [[electronic health record|computer system]].")
                .append("<ref name=\"kuperman2003\">{{cite journal |last1=Kuperman |first1=GJ |last2=Gibson |first2=RF ")
                .append("|title=Computer physician order entry: benefits, costs, and issues |journal=Ann Intern Med |year=2003 ")
                .append("|volume=139 |issue=1 |pages=31–39 |doi=10.7326/0003-4819-139-1-200307010-00010 |pmid=12834316}}</ref>\n\n");
        String[] sections = {"History", "Benefits", "Risks and unintended consequences", "Implementation", "Clinical decision support",
            "Adoption"};
        for (int s = 0; s < sections.length; s++) {
            text.append("== ").append(sections[s]).append(" ==\n");
            for (int p = 0; p < 3; p++) {
                text.append("Early systems at ''[[Regenstrief Institute]]'' and [[Brigham and Women's Hospital]] showed that ")
                        .append("'''order sets''' reduce [[medication error]]s by 55% (see [[Medication safety#Errors|errors]]).")
                        .append("<ref name=\"bates").append(s).append("\">{{cite journal |author=Bates DW |title=Effect of ")
                        .append("computerized physician order entry on serious medication errors |journal=JAMA |year=1998 ")
                        .append("|volume=280 |pages=1311–6 |pmid=9794308}}</ref> Vendors such as [http://www.epic.com Epic] ")
                        .append("and [[Cerner]] offer modules; alerts are overridden in 49&ndash;96% of cases.<ref name=\"kuperman2003\"/>\n");
                if (p == 1) {
                    text.append("* Fewer transcription errors\n* Faster turnaround of [[laboratory]] results\n")
                            .append("** Especially for ''stat'' orders\n# Order entry\n# Verification by a [[pharmacist]]\n");
                }
                text.append('\n');
            }
        }
        text.append("{| class=\"wikitable\"\n|+ Adoption by year\n! Year !! Hospitals !! Source\n");
        for (int y = 2008; y < 2016; y++) {
            text.append("|-\n| ").append(y).append(" || ").append(y * 7 % 100).append("% || [[ONC]] data brief\n");
        }
        text.append("|}\n\n== See also ==\n* [[Clinical decision support]]\n* [[Electronic health record]]\n\n")
                .append("== References ==\n{{Reflist}}\n\n[[Category:Clinical information systems]]\n[[Category:CPOE]]\n");
        return text.toString();
    }
}
