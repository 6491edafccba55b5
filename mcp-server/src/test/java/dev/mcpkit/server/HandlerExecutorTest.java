package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.servlet.McpServlet;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
    McpEndpoint endpoint = McpEndpoint.at("/mcp", server);
    McpServlet servlet = new McpServlet(options.apply(McpHttpOptions.defaults().toBuilder())
        .build(), endpoint);
    URI base = "jetty".equals(host) ? jetty(servlet) : tomcat(servlet);
    RawClient client = new RawClient(base.resolve("/mcp"));
    client.initialize();
    return client;
  }

  private URI jetty(McpServlet servlet) throws Exception {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    jetty.setHandler(context);
    jetty.start();
    running.add(jetty::stop);
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  private URI tomcat(McpServlet servlet) throws Exception {
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "mcp", servlet).setAsyncSupported(true);
    context.addServletMappingDecoded("/*", "mcp");
    tomcat.start();
    running.add(() -> {
      tomcat.stop();
      tomcat.destroy();
    });
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }
}
