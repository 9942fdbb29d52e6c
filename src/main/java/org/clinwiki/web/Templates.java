package org.clinwiki.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import org.clinwiki.web.view.Chrome;

/**
 * The jte templates from {@code templates/}, compiled into the jar at build time. Each template
 * takes the site {@link Chrome} and one view record. Escaping is on by default. Thread-safe.
 */
public final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /**
     * Renders {@code template} (a path under {@code templates/}, e.g. {@code page/view.jte}) with
     * the site frame and the page's own view record.
     */
    public String render(String template, Chrome chrome, Object view) {
        StringOutput output = new StringOutput(16 * 1024);
        engine.render(template, Map.of("chrome", chrome, "view", view), output);
        return output.toString();
    }
}
