package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A server's icon (a small image as a data: URI, or an https URL) and description. */
class IconAndDescriptionTest {
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  static ServerRegistration.Builder crm() {
    return ServerRegistration.builder("crm").name("CRM").url("https://crm.example/mcp");
  }

  static URI data(String type, byte[] bytes) {
    return URI.create("data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
  }

  @Test
  void aSmallPngDataUriAndAnHttpsUrlAreAccepted() {
    URI png = data("image/png", PNG);
    assertThat(crm().icon(png).build().icon()).isEqualTo(png);
    URI https = URI.create("https://cdn.example/crm.png");
    assertThat(crm().icon(https).build().icon()).isEqualTo(https);
    byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'};
    assertThat(crm().icon(data("image/webp", webp)).build().icon()).isNotNull();
  }

  @Test
  void svgAndOtherTypesAreRefusedBecauseTheyCanCarryScript() {
    assertThatThrownBy(() -> crm().icon(data("image/svg+xml",
        "<svg onload='alert(1)'/>".getBytes())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SVG is refused");
    assertThatThrownBy(() -> crm().icon(data("text/html", "<b>".getBytes())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image/png");
  }

  @Test
  void bytesThatAreNotTheDeclaredImageAreRefused() {
    assertThatThrownBy(() -> crm().icon(data("image/png", "GIF89a....".getBytes())).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its bytes are not");
    assertThatThrownBy(() -> crm().icon(URI.create("data:image/png;base64,%%%")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> crm().icon(URI.create("data:image/png,raw")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base64");
  }

  @Test
  void anOversizedIconIsRefusedQuicklyWithTheLimitNamed() {
    byte[] big = new byte[64 * 1024 + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    assertThatThrownBy(() -> crm().icon(data("image/png", big)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 65536");
    byte[] huge = new byte[20 * 1024 * 1024];
    URI hugeUri = data("image/png", huge);
    assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
        assertThatThrownBy(() -> crm().icon(hugeUri).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than"));
  }

  @Test
  void iconUrlsMustBeHttpsOrLoopbackAndOfBoundedLength() {
    assertThatThrownBy(() -> crm().icon(URI.create("http://cdn.example/x.png")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    assertThatThrownBy(() -> crm().icon(URI.create("javascript:alert(1)")).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> crm().icon(URI.create("https://cdn.example/" + "a".repeat(3000)))
        .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2048");
  }

  @Test
  void theDescriptionIsKeptAsWrittenUpTo2000Characters() {
    String text = "Customers & <deals>, \"quoted\"\nsecond line";
    assertThat(crm().description(text).build().description()).isEqualTo(text);
    assertThat(crm().description(null).build().description()).isEmpty();
    assertThat(crm().description("d".repeat(2000)).build().description()).hasSize(2000);
    assertThatThrownBy(() -> crm().description("d".repeat(2001)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 2000");
  }
}
