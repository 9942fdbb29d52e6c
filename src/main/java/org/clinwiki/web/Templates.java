package org.clinwiki.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.clinwiki.web.view.ErrorView;

/**
 * The jte templates from {@code templates/}, compiled into the jar at build time. Each template
 * takes one view record. Escaping is on by default. Thread-safe.
 */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} (a path under {@code templates/}, e.g. {@code page/view.jte}) with its model. */
    public String render(String template, Object model) {
        StringOutput output = new StringOutput(8 * 1024);
        engine.render(template, model, output);
        return output.toString();
    }

    String error(int status, String heading, String message) {
        return render("error.jte", new ErrorView(status, heading, message));
    }
}
