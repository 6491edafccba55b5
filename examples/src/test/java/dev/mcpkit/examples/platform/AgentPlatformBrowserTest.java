package dev.mcpkit.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole tour of the agent platform console in a real headless Chromium: an admin registers an
 * OAuth server (icon, description, custom client) and shares it, alice attaches it, the admin's own
 * connection lists its tools for the permission screen, alice connects through the real
 * authorization server (mock-oauth2-server) and runs a tool, a call that needs approval is approved
 * by another person, and the connection menu renames, shares, reconnects and deletes. The steps run
 * in order and share the browser. Needs {@code .ci/setup-chromium}; skipped with a message without.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentPlatformBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final String RECORD_VIOLATIONS = "window.__cspViolations = [];"
      + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
      + "e.effectiveDirective + ' ' + e.blockedURI));";

  private static MockOAuth2Server as;
  private static CrmOAuthServer crm;
  private static AgentPlatformExample platform;
  private static ChromeDriver browser;
  private static Path profile;
  private static Path iconFile;
  private static String base;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "the console browser test needs /usr/bin/chromium and /usr/bin/chromedriver"
            + " (Debian packages chromium and chromium-driver; run .ci/setup-chromium)");
    as = new MockOAuth2Server();
    as.start();
    crm = new CrmOAuthServer(as);
    platform = AgentPlatformExample.start(0, true);
    base = platform.url().toString().replaceAll("/$", "");
    iconFile = Files.createTempFile("crm-icon", ".png");
    String data = Demo.icon(new java.awt.Color(0x0a8f5a)).toString();
    Files.write(iconFile, java.util.Base64.getDecoder().decode(data.substring(data.indexOf(',')
        + 1)));
    profile = Files.createTempDirectory("console-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--disable-extensions",
        "--user-data-dir=" + profile, "--window-size=1280,1000", "--force-device-scale-factor=1",
        "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream()).build();
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
    if (platform != null) {
      platform.close();
    }
    if (crm != null) {
      crm.close();
    }
    if (as != null) {
      as.shutdown();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ---- the tour --------------------------------------------------------------------------------

  @Test
  @Order(1)
  void anAdminRegistersAnOAuthServerWithAnIconADescriptionAndACustomClient() throws IOException {
    actAs("admin");
    go("/servers");
    assertThat(text(By.id("server-lumen"))).contains("Lumen Freight tools", "API key",
        "/mcp/v1/…/mcp");
    shot("servers");
    click(By.id("add-server"));
    type(By.id("f-id"), "crm");
    browser.findElement(By.id("icon-file")).sendKeys(iconFile.toAbsolutePath().toString());
    waitUntil(() -> value(By.id("icon")).startsWith("data:image/png;base64,"));
    type(By.id("f-name"), "CRM");
    type(By.id("f-description"), "Customers & <deals>");
    type(By.id("f-url"), crm.url().toString());
    new Select(browser.findElement(By.id("f-auth"))).selectByValue("OAUTH");
    click(By.cssSelector("#advanced summary"));
    assertThat(text(By.id("redirect-url"))).isEqualTo(base + "/oauth/callback");
    type(By.id("f-clientId"), "console-client");
    type(By.id("f-clientSecret"), "console-secret");
    type(By.id("f-scope"), "openid crm:read");
    shot("server-form");
    click(By.id("save-server"));

    WebElement row = waitFor(By.id("server-crm"));
    assertThat(row.getText()).contains("CRM", "Customers & <deals>", "OAuth 2.0",
        "Streamable HTTP", "Restricted: nobody yet");
    assertThat(row.findElement(By.cssSelector("img.icon")).getAttribute("src"))
        .startsWith("data:image/png;base64,");
    assertThat(browser.getPageSource()).doesNotContain("console-secret");
  }

  @Test
  @Order(2)
  void theShareDialogGivesAliceAndBobAccessToTheServer() {
    go("/servers");
    click(By.cssSelector("#server-crm a.share"));
    waitFor(By.id("share-dialog"));
    click(By.id("user.alice"));
    click(By.id("user.bob"));
    click(By.id("access-RESTRICTED"));
    shot("share");
    click(By.id("save-share"));
    assertThat(text(By.id("server-crm"))).contains("Restricted: alice, bob");
    actAs("erin");
    go("/servers");
    assertThat(browser.findElements(By.id("server-crm"))).isEmpty();
    assertThat(browser.findElements(By.id("server-lumen"))).hasSize(1);
  }

  @Test
  @Order(3)
  void aliceAddsTheServerAsAConnectorFromTheServersSharedWithHer() {
    actAs("alice");
    go("/agent");
    assertThat(browser.findElements(By.id("m-shared"))).isEmpty(); // only admins set those up
    new Select(browser.findElement(By.id("f-server"))).selectByValue("crm");
    click(By.id("add"));
    assertThat(text(By.id("connector-crm"))).contains("Each user connects",
        "You have not connected yet");
    assertThat(text(By.id("connector-lumen"))).contains("Shared connection",
        "Lumen service account");
    shot("connectors");
  }

  @Test
  @Order(4)
  void theAdminsOwnConnectionListsEveryToolSoPermissionsAreSetBeforeAnyUserConnected() {
    actAs("admin");
    go("/permissions");
    assertThat(text(By.id("permissions-crm"))).contains("have not been listed yet");
    go("/agent");
    issueNextTokenFor("admin");
    click(By.cssSelector("#connector-crm button.connect"));
    waitUntil(() -> browser.getCurrentUrl().startsWith(base + "/agent"));
    assertThat(text(By.id("flash"))).isEqualTo("Connected");
    go("/permissions");
    assertThat(text(By.id("tool-crm-lookup_customer"))).contains("Finds a customer by name");
    setPermission("crm", "lookup_customer", "ALWAYS_ALLOW");
    setPermission("crm", "delete_customer", "DISABLED");
    assertThat(permission("crm", "lookup_customer")).isEqualTo("ALWAYS_ALLOW");
    assertThat(permission("crm", "delete_customer")).isEqualTo("DISABLED");
    assertThat(permission("lumen", "send_email")).isEqualTo("NEEDS_APPROVAL");
    shot("permissions");
  }

  @Test
  @Order(5)
  void aliceSkipsThenConnectsThroughTheAuthorizationServerAndSeesTheRawToolCall() {
    actAs("alice");
    go("/run");
    assertThat(text(By.id("needs-crm"))).contains("CRM", "Connect", "Skip for now");
    click(By.cssSelector("#needs-crm button.skip"));
    assertThat(text(By.id("flash"))).contains("asked again");
    issueNextTokenFor("alice");
    click(By.id("connect-crm"));
    waitUntil(() -> browser.getCurrentUrl().startsWith(base + "/run"));
    assertThat(text(By.id("flash"))).isEqualTo("Connected");
    assertThat(browser.findElements(By.id("pick-delete_customer"))).isEmpty();
    click(By.id("pick-lookup_customer"));
    type(By.id("arg.name"), "Ana Silva");
    click(By.id("call"));
    assertThat(text(By.id("result-text"))).isEqualTo("customer Ana Silva looked up for alice");
    String raw = text(By.id("raw-call"));
    assertThat(raw).contains("\"method\" : \"tools/call\"", "\"name\" : \"lookup_customer\"",
        "\"name\" : \"Ana Silva\"", "looked up for alice");
    shot("run-result");
  }

  @Test
  @Order(6)
  void aCallThatNeedsApprovalWaitsForAnotherPersonWhoApprovesItFromTheInbox() {
    actAs("alice");
    go("/run");
    click(By.id("pick-send_email"));
    type(By.id("arg.to"), "ana.silva@example.com");
    type(By.id("arg.subject"), "Your delivery");
    type(By.id("arg.body"), "It arrives on Tuesday.");
    click(By.id("call"));
    assertThat(text(By.id("approval"))).contains("Needs approval", "send_email",
        "an admin other than the requesting user", "ana.silva@example.com");
    assertThat(browser.findElements(By.id("waiting"))).hasSize(1);
    shot("approval-card");

    actAs("bob");
    go("/approvals");
    assertThat(browser.findElements(By.id("inbox-empty"))).hasSize(1);

    actAs("admin");
    go("/approvals");
    WebElement card = waitFor(By.cssSelector(".card.approval"));
    assertThat(card.getText()).contains("alice", "send_email", "Your delivery");
    shot("approvals");
    click(By.cssSelector(".card.approval button.approve"));
    assertThat(text(By.id("result-text"))).contains(".eml");
    click(By.id("call-events"));
    assertThat(text(By.tagName("main"))).contains("APPROVAL_REQUESTED", "APPROVAL_DECISION",
        "CALL", "ana.silva@example.com");
    shot("call");
  }

  @Test
  @Order(7)
  void theActivityLogShowsPayloadsToAuditorsAndMetadataToTheUser() {
    actAs("alice");
    go("/activity");
    List<WebElement> mine = browser.findElements(By.cssSelector("tr.event"));
    assertThat(mine).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("alice"));
    click(By.cssSelector("tr.event a.details"));
    assertThat(browser.findElements(By.cssSelector(".metadata-only"))).isNotEmpty();
    String callUrl = browser.getCurrentUrl();

    actAs("erin");
    browser.get(callUrl);
    assertThat(browser.findElements(By.cssSelector(".metadata-only"))).isEmpty();
    assertThat(text(By.tagName("main"))).contains("Input");
    go("/activity");
    assertThat(text(By.id("activity"))).contains("ADMIN_CHANGE", "admin", "alice", "bob");
    shot("activity");
  }

  @Test
  @Order(8)
  void theConnectionMenuRenamesSharesReconnectsAndDeletes() {
    actAs("admin");
    go("/agent");
    click(By.cssSelector("#connector-lumen details.menu summary"));
    shot("connection-menu");
    WebElement name = browser.findElement(By.cssSelector("#connector-lumen input.rename-name"));
    name.clear();
    name.sendKeys("Lumen ops account");
    click(By.cssSelector("#connector-lumen button.rename"));
    // the form posts and the page comes back: wait for the new one rather than read the old one
    waitUntil(() -> "Lumen ops account".equals(
        text(By.cssSelector("#connector-lumen .connection-name"))));
    assertThat(text(By.cssSelector("#connector-lumen .connection-name")))
        .isEqualTo("Lumen ops account");

    click(By.cssSelector("#connector-lumen details.menu summary"));
    click(By.cssSelector("#connector-lumen a.share-connection"));
    click(By.id("cs-team"));
    new Select(browser.findElement(By.id("cs-alice"))).selectByValue("MANAGE");
    click(By.id("save-connection-share"));
    assertThat(text(By.id("flash"))).isEqualTo("Shared the connection");

    click(By.cssSelector("#connector-crm details.menu summary"));
    issueNextTokenFor("admin");
    click(By.cssSelector("#connector-crm button.reconnect"));
    waitUntil(() -> browser.getCurrentUrl().startsWith(base + "/agent"));
    assertThat(text(By.id("flash"))).isEqualTo("Connected");

    actAs("alice");
    go("/agent");
    click(By.cssSelector("#connector-crm details.menu summary"));
    click(By.cssSelector("#connector-crm button.delete"));
    assertThat(text(By.id("flash"))).contains("Deleted");
    assertThat(text(By.id("connector-crm"))).contains("You have not connected yet");
    go("/run");
    assertThat(browser.findElements(By.id("needs-crm"))).hasSize(1);
  }

  @Test
  @Order(9)
  void everyPageKeptToItsContentSecurityPolicyAndAFormWithoutItsTokenIsRefused()
      throws Exception {
    for (String page : List.of("/servers", "/agent", "/permissions", "/run", "/approvals",
        "/activity", "/servers/edit?id=crm")) {
      actAs("admin");
      go(page);
      assertThat(browser.executeScript("return window.__cspViolations")).asList()
          .as("CSP violations on " + page).isEmpty();
    }
    HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(base + "/servers/remove")).header("Content-Type",
            "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("id=crm")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("CSRF");
    go("/servers");
    assertThat(browser.findElements(By.id("server-crm"))).hasSize(1);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  static void issueNextTokenFor(String subject) {
    as.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT",
        List.of(crm.url().toString()), Map.of("scope", "crm:read"), 3600));
  }

  static void setPermission(String server, String tool, String permission) {
    click(By.cssSelector("#tool-" + server + "-" + tool + " button.perm-" + permission));
    waitUntil(() -> permission(server, tool).equals(permission));
  }

  static String permission(String server, String tool) {
    return browser.findElement(By.cssSelector("#tool-" + server + "-" + tool + " td.toggle"))
        .getAttribute("data-permission");
  }

  static void actAs(String user) {
    go("/servers");
    new Select(browser.findElement(By.id("acting-user"))).selectByValue(user);
    click(By.id("switch"));
    waitUntil(() -> new Select(browser.findElement(By.id("acting-user")))
        .getFirstSelectedOption().getAttribute("value").equals(user));
  }

  static void go(String path) {
    browser.get(base + path);
  }

  static WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() ? null : found.get(0);
    });
  }

  static void waitUntil(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class).until(d -> {
          try {
            return condition.getAsBoolean();
          } catch (org.openqa.selenium.WebDriverException e) {
            // an element found just before the page was replaced (a form was submitted): Chrome
            // reports it this way rather than as a stale element; look again
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
              return false;
            }
            throw e;
          }
        });
  }

  static void click(By by) {
    waitFor(by).click();
  }

  static void type(By by, String text) {
    WebElement e = waitFor(by);
    e.clear();
    e.sendKeys(text);
  }

  /** The element's text, read again when the page was replaced between finding and reading. */
  static String text(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() ? null : found.get(0).getText();
    });
  }

  static String value(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class).until(d -> {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() ? null : java.util.Objects.toString(found.get(0).getAttribute("value"),
          "");
    });
  }

  static void shot(String name) {
    if (!name.equals("connection-menu")) {
      browser.executeScript("window.scrollTo(0, 0)");
    }
    try {
      Files.write(SCREENSHOTS.resolve("console-" + name + ".png"),
          browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
