package org.clinwiki.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinwiki.title.Title;
import org.junit.jupiter.api.Test;

class IndexedRedirectsTest {

    private static final Title PRESSORS = Title.parse("Vasopressors");
    private static final Title INOTROPES = Title.parse("Inotropes");

    @Test
    void namesLeadingToAPageComeInNameOrder() {
        IndexedRedirects redirects = new IndexedRedirects();
        redirects.remember(2, Title.parse("Pressors"), PRESSORS);
        redirects.remember(3, Title.parse("Norepinephrine drips"), PRESSORS);
        assertThat(redirects.leadingTo(PRESSORS)).containsExactly(Title.parse("Norepinephrine drips"), Title.parse("Pressors"));
        assertThat(redirects.leadingTo(INOTROPES)).isEmpty();
    }

    @Test
    void aRedirectPointedElsewhereLeadsOnlyToItsNewTarget() {
        IndexedRedirects redirects = new IndexedRedirects();
        redirects.remember(2, Title.parse("Pressors"), PRESSORS);
        redirects.remember(2, Title.parse("Pressors"), INOTROPES);
        assertThat(redirects.leadingTo(PRESSORS)).isEmpty();
        assertThat(redirects.leadingTo(INOTROPES)).containsExactly(Title.parse("Pressors"));
    }

    @Test
    void aPageThatIsNoLongerARedirectSaysWhereItPointed() {
        IndexedRedirects redirects = new IndexedRedirects();
        redirects.remember(2, Title.parse("Pressors"), PRESSORS);
        assertThat(redirects.forget(2)).contains(PRESSORS);
        assertThat(redirects.forget(2)).isEmpty();
        assertThat(redirects.leadingTo(PRESSORS)).isEmpty();
    }
}
