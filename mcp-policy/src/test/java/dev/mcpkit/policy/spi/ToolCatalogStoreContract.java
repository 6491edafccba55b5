package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.schema.Tools.Tool;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.policy.ToolCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ToolCatalogStore} must do. Extend it and return an empty store. */
public abstract class ToolCatalogStoreContract {
  protected abstract ToolCatalogStore newStore() throws Exception;

  static Tool tool(String name, String description) {
    return McpJson.fromTree(McpJson.object().put("name", name).put("description", description)
        .set("inputSchema", McpJson.object().put("type", "object")), Tool.class);
  }

  static ToolCatalog catalog(String server, Tool... tools) {
    return new ToolCatalog(server, List.of(tools), Samples.T0, "shared connection 'service'");
  }

  @Test
  public void aCatalogueReadsBackEqualWithItsToolsInOrder() throws Exception {
    ToolCatalogStore store = newStore();
    ToolCatalog c = catalog("crm", tool("search", "Finds"), tool("delete", "Deletes"));
    store.put(c);
    assertThat(store.find("crm")).isEqualTo(c);
    assertThat(store.find("crm").tools()).extracting(Tool::name)
        .containsExactly("search", "delete");
    assertThat(store.find("wiki")).isNull();
  }

  @Test
  public void putReplacesTheWholeCatalogueOfThatServerOnly() throws Exception {
    ToolCatalogStore store = newStore();
    store.put(catalog("crm", tool("search", "Finds"), tool("delete", "Deletes")));
    ToolCatalog wiki = catalog("wiki", tool("page", "Reads"));
    store.put(wiki);
    store.put(catalog("crm", tool("search", "Finds better")));
    assertThat(store.find("crm").tools()).singleElement()
        .satisfies(t -> assertThat(t.description()).isEqualTo("Finds better"));
    assertThat(store.find("wiki")).isEqualTo(wiki);
  }

  @Test
  public void removeForgetsItAndRemovingAnAbsentOneIsANoOp() throws Exception {
    ToolCatalogStore store = newStore();
    store.put(catalog("crm", tool("search", "Finds")));
    store.remove("crm");
    store.remove("crm");
    store.remove("never");
    assertThat(store.find("crm")).isNull();
  }
}
