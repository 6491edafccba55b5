package dev.mcpkit.examples.platform;

import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.Approvers;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The scripted organization of {@code --demo}: the tool-server example registered by the admin,
 * shared with the team, attached to the agent through a shared connection (a service account), with
 * a permission per tool; sending an email needs another admin's approval.
 */
final class Demo {
  static final String SERVER = "lumen";

  private Demo() {}

  static void seed(Platform p, URI toolServerUrl, String apiKey) throws IOException {
    McpGovernance gov = p.gov;
    Principal admin = Platform.PEOPLE.get(0);
    gov.registerServer(admin, ServerRegistration.builder(SERVER).name("Lumen Freight tools")
        .description("Company documents search, outgoing email, workflows and hand-over to a "
            + "human, from the tool-server example")
        .url(toolServerUrl).apiKey("Authorization").icon(icon(new Color(0x1d5fd1))).build());
    gov.share(admin, SERVER, Sharing.team());
    Connection service = gov.openSharedConnection(admin, SERVER, "Lumen service account",
        List.of(ConnectionShare.team(ConnectionShare.Permission.USE)));
    gov.saveApiKey(admin, service.id(), apiKey); // also lists the server's tool catalogue
    gov.attach(admin, AgentConnector.shared(Platform.AGENT, SERVER, service.id())
        .withApprovers(Approvers.anotherAdmin()));
    gov.setPermission(admin, Platform.AGENT, SERVER, "search_docs", ToolPermission.ALWAYS_ALLOW);
    gov.setPermission(admin, Platform.AGENT, SERVER, "send_email",
        ToolPermission.NEEDS_APPROVAL);
    gov.setPermission(admin, Platform.AGENT, SERVER, "execute_workflow",
        ToolPermission.DISABLED);
  }

  /**
   * Seeds the organization, or, when it was seeded on an earlier start (its stores are in
   * PostgreSQL), points the stored demo server at this run's tool server and gives the shared
   * connection this run's API key.
   */
  static void seedOrReconnect(Platform p, URI toolServerUrl, String apiKey) throws IOException {
    Principal admin = Platform.PEOPLE.get(0);
    ServerRegistration s = p.gov.servers(admin, null, Page.MAX_LIMIT).items().stream()
        .filter(r -> r.id().equals(SERVER)).findFirst().orElse(null);
    if (s == null) {
      seed(p, toolServerUrl, apiKey);
      return;
    }
    p.gov.registerServer(admin, new ServerRegistration(s.id(), s.name(), s.description(),
        toolServerUrl, s.icon(), s.transport(), s.auth(), s.apiKeyHeader(), s.oauthClient(),
        s.trusted(), s.payloadPolicy()));
    for (Connection c : p.gov.connections(admin, SERVER, null, Page.MAX_LIMIT).items()) {
      if (c.method() == ConnectionMethod.SHARED) {
        p.gov.saveApiKey(admin, c.id(), apiKey);
      }
    }
  }

  /** A small square PNG in one colour, as a {@code data:} URI. */
  static URI icon(Color color) throws IOException {
    BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 32, 32);
    g.setColor(Color.WHITE);
    g.fillRect(8, 8, 16, 16);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);
    return URI.create("data:image/png;base64," + Base64.getEncoder()
        .encodeToString(png.toByteArray()));
  }
}
