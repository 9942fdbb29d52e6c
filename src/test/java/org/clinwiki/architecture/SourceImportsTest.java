package org.clinwiki.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureTest} on the import lines of the sources. The compiled classes
 * show what code uses; the sources also show an import nobody uses yet, which is where a wrong
 * dependency starts.
 */
class SourceImportsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.[A-Z*][\\w.*]*;",
            Pattern.MULTILINE);
    private static final List<String> FEATURES = List.of("page", "user", "category", "search", "audit");

    /** One source file: its package (relative to org.clinwiki, "" for the root) and the packages it imports. */
    private record Source(Path file, String pkg, Set<String> imports) {
    }

    private static List<Source> sources;

    @BeforeAll
    static void readSources() throws IOException {
        sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(text);
                assertThat(pkg.find()).as("package of " + file).isTrue();
                Set<String> imports = new TreeSet<>();
                Matcher imported = IMPORT.matcher(text);
                while (imported.find()) {
                    imports.add(imported.group(1));
                }
                sources.add(new Source(file, relative(pkg.group(1)), imports));
            }
        }
        assertThat(sources).hasSizeGreaterThan(100);
    }

    private static String relative(String pkg) {
        return pkg.equals("org.clinwiki") ? "" : pkg.startsWith("org.clinwiki.") ? pkg.substring("org.clinwiki.".length()) : pkg;
    }

    /** The feature a package belongs to: its first segment under org.clinwiki ("web" for web.view), or the package itself. */
    private static String feature(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    private static List<String> violations(String because, java.util.function.BiPredicate<Source, String> forbidden) {
        List<String> found = new ArrayList<>();
        for (Source source : sources) {
            for (String imported : source.imports()) {
                if (forbidden.test(source, imported)) {
                    found.add(source.file() + " imports " + imported + " (" + because + ")");
                }
            }
        }
        return found;
    }

    private static boolean isOurs(String imported) {
        return imported.equals("org.clinwiki") || imported.startsWith("org.clinwiki.");
    }

    @Test
    void importsKeepTheLayers() {
        List<String> found = new ArrayList<>();
        found.addAll(violations("page does not know the search index", (s, i) ->
                feature(s.pkg()).equals("page") && i.startsWith("org.clinwiki.search")));
        found.addAll(violations("search depends on nothing above it", (s, i) -> feature(s.pkg()).equals("search")
                && isOurs(i) && Set.of("", "user", "category", "audit", "web", "cli", "bench").contains(feature(relative(i)))));
        found.addAll(violations("only the command line uses the composition root", (s, i) ->
                !s.pkg().isEmpty() && !feature(s.pkg()).equals("cli") && i.equals("org.clinwiki")));
        found.addAll(violations("only the composition root builds the web layer", (s, i) ->
                !s.pkg().isEmpty() && !feature(s.pkg()).equals("web") && i.startsWith("org.clinwiki.web")));
        found.addAll(violations("only the web layer knows HTTP", (s, i) -> !feature(s.pkg()).equals("web")
                && (i.startsWith("io.javalin") || i.startsWith("org.eclipse.jetty") || i.startsWith("jakarta.servlet"))));
        found.addAll(violations("only db and the stores know Jdbi", (s, i) -> !s.pkg().equals("db")
                && !s.file().getFileName().toString().endsWith("Store.java") && i.startsWith("org.jdbi")));
        found.addAll(violations("title, diff, render, limit, error and db depend on no feature", (s, i) ->
                Set.of("title", "diff", "render", "limit", "error", "db").contains(feature(s.pkg())) && isOurs(i)
                        && FEATURES.contains(feature(relative(i)))));
        assertThat(found).isEmpty();
    }

    @Test
    void importsFormNoCycleBetweenPackages() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Source source : sources) {
            for (String imported : source.imports()) {
                String to = feature(relative(imported));
                if (isOurs(imported) && !to.equals(feature(source.pkg()))) {
                    graph.computeIfAbsent(feature(source.pkg()), k -> new TreeSet<>()).add(to);
                }
            }
        }
        for (String start : graph.keySet()) {
            assertThat(reachable(graph, start)).as("packages reachable from " + display(start) + ": " + graph)
                    .doesNotContain(start);
        }
    }

    private static Set<String> reachable(Map<String, Set<String>> graph, String start) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(graph.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.removeLast();
            if (seen.add(next)) {
                todo.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static String display(String pkg) {
        return pkg.isEmpty() ? "org.clinwiki" : "org.clinwiki." + pkg;
    }
}
