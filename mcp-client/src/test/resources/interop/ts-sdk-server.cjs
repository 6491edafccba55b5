// A session-based Streamable HTTP server built with the TypeScript MCP SDK, for interop tests.
// Usage: NODE_PATH=interop/node_modules node ts-sdk-server.cjs PORT
const http = require("node:http");
const { randomUUID } = require("node:crypto");
const { McpServer } = require("@modelcontextprotocol/sdk/server/mcp.js");
const { StreamableHTTPServerTransport } = require("@modelcontextprotocol/sdk/server/streamableHttp.js");
const { isInitializeRequest } = require("@modelcontextprotocol/sdk/types.js");
const { z } = require("zod");

const sessions = new Map();

function newServer() {
  const server = new McpServer({ name: "ts-sdk-interop", version: "1.0.0" });
  server.registerTool("add", {
    description: "Adds two numbers",
    inputSchema: { a: z.number(), b: z.number() },
    outputSchema: { sum: z.number() },
  }, async ({ a, b }) => ({
    content: [{ type: "text", text: String(a + b) }],
    structuredContent: { sum: a + b },
  }));
  server.registerTool("count", {
    description: "Reports progress while counting to n",
    inputSchema: { n: z.number() },
  }, async ({ n }, extra) => {
    for (let i = 1; i <= n; i++) {
      const token = extra._meta && extra._meta.progressToken;
      if (token !== undefined) {
        await extra.sendNotification({ method: "notifications/progress",
          params: { progressToken: token, progress: i, total: n } });
      }
    }
    return { content: [{ type: "text", text: "counted to " + n }] };
  });
  server.registerTool("fail", { description: "Always fails" }, async () => {
    throw new Error("this tool always fails");
  });
  server.registerTool("forget-sessions", { description: "Drops every session" }, async () => {
    setImmediate(() => sessions.clear());
    return { content: [{ type: "text", text: "forgotten" }] };
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
      if (id) {
        res.writeHead(404, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32001, message: "Session not found" }, id: null }));
        return;
      }
      if (req.method !== "POST" || !isInitializeRequest(parsed)) {
        res.writeHead(400, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message: "Bad Request: No valid session ID provided" }, id: null }));
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
