// The TypeScript SDK client calls tool "weather" on an mcpkit server twice: as the SDK sends it,
// and with a W3C traceparent put into the request's _meta by the caller.
// usage: node ts-trace-client.mjs <interop dir> <url> <traceparent>
// Prints one JSON object on stdout: the two answers. Exits non-zero on any failure.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [interop, url, traceparent] = process.argv.slice(2);
const sdk = (p) => import(pathToFileURL(path.join(interop,
  "node_modules/@modelcontextprotocol/sdk/dist/esm", p)).href);
const { Client } = await sdk("client/index.js");
const { StreamableHTTPClientTransport } = await sdk("client/streamableHttp.js");

const client = new Client({ name: "ts-trace-client", version: "1.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
const plain = await client.callTool({ name: "weather", arguments: { city: "Paris" } });
const traced = await client.callTool({ name: "weather", arguments: { city: "Oslo" },
  _meta: { traceparent } });
console.log(JSON.stringify({ plain: plain.content[0].text, traced: traced.content[0].text }));
await client.close();
