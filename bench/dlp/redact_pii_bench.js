const fs = require('fs'); const { SyncRedactor } = require('redact-pii');
const r = new SyncRedactor();
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l).text);
const bytes = lines.reduce((a, t) => a + Buffer.byteLength(t), 0);
const t0 = process.hrtime.bigint(); for (const t of lines) r.redact(t);
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`redact-pii: ${(bytes/1e6).toFixed(2)} MB in ${s.toFixed(2)} s = ${(bytes/1e6/s).toFixed(2)} MB/s`);
