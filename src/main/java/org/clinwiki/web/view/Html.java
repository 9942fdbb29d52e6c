package org.clinwiki.web.view;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import org.clinwiki.render.SafeHtml;

/**
 * Sanitised HTML as template content. The only way templates write markup they did not
 * write themselves: it accepts nothing but {@link SafeHtml}, which only the sanitiser makes.
 */
public record Html(SafeHtml safe) implements Content {

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(safe.html());
    }
}
