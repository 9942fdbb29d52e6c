package org.clinwiki.web.view;

/** A failure explained to a person. */
public record ErrorView(int status, String heading, String message) {
}
