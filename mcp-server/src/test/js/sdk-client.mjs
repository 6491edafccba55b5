// Interop driver: the official TypeScript SDK client against an mcpkit server.
// usage: node sdk-client.mjs <interop dir> <url> <http|sse>
// Prints one JSON object on stdout: what the client saw. Exits non-zero on any failure.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [interop, url, transportKind] = process.argv.slice(2);
const sdk = (p) => import(pathToFileURL(path.join(interop,
  "node_modules/@modelcontextprotocol/sdk/dist/esm", p)).href);

const { Client } = await sdk("client/index.js");
const { StreamableHTTPClientTransport } = await sdk("client/streamableHttp.js");
const { SSEClientTransport } = await sdk("client/sse.js");
const { ElicitRequestSchema } = await sdk("types.js");

const client = new Client({ name: "mcpkit-interop", version: "1.0.0" },
  { capabilities: { elicitation: {} } });
client.setRequestHandler(ElicitRequestSchema, async () =>
  ({ action: "accept", content: { name: "Ada" } }));
const transport = transportKind === "sse"
  ? new SSEClientTransport(new URL(url))
  : new StreamableHTTPClientTransport(new URL(url));
await client.connect(transport);

const tools = await client.listTools();
const echo = await client.callTool({ name: "echo", arguments: { text: "hi", times: 2 } });
let progress = 0;
const progressed = await client.callTool({ name: "progress", arguments: {} }, undefined,
  { onprogress: () => { progress++; } });
const asked = await client.callTool({ name: "ask", arguments: {} });
const invalid = await client.callTool({ name: "echo", arguments: { text: 3 } });

console.log(JSON.stringify({
  server: client.getServerVersion(),
  protocolVersion: transport.protocolVersion ?? null,
  sessionId: transport.sessionId ?? null,
  tools: tools.tools.map((t) => t.name),
  echo: echo.content[0].text,
  progress,
  progressed: progressed.content[0].text,
  asked: asked.content[0].text,
  invalid: { isError: invalid.isError === true, text: invalid.content[0].text },
}));
await client.close();
