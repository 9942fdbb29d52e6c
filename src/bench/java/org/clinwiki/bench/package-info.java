/**
 * Benchmarks run from the command line ({@code benchmark ...}): a generated corpus of realistic
 * clinical-informatics pages, and latency figures. Figures, never pass/fail: machines are noisy.
 *
 * <p>Not part of the product: this source set ({@code src/bench/java}) compiles with the tests,
 * and {@code mvn -Pbench package} builds {@code target/clinwiki-bench.jar} from it, which runs
 * beside {@code clinwiki.jar} ({@link org.clinwiki.bench.BenchMain}).
 */
package org.clinwiki.bench;
