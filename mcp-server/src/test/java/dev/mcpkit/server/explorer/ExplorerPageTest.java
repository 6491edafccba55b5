package dev.mcpkit.server.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExplorerPageTest {
  private static final String TOKEN = "cap_Zx81Qm3Lw0";
  private static final String URL = "http://127.0.0.1:8080/mcp/" + TOKEN;
  private static final String NONCE = ExplorerPage.newNonce();

  @Test
  void headersCarryAStrictPolicyWithTheNonceAndForbidFramingSniffingCachingAndReferrers() {
    Map<String, String> headers = ExplorerPage.headers(NONCE);

    String csp = headers.get("Content-Security-Policy");
    assertThat(csp).contains("default-src 'none'", "script-src 'nonce-" + NONCE + "'",
        "style-src 'nonce-" + NONCE + "'", "img-src data:", "connect-src 'self'",
        "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
    assertThat(headers).containsEntry("Content-Type", "text/html; charset=utf-8")
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("X-Frame-Options", "DENY")
        .containsEntry("Referrer-Policy", "no-referrer")
        .containsEntry("Cache-Control", "no-store")
        .containsEntry("Vary", "Accept");
  }

  @Test
  void everyNonceIsFreshAndOnlyWellFormedNoncesAreAccepted() {
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      nonces.add(ExplorerPage.newNonce());
    }
    assertThat(nonces).hasSize(100).allSatisfy(n -> assertThat(n).matches("[A-Za-z0-9_-]{22}"));
    for (String bad : new String[] {null, "short", "abcdefghijklmnop\" onload=\"x", "a b c d e f g h i"}) {
      assertThatThrownBy(() -> ExplorerPage.headers(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newNonce()");
      assertThatThrownBy(() -> ExplorerPage.render(model(List.of()), bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void onlyABrowserGetForHtmlWantsThePage() {
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    assertThat(ExplorerPage.wantsPage("GET", browser)).isTrue();
    assertThat(ExplorerPage.wantsPage("get", "TEXT/HTML")).isTrue();
    assertThat(ExplorerPage.wantsPage("GET", "text/event-stream")).isFalse();
    assertThat(ExplorerPage.wantsPage("GET", "text/html, text/event-stream")).isFalse();
    assertThat(ExplorerPage.wantsPage("POST", browser)).isFalse();
    assertThat(ExplorerPage.wantsPage("GET", null)).isFalse();
    assertThat(ExplorerPage.wantsPage("GET", "application/json")).isFalse();
  }

  @Test
  void htmlInToolDescriptionsNamesAndReasonsIsEscapedNotRendered() throws IOException {
    ToolView sneaky = new ToolView("<b>bold</b>", "Title <i>", "Run <script>alert(1)</script> & go",
        json("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\","
            + "\"description\":\"</script><script>alert(2)</script>\"}}}"),
        null, json("{\"readOnlyHint\":true,\"x-note\":\"<img src=x>\"}"));
    String html = ExplorerPage.render(new ExplorerModel("Server <em>", "1 <2>", URL, TOKEN,
        List.of(sneaky), List.of(new RejectedTool("<bad>", "reason <u>")), AuthHint.NONE), NONCE);

    assertThat(html).contains("Run &lt;script&gt;alert(1)&lt;/script&gt; &amp; go",
        "&lt;b&gt;bold&lt;/b&gt;", "Title &lt;i&gt;", "Server &lt;em&gt;", "1 &lt;2&gt;",
        "&lt;bad&gt;", "reason &lt;u&gt;", "x-note: &lt;img src=x&gt;");
    assertThat(html).doesNotContain("<b>bold", "<script>alert", "<em>", "<img src=x>", "<u>");
    assertThat(count(html, "<script")).isEqualTo(2);
    assertThat(html).contains("<script nonce=\"" + NONCE + "\">",
        "<style nonce=\"" + NONCE + "\">", "<script type=\"application/json\" id=\"explorer-data\">");

    JsonNode data = pageData(html);
    assertThat(data.path("tools").get(0).path("fields").get(0).path("description").asText())
        .isEqualTo("</script><script>alert(2)</script>");
  }

  @Test
  void theCapabilityTokenAppearsOnlyInThePageDataNeverInVisibleMarkup() {
    String html = ExplorerPage.render(model(List.of(tool("echo"))), NONCE);
    String visible = html.substring(0, html.indexOf("<script type=\"application/json\""));

    assertThat(visible).doesNotContain(TOKEN)
        .contains("http://127.0.0.1:8080/mcp/\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022")
        .contains("id=\"reveal\"");
    JsonNode data = pageData(html);
    assertThat(data.path("endpoint").asText()).isEqualTo(URL);
    assertThat(data.path("maskedEndpoint").asText()).doesNotContain(TOKEN);
    assertThat(data.path("snippets")).allSatisfy(s -> {
      assertThat(s.path("text").asText()).contains(URL);
      assertThat(s.path("masked").asText()).doesNotContain(TOKEN);
    });
  }

  @Test
  void aUrlWithoutASecretHasNothingToReveal() {
    ExplorerModel open = new ExplorerModel("s", null, "http://localhost:3000/mcp", null,
        List.of(), List.of(), null);
    String html = ExplorerPage.render(open, NONCE);
    assertThat(html).doesNotContain("id=\"reveal\"").contains("asks for no credential")
        .contains("This server exposes no tools yet.");
  }

  @Test
  void thePageLoadsNothingFromElsewhere() {
    String html = ExplorerPage.render(model(List.of(tool("echo"))), NONCE);
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
    while (m.find()) {
      assertThat(m.group(1)).matches("#.*|data:.*");
    }
    assertThat(html).doesNotContain("@import", "url(http");
  }

  @Test
  void everyToolIsListedWithItsParametersAndTheRejectedOnesWithTheirReasons() throws IOException {
    ToolView forecast = new ToolView("get_forecast", "Forecast", "Daily forecast.",
        json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
            + "\"description\":\"City name\"},\"units\":{\"enum\":[\"metric\",\"imperial\"],"
            + "\"default\":\"metric\"}},\"required\":[\"city\"]}"),
        json("{\"type\":\"object\"}"), json("{\"readOnlyHint\":true,\"destructiveHint\":false}"));
    String html = ExplorerPage.render(new ExplorerModel("s", null, URL, TOKEN,
        List.of(forecast), List.of(new RejectedTool("send email!", "names may not contain '!'")),
        AuthHint.apiKeyHeader("X-Api-Key")), NONCE);

    assertThat(html).contains("<code>get_forecast</code>", "Forecast", "Daily forecast.",
        "<code>city</code> <span class=\"req\">required</span>", "City name",
        "One of <code>&quot;metric&quot;</code> <code>&quot;imperial&quot;</code>",
        "Default <code>&quot;metric&quot;</code>", "Output schema", "read-only",
        "non-destructive", "send email!", "names may not contain &#39;!&#39;",
        "1 tool was rejected", "id=\"run-credential\"", "X-Api-Key");
  }

  @Test
  void theModelRefusesWhatItCannotShowWithMessagesThatSayWhy() {
    assertThatThrownBy(() -> new ExplorerModel("s", null, "/mcp", null, null, null, null))
        .hasMessageContaining("absolute http(s) URL");
    assertThatThrownBy(() -> new ExplorerModel("s", null, URL, "other", null, null, null))
        .hasMessageContaining("capabilityToken must be a non-empty part of endpointUrl");
    assertThatThrownBy(() -> ToolView.of(json("{\"title\":\"x\"}")))
        .hasMessageContaining("string 'name'");
    assertThatThrownBy(() -> AuthHint.apiKeyHeader("X Api Key"))
        .hasMessageContaining("not an HTTP header name");
    assertThat(new ToolView("t", null, null, null, null, null).inputSchema())
        .isEqualTo(json("{\"type\":\"object\"}"));
  }

  @Test
  void aProtocolToolRecordBecomesAToolViewWithEveryShownField() {
    Tools.Tool tool = new Tools.Tool("get_forecast", "Forecast", "Daily forecast.",
        (ObjectNode) json("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"),
        (ObjectNode) json("{\"type\":\"object\"}"),
        new Tools.ToolAnnotations(null, true, null, null, null, null), null, null, null, null);

    ToolView view = ToolView.of(tool);

    assertThat(view.name()).isEqualTo("get_forecast");
    assertThat(view.title()).isEqualTo("Forecast");
    assertThat(view.description()).isEqualTo("Daily forecast.");
    assertThat(view.inputSchema().path("properties").has("city")).isTrue();
    assertThat(view.outputSchema()).isEqualTo(json("{\"type\":\"object\"}"));
    assertThat(view.annotations()).isEqualTo(json("{\"readOnlyHint\":true}"));
  }

  private static ExplorerModel model(List<ToolView> tools) {
    return new ExplorerModel("Acme", "1.0", URL, TOKEN, tools, List.of(), AuthHint.NONE);
  }

  private static ToolView tool(String name) {
    return new ToolView(name, null, "does " + name, null, null, null);
  }

  private static JsonNode pageData(String html) {
    String start = "<script type=\"application/json\" id=\"explorer-data\">";
    int from = html.indexOf(start) + start.length();
    return json(html.substring(from, html.indexOf("</script>", from)));
  }

  private static JsonNode json(String text) {
    try {
      return McpJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
