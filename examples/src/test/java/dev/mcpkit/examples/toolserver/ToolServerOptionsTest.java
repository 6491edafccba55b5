package dev.mcpkit.examples.toolserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolServerOptionsTest {
  @Test
  void withoutArgumentsItListensOnLoopbackPort8765WithAFreshTokenAndALocalOutbox() {
    ToolServerOptions o = ToolServerOptions.parse(new String[0], Map.of());

    assertThat(o.host()).isEqualTo("127.0.0.1");
    assertThat(o.port()).isEqualTo(8765);
    assertThat(o.token()).isNull();
    assertThat(o.outbox()).isEqualTo(Path.of("outbox"));
    assertThat(o.apiKey()).isNull();
  }

  @Test
  void theTokenComesFromTheEnvironmentUnlessGivenOnTheCommandLine() {
    Map<String, String> env = Map.of(ToolServerOptions.TOKEN_VARIABLE, "from-env-0123456789abcdef");

    assertThat(ToolServerOptions.parse(new String[0], env).token())
        .isEqualTo("from-env-0123456789abcdef");
    assertThat(ToolServerOptions.parse(new String[] {"--token", "from-cli-0123456789abcdef"}, env)
        .token()).isEqualTo("from-cli-0123456789abcdef");
  }

  @Test
  void optionsTakeTheirValueAfterASpaceOrAnEqualsSign() {
    ToolServerOptions o = ToolServerOptions.parse(new String[] {"--port=0", "--outbox", "/tmp/o",
        "--host=localhost"}, Map.of());

    assertThat(o.port()).isZero();
    assertThat(o.outbox()).isEqualTo(Path.of("/tmp/o"));
    assertThat(o.host()).isEqualTo("localhost");
  }

  @Test
  void mistakesAreReportedWithWhatWasWrong() {
    assertThatThrownBy(() -> ToolServerOptions.parse(new String[] {"--port", "http"}, Map.of()))
        .hasMessage("--port must be a number from 0 to 65535, got 'http'");
    assertThatThrownBy(() -> ToolServerOptions.parse(new String[] {"--port"}, Map.of()))
        .hasMessage("--port needs a value");
    assertThatThrownBy(() -> ToolServerOptions.parse(new String[] {"--verbose"}, Map.of()))
        .hasMessage("unknown argument '--verbose'");
    assertThatThrownBy(() -> ToolServerOptions.parse(new String[] {"--api-key", "short"}, Map.of()))
        .hasMessageStartingWith("--api-key must be at least 32 characters");
  }

  private static final String KEY = "0123456789abcdefghijklmnopqrstuvwxyz";

  @Test
  void theApiKeyComesFromTheEnvironmentWithoutAWarning() {
    ToolServerOptions o = ToolServerOptions.parse(new String[0],
        Map.of(ToolServerOptions.API_KEY_VARIABLE, KEY));

    assertThat(o.apiKey()).isEqualTo(KEY);
    assertThat(o.warnings()).isEmpty();
  }

  @Test
  void theApiKeyComesFromAFileWithoutItsFinalNewlineAndWinsOverTheEnvironment(
      @TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("key"), KEY + "\n");

    ToolServerOptions o = ToolServerOptions.parse(new String[] {"--api-key-file", file.toString()},
        Map.of(ToolServerOptions.API_KEY_VARIABLE, "another-key-0123456789abcdefghijkl"));

    assertThat(o.apiKey()).isEqualTo(KEY);
    assertThat(o.warnings()).isEmpty();
  }

  @Test
  void theApiKeyOnTheCommandLineStillWorksButWarnsThatOthersCanReadIt() {
    ToolServerOptions o = ToolServerOptions.parse(new String[] {"--api-key", KEY}, Map.of());

    assertThat(o.apiKey()).isEqualTo(KEY);
    assertThat(o.warnings()).singleElement().asString().contains("process list")
        .contains("--api-key-file").contains(ToolServerOptions.API_KEY_VARIABLE)
        .doesNotContain(KEY);
  }

  @Test
  void aKeyFileThatIsMissingTooLargeOrTooShortIsRefusedWithoutQuotingIt(@TempDir Path dir)
      throws Exception {
    Path missing = dir.resolve("nothing-here");
    Path large = Files.writeString(dir.resolve("large"), "k".repeat(10_000));
    Path shortKey = Files.writeString(dir.resolve("short"), "short-secret-value");

    assertThatThrownBy(() -> ToolServerOptions.parse(
        new String[] {"--api-key-file", missing.toString()}, Map.of()))
        .hasMessageContaining("cannot be read");
    assertThatThrownBy(() -> ToolServerOptions.parse(
        new String[] {"--api-key-file", large.toString()}, Map.of()))
        .hasMessageContaining("larger than 4096 bytes").hasMessageNotContaining("kkkk");
    assertThatThrownBy(() -> ToolServerOptions.parse(
        new String[] {"--api-key-file", shortKey.toString()}, Map.of()))
        .hasMessageStartingWith("--api-key-file must be at least 32 characters")
        .hasMessageNotContaining("short-secret-value");
  }
}
