package dev.mcpkit.auth.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every way the real authenticators refuse a request, on a real server at a capability URL: the
 * API key, the bearer token and the capability token appear in no log line, no stack trace and no
 * answer (status line, headers and body).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthFailuresLeakNoSecretTest {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final String TOKEN = "CapabilityToken0123456789abcdefXYZ";
  private final List<String> answers = new ArrayList<>();

  private static String jwt(String subject) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"nope\"}".getBytes(StandardCharsets.UTF_8))
        + "." + b64.encodeToString(("{\"sub\":\"" + subject + "\",\"iss\":\"https://issuer.example\""
            + ",\"exp\":4102444800}").getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJlLXRoYXQtbm8ta2V5LXZlcmlmaWVz";
  }

  @Test
  void refusedKeysAndTokensAreNeitherLoggedNorRepeatedInTheAnswer() throws Exception {
    McpServer server = McpServer.builder().name("guarded").version("1")
        .tool(ToolDefinition.builder("whoami").description("Names the caller")
            .handler((args, ctx) -> CallToolResult.text(ctx.principal().subject())).build())
        .build();
    ApiKeyAuthenticator keys = ApiKeyAuthenticator.builder().header("Authorization")
        .requiredScopes(Set.of("mcp:tools")).build();
    String good = keys.issue("alice", Set.of("mcp:tools")).key();
    String unscoped = keys.issue("bob", Set.of("other")).key();
    ApiKeyAuthenticator.IssuedApiKey revoked = keys.issue("carol", Set.of("mcp:tools"));
    keys.revoke(revoked.id());
    String forgedJwt = jwt("mallory");
    JwtBearerAuthenticator jwts = JwtBearerAuthenticator.builder()
        .issuer("https://issuer.example").resource(URI.create("http://127.0.0.1/mcp"))
        .jwksUri(URI.create("http://127.0.0.1:9/jwks")).httpTimeout(Duration.ofMillis(500))
        .build();
    List<String> secrets = List.of(TOKEN, good, unscoped, revoked.key(), forgedJwt,
        forgedJwt.substring(forgedJwt.lastIndexOf('.') + 1), "wrong-key-0123456789abcdefghijkl");

    String logged;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    List<String> records = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r.getMessage() + " " + r.getThrown());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger.getLogger("").addHandler(handler);
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    McpHttpServer http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.builder(server).path("/placeholder").build()).start();
    try {
      http.addEndpoint(McpEndpoint.builder(server).id("keys")
          .capabilityUrl(McpEndpoint.CAPABILITY_TEMPLATE, TOKEN).authenticator(keys).build());
      http.addEndpoint(McpEndpoint.builder(server).id("jwt").path("/jwt").authenticator(jwts)
          .build());
      URI keyed = http.baseUri().resolve("/mcp/v1/" + TOKEN + "/mcp");
      URI bearer = http.baseUri().resolve("/jwt");
      for (String authorization : List.of("", "Bearer ", "Bearer " + unscoped,
          "Bearer " + revoked.key(), "Bearer wrong-key-0123456789abcdefghijkl", good,
          "Basic " + good, "Bearer " + good + " extra", "Bearer " + forgedJwt)) {
        post(keyed, authorization);
      }
      for (String authorization : List.of("Bearer " + forgedJwt, "Bearer not.a.jwt",
          "Bearer " + good, forgedJwt)) {
        post(bearer, authorization);
      }
      assertThat(post(keyed, "Bearer " + good)).as("the good key gets in").startsWith("200");
    } finally {
      http.close();
      System.setErr(originalErr);
      Logger.getLogger("").removeHandler(handler);
      logged = String.join("\n", records) + err.toString(StandardCharsets.UTF_8);
    }

    assertThat(answers).hasSize(14);
    for (String secret : secrets) {
      assertThat(logged).as("logs").doesNotContain(secret);
      for (String answer : answers) {
        if (!answer.startsWith("200")) {
          assertThat(answer).as("a refusal").doesNotContain(secret);
        }
      }
    }
  }

  private String post(URI url, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
            + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"));
    if (!authorization.isEmpty()) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    String answer = r.statusCode() + " " + r.headers().map() + " " + r.body();
    answers.add(answer);
    return answer;
  }
}
