/** The command line: parses arguments (picocli), builds the application, runs one command, returns an exit code. */
package org.clinwiki.cli;
