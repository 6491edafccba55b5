package dev.mcpkit.examples.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's refusals over real loopback HTTP: forms without their session's token, bodies and
 * field counts past the limits, unknown pages and methods; each bounded, each changing nothing.
 */
class WebConsoleLimitsTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .build();
  private AgentPlatformExample platform;
  private String cookie;
  private String csrf;

  @BeforeEach
  void startAndOpenASession() throws Exception {
    platform = AgentPlatformExample.start(0, false);
    HttpResponse<String> page = get("/servers");
    cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).isTrue();
    csrf = m.group(1);
  }

  @AfterEach
  void stop() {
    platform.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(platform.url().resolve(path))
        .timeout(Duration.ofSeconds(10));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(platform.url().resolve(path))
        .timeout(Duration.ofSeconds(10)).header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String registerForm(String id) {
    return "id=" + id + "&name=Wiki&description=&url=https%3A%2F%2Fwiki.example%2Fmcp"
        + "&transport=STREAMABLE_HTTP&auth=API_KEY&apiKeyHeader=&payloadPolicy=FULL&icon=";
  }

  @Test
  void aFormWithTheSessionsTokenIsAcceptedAndOneWithoutOrWithAnotherIsRefused() throws Exception {
    assertThat(post("/servers/save", registerForm("forged")).statusCode()).isEqualTo(403);
    assertThat(post("/servers/save", "csrf=" + "x".repeat(csrf.length()) + "&"
        + registerForm("forged")).statusCode()).isEqualTo(403);
    assertThat(get("/servers").body()).doesNotContain("server-forged");
    HttpResponse<String> ok = post("/servers/save", "csrf=" + csrf + "&" + registerForm("wiki"));
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(get("/servers").body()).contains("id=\"server-wiki\"");
  }

  @Test
  void aBodyPastTheLimitIsRefusedWithoutReadingItAll() throws Exception {
    String huge = "csrf=" + csrf + "&name=" + "a".repeat(WebConsole.MAX_BODY);
    long start = System.nanoTime();
    HttpResponse<String> r = post("/servers/save", huge);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("larger than 256 KiB");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void tooManyFieldsAreRefusedAndNothingChanges() throws Exception {
    StringBuilder body = new StringBuilder("csrf=" + csrf + "&" + registerForm("many"));
    for (int i = 0; i < WebConsole.MAX_FIELDS; i++) {
      body.append("&f").append(i).append("=1");
    }
    HttpResponse<String> r = post("/servers/save", body.toString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("more than 200 form fields");
    assertThat(get("/servers").body()).doesNotContain("server-many");
  }

  @Test
  void unknownPagesAndMethodsAreRefusedAndInvalidInputIsExplained() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(platform.url().resolve("/servers"))
        .header("Cookie", cookie).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(405);
    HttpResponse<String> svg = post("/servers/save", "csrf=" + csrf + "&"
        + registerForm("svg").replace("&icon=", "&icon=data%3Aimage%2Fsvg%2Bxml%3Bbase64%2CPHN2Zy8%2B"));
    assertThat(svg.statusCode()).isEqualTo(400);
    assertThat(svg.body()).contains("SVG is refused");
  }

  @Test
  void pagesCarryAStrictContentSecurityPolicyWithAFreshNonce() throws Exception {
    HttpResponse<String> a = get("/servers");
    HttpResponse<String> b = get("/servers");
    String csp = a.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp).contains("default-src 'none'", "script-src 'nonce-", "frame-ancestors 'none'",
        "base-uri 'none'");
    assertThat(csp).isNotEqualTo(b.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertThat(a.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(a.headers().firstValue("Set-Cookie").orElseThrow()).contains("HttpOnly",
        "SameSite=Lax");
  }
}
