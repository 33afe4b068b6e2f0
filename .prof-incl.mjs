import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const selfT = new Map();
for (let i = 0; i < p.samples.length; i++) selfT.set(p.samples[i], (selfT.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
let total = 0; for (const v of selfT.values()) total += v;
const incl = new Map();
const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
function walk(id, stack) {
  const n = byId.get(id); const k = key(n);
  let t = selfT.get(id) ?? 0;
  for (const c of n.children ?? []) t += walk(c, stack.concat(k));
  if (!stack.includes(k)) incl.set(k, (incl.get(k) ?? 0) + t);
  return t;
}
walk(p.nodes[0].id, []);
const filter = process.argv[3] ? new RegExp(process.argv[3]) : /./;
for (const [k, v] of [...incl].filter(([k]) => filter.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(((v / total) * 100).toFixed(1).padStart(5) + '%  ' + k);
