package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.servlet.McpServlet;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests waiting for a slow tool hold no thread of the HTTP server: with a server of {@link
 * #THREADS} threads, three times as many tool calls wait at once (half of them answered as event
 * streams, half as JSON) while a fast call is still answered, and every waiting call gets its
 * answer once released.
 */
class WaitingRequestsHoldNoThreadTest {
  private static final int THREADS = 8;
  private static final int WAITING = 3 * THREADS;

  private final CountDownLatch started = new CountDownLatch(WAITING);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<AutoCloseable> running = new ArrayList<>();
  private final ExecutorService callers = Executors.newFixedThreadPool(WAITING);

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    callers.shutdownNow();
    for (AutoCloseable c : running) {
      c.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat", "jdk", "jetty+executor", "tomcat+executor"})
  @Timeout(60)
  void threeTimesAsManyWaitingCallsAsServerThreadsLeaveAFastCallAnswered(String host)
      throws Exception {
    assumeTrue(host.endsWith("+executor") || Threads.hasVirtualThreads(),
        "on Java 17 a waiting request holds its serving thread unless the host gives an executor"
            + " (McpHttpOptions.Builder.handlerExecutor, documented)");
    McpServer server = McpServer.builder().name("waiting").version("1")
        .tool(ToolDefinition.builder("wait").description("Waits until the test releases it")
            .handler((args, ctx) -> {
              ctx.progress(1, 2.0, "waiting");
              started.countDown();
              release.await();
              return CallToolResult.text("released");
            }).build())
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text(args.path("text").asText())).build())
        .build();
    URI url = start(host, McpEndpoint.at("/mcp", server)).resolve("/mcp");
    RawClient client = new RawClient(url);
    client.initialize();
    List<Future<RawClient.Response>> calls = new ArrayList<>();
    for (int i = 0; i < WAITING; i++) {
      String meta = i % 2 == 0 ? ",\"_meta\":{\"progressToken\":" + i + "}" : "";
      String body = client.request("tools/call", "{\"name\":\"wait\",\"arguments\":{}" + meta
          + "}");
      calls.add(callers.submit(() -> client.post(body)));
    }

    assertThat(started.await(30, TimeUnit.SECONDS)).as("all %d calls waiting", WAITING).isTrue();
    String fast = client.call("echo", "{\"text\":\"still here\"}").path("content").get(0)
        .path("text").asText();
    release.countDown();
    int sse = 0;
    for (Future<RawClient.Response> call : calls) {
      RawClient.Response r = call.get(20, TimeUnit.SECONDS);
      assertThat(r.status()).isEqualTo(200);
      List<com.fasterxml.jackson.databind.JsonNode> messages = r.isSse() ? r.events()
          : List.of(r.message());
      sse += r.isSse() ? 1 : 0;
      assertThat(messages.get(messages.size() - 1).path("result").path("content").get(0)
          .path("text").asText()).isEqualTo("released");
    }

    assertThat(fast).isEqualTo("still here");
    assertThat(sse).isEqualTo(WAITING / 2);
  }

  /**
   * Bodies that trickle in (a byte every 100 ms: each byte restarts a container's own read timeout)
   * hold no server thread while they come, and are cut at the body deadline with a 408.
   */
  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  @Timeout(60)
  void bodiesTricklingInOnThreeTimesAsManyConnectionsAsServerThreadsLeaveAFastCallAnswered(
      String host) throws Exception {
    McpServer server = McpServer.builder().name("trickle").version("1")
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text(args.path("text").asText())).build())
        .build();
    deadline = java.time.Duration.ofSeconds(3);
    URI base = start(host, McpEndpoint.at("/mcp", server));
    RawClient client = new RawClient(base.resolve("/mcp"));
    client.initialize();
    String body = client.request("tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}}");
    List<RawHttp> slow = new ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean trickling =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread trickle = null;
    try {
      for (int i = 0; i < WAITING; i++) {
        RawHttp s = new RawHttp(base);
        slow.add(s);
        // to the endpoint; to a path refused from the headers (404 at once); over the body
        // limit (413 at once)
        s.send(s.postHead(i % 3 == 1 ? "/elsewhere" : "/mcp", RawClient.JSON_AND_SSE,
            i % 3 == 2 ? 5 << 20 : body.length() + 1000) + "{");
      }
      trickle = new Thread(() -> {
        while (trickling.get()) {
          for (RawHttp s : slow) {
            try {
              s.send(" ");
            } catch (java.io.IOException cut) {
              // the server cut it: expected once the deadline passes
            }
          }
          java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // a byte per 100 ms
        }
      }, "trickle");
      trickle.start();
      long t0 = System.nanoTime();
      String fast = client.call("echo", "{\"text\":\"still here\"}").path("content").get(0)
          .path("text").asText();
      long fastMillis = (System.nanoTime() - t0) / 1_000_000;

      assertThat(fast).isEqualTo("still here");
      assertThat(fastMillis).as("the fast call, while %d bodies trickle in", WAITING)
          .isLessThan(2_000);
      for (int i = 0; i < slow.size(); i++) {
        RawHttp s = slow.get(i);
        RawHttp.Reply cut = s.read();
        switch (i % 3) {
          case 0 -> {
            assertThat(cut.status()).isEqualTo(408);
            assertThat(cut.body()).contains("McpHttpOptions.bodyReadTimeout");
          }
          case 1 -> {
            assertThat(cut.status()).isEqualTo(404);
            assertThat(cut.headers().get("Connection")).isEqualToIgnoringCase("close");
          }
          default -> {
            assertThat(cut.status()).isEqualTo(413);
            assertThat(cut.body()).contains("McpHttpOptions.maxBodyBytes");
          }
        }
        assertThat(s.closedByServer(5_000)).isTrue();
      }
    } finally {
      trickling.set(false);
      if (trickle != null) {
        trickle.join(5_000);
      }
      slow.forEach(RawHttp::close);
    }
  }

  private java.time.Duration deadline;

  private URI start(String host, McpEndpoint endpoint) throws Exception {
    McpHttpOptions options = McpHttpOptions.defaults();
    if (deadline != null) {
      options = options.toBuilder().bodyReadTimeout(deadline).build();
    }
    if (host.endsWith("+executor")) {
      ExecutorService handlers = Executors.newFixedThreadPool(WAITING + 2);
      running.add(handlers::shutdownNow);
      options = options.toBuilder().handlerExecutor(handlers).build();
      host = host.substring(0, host.indexOf('+'));
    }
    switch (host) {
      case "jetty" -> {
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setReservedThreads(0);
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(new McpServlet(options, endpoint));
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        jetty.setHandler(context);
        jetty.start();
        running.add(jetty::stop);
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
      }
      case "tomcat" -> {
        Tomcat tomcat = new Tomcat();
        File base = Files.createTempDirectory("tomcat").toFile();
        tomcat.setBaseDir(base.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", Integer.toString(THREADS));
        connector.setProperty("minSpareThreads", "1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.getAbsolutePath());
        Tomcat.addServlet(context, "mcp", new McpServlet(options, endpoint))
            .setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "mcp");
        tomcat.start();
        running.add(() -> {
          tomcat.stop();
          tomcat.destroy();
        });
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
      }
      default -> {
        McpHttpServer http = McpHttpServer.builder().options(options).maxThreads(THREADS)
            .endpoint(endpoint).start();
        running.add(http::close);
        return http.baseUri();
      }
    }
  }
}
