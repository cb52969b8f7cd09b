// A fake OpenAI-compatible upstream for openai-node.sh: answers chat completions (JSON or SSE)
// and embeddings, and records what it received so the client script can check what the gateway
// forwarded. Usage: node fake-upstream.mjs PORT
import http from 'node:http';

const port = Number(process.argv[2]);
const received = [];
const secret = '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';

function chunk(delta, finish = null) {
  return `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'gpt-test',
    choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.url === '/_received') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(received));
      return;
    }
    received.push({ method: req.method, url: req.url, authorization: req.headers.authorization || '', body });
    const json = body ? JSON.parse(body) : {};
    if (req.url.endsWith('/embeddings')) {
      const v = new Float32Array([0.25, -0.5, 1.0]);
      const embedding = json.encoding_format === 'base64' ? Buffer.from(v.buffer).toString('base64') : Array.from(v);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: [{ object: 'embedding', index: 0, embedding }],
        model: json.model, usage: { prompt_tokens: 4, total_tokens: 4 } }));
      return;
    }
    if (json.stream) {
      // the answer carries a credential split across chunks; the gateway must redact it
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const piece of ['The token is ', secret.slice(0, 12), secret.slice(12) + ' and that is all.']) {
        res.write(chunk({ content: piece }));
      }
      res.write(chunk({}, 'stop'));
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', created: 1, model: json.model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Noted, I will write.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 11, completion_tokens: 5, total_tokens: 16 } }));
  });
}).listen(port, '127.0.0.1');
