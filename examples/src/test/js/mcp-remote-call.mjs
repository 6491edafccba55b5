// Interop driver: mcp-remote (the bridge Claude Desktop and Cursor run as `npx mcp-remote URL`),
// launched over stdio by the TypeScript SDK client, proxying to the tool server over HTTP.
// usage: node mcp-remote-call.mjs <interop dir> <url> <config dir> <tool> <json arguments>
// prints one JSON line: {"tools": [names], "result": <the tools/call result>}
import path from "node:path";
import { pathToFileURL } from "node:url";

const [interop, url, configDir, tool, args] = process.argv.slice(2);
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
const result = await client.callTool({ name: tool, arguments: JSON.parse(args) });
console.log(JSON.stringify({ tools: tools.tools.map((t) => t.name), result }));
await client.close();
