package dev.mcpkit.opentelemetry.internal;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.engine.ConnectionInfo;
import org.junit.jupiter.api.Test;

class ShapesTest {
  private static ConnectionInfo http(String version, String host, int port) {
    return new ConnectionInfo() {
      @Override
      public String protocolVersion() {
        return version;
      }

      @Override
      public String networkTransport() {
        return "tcp";
      }

      @Override
      public String serverAddress() {
        return host;
      }

      @Override
      public int serverPort() {
        return port;
      }
    };
  }

  @Test
  void theSameMethodTargetAndConnectionKindGetTheSameShapeFromDifferentConnections() {
    Shapes shapes = new Shapes(true);

    Shapes.Shape first = shapes.of("tools/call", "echo", http("2025-11-25", "localhost", 8080));
    Shapes.Shape again = shapes.of("tools/call", "echo", http("2025-11-25", "localhost", 8080));

    assertThat(again).isSameAs(first);
    assertThat(first.spanName()).isEqualTo("tools/call echo");
    assertThat(first.attributes().get(stringKey("gen_ai.tool.name"))).isEqualTo("echo");
    assertThat(first.attributes().get(longKey("server.port"))).isEqualTo(8080L);
  }

  @Test
  void connectionsThatDifferGetShapesOfTheirOwnAndAlternatingBetweenThemKeepsBoth() {
    Shapes shapes = new Shapes(true);

    Shapes.Shape old = shapes.of("tools/call", "echo", http("2025-11-25", "localhost", 8080));
    Shapes.Shape next = shapes.of("tools/call", "echo", http("2026-07-28", "localhost", 8080));
    Shapes.Shape otherPort = shapes.of("tools/call", "echo", http("2026-07-28", "localhost", 9090));

    assertThat(next).isNotSameAs(old);
    assertThat(next.attributes().get(stringKey("mcp.protocol.version"))).isEqualTo("2026-07-28");
    assertThat(otherPort.attributes().get(longKey("server.port"))).isEqualTo(9090L);
    assertThat(shapes.of("tools/call", "echo", http("2025-11-25", "localhost", 8080))).isSameAs(old);
    assertThat(shapes.of("tools/call", "echo", http("2026-07-28", "localhost", 8080)))
        .isSameAs(next);
  }

  @Test
  void serverShapesLeaveTheServerAddressOutAndPromptsAreNamedAsPrompts() {
    Shapes shapes = new Shapes(false);

    Shapes.Shape prompt = shapes.of("prompts/get", "greet", http("2025-11-25", "localhost", 1));
    Shapes.Shape list = shapes.of("tools/list", null, null);

    assertThat(prompt.attributes().get(stringKey("server.address"))).isNull();
    assertThat(prompt.attributes().get(stringKey("gen_ai.prompt.name"))).isEqualTo("greet");
    assertThat(prompt.tool()).isNull();
    assertThat(list.spanName()).isEqualTo("tools/list");
    assertThat(shapes.of("tools/list", null, null)).isSameAs(list);
  }

  @Test
  void toolNamesAClientMakesUpDoNotGrowTheShapesPastTheirBound() {
    Shapes shapes = new Shapes(false);
    ConnectionInfo info = http("2025-11-25", null, -1);

    Shapes.Shape first = shapes.of("tools/call", "tool-0", info);
    for (int i = 1; i <= Shapes.MAX; i++) {
      shapes.of("tools/call", "tool-" + i, info);
    }

    assertThat(shapes.size()).isLessThanOrEqualTo(Shapes.MAX);
    assertThat(shapes.of("tools/call", "tool-0", info)).isNotSameAs(first)
        .isEqualTo(first);
  }
}
