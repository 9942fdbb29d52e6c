/**
 * Benchmarks run from the command line ({@code benchmark ...}): a generated corpus of realistic
 * clinical-informatics pages, and latency figures. Figures, never pass/fail: machines are noisy.
 */
package org.clinwiki.bench;
