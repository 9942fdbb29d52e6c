/**
 * One record per template: the typed models the jte templates in {@code templates/} render.
 * They hold display-ready values (formatted dates, URLs) so templates stay free of logic.
 */
package org.clinwiki.web.view;
