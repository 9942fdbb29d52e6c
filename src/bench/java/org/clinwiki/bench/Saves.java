package org.clinwiki.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sequential saves through the API as an editor makes them: a whole page's Markdown with a
 * sentence added. Each is timed until the PUT is answered, and until a search for a word only
 * that edit contains finds the page. Saves numbered from {@code first} edit other pages and add
 * other words than saves numbered from elsewhere, so several series can run against one wiki.
 */
record Saves(Latencies answered, Latencies searchable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a save learns that its edit is searchable. */
    enum Wait {
        /** The save answers once committed; the index follows, and a search is repeated until it finds the edit. */
        POLL,
        /** The save asks to be answered once its edit is searchable ({@code ?wait=searchable}); one search checks it. */
        ANSWER
    }

    /**
     * Who saves, where: the wiki at {@code base} holding the corpus's first {@code pages} titles.
     * The search that finds an edit asks {@code searchBase}: the same server, or another node of
     * the same database.
     */
    record Editor(HttpClient client, String base, String searchBase, String token, Corpus titles, int pages) {

        Editor(HttpClient client, String base, String token, Corpus titles, int pages) {
            this(client, base, base, token, titles, pages);
        }

        Saves measure(int first, int count, Wait wait) throws Exception {
            Saves saves = new Saves(new Latencies(), new Latencies());
            String query = wait == Wait.ANSWER ? "?wait=searchable" : "";
            for (int i = first; i < first + count; i++) {
                String path;
                JsonNode page;
                int n = (int) ((i * 7919L) % pages);
                do {
                    // Redirects are not searched as articles: edit articles only.
                    path = titles.title(n++ % pages).urlPath();
                    page = JSON.readTree(LoadBenchmark.get(client, base + "/api/v1/pages/" + path + "?redirect=no").body());
                } while (page.hasNonNull("redirect"));
                String marker = "cwbenchmark" + i + "edit";
                String body = edit(page.path("markdown").asText(), marker, page.path("revision").path("id").asLong());
                long start = System.nanoTime();
                HttpResponse<String> saved = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pages/" + path + query))
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                saves.answered.add(System.nanoTime() - start);
                if (saved.statusCode() != 200 || wait == Wait.ANSWER && !JSON.readTree(saved.body()).path("searchable").asBoolean()) {
                    throw new IllegalStateException("save answered " + saved.statusCode() + ": " + saved.body());
                }
                awaitFound(searchBase + "/api/v1/search?q=" + marker, start, wait);
                saves.searchable.add(System.nanoTime() - start);
            }
            return saves;
        }

        private void awaitFound(String search, long start, Wait wait) throws Exception {
            long deadline = start + 10_000_000_000L;
            while (LoadBenchmark.get(client, search).body().startsWith("{\"total\":0")) {
                if (wait == Wait.ANSWER) {
                    throw new IllegalStateException("a save answered as searchable was not found: " + search);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("an edit was not searchable within 10 s: " + search);
                }
                // Each poll is a search that finds nothing and asks for spellings: not too often.
                Thread.sleep(1);
            }
        }
    }

    /** The same requests against the baseline: a PUT of the same size, then one search. */
    static Saves measureBaseline(HttpClient client, String base, int count) throws Exception {
        Saves saves = new Saves(new Latencies(), new Latencies());
        String recorded = LoadBenchmark.get(client, base + "/page/0").body();
        for (int i = 0; i < count; i++) {
            String body = edit(recorded, "cwbenchmark" + i + "edit", 1);
            long start = System.nanoTime();
            client.send(HttpRequest.newBuilder(URI.create(base + "/save")).PUT(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            saves.answered.add(System.nanoTime() - start);
            LoadBenchmark.get(client, base + "/search/0");
            saves.searchable.add(System.nanoTime() - start);
        }
        return saves;
    }

    private static String edit(String markdown, String marker, long baseRevision) {
        ObjectNode body = JSON.createObjectNode();
        body.put("markdown", markdown + "\n\nReviewed by the informatics team (" + marker + ").\n");
        body.put("summary", "benchmark edit");
        body.put("baseRevisionId", baseRevision);
        return body.toString();
    }
}
