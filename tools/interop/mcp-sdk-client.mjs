// The official MCP TypeScript SDK client through the Rampart MCP gateway (used by
// mcp-everything.sh): connect with a bearer key, list tools, call one, and check that a
// connection without a key is refused. Usage: node mcp-sdk-client.mjs URL ALICE_KEY BOB_KEY [sse]
// ("sse": the older HTTP+SSE transport, URL being the gateway's .../sse stream).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, aliceKey, bobKey, transport] = process.argv.slice(2);
const label = transport === "sse" ? "sdk  (sse)" : "sdk ";

async function connect(key) {
  const client = new Client({ name: "rampart-interop", version: "1.0.0" });
  const headers = key ? { Authorization: `Bearer ${key}` } : {};
  // the SSE transport's GET goes through eventSourceInit's fetch, its POSTs through requestInit
  const t = transport === "sse"
    ? new SSEClientTransport(new URL(url), {
      requestInit: { headers },
      eventSourceInit: { fetch: (u, init) => fetch(u, { ...init, headers: { ...init?.headers, ...headers } }) },
    })
    : new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  await client.connect(t);
  return client;
}

const alice = await connect(aliceKey);
const aliceTools = (await alice.listTools()).tools.map((t) => t.name);
const echo = await alice.callTool({ name: "echo", arguments: { message: "hello via the SDK" } });
console.log(`${label} alice: ${aliceTools.length} tools; echo -> ${echo.content[0].text}`);
await alice.close();

const bob = await connect(bobKey);
const bobTools = (await bob.listTools()).tools.map((t) => t.name).sort();
let refused = "";
try {
  const r = await bob.callTool({ name: "get-env", arguments: {} });
  refused = `NOT refused: ${JSON.stringify(r).slice(0, 100)}`;
} catch (e) {
  refused = `refused (${e.code})`;
}
console.log(`${label} bob: tools ${bobTools.join(" ")}; get-env ${refused}`);
await bob.close();

let anonymous = "connected (wrong)";
try {
  await connect("");
} catch (e) {
  anonymous = `refused: ${String(e.message).slice(0, 60)}`;
}
console.log(`${label} no key: ${anonymous}`);

const ok = aliceTools.includes("get-env") && echo.content[0].text.includes("hello via the SDK")
  && bobTools.join(" ") === "echo get-sum" && refused.startsWith("refused (-32010)")
  && anonymous.startsWith("refused");
process.exit(ok ? 0 : 1);
