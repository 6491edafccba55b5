package dev.mcpkit.examples.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.auth.server.JwtBearerAuthenticator;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real MCP server on loopback that accepts only access tokens signed by the mock authorization
 * server (checked by mcp-auth), with tools that say who called them.
 */
public final class CrmOAuthServer implements AutoCloseable {
  private final McpHttpServer http;
  /** Set once the server's own URL (the token audience) is known. */
  private volatile McpAuthenticator verifier;

  public CrmOAuthServer(MockOAuth2Server as) {
    McpServer server = McpServer.builder().name("crm").version("1.0.0")
        .tool(ToolDefinition.builder("lookup_customer").description("Finds a customer by name")
            .inputSchema(nameSchema())
            .handler((args, ctx) -> CallToolResult.text("customer " + args.path("name")
                .asText("?") + " looked up for " + ctx.principal().subject())).build())
        .tool(ToolDefinition.builder("delete_customer").description("Deletes a customer")
            .handler((args, ctx) -> CallToolResult.text("deleted")).build())
        .build();
    McpAuthenticator delegate = new McpAuthenticator() {
      @Override
      public AuthResult authenticate(HttpRequestView request) {
        return verifier.authenticate(request);
      }

      @Override
      public JsonNode protectedResourceMetadata() {
        return verifier.protectedResourceMetadata();
      }
    };
    http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.builder(server).path("/mcp").authenticator(delegate).build())
        .start();
    verifier = JwtBearerAuthenticator.builder()
        .issuer(as.issuerUrl("default").toString())
        .jwksUri(as.jwksUrl("default").uri())
        .resource(http.url())
        .build();
  }

  private static ObjectNode nameSchema() {
    ObjectNode schema = McpJson.object().put("type", "object");
    schema.putObject("properties").putObject("name").put("type", "string")
        .put("description", "the customer's name");
    return schema;
  }

  public URI url() {
    return http.url();
  }

  @Override
  public void close() {
    http.close();
  }
}
