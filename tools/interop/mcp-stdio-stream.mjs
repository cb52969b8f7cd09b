// The official MCP TypeScript SDK client on the GET stream of a stdio server bridged by the
// Rampart MCP gateway (used by mcp-stdio-stream.sh): connects with a bearer key over
// Streamable HTTP (the SDK opens the GET stream after initialize), asks for logging, starts
// server-everything's simulated logging, and waits for notifications/message to arrive through
// the gateway. Usage: node mcp-stdio-stream.mjs URL KEY
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const [url, key] = process.argv.slice(2);
const client = new Client({ name: "rampart-interop-stream", version: "1.0.0" });
const got = [];
client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => got.push(n.params));
await client.connect(new StreamableHTTPClientTransport(new URL(url),
  { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
const tools = (await client.listTools()).tools.map((t) => t.name);
await client.setLoggingLevel("debug");
if (tools.includes("toggle-simulated-logging")) {
  await client.callTool({ name: "toggle-simulated-logging", arguments: {} });
}
const deadline = Date.now() + 30_000;
while (got.length < 2 && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 250));
}
await client.close();
if (got.length < 2) {
  console.log(`FAIL sdk  stdio: ${got.length} notifications/message within 30 s`);
  process.exit(1);
}
console.log(`sdk  stdio: ${tools.length} tools; ${got.length} notifications/message on the GET `
  + `stream, first: ${JSON.stringify(got[0]).slice(0, 100)}`);
