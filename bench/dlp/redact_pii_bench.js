// redact-pii (a peer for comparison, never a dependency) on the dev corpus: warmed up, then
// timed passes; prints the median pass. usage: node redact_pii_bench.js DEV_JSONL [passes]
const fs = require('fs'); const { SyncRedactor } = require('redact-pii');
const r = new SyncRedactor();
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l).text);
const passes = Number(process.argv[3] || 5);
const bytes = lines.reduce((a, t) => a + Buffer.byteLength(t), 0);
// warm-up: at least 10 passes and 5 s of process CPU time, as DevCorpusBench (CPU, not wall: on
// a loaded machine 5 s of wall time can be well under a second of work)
const cpuS = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e6; };
for (let w = 0, c0 = cpuS(); w < 10 || cpuS() - c0 < 5; w++) for (const t of lines) r.redact(t);
// wall time measures the neighbours on a shared machine; process CPU time (user + system, V8's
// helper threads included, like the JVM's JIT and GC threads in DevCorpusBench) is the fairer figure
const rates = [], cpuRates = [];
for (let p = 0; p < passes; p++) {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage(); for (const t of lines) r.redact(t);
  const c = process.cpuUsage(c0);
  rates.push(bytes / 1e6 / (Number(process.hrtime.bigint() - t0) / 1e9));
  cpuRates.push(bytes / 1e6 / ((c.user + c.system) / 1e6));
}
rates.sort((a, b) => a - b); cpuRates.sort((a, b) => a - b);
console.log(`redact-pii: ${(bytes/1e6).toFixed(2)} MB x ${passes} passes, median ${rates[passes >> 1].toFixed(2)} MB/s (wall), ${cpuRates[passes >> 1].toFixed(2)} MB/cpu-s (process CPU)`);
