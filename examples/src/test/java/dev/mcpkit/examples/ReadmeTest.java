package dev.mcpkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's code comes from compiled examples: every block preceded by
 * {@code <!-- snippet: path#tag -->} must equal the region between {@code // tag::tag[]} and
 * {@code // end::tag[]} in that file (indentation removed), so the README cannot rot.
 */
class ReadmeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern SNIPPET = Pattern.compile(
      "<!-- snippet: ([^#\\s]+)#([\\w-]+) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);

  record Snippet(String file, String tag, String code) {}

  static List<Snippet> snippets(String readme) {
    List<Snippet> out = new ArrayList<>();
    Matcher m = SNIPPET.matcher(readme);
    while (m.find()) {
      out.add(new Snippet(m.group(1), m.group(2), m.group(3)));
    }
    return out;
  }

  static String taggedRegion(Path file, String tag) throws IOException {
    List<String> lines = Files.readAllLines(file);
    int start = -1;
    int end = -1;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.equals("// tag::" + tag + "[]")) {
        start = i + 1;
      } else if (t.equals("// end::" + tag + "[]")) {
        end = i;
      }
    }
    assertThat(start).as("// tag::%s[] in %s", tag, file).isPositive();
    assertThat(end).as("// end::%s[] after the tag in %s", tag, file).isGreaterThanOrEqualTo(start);
    List<String> region = lines.subList(start, end);
    int indent = region.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder sb = new StringBuilder();
    for (String l : region) {
      sb.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void everyReadmeCodeBlockWithASnippetMarkerIsTheTaggedRegionOfACompiledExample() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    List<Snippet> snippets = snippets(readme);
    assertThat(snippets).extracting(Snippet::tag).contains("server", "client", "governance");
    for (Snippet s : snippets) {
      Path file = ROOT.resolve(s.file());
      assertThat(file).as("snippet source").exists();
      assertThat(s.code()).as("README block for %s#%s", s.file(), s.tag())
          .isEqualTo(taggedRegion(file, s.tag()));
    }
  }

  @Test
  void readmeNamesTheTwoCommandsCiRuns() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    assertThat(readme).contains("./mvnw -B verify")
        .contains("java -jar examples/target/mcp-examples.jar tool-server");
    assertThat(ci).contains("./mvnw -B verify");
  }

  @Test
  void aBlockThatDiffersFromItsTaggedRegionIsCaught(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path source = dir.resolve("A.java");
    Files.writeString(source, "class A {\n  void f() {\n    // tag::f[]\n    int x = 1;\n"
        + "    // end::f[]\n  }\n}\n");
    String readme = "<!-- snippet: A.java#f -->\n```java\nint x = 2;\n```\n";
    List<Snippet> parsed = snippets(readme);
    assertThat(parsed).singleElement().extracting(Snippet::tag).isEqualTo("f");
    assertThat(taggedRegion(source, "f")).isEqualTo("int x = 1;\n");
    assertThat(parsed.get(0).code()).isNotEqualTo(taggedRegion(source, "f"));
  }
}
