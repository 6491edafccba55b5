package dev.mcpkit.server.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.ToolException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer page in a real headless Chromium, against a loopback MCP endpoint that serves the
 * page at its own URL. Needs Debian's {@code chromium} and {@code chromium-driver}
 * ({@code .ci/setup-chromium} installs them); skipped with a message when they are missing.
 */
class ExplorerBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "explorer-screenshots");
  /** Records every CSP violation the page causes, from before its own script runs. */
  private static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
      + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
      + "e.effectiveDirective + ' ' + e.blockedURI));";

  private static TestMcpEndpoint endpoint;
  /** Our own server, on loopback at a capability URL, which serves the page by default. */
  private static McpHttpServer realServer;
  private static String realUrl;
  /** The arguments our server's add_numbers handler ran with. */
  private static final List<JsonNode> realCalls = new CopyOnWriteArrayList<>();
  private static ChromeDriver browser;
  private static Path profile;

  @BeforeAll
  static void startEndpointAndBrowser() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the explorer browser test needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (Debian packages chromium and chromium-driver; run .ci/setup-chromium)");
    endpoint = TestMcpEndpoint.start();
    McpEndpoint real = McpEndpoint.capabilityUrl(realServer());
    realServer = McpHttpServer.builder().endpoint(real).start();
    realUrl = realServer.url(real).toString();
    profile = Files.createTempDirectory("explorer-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--disable-extensions",
        "--user-data-dir=" + profile, "--window-size=1280,900", "--force-device-scale-factor=1",
        "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    browser = new ChromeDriver(service, options);
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", RECORD_VIOLATIONS));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (endpoint != null) {
      endpoint.close();
    }
    if (realServer != null) {
      realServer.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void thePageListsEveryExposedToolAndTheRejectedOneWithItsReason() {
    open();

    assertThat(texts("article.tool h3 code"))
        .containsExactly("get_forecast", "echo", "render_swatch", "delete_file", "sneaky");
    assertThat(browser.findElement(By.id("rejected")).getText())
        .contains("send email!", "rename it, e.g. to send_email");
    String forecast = card("get_forecast").getText();
    assertThat(forecast).contains("Weather forecast", "city", "City name, e.g. Lisbon",
        "\"metric\"", "Output schema").containsIgnoringCase("read-only");
    assertThat(texts("#connect .chips code")).hasSize(5).contains("echo");
  }

  @Test
  void runTestOfAToolCallsItThroughTheEndpointAndShowsItsResultWithTiming() {
    open();
    card("echo").findElement(By.cssSelector("[data-run]")).click();
    assertThat(new Select(browser.findElement(By.id("run-tool"))).getFirstSelectedOption()
        .getText()).isEqualTo("echo");

    input("text").sendKeys("hello explorer");
    input("times").clear();
    input("times").sendKeys("2");
    new Select(input("shout")).selectByVisibleText("true");
    input("tags").sendKeys("a\nb");
    WebElement result = run();

    assertThat(result.findElement(By.cssSelector(".status")).getText()).isEqualToIgnoringCase(
        "Success");
    assertThat(result.findElement(By.cssSelector("pre.text")).getText())
        .isEqualTo("HELLO EXPLORER HELLO EXPLORER");
    assertThat(result.findElement(By.cssSelector(".timing")).getText()).matches("\\d+ ms");
    assertThat(lastCall()).isEqualTo(json("""
        {"name":"echo","arguments":{"text":"hello explorer","times":2,"shout":true,
         "tags":["a","b"]}}"""));
  }

  @Test
  void runTestShowsImagesStructuredContentAndToolErrors() {
    open();
    chooseTool("render_swatch");
    WebElement image = run().findElement(By.cssSelector("img"));
    assertThat(image.getAttribute("src")).startsWith("data:image/png;base64,");
    assertThat(browser.executeScript("return arguments[0].naturalWidth", image)).isEqualTo(320L);

    chooseTool("get_forecast");
    input("city").sendKeys("Lisbon");
    WebElement answer = run();
    WebElement structured = answer.findElement(By.cssSelector("pre.structured"));
    assertThat(answer.findElements(By.cssSelector("pre.text"))).as("text repeating the JSON")
        .isEmpty();
    JsonNode forecast = json(structured.getText());
    assertThat(forecast.path("city").asText()).isEqualTo("Lisbon");
    assertThat(forecast.path("days")).hasSize(3);

    chooseTool("delete_file");
    input("path").sendKeys("/etc/passwd");
    WebElement failed = run();
    assertThat(failed.findElement(By.cssSelector(".status")).getText())
        .isEqualToIgnoringCase("Tool error");
    assertThat(failed.findElement(By.cssSelector("pre.text.error")).getText())
        .isEqualTo("permission denied: /etc/passwd is outside the sandbox");
  }

  @Test
  void aMissingRequiredArgumentIsMarkedAndNothingIsSent() {
    open();
    chooseTool("get_forecast");
    int before = endpoint.calls.size();
    browser.findElement(By.id("run-submit")).click();

    WebElement field = input("city").findElement(By.xpath("./ancestor::label"));
    assertThat(field.getAttribute("class")).contains("invalid");
    assertThat(field.findElement(By.cssSelector(".error-text")).getText()).isEqualTo("required");
    assertThat(endpoint.calls).hasSize(before);
  }

  @Test
  void withAnApiKeyHeaderTheRunTestSendsTheKeyTypedIntoTheCredentialField() throws IOException {
    try (TestMcpEndpoint guarded = TestMcpEndpoint.startWithApiKey("k-2718281828")) {
      open(guarded);
      chooseTool("echo");
      input("text").sendKeys("hi");
      WebElement refused = run();
      assertThat(refused.findElement(By.cssSelector(".status")).getText())
          .isEqualToIgnoringCase("HTTP 401");
      assertThat(refused.getText()).contains("Enter the credential above.");

      browser.findElement(By.id("run-credential")).sendKeys("k-2718281828");
      WebElement answer = run();
      assertThat(answer.findElement(By.cssSelector("pre.text")).getText()).isEqualTo("hi");
      assertThat(browser.findElement(By.cssSelector("#connect .hint")).getText())
          .contains("X-Api-Key", "never goes in the URL");
      assertThat(snippet("claude")).contains("X-Api-Key:${MCP_API_KEY}")
          .doesNotContain("k-2718281828");
    }
  }

  @Test
  void theUrlAndSnippetsHideTheCapabilityTokenUntilRevealedThenCarryTheFullUrl() {
    open();
    String url = endpoint.url();
    WebElement shown = browser.findElement(By.id("endpoint-url"));
    assertThat(shown.getText()).doesNotContain(TestMcpEndpoint.TOKEN).endsWith("\u2022");
    assertThat(snippet("claude")).doesNotContain(TestMcpEndpoint.TOKEN);

    browser.findElement(By.id("reveal")).click();

    assertThat(shown.getText()).isEqualTo(url);
    JsonNode claude = json(snippet("claude")).path("mcpServers").path("acme-weather-tools");
    assertThat(claude.path("args")).isEqualTo(json("[\"mcp-remote\",\"" + url + "\"]"));
    tab("cursor");
    assertThat(json(snippet("cursor")).path("mcpServers").path("acme-weather-tools")
        .path("args")).isEqualTo(json("[\"-y\",\"mcp-remote\",\"" + url + "\"]"));
    tab("curl");
    assertThat(snippet("curl")).startsWith("URL='" + url + "'").contains("tools/call");
    tab("java");
    assertThat(snippet("java")).contains("ClientTransport.http(\"" + url + "\")");
    assertThat(browser.findElement(By.id("snippet-claude")).isDisplayed()).isFalse();
  }

  @Test
  void aToolDescriptionWithScriptTagsIsShownAsTextAndNeverRuns() {
    open();
    WebElement description = card("sneaky").findElement(By.cssSelector(".desc"));

    assertThat(description.getText()).isEqualTo("Shows <script>window.pwned = 1</script> and"
        + " <img src=x onerror=\"window.pwned = 2\"> as text.");
    assertThat(description.findElements(By.cssSelector("*"))).isEmpty();
    assertThat(browser.executeScript("return typeof window.pwned")).isEqualTo("undefined");
  }

  @Test
  void thePageIsServedWithAStrictPolicyThatItRespectsAndTheBrowserEnforces() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(endpoint.url())).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
    String nonce = endpoint.nonces.get(endpoint.nonces.size() - 1);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("script-src 'nonce-" + nonce + "'", "frame-ancestors 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.body()).contains("<script nonce=\"" + nonce + "\">");

    open();
    chooseTool("render_swatch");
    run();
    assertThat(violations()).as("the page itself breaks no rule of its policy").isEmpty();

    Object injected = browser.executeScript("const s = document.createElement('script');"
        + "s.textContent = 'window.injected = 1'; document.body.append(s);"
        + "return typeof window.injected;");
    assertThat(injected).isEqualTo("undefined");
    assertThat(violations()).anySatisfy(v -> assertThat(v).startsWith("script-src"));
  }

  @Test
  void screenshotsOfThePageAfterARunGoToTheTestOutputFolder() throws IOException {
    try (TestMcpEndpoint showcase = TestMcpEndpoint.startForScreenshots()) {
      open(showcase);
      chooseTool("render_swatch");
      run();
      browser.executeScript("window.scrollTo(0, 0)");
      Files.write(SCREENSHOTS.resolve("explorer-top.png"),
          browser.getScreenshotAs(OutputType.BYTES));
      Files.write(SCREENSHOTS.resolve("explorer-full.png"), capture(null));
      Files.write(SCREENSHOTS.resolve("explorer-run.png"), capture("run"));
      browser.findElement(By.id("reveal")).click();
      browser.executeScript("window.scrollTo(0, 0)");
      Files.write(SCREENSHOTS.resolve("explorer-connect.png"), capture("connect"));
    }
    assertThat(SCREENSHOTS.resolve("explorer-full.png")).isNotEmptyFile();
    assertThat(violations()).isEmpty();
  }

  // ------------------------------------------------------- against our own server

  @Test
  void ourServerServesThePageOnLoopbackWithItsToolsAndTheOneItTurnedDown() {
    open(realUrl);

    assertThat(texts("article.tool h3 code"))
        .containsExactly("add_numbers", "test_error_handling", "test_simple_text");
    assertThat(browser.findElement(By.id("rejected")).getText())
        .contains("bad tool", "invalid name");
    assertThat(card("add_numbers").getText()).contains("Adds two integers", "First addend",
        "Output schema");
    assertThat(browser.findElement(By.id("endpoint-url")).getText()).doesNotContain(
        realUrl.substring(realUrl.indexOf("/v1/") + 4, realUrl.lastIndexOf('/')));
  }

  @Test
  void aRunTestAgainstOurServerCallsTheToolThroughItsEndpointAndShowsResultsWithTiming() {
    open(realUrl);
    chooseTool("add_numbers");
    input("a").sendKeys("2");
    input("b").sendKeys("40");
    WebElement sum = run();

    assertThat(sum.findElement(By.cssSelector(".status")).getText()).isEqualToIgnoringCase(
        "Success");
    assertThat(json(sum.findElement(By.cssSelector("pre.structured")).getText()))
        .isEqualTo(json("{\"total\":42}"));
    assertThat(sum.findElement(By.cssSelector(".timing")).getText()).matches("\\d+ ms");
    assertThat(realCalls).last().isEqualTo(json("{\"a\":2,\"b\":40}"));

    chooseTool("test_error_handling");
    WebElement failed = run();
    assertThat(failed.findElement(By.cssSelector(".status")).getText())
        .isEqualToIgnoringCase("Tool error");
    assertThat(failed.findElement(By.cssSelector("pre.text.error")).getText())
        .isEqualTo("This tool intentionally returns an error for testing");
  }

  @Test
  void ourServersSnippetsCarryItsUrlOnceRevealedUnderTheKeyFromItsName() throws IOException {
    open(realUrl);
    browser.findElement(By.id("reveal")).click();

    assertThat(browser.findElement(By.id("endpoint-url")).getText()).isEqualTo(realUrl);
    assertThat(json(snippet("claude")).path("mcpServers").path("conformance-tools").path("args"))
        .isEqualTo(json("[\"mcp-remote\",\"" + realUrl + "\"]"));
    browser.executeScript("window.scrollTo(0, 0)");
    Files.write(SCREENSHOTS.resolve("explorer-our-server.png"), capture(null));
    assertThat(violations()).isEmpty();
  }

  private static McpServer realServer() {
    return McpServer.builder().name("Conformance Tools").version("2.0.0")
        .tool(ToolDefinition.builder("test_simple_text").description("Returns a simple text")
            .handler((args, ctx) -> CallToolResult.text(
                "This is a simple text response for testing.")).build())
        .tool(ToolDefinition.builder("add_numbers").description("Adds two integers")
            .inputSchema((ObjectNode) json("""
                {"type":"object","properties":{
                  "a":{"type":"integer","description":"First addend"},
                  "b":{"type":"integer","description":"Second addend"}},
                 "required":["a","b"]}"""))
            .outputSchema((ObjectNode) json("""
                {"type":"object","properties":{"total":{"type":"integer"}},
                 "required":["total"]}"""))
            .handler((args, ctx) -> {
              realCalls.add(args);
              return CallToolResult.structured(McpJson.object().put("total",
                  args.get("a").asInt() + args.get("b").asInt()));
            }).build())
        .tool(ToolDefinition.builder("test_error_handling").description("Always fails")
            .handler((args, ctx) -> {
              throw new ToolException("This tool intentionally returns an error for testing");
            }).build())
        .toolIfValid(ToolDefinition.builder("bad tool").description("Has a space in its name")
            .handler((args, ctx) -> CallToolResult.text("never")))
        .build();
  }

  // ---------------------------------------------------------------- helpers

  private static void open() {
    open(endpoint);
  }

  private static void open(TestMcpEndpoint target) {
    open(target.url());
  }

  private static void open(String url) {
    browser.get(url);
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
        !d.findElements(By.cssSelector("#run-fields > *")).isEmpty());
  }

  private static WebElement card(String tool) {
    return browser.findElement(By.cssSelector("article.tool[data-tool='" + tool + "']"));
  }

  private static void chooseTool(String name) {
    new Select(browser.findElement(By.id("run-tool"))).selectByValue(name);
  }

  private static WebElement input(String name) {
    return browser.findElement(By.cssSelector("#run-fields [name='" + name + "']"));
  }

  /** Submits the Run test form and waits for the result of this run. */
  private static WebElement run() {
    WebElement result = browser.findElement(By.id("run-result"));
    browser.executeScript("arguments[0].replaceChildren()", result);
    browser.findElement(By.id("run-submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(15)).until(d ->
        !result.findElements(By.cssSelector(".status")).isEmpty());
    return result;
  }

  private static String snippet(String id) {
    return browser.findElement(By.cssSelector("#snippet-" + id + " code"))
        .getDomProperty("textContent");
  }

  private static void tab(String id) {
    browser.findElement(By.cssSelector(".tab[data-tab='" + id + "']")).click();
    assertThat(browser.findElement(By.id("snippet-" + id)).isDisplayed()).isTrue();
  }

  private static List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> violations() {
    return (List<String>) browser.executeScript("return window.__cspViolations");
  }

  private static JsonNode lastCall() {
    return endpoint.calls.get(endpoint.calls.size() - 1);
  }

  /** A PNG of the element with {@code id}, or of the whole page, beyond the viewport. */
  private static byte[] capture(String id) {
    Map<String, Object> clip;
    if (id == null) {
      @SuppressWarnings("unchecked")
      Map<String, Number> size = (Map<String, Number>) browser
          .executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
      clip = Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"),
          "scale", 1);
    } else {
      Rectangle r = browser.findElement(By.id(id)).getRect();
      int margin = 16;
      clip = Map.of("x", Math.max(0, r.x - margin), "y", Math.max(0, r.y - margin),
          "width", r.width + 2 * margin, "height", r.height + 2 * margin, "scale", 1);
    }
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    return Base64.getDecoder().decode((String) shot.get("data"));
  }

  private static JsonNode json(String text) {
    try {
      return McpJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
