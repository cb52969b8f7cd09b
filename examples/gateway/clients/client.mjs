// The official `openai` npm client, unchanged, against the quickstart gateway (openai-node.sh).
// Usage: node client.mjs GATEWAY_BASE_URL DEMO_KEY UPSTREAM_BASE_URL
import OpenAI from 'openai';

const [baseURL, apiKey, upstream] = process.argv.slice(2);
const secret = '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';
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0 });
let failed = 0;
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ': ' + detail : ''}`);
  if (!ok) failed++;
}
async function lastReceived() {
  const r = await fetch(upstream + '/_received');
  return (await r.json()).at(-1);
}

async function step(name, body) {
  try {
    await body();
  } catch (e) {
    check(name, false, `${e.constructor.name} ${e.status ?? ''} ${e.message}`);
  }
}

await step('chat completion', async () => {
const chat = await client.chat.completions.create({ model: 'gpt-test',
  messages: [{ role: 'user', content: 'Write to jane.doe@example.com about the invoice.' }] });
let up = await lastReceived();
check('chat completion', chat.choices[0].message.content === 'Noted, I will write.');
check('personal data reached the upstream redacted', !up.body.includes('jane.doe@example.com') && up.body.includes('<EMAIL_ADDRESS>'), up.body);
check('the upstream got its own key, not the caller\'s', !up.authorization.includes(apiKey), up.authorization);
});

await step('streamed chat', async () => {
const stream = await client.chat.completions.create({ model: 'gpt-test', stream: true,
  messages: [{ role: 'user', content: 'What is the token?' }] });
let text = '';
for await (const part of stream) {
  text += part.choices[0]?.delta?.content ?? '';
}
check('streamed chat, secret redacted across chunks', text.startsWith('The token is ') && text.endsWith(' and that is all.') && !text.includes(secret.slice(12)), JSON.stringify(text));
});

await step('embeddings', async () => {
const emb = await client.embeddings.create({ model: 'text-embedding-test', input: 'Quarterly revenue by region' });
check('embeddings', JSON.stringify(Array.from(emb.data[0].embedding)) === '[0.25,-0.5,1]', JSON.stringify(emb.data[0].embedding));
});

try {
  await client.chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: `Deploy with ${secret} please` }] });
  check('secret in a prompt is blocked', false, 'no error');
} catch (e) {
  check('secret in a prompt: PermissionDeniedError 403 rampart_policy_violation',
    e instanceof OpenAI.PermissionDeniedError && e.status === 403 && e.type === 'rampart_policy_violation' && !JSON.stringify(e.error).includes(secret),
    `${e.constructor.name} ${e.status} ${JSON.stringify(e.error)}`);
}

try {
  await new OpenAI({ baseURL, apiKey: 'not-a-key', maxRetries: 0 }).chat.completions.create({ model: 'gpt-test', messages: [{ role: 'user', content: 'Hello' }] });
  check('wrong key is refused', false, 'no error');
} catch (e) {
  check('wrong key: AuthenticationError 401', e instanceof OpenAI.AuthenticationError && e.status === 401, `${e.constructor.name} ${e.status}`);
}
console.log(failed ? `${failed} check(s) failed` : 'all checks passed');
process.exit(failed ? 1 : 0);
