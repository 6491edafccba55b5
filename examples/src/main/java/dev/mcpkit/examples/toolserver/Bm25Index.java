package dev.mcpkit.examples.toolserver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 ranking over a fixed set of documents, the classic formula search engines start
 * from: a term counts more the rarer it is across documents (idf), with diminishing returns for
 * repeats ({@code k1}), and long documents are not favoured for being long ({@code b}).
 *
 * <pre>score(d, q) = Σ over terms t of q:
 *                idf(t) · tf(t,d)·(k1+1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))
 * idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))</pre>
 *
 * Immutable and thread-safe once built.
 */
final class Bm25Index {
  static final double K1 = 1.2;
  static final double B = 0.75;
  private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at",
      "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in", "is", "it", "my",
      "no", "not", "of", "on", "or", "our", "so", "than", "that", "the", "their", "then", "there",
      "this", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will", "with",
      "you", "your");

  /** A document and how well it matches a query. */
  record Hit(Document document, double score) {}

  private final List<Document> documents;
  private final List<Map<String, Integer>> termCounts = new ArrayList<>();
  private final int[] lengths;
  private final double averageLength;
  private final Map<String, Integer> documentFrequency = new HashMap<>();

  Bm25Index(List<Document> documents) {
    this.documents = List.copyOf(documents);
    this.lengths = new int[documents.size()];
    long total = 0;
    for (int i = 0; i < documents.size(); i++) {
      Document d = documents.get(i);
      List<String> terms = tokenize(d.title() + "\n" + d.text());
      Map<String, Integer> counts = new HashMap<>();
      terms.forEach(t -> counts.merge(t, 1, Integer::sum));
      counts.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
      termCounts.add(counts);
      lengths[i] = terms.size();
      total += terms.size();
    }
    this.averageLength = documents.isEmpty() ? 0 : (double) total / documents.size();
  }

  /** The best {@code limit} documents for {@code query}, best first; only those that match. */
  List<Hit> search(String query, int limit) {
    Set<String> queryTerms = new LinkedHashSet<>(tokenize(query));
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      double score = 0;
      for (String term : queryTerms) {
        int tf = termCounts.get(i).getOrDefault(term, 0);
        if (tf > 0) {
          double norm = K1 * (1 - B + B * lengths[i] / averageLength);
          score += idf(term) * tf * (K1 + 1) / (tf + norm);
        }
      }
      if (score > 0) {
        hits.add(new Hit(documents.get(i), score));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return hits.subList(0, Math.min(limit, hits.size()));
  }

  /** Inverse document frequency; never negative, even for a term in every document. */
  double idf(String term) {
    int n = documentFrequency.getOrDefault(term, 0);
    return Math.log(1 + (documents.size() - n + 0.5) / (n + 0.5));
  }

  /** Lower-cased words and numbers, without stop words, plurals reduced to the singular. */
  static List<String> tokenize(String text) {
    List<String> terms = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
        terms.add(singular(word));
      }
    }
    return terms;
  }

  /** A deliberately small stemmer: {@code policies → policy}, {@code refunds → refund}. */
  static String singular(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
