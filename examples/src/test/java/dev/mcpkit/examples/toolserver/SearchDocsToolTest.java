package dev.mcpkit.examples.toolserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mcpkit.examples.toolserver.SearchDocsTool.SearchResults;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SearchDocsToolTest {
  private static final Bm25Index BUNDLED = new Bm25Index(Document.bundled());

  @ParameterizedTest(name = "\"{0}\" finds {1} first")
  @CsvSource({
      "how do I roll back a bad deploy, deploy-rollback",
      "the primary database is down, database-failover",
      "I lost my laptop on the train, device-security",
      "hotel price limit in London, travel-policy",
      "customer wants money back for a damaged parcel, customer-refunds",
      "forgot my password, password-reset",
      "how many vacation days do I get, time-off",
      "we leaked an API key, security-vulnerability",
      "who gets paged at night, on-call"})
  void theObviouslyRelevantDocumentRanksFirst(String query, String expected) {
    List<Bm25Index.Hit> hits = BUNDLED.search(query, 3);

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).document().id()).isEqualTo(expected);
  }

  @Test
  void everyBundledDocumentLoadsWithATitleAndABody() {
    List<Document> docs = Document.bundled();

    assertThat(docs).hasSizeBetween(8, 15);
    assertThat(docs).allSatisfy(d -> {
      assertThat(d.title()).isNotBlank().doesNotStartWith("#");
      assertThat(d.text()).hasSizeGreaterThan(200);
    });
  }

  @Test
  void scoresFollowTheBm25FormulaWithK1AndB() {
    Document a = new Document("a", "alpha", "freight freight rail");
    Document b = new Document("b", "beta", "rail sea");
    Bm25Index index = new Bm25Index(List.of(a, b));

    // "freight": in 1 of 2 documents; doc a has 4 terms (title included), average length 3.5
    double idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    double norm = Bm25Index.K1 * (1 - Bm25Index.B + Bm25Index.B * 4 / 3.5);
    double expected = idf * 2 * (Bm25Index.K1 + 1) / (2 + norm);

    assertThat(index.search("freight", 5)).singleElement()
        .satisfies(h -> assertThat(h.score()).isCloseTo(expected, within(1e-9)));
  }

  @Test
  void aRareTermWeighsMoreThanACommonOne() {
    assertThat(BUNDLED.idf("failover")).isGreaterThan(BUNDLED.idf("owner"));
    assertThat(BUNDLED.idf("owner")).isGreaterThanOrEqualTo(0);
  }

  @Test
  void repeatingATermHasDiminishingReturns() {
    Bm25Index index = new Bm25Index(List.of(
        new Document("once", "t", "refund x x x x x x x"),
        new Document("twice", "t", "refund refund x x x x x x"),
        new Document("eight", "t", "refund refund refund refund refund refund refund refund"),
        new Document("other", "t", "y y y y y y y y")));
    double once = score(index, "refund", "once");
    double twice = score(index, "refund", "twice");
    double eight = score(index, "refund", "eight");

    assertThat(twice).isGreaterThan(once);
    assertThat(eight).isLessThan(once * 8 / 2);
  }

  @Test
  void aLongDocumentIsNotFavouredForItsLength() {
    Bm25Index index = new Bm25Index(List.of(
        new Document("short", "t", "laptop lost"),
        new Document("long", "t", "laptop lost and then many other words about unrelated"
            + " things like trains hotels meals kilometres receipts and so on")));

    assertThat(index.search("laptop", 2).get(0).document().id()).isEqualTo("short");
  }

  @Test
  void aQueryOfOnlyUnknownOrStopWordsFindsNothing() {
    assertThat(BUNDLED.search("zzyzx quux", 3)).isEmpty();
    assertThat(BUNDLED.search("what is the", 3)).isEmpty();
  }

  @Test
  void tokensAreLowerCasedWithoutStopWordsAndPluralsBecomeSingular() {
    assertThat(Bm25Index.tokenize("The Policies for Refunds, and 2 Hotels!"))
        .containsExactly("policy", "refund", "2", "hotel");
  }

  @Test
  void resultsCarryTitleRoundedScoreAndTheBestMatchingLineAsSnippet() {
    SearchResults results = SearchDocsTool.search(BUNDLED, "promote the replica", 2);

    assertThat(results.hits()).hasSizeLessThanOrEqualTo(2);
    SearchDocsTool.SearchHit top = results.hits().get(0);
    assertThat(top.title()).isEqualTo("Runbook: Postgres primary failover");
    assertThat(top.snippet()).startsWith("Promote the replica with the lowest replication lag");
    assertThat(top.score()).isEqualTo(Math.round(top.score() * 1000) / 1000.0);
    assertThat(SearchDocsTool.asText(results))
        .startsWith("1. Runbook: Postgres primary failover (database-failover, score ");
  }

  private static double score(Bm25Index index, String query, String id) {
    return index.search(query, 10).stream().filter(h -> h.document().id().equals(id))
        .findFirst().orElseThrow().score();
  }
}
