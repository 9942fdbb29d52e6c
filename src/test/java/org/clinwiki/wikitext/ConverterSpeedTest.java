package org.clinwiki.wikitext;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.clinwiki.bench.WikitextBenchmark;
import org.junit.jupiter.api.Test;

/** The benchmark's article converts, and the figure is printed; speed itself is not asserted (machines differ). */
class ConverterSpeedTest {

    @Test
    void theBenchmarkArticleIsTypicalAndConverts() {
        String article = WikitextBenchmark.article();
        assertThat(article.length()).isBetween(8_000, 14_000);
        Conversion conversion = new WikitextConverter(SourceSite.defaults("Clinfowiki")).convert(article, "CPOE");
        assertThat(conversion.markdown()).contains("{{references}}", "[^kuperman2003]:", "| Year | Hospitals | Source |");
        WikitextBenchmark.Result result = WikitextBenchmark.measure(article, Duration.ofMillis(1500));
        System.out.printf("wikitext converter: %.0f conversions/s, %.1f MB/s, %.3f ms of processor time each%n",
                result.perSecond(), result.megabytesPerSecond(), result.cpuMillisecondsEach());
        assertThat(result.conversions()).isPositive();
    }
}
