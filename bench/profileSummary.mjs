// node bench/profileSummary.mjs FILE.cpuprofile [--from=S] [--to=S] [--timeline]
// Summarises a V8 CPU profile (npm run bench -- --profile=DIR): self time by category (Node's HTTP layer, Koa, auth,
// store, request log, ...), by module and by function, and total (inclusive) time by function. --from/--to keep the
// samples between those seconds of the profile, so one step of a run can be read alone; --timeline prints, per
// second, how many samples ran under putObject / getObject / headObject, to find the steps' boundaries.
// The sampler runs on wall time: on a loaded machine a thread descheduled inside a syscall collects the samples of
// that wait, so the socket writes look heavier than their CPU (bench/README.md, "Small requests").
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const opt = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const times = [];
let t = p.startTime;
for (const d of p.timeDeltas) times.push(((t += d) - p.startTime) / 1e6);
const under = (id, name) => {
  for (let x = id; x !== undefined; x = parent.get(x)) if (byId.get(x).callFrame.functionName === name) return true;
  return false;
};

if (process.argv.includes('--timeline')) {
  const secs = new Map();
  p.samples.forEach((s, i) => {
    const e = secs.get(Math.floor(times[i])) ?? { putObject: 0, getObject: 0, headObject: 0, all: 0 };
    e.all++;
    for (const h of ['putObject', 'getObject', 'headObject']) if (under(s, h)) e[h]++;
    secs.set(Math.floor(times[i]), e);
  });
  for (const [s, e] of secs) console.log(s, JSON.stringify(e));
  process.exit(0);
}

const from = Number(opt('from') ?? 0);
const to = Number(opt('to') ?? Infinity);
const moduleOf = (url) => {
  if (!url) return '(native)';
  const m = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url) ?? /((?:emulator|client)\/dist\/.*)/.exec(url);
  return m ? m[1] : url;
};
const CATEGORIES = [
  [/_http|node:net|stream|node:events|node:internal\/(timers|process)|node:buffer/, "Node's HTTP layer and streams"],
  [/node_modules\/(koa|koa-compose|delegates|@koa|on-finished|ee-first|statuses|type-is|http-errors|accepts|cookies|depd|vary|only|encodeurl|escape-html|fresh|destroy)\//, 'Koa'],
  [/http\/auth|client\/dist\/signer|node:internal\/crypto|node:crypto|http\/access|domain\/policy/, 'auth (signature, RAM, policies)'],
  [/better-sqlite3|emulator\/dist\/store/, 'store (SQLite)'],
  [/admin\/requestLog|api\/accessLog|admin\/faults/, 'request log, fault rules, access log'],
  [/emulator\/dist\/(http\/(context|errors|addressing|query|render|unreadBody)|app|server)\.js/, 'pipeline steps (context, addressing, routing, rendering)'],
  [/emulator\/dist\/(api|domain)|client\/dist/, 'API handlers and domain rules'],
];
/** A sample's category: from the innermost frame with a URL (native work counts for its JS caller). */
const categoryOf = (id) => {
  const f = byId.get(id).callFrame.functionName;
  if (f === '(idle)' || f === '(program)' || f === '(garbage collector)') return f;
  let x = id;
  while (x !== undefined && !byId.get(x).callFrame.url) x = parent.get(x);
  if (x === undefined) return '(root)';
  const url = byId.get(x).callFrame.url;
  return CATEGORIES.find(([re]) => re.test(url))?.[1] ?? `other: ${moduleOf(url)}`;
};
const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${moduleOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const add = (m, k, c = 1) => m.set(k, (m.get(k) ?? 0) + c);
const cat = new Map(), selfMod = new Map(), self = new Map(), total = new Map();
let n = 0;
p.samples.forEach((s, i) => {
  if (times[i] < from || times[i] >= to) return;
  n++;
  add(cat, categoryOf(s));
  add(selfMod, moduleOf(byId.get(s).callFrame.url));
  add(self, name(byId.get(s)));
  const seen = new Set();
  for (let x = s; x !== undefined; x = parent.get(x)) seen.add(name(byId.get(x)));
  for (const k of seen) add(total, k);
});
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([key, v]) => `${((100 * v) / n).toFixed(1).padStart(5)} %  ${key}`).join('\n');
console.log(`${n} samples`);
console.log('--- self time by category\n' + top(cat, 15));
console.log('--- self time by module\n' + top(selfMod, 20));
console.log('--- self time by function\n' + top(self, 30));
console.log('--- total time by function\n' + top(total, 50));
