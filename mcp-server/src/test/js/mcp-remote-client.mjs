// Interop driver: Claude Desktop's and Cursor's bridge, mcp-remote, launched over stdio by the
// TypeScript SDK client, proxying to an mcpkit server over Streamable HTTP.
// usage: node mcp-remote-client.mjs <interop dir> <url> <config dir>
import path from "node:path";
import { pathToFileURL } from "node:url";

const [interop, url, configDir] = process.argv.slice(2);
const sdk = (p) => import(pathToFileURL(path.join(interop,
  "node_modules/@modelcontextprotocol/sdk/dist/esm", p)).href);
const { Client } = await sdk("client/index.js");
const { StdioClientTransport } = await sdk("client/stdio.js");

const transport = new StdioClientTransport({
  command: process.execPath,
  args: [path.join(interop, "node_modules/mcp-remote/dist/proxy.js"), url,
    "--transport", "http-only"],
  env: { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir },
  stderr: "ignore",
});
const client = new Client({ name: "claude-desktop-stand-in", version: "1.0.0" });
await client.connect(transport);
const tools = await client.listTools();
const echo = await client.callTool({ name: "echo", arguments: { text: "bridged", times: 1 } });
console.log(JSON.stringify({ tools: tools.tools.map((t) => t.name), echo: echo.content[0].text }));
await client.close();
