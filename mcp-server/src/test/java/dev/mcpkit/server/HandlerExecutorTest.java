package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which thread runs a tool on a servlet container: the serving thread, the host's executor, or
 * by default a virtual thread on Java 21+ and the serving thread on Java 17. The tool reports the
 * name of the thread it ran on, and whether it was virtual.
 */
@Timeout(60)
class HandlerExecutorTest {
  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void byDefaultAVirtualThreadOn21AndTheServingThreadOn17(String host) throws Exception {
    RawClient client = client(host, b -> b);
    String thread = threadOfACall(client);
    if (Threads.hasVirtualThreads()) {
      assertThat(thread).startsWith("virtual mcp-handler-");
    } else {
      assertThat(thread).startsWith("platform ").doesNotContain("mcp-handler");
      assertThat(thread).matches(servingThread(host));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void onTheServingThreadWhenAsked(String host) throws Exception {
    RawClient client = client(host, McpHttpOptions.Builder::handlersOnServingThread);
    assertThat(threadOfACall(client)).matches(servingThread(host));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void onTheHostsExecutorWhichTheServerDoesNotShutDown(String host) throws Exception {
    AtomicInteger made = new AtomicInteger();
    ExecutorService handlers = Executors.newFixedThreadPool(2,
        r -> new Thread(r, "host-pool-" + made.incrementAndGet()));
    try {
      RawClient client = client(host, b -> b.handlerExecutor(handlers));
      assertThat(threadOfACall(client)).startsWith("platform host-pool-");
      // requests that do not run the host's code stay on the serving thread
      assertThat(client.post(client.request("tools/list", "{}")).status()).isEqualTo(200);
      assertThat(made.get()).isEqualTo(1);
      for (AutoCloseable c : running) {
        c.close();
      }
      running.clear();
      assertThat(handlers.isShutdown()).isFalse();
    } finally {
      handlers.shutdownNow();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "tomcat"})
  void workTheExecutorRefusesIsAnsweredOnTheServingThread(String host) throws Exception {
    RawClient client = client(host, b -> b.handlerExecutor(work -> {
      throw new RejectedExecutionException("full");
    }));
    assertThat(threadOfACall(client)).matches(servingThread(host));
    assertThat(threadOfACall(client)).matches(servingThread(host));
  }

  /** Jetty's pool threads are named qtp..., Tomcat's http-nio-...-exec-N. */
  private static String servingThread(String host) {
    return "jetty".equals(host) ? "platform qtp.*" : "platform http-nio-.*-exec-.*";
  }

  private static String threadOfACall(RawClient client) {
    return client.call("where", "{}").path("content").get(0).path("text").asText();
  }

  private RawClient client(String host, UnaryOperator<McpHttpOptions.Builder> options)
      throws Exception {
    McpServer server = McpServer.builder().name("threads").version("1")
        .tool(ToolDefinition.builder("where").description("Names the thread it runs on")
            .handler((args, ctx) -> {
              Thread t = Thread.currentThread();
              boolean virtual = Threads.hasVirtualThreads()
                  && (boolean) Thread.class.getMethod("isVirtual").invoke(t);
              return CallToolResult.text((virtual ? "virtual " : "platform ") + t.getName());
            }).build())
        .build();
    ServletHosts.Running running = ServletHosts.start(host,
        options.apply(McpHttpOptions.defaults().toBuilder()).build(),
        McpEndpoint.at("/mcp", server), true);
    this.running.add(running::stop);
    RawClient client = new RawClient(running.base().resolve("/mcp"));
    client.initialize();
    return client;
  }
}
