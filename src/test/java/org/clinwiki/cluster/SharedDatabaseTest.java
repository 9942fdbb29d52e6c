package org.clinwiki.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clinwiki.FirstRun;
import org.clinwiki.Wiki;
import org.clinwiki.error.ConflictException;
import org.clinwiki.limit.Limits;
import org.clinwiki.limit.TooManyRequestsException;
import org.clinwiki.page.Edit;
import org.clinwiki.page.EditConflictException;
import org.clinwiki.page.Page;
import org.clinwiki.page.Revision;
import org.clinwiki.page.SaveResult;
import org.clinwiki.testing.TestDatabases;
import org.clinwiki.title.Title;
import org.clinwiki.user.Actor;
import org.clinwiki.user.Login;
import org.clinwiki.user.Role;
import org.clinwiki.user.TokenKind;
import org.clinwiki.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several nodes (each a {@link Wiki} with its own connection pool and data directory) on one
 * PostgreSQL database, as several servers behind a load balancer are: whatever one node
 * writes, every other node sees and respects at once.
 */
class SharedDatabaseTest {

    private static final String PASSWORD = "a long test password 1";

    @TempDir
    Path temp;

    private final String database = TestDatabases.newPostgresDatabase();
    private final List<Wiki> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Wiki::close);
    }

    private Wiki node(Limits limits) {
        Wiki wiki = Wiki.open(TestDatabases.config(temp.resolve("node" + nodes.size())).withDatabase(database).withLimits(limits),
                Clock.systemUTC());
        nodes.add(wiki);
        return wiki;
    }

    private Wiki node() {
        return node(Limits.defaults().withEditsPerMinute(10_000).withLoginFailures(1_000, 1_000).withLoginsPerHour(10_000));
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseSeedItOnce() throws Exception {
        int count = 3;
        CountDownLatch ready = new CountDownLatch(count);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Optional<String>>> passwords = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                passwords.add(pool.submit(() -> {
                    Wiki wiki;
                    synchronized (nodes) {
                        wiki = node();
                    }
                    ready.countDown();
                    ready.await();
                    return FirstRun.prepare(wiki);
                }));
            }
            int printed = 0;
            for (Future<Optional<String>> password : passwords) {
                printed += password.get().isPresent() ? 1 : 0;
            }
            assertThat(printed).as("one-time passwords printed").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Wiki any = nodes.get(2);
        assertThat(any.users().find(FirstRun.ADMIN_ACCOUNT)).isPresent();
        assertThat(any.reader().history(Title.parse("Main Page"), Long.MAX_VALUE, 10, Optional.empty())).hasSize(1);
    }

    @Test
    void concurrentSavesOfOnePageThroughTwoNodesKeepOneLinearHistory() throws Exception {
        Wiki a = node();
        Wiki b = node();
        a.users().create("ann", "Ann", "", Role.EDITOR, PASSWORD);
        b.users().create("ben", "Ben", "", Role.EDITOR, PASSWORD);
        Title title = Title.parse("Contended");
        a.pages().replace(new Actor(a.users().require("ann"), "a"), title, "line 0\n", "start");

        int rounds = 25;
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        Callable<Integer> annWrites = writer(a, "ann", title, rounds, acknowledged);
        Callable<Integer> benWrites = writer(b, "ben", title, rounds, acknowledged);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int conflicts;
        try {
            Future<Integer> first = pool.submit(annWrites);
            Future<Integer> second = pool.submit(benWrites);
            conflicts = first.get() + second.get();
        } finally {
            pool.shutdownNow();
        }

        List<Revision> history = new ArrayList<>(a.reader().history(title, Long.MAX_VALUE, 500, Optional.empty()));
        Collections.reverse(history);
        assertThat(history).hasSize(1 + acknowledged.size());
        Set<Long> parents = new HashSet<>();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).parentId()).as("revision %d's parent", history.get(i).id())
                    .isEqualTo(OptionalLong.of(history.get(i - 1).id()));
            assertThat(parents.add(history.get(i).parentId().getAsLong())).as("no two revisions share a parent").isTrue();
        }
        assertThat(history.stream().map(Revision::id).toList()).containsAll(acknowledged);
        assertThat(acknowledged.size() + conflicts).isEqualTo(2 * rounds);
        Page latest = b.reader().require(title, Optional.empty());
        assertThat(latest.latestRevisionId()).isEqualTo(history.getLast().id());
    }

    /** Saves {@code rounds} edits, each from the latest revision this node reads; counts the conflicts. */
    private static Callable<Integer> writer(Wiki node, String name, Title title, int rounds, List<Long> acknowledged) {
        return () -> {
            Actor actor = new Actor(node.users().require(name), name);
            int conflicts = 0;
            for (int i = 0; i < rounds; i++) {
                Page page = node.reader().require(title, Optional.empty());
                String text = node.reader().markdown(page.latestRevisionId());
                try {
                    SaveResult saved = node.pages().save(actor, new Edit(title, text + name + " " + i + "\n", name + " " + i,
                            OptionalLong.of(page.latestRevisionId()), false));
                    acknowledged.add(saved.revision().id());
                } catch (EditConflictException | ConflictException e) {
                    conflicts++;
                }
            }
            return conflicts;
        };
    }

    @Test
    void twoNodesCreatingOneTitleAtOnceGiveOnePageAndAConflictNeverAnError() throws Exception {
        Wiki a = node();
        Wiki b = node();
        a.users().create("cat", "Cat", "", Role.EDITOR, PASSWORD);
        Title title = Title.parse("Created twice");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (Wiki node : List.of(a, b)) {
                outcomes.add(pool.submit(() -> {
                    Actor actor = new Actor(node.users().require("cat"), "x");
                    go.await();
                    try {
                        return node.pages().save(actor, new Edit(title, "text from " + node.hashCode() + "\n", "", OptionalLong.empty(),
                                false)).outcome().name();
                    } catch (EditConflictException | ConflictException e) {
                        return "CONFLICT";
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results).contains("CREATED");
        } finally {
            pool.shutdownNow();
        }
        assertThat(b.reader().history(title, Long.MAX_VALUE, 10, Optional.empty())).hasSizeBetween(1, 2);
    }

    @Test
    void aSessionMadeOnOneNodeWorksOnTheOtherUntilLoggedOutThere() {
        Wiki a = node();
        Wiki b = node();
        a.users().create("dee", "Dee", "", Role.EDITOR, PASSWORD);
        Login login = a.logins().login("dee", PASSWORD, "10.0.0.1", TokenKind.SESSION);
        assertThat(b.sessions().authenticate(login.token()).map(User::name)).contains("dee");
        b.sessions().logout(login.token());
        assertThat(a.sessions().authenticate(login.token())).isEmpty();
    }

    @Test
    void failedLoginsAreCountedAcrossNodes() {
        Limits tight = Limits.defaults().withLoginFailures(5, 1_000);
        Wiki a = node(tight);
        Wiki b = node(tight);
        a.users().create("eve", "Eve", "", Role.EDITOR, PASSWORD);
        for (int i = 0; i < 5; i++) {
            Wiki through = i % 2 == 0 ? a : b;
            assertThatThrownBy(() -> through.logins().login("eve", "wrong password " + Math.random(), "10.0.0.2", TokenKind.API))
                    .isNotInstanceOf(TooManyRequestsException.class);
        }
        assertThatThrownBy(() -> a.logins().login("eve", PASSWORD, "10.0.0.3", TokenKind.API))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatThrownBy(() -> b.logins().login("eve", PASSWORD, "10.0.0.3", TokenKind.API))
                .isInstanceOf(TooManyRequestsException.class);
    }
}
