package dev.mcpkit.examples.toolserver;

import dev.mcpkit.core.jsonschema.Description;
import dev.mcpkit.core.jsonschema.RecordSchema;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.ToolException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code search_docs}: knowledge search over the bundled documents, ranked with BM25. */
final class SearchDocsTool {
  static final int DEFAULT_LIMIT = 3;
  static final int MAX_LIMIT = 10;
  private static final int SNIPPET_LENGTH = 200;
  private static final RecordSchema<SearchResults> OUTPUT = RecordSchema.of(SearchResults.class);

  /** The arguments; the input schema is derived from this record. */
  record SearchDocs(
      @Description("What to look for, in plain words, e.g. 'how do I roll back a deploy'")
      String query,
      @Description("How many documents to return, 1 to 10 (default 3)")
      Optional<Integer> limit) {}

  /** One document found. */
  record SearchHit(
      @Description("Document id") String id,
      String title,
      @Description("BM25 relevance; higher is better, comparable only within one search")
      double score,
      @Description("The passage that matches the query best") String snippet) {}

  /** The result; the output schema is derived from this record. */
  record SearchResults(String query, List<SearchHit> hits) {}

  private SearchDocsTool() {}

  static ToolDefinition definition(Bm25Index index) {
    return ToolDefinition.builder("search_docs")
        .title("Search company documents")
        .description("Searches Lumen Freight's internal documents (policies, runbooks, IT and"
            + " security guides) and returns the best matches with a relevance score and the"
            + " passage that matches best. Use it before answering questions about company"
            + " rules or how to handle an operational problem.")
        .annotations(new ToolAnnotations(null, true, false, true, false, null))
        .outputSchema(OUTPUT.schema())
        .handler(SearchDocs.class, (args, ctx) -> {
          int limit = args.limit().orElse(DEFAULT_LIMIT);
          if (limit < 1 || limit > MAX_LIMIT) {
            throw new ToolException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
          }
          SearchResults results = search(index, args.query(), limit);
          return new CallToolResult(List.of(new Content.Text(asText(results))),
              OUTPUT.write(results), null);
        })
        .build();
  }

  static SearchResults search(Bm25Index index, String query, int limit) {
    List<SearchHit> hits = index.search(query, limit).stream()
        .map(h -> new SearchHit(h.document().id(), h.document().title(),
            Math.round(h.score() * 1000) / 1000.0, snippet(h.document(), query)))
        .toList();
    return new SearchResults(query, hits);
  }

  /** The hits as a model or a person reads them. */
  static String asText(SearchResults results) {
    if (results.hits().isEmpty()) {
      return "No document matches \"" + results.query() + "\".";
    }
    StringBuilder s = new StringBuilder();
    int rank = 1;
    for (SearchHit hit : results.hits()) {
      s.append(rank++).append(". ").append(hit.title()).append(" (").append(hit.id())
          .append(", score ").append(hit.score()).append(")\n   ").append(hit.snippet())
          .append('\n');
    }
    return s.toString().stripTrailing();
  }

  /** The line of the document that holds the most query terms, shortened. */
  static String snippet(Document document, String query) {
    Set<String> wanted = new HashSet<>(Bm25Index.tokenize(query));
    String best = "";
    long bestMatches = -1;
    for (String line : document.text().split("\n")) {
      String plain = line.replaceFirst("^\\s*([-*]|\\d+\\.)\\s+", "").strip();
      long matches = Bm25Index.tokenize(plain).stream().distinct().filter(wanted::contains)
          .count();
      if (matches > bestMatches && !plain.isEmpty()) {
        best = plain;
        bestMatches = matches;
      }
    }
    return best.length() <= SNIPPET_LENGTH ? best : best.substring(0, SNIPPET_LENGTH - 1) + "…";
  }
}
