package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.auth.McpPrincipal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives every error path reachable from outside on a real server at a capability URL that also
 * wants a bearer token or an API key, on the JDK host, Tomcat and Jetty, and then searches
 * everything that was logged (SLF4J, java.util.logging, stdout, stderr, stack traces included) and
 * every answer the MCP handler wrote for the capability token, the API key, the bearer token and
 * every session id, and every 12-character piece of them. (A container's own error page, such as
 * Jetty's for a Host it cannot parse, repeats the request URL to the client that sent it.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SecretsStayOutOfLogsTest {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String token = random("Tk");
  private final String apiKey = random("Ak");
  private final String bearer = random("Bt");
  private final List<String> sessionIds = new ArrayList<>();
  private final List<String> answers = new ArrayList<>();
  private ServletHosts.Running running;
  private URI endpointUrl;

  private static String random(String prefix) {
    StringBuilder s = new StringBuilder(prefix);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 32; i++) {
      s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** Bearer token in Authorization, or the API key in X-API-Key; says nothing of what was sent. */
  private McpAuthenticator authenticator() {
    return request -> {
      String authorization = request.header("Authorization");
      String key = request.header("X-API-Key");
      if (("Bearer " + bearer).equals(authorization) || apiKey.equals(key)) {
        return AuthResult.authenticated(new McpPrincipal("alice", Set.of(), Map.of()));
      }
      return AuthResult.unauthorized("Bearer realm=\"mcp\"",
          "send a valid bearer token or API key");
    };
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jdk", "tomcat", "jetty"})
  void noSecretReachesALogLineAnExceptionMessageOrAnErrorAnswer(String host) throws Exception {
    TestTools.resetLatches();
    McpServer server = TestTools.server().listener(ActivityLog.toSlf4j()).build();
    McpEndpoint endpoint = McpEndpoint.builder(server)
        .capabilityUrl(McpEndpoint.CAPABILITY_TEMPLATE, token)
        .authenticator(authenticator()).explorerPage().build();
    McpHttpOptions options = McpHttpOptions.builder().maxBodyBytes(64 * 1024)
        .shutdownGracePeriod(Duration.ofMillis(300)).build();
    String logged;
    // the JDK's HTTP server logs each request line at FINE, a level of its own we cannot change;
    // at its default level (INFO, which the capture keeps) nothing of a request is logged
    try (LogCapture capture = new LogCapture("dev.mcpkit")) {
      running = ServletHosts.start(host, options, endpoint);
      try {
        endpointUrl = running.base().resolve("/mcp/v1/" + token + "/mcp");
        driveEveryErrorPath();
        shutDownWithWorkInFlight();
      } finally {
        TestTools.release.countDown();
        running.stop();
      }
      logged = capture.text();
    }

    assertThat(sessionIds).as("sessions were opened").hasSizeGreaterThanOrEqualTo(2);
    assertThat(logged).as("the capture works: the failing tool and the audit were logged")
        .contains("failed (incident", "dev.mcpkit.server.activity");
    List<String> secrets = new ArrayList<>(List.of(token, apiKey, bearer));
    secrets.addAll(sessionIds);
    for (String secret : secrets) {
      for (String piece : pieces(secret)) {
        assertThat(logged).as("logs").doesNotContain(piece);
        for (String answer : answers) {
          assertThat(answer).as("an error answer").doesNotContain(piece);
        }
      }
    }
  }

  /** The secret and every 12-character piece of it. */
  private static List<String> pieces(String secret) {
    List<String> pieces = new ArrayList<>(List.of(secret));
    for (int i = 0; i + 12 <= secret.length(); i++) {
      pieces.add(secret.substring(i, i + 12));
    }
    return pieces;
  }

  private void driveEveryErrorPath() throws Exception {
    int port = running.base().getPort();
    String path = endpointUrl.getRawPath();
    String auth = "\r\nAuthorization: Bearer " + bearer;
    // malformed Host headers, on the explorer page and on the MCP endpoint
    for (String badHost : List.of("localhost:{x}", "localhost:%7Bx%7D", "exa mple", "[::1",
        "a/b", "localhost:99999999", "local\thost", "h@st:80")) {
      for (String accept : List.of("text/html", "application/json, text/event-stream")) {
        String answer = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: " + badHost
            + "\r\nAccept: " + accept + auth);
        assertThat(RawHttp.status(answer)).as(badHost).isIn(400, -1);
        if (answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/json")) {
          answers.add(answer); // ours; a container's own error page may repeat the URL it got
        }
      }
    }
    // no Host at all (HTTP/1.0): refused, or the explorer page, which shows its URL by design
    assertThat(RawHttp.status(RawHttp.exchange(port, "GET " + path
        + " HTTP/1.0\r\nAccept: text/html" + auth))).isIn(200, 400, 403);
    // bad paths and wrong tokens
    String wrongToken = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    for (String p : List.of(path + "x", path + "/nothing", path + "/../mcp",
        "/mcp/v1/" + wrongToken + "/mcp", "/mcp/v1/" + token, "/mcp/v1/" + token + "/mcp/message",
        path + "/message?sessionId=unknown", "/.well-known/oauth-protected-resource" + path,
        "/mcp/v1/" + token.substring(0, 20) + "/mcp")) {
      send("GET", p, null, "Accept", "application/json");
      send("POST", p, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
    }
    // authentication failures: none, wrong, the API key as a bearer token, the bearer as a key
    for (String[] headers : List.<String[]>of(new String[] {},
        new String[] {"Authorization", "Bearer " + new StringBuilder(bearer).reverse()},
        new String[] {"Authorization", "Bearer " + apiKey},
        new String[] {"X-API-Key", bearer}, new String[] {"Authorization", bearer})) {
      sendAs(headers, "POST", path, initialize());
      sendAs(headers, "GET", path, null, "Accept", "text/html");
    }
    // malformed and hostile bodies
    for (String body : List.of("{", "not json", "[]", "[1,2,3]", "{\"jsonrpc\":\"1.0\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}", "x".repeat(70 * 1024),
        "[" + "[".repeat(500), "{\"jsonrpc\":\"2.0\",\"id\":1e999999,\"method\":\"tools/list\"}")) {
      send("POST", path, body);
    }
    // a session: handler exceptions, timeouts, unknown methods, then the session ended
    String session = initializeSession();
    send("POST", path, call("boom"), "Mcp-Session-Id", session);
    send("POST", path, call("slow"), "Mcp-Session-Id", session);
    send("POST", path, call("nope"), "Mcp-Session-Id", session);
    send("POST", path, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"nope/nope\"}",
        "Mcp-Session-Id", session);
    send("POST", path, "[" + call("echo") + "]", "Mcp-Session-Id", session);
    send("POST", path, call("echo"), "Mcp-Session-Id", session, "MCP-Protocol-Version", "1999");
    send("DELETE", path, null, "Mcp-Session-Id", session);
    send("POST", path, call("echo"), "Mcp-Session-Id", session);
    send("GET", path, null, "Mcp-Session-Id", session, "Accept", "text/event-stream");
    send("GET", path, null, "Mcp-Session-Id", session, "Accept", "text/event-stream",
        "Last-Event-ID", "garbage-" + session);
    send("DELETE", path, null, "Mcp-Session-Id", session);
    send("POST", path, call("echo"), "Mcp-Session-Id", "AAAAAAAAAAAAAAAAAAAAAA");
    // 2026-07-28 requests with missing or contradicting metadata
    send("POST", path, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{}}",
        "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call");
    send("POST", path, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{"
        + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
        "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call");
    // the legacy HTTP+SSE transport: a real session, then a message for an unknown one
    legacySession(path);
    send("POST", path + "/message?sessionId=" + sessionIds.get(sessionIds.size() - 1) + "x",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
  }

  /** Shuts the server down while a session holds a GET stream and a call is running. */
  private void shutDownWithWorkInFlight() throws Exception {
    String path = endpointUrl.getRawPath();
    String session = initializeSession();
    Stream<String> stream = HTTP.send(request("GET", path, null, "Mcp-Session-Id", session,
        "Accept", "text/event-stream"), HttpResponse.BodyHandlers.ofLines()).body();
    CompletableFuture<HttpResponse<String>> blocked = HTTP.sendAsync(request("POST", path,
        call("block"), "Mcp-Session-Id", session), HttpResponse.BodyHandlers.ofString());
    assertThat(TestTools.blockingStarted.await(10, TimeUnit.SECONDS)).isTrue();
    running.stop();
    TestTools.release.countDown();
    try {
      HttpResponse<String> r = blocked.get(10, TimeUnit.SECONDS);
      answers.add(r.statusCode() + " " + r.headers().map() + " " + r.body());
    } catch (java.util.concurrent.ExecutionException e) {
      answers.add(String.valueOf(e.getCause()));
    }
    stream.close();
  }

  private String initialize() {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\","
        + "\"version\":\"1\"}}}";
  }

  private static String call(String tool) {
    return "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool + "\",\"arguments\":{\"text\":\"t\",\"times\":1}}}";
  }

  private String initializeSession() throws Exception {
    HttpResponse<String> r = HTTP.send(request("POST", endpointUrl.getRawPath(), initialize()),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String id = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    sessionIds.add(id);
    return id;
  }

  private void legacySession(String path) throws Exception {
    HttpResponse<Stream<String>> r = HTTP.send(request("GET", path + "/sse", null, "Accept",
        "text/event-stream"), HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = r.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        int at = line.indexOf("sessionId=");
        if (line.startsWith("data:") && at >= 0) {
          sessionIds.add(line.substring(at + "sessionId=".length()).trim());
          break;
        }
      }
    }
    assertThat(sessionIds.get(sessionIds.size() - 1)).hasSizeGreaterThan(12);
  }

  private HttpRequest request(String method, String path, String body, String... headers) {
    return build(new String[] {"Authorization", "Bearer " + bearer}, method, path, body, headers);
  }

  private HttpRequest build(String[] auth, String method, String path, String body,
      String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(running.base().resolve(path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    List<String> all = new ArrayList<>(List.of(auth));
    all.addAll(List.of(headers));
    if (!all.contains("Accept")) {
      all.addAll(List.of("Accept", RawClient.JSON_AND_SSE));
    }
    if (body != null) {
      all.addAll(List.of("Content-Type", "application/json"));
    }
    for (int i = 0; i < all.size(); i += 2) {
      b.header(all.get(i), all.get(i + 1));
    }
    return b.build();
  }

  private void send(String method, String path, String body, String... headers) {
    exchange(request(method, path, body, headers));
  }

  private void sendAs(String[] auth, String method, String path, String body, String... headers) {
    exchange(build(auth, method, path, body, headers));
  }

  private void exchange(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(request.method() + " " + r.body()).isLessThan(500);
      Map<String, List<String>> headers = new java.util.TreeMap<>(r.headers().map());
      if (r.statusCode() < 300) {
        headers.remove("mcp-session-id"); // where a new session's id belongs
      }
      if (r.headers().firstValue("Content-Type").orElse("").contains("json")
          || r.statusCode() < 400) {
        answers.add(r.statusCode() + " " + headers + " " + r.body());
      }
    } catch (java.io.IOException e) {
      answers.add(String.valueOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
