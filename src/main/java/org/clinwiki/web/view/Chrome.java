package org.clinwiki.web.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every page's frame needs: who is logged in, the form token, the asset URLs, and where
 * the reader is (for "log in and come back here").
 *
 * @param user     the logged-in user, if any
 * @param csrf     token every form posts back
 * @param css      fingerprinted stylesheet URL
 * @param js       fingerprinted script URL
 * @param icon     fingerprinted site icon URL
 * @param here     the current path and query, for return links
 * @param query    the search box's current text
 */
public record Chrome(Optional<Badge> user, String csrf, String css, String js, String icon, String here, String query) {

    /**
     * The logged-in user as the header shows them; {@code mustChangePassword} while the account
     * still has its one-time password, which every page then points out.
     */
    public record Badge(String name, String displayName, boolean admin, boolean mustChangePassword) {
    }

    public String loginUrl() {
        return "/login?returnTo=" + URLEncoder.encode(here, StandardCharsets.UTF_8);
    }
}
