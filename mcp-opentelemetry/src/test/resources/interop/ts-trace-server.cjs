// A Streamable HTTP server built with the TypeScript MCP SDK whose tool "meta" answers with the
// trace context keys it found in the request's _meta (what an OpenTelemetry-instrumented TypeScript
// handler would continue the trace from).
// Usage: NODE_PATH=interop/node_modules node ts-trace-server.cjs PORT
const http = require("node:http");
const { randomUUID } = require("node:crypto");
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { StreamableHTTPServerTransport } = require("@modelcontextprotocol/sdk/server/streamableHttp.js");
const { isInitializeRequest } = require("@modelcontextprotocol/sdk/types.js");

const sessions = new Map();

function newServer() {
  const server = new McpServer({ name: "ts-trace", version: "1.0.0" });
  server.registerTool("meta", { description: "Echoes the trace context of the request" },
    async (extra) => {
      const meta = (extra && extra._meta) || {};
      const seen = { traceparent: meta.traceparent ?? null, tracestate: meta.tracestate ?? null,
        baggage: meta.baggage ?? null };
      return { content: [{ type: "text", text: JSON.stringify(seen) }] };
    });
  return server;
}

http.createServer(async (req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", async () => {
    const parsed = body ? JSON.parse(body) : undefined;
    const id = req.headers["mcp-session-id"];
    let transport = id ? sessions.get(id) : undefined;
    if (!transport) {
      if (req.method !== "POST" || !isInitializeRequest(parsed)) {
        res.writeHead(id ? 404 : 400, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message: "no session" }, id: null }));
        return;
      }
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (sid) => sessions.set(sid, transport),
      });
      await newServer().connect(transport);
    }
    await transport.handleRequest(req, res, parsed);
  });
}).listen(Number(process.argv[2]), "127.0.0.1", () => console.error("listening"));
