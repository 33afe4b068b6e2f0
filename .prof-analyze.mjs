import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas; let total = 0;
for (let i = 0; i < p.samples.length; i++) { const n = byId.get(p.samples[i]); const d = dt[i] ?? 0; total += d; const cf = n.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`; self.set(key, (self.get(key) ?? 0) + d); }
const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 40));
for (const [k, v] of rows) console.log(((v / total) * 100).toFixed(1).padStart(5) + '%  ' + k);
// inclusive by url (file)
const incl = new Map();
for (let i = 0; i < p.samples.length; i++) { const n = byId.get(p.samples[i]); const u = n.callFrame.url.split('/').slice(-3).join('/') || n.callFrame.functionName; incl.set(u, (incl.get(u) ?? 0) + (dt[i] ?? 0)); }
console.log('--- self by file');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(((v / total) * 100).toFixed(1).padStart(5) + '%  ' + k);
