/**
 * The command line: parses arguments (picocli), opens the wiki ({@link org.clinwiki.Wiki}) or
 * serves it ({@link org.clinwiki.App}), runs one command, returns an exit code.
 */
package org.clinwiki.cli;
