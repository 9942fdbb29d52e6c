package org.clinwiki.page;

import java.time.Clock;
import java.time.Duration;
import org.clinwiki.error.InvalidInputException;
import org.clinwiki.db.Database;
import org.clinwiki.limit.Gate;
import org.clinwiki.limit.Throttle;
import org.clinwiki.render.FileSource;
import org.clinwiki.render.RenderedPage;
import org.clinwiki.render.Renderer;
import org.clinwiki.render.SafeHtml;
import org.clinwiki.render.Signatures;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Permissions;
import org.clinwiki.user.Right;

/**
 * Renders text that is not saved (an edit preview), marking missing link targets. Only for
 * those who may edit, within the size a save allows, throttled per user and through the render
 * gate: rendering costs CPU and memory whoever asks. Thread-safe.
 */
public final class Previews {

    private final Database database;
    private final Renderer renderer;
    private final Permissions permissions;
    private final long maxPageBytes;
    private final Throttle previews;
    private final Gate renders;
    private final Clock clock;
    private final FileSource files;

    /** {@code previewsPerMinute} per user, with bursts of as many. */
    public Previews(Database database, Renderer renderer, Permissions permissions, long maxPageBytes, int previewsPerMinute,
                    Gate renders, Clock clock, FileSource files) {
        this.clock = clock;
        this.files = files;
        this.database = database;
        this.renderer = renderer;
        this.permissions = permissions;
        this.maxPageBytes = maxPageBytes;
        this.previews = new Throttle(previewsPerMinute, Duration.ofMinutes(1));
        this.renders = renders;
    }

    public SafeHtml preview(Actor actor, String markdown) {
        if (markdown == null) {
            throw new InvalidInputException("missing_markdown", "The page text (markdown) is required.");
        }
        PageText.requireWithin(markdown, maxPageBytes);
        permissions.require(actor.user(), Right.EDIT);
        previews.take("user:" + actor.user().id(), "too_many_previews", "You are asking for previews faster than this wiki allows.");
        // Shown as the save will store it: with the author's signature where ~~~~ stands.
        String text = Signatures.expand(PageText.normalize(markdown), actor.user().name(), actor.user().displayName(),
                clock.instant());
        RenderedPage rendered = renders.call(() -> renderer.render(text));
        return RedLinks.fillFiles(database.read(handle -> RedLinks.mark(handle, rendered)), rendered, files);
    }
}
