// Interop driver: the official TypeScript SDK's (experimental) task client against an mcpkit
// server speaking 2025-11-25 tasks.
// usage: node sdk-tasks-client.mjs <interop dir> <url>
// Prints one JSON object on stdout: what the client saw. Exits non-zero on any failure.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [interop, url] = process.argv.slice(2);
const sdk = (p) => import(pathToFileURL(path.join(interop,
  "node_modules/@modelcontextprotocol/sdk/dist/esm", p)).href);

const { Client } = await sdk("client/index.js");
const { StreamableHTTPClientTransport } = await sdk("client/streamableHttp.js");
const { ElicitRequestSchema } = await sdk("types.js");

const client = new Client({ name: "mcpkit-tasks-interop", version: "1.0.0" },
  { capabilities: { elicitation: {} } });
let elicited = 0;
client.setRequestHandler(ElicitRequestSchema, async () => {
  elicited++;
  return { action: "accept", content: { name: "Ada" } };
});
const transport = new StreamableHTTPClientTransport(new URL(url));
await client.connect(transport);

const tools = await client.listTools(); // tells the client which tools are tasks
const execution = Object.fromEntries(tools.tools.map((t) => [t.name,
  t.execution?.taskSupport ?? "forbidden"]));

async function stream(name, args) {
  const seen = [];
  let taskId = null;
  let text = null;
  for await (const m of client.experimental.tasks.callToolStream({ name, arguments: args })) {
    seen.push(m.type);
    if (m.type === "taskCreated") taskId = m.task.taskId;
    if (m.type === "result") text = m.result.content[0].text;
    if (m.type === "error") throw m.error;
  }
  return { seen, taskId, text };
}

const required = await stream("must_task", {});
const asked = await stream("ask_name", {});
const status = await client.experimental.tasks.getTask(required.taskId);
const listed = await client.experimental.tasks.listTasks();

console.log(JSON.stringify({
  protocolVersion: transport.protocolVersion ?? null,
  capabilities: client.getServerCapabilities()?.tasks ?? null,
  execution,
  required,
  asked,
  elicited,
  status: status.status,
  listed: listed.tasks.map((t) => t.taskId).sort(),
}));
await client.close();
