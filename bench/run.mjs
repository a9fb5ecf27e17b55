// npm run bench [-- --quick]: local-oss next to s3rver, Azurite and the machine's ceilings, measured in one run.
// Every figure is reported beside the same measurement of the peers and of the ceiling, because absolute numbers
// on a shared 2-core machine are noisy; the ratios are what to read.
import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { azurite, localOss, nullServer, s3rver } from './servers.mjs';
import { load, rssOf, sendOk } from './load.mjs';

const quick = process.argv.includes('--quick');
/** The value of `--name=value`, or undefined. */
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
// --servers=local-oss,s3rver limits the run (development); the README's figures always come from a full run of all.
const only = arg('servers')?.split(',');
// --profile=DIR: local-oss runs under --cpu-prof and leaves its profile in DIR (open it in Chrome DevTools).
const profileDir = arg('profile');
// --only=large: only the large-object steps (PUT/GET, copies, the big PUT and its RSS), at the run's sizes (issue 22).
const onlyLarge = arg('only') === 'large';
const LARGE_STEP = /MiB/;
const step = (server, what) => process.stderr.write(`  ${server.name}: ${what}\n`);
const KiB = 1024;
const MiB = 1024 * KiB;
const cfg = quick
  ? { small: 300, large: 16 * MiB, largeReps: 2, listKeys: 2000, fillSeconds: 20, rssPut: 128 * MiB }
  : { small: 3000, large: 64 * MiB, largeReps: 5, listKeys: 100_000, fillSeconds: 150, rssPut: 1024 * MiB };
// Filling the listing bucket costs one PUT per key. A server that cannot store listKeys keys within fillSeconds
// (Azurite here: bench/README.md, "Harness changes") is listed over the keys it got, and the table says so: the
// full run stays under 10 minutes.
if (arg('list-keys')) cfg.listKeys = Number(arg('list-keys'));
// --small=N: requests per small-request measurement (profiling wants more samples than --quick's 300).
if (arg('small')) cfg.small = Number(arg('small'));
// --steps=small: only the 1 KiB PUT/GET/HEAD steps (issue 22's small-request profiling); the full run does all.
const smallOnly = arg('steps') === 'small';

const LIST_METRIC = `ListObjectsV2 page of 1000 from ${cfg.listKeys} keys p50 ms (lower is better)`;

async function measure(server, start) {
  // errors: steps that failed (no figure); partial: figures measured on less than asked, with the reason.
  const m = { errors: {}, partial: {} };
  const b = 'bench-bucket';
  const agent = new Agent({ keepAlive: true });
  // Each step stands alone: a peer that cannot do one thing still gets its other figures.
  const run = async (name, fn) => {
    if (onlyLarge && !LARGE_STEP.test(name)) return;
    step(server, name);
    try {
      await fn();
    } catch (err) {
      m.errors[name] = String(err.message ?? err);
      process.stderr.write(`    failed: ${m.errors[name]}\n`);
    }
  };
  const must = (op, body) => sendOk(server, agent, op, body);
  m['startup ms (lower is better)'] = server.startupMs;
  await must({ method: 'PUT', bucket: b, createBucket: true });
  const small = Buffer.alloc(KiB, 1);
  for (const c of [1, 16]) {
    await run(`PUT/GET 1 KiB c${c}`, async () => {
      const put = await load(server, (n) => ({ method: 'PUT', bucket: b, key: `small/${c}/${n}` }), cfg.small, c, small);
      m[`PUT 1 KiB c${c} ops/s`] = put.opsPerSec;
      m[`PUT 1 KiB c${c} p50 ms (lower is better)`] = put.p50;
      m[`PUT 1 KiB c${c} p99 ms (lower is better)`] = put.p99;
      const get = await load(server, (n) => ({ method: 'GET', bucket: b, key: `small/${c}/${n}`, size: KiB }), cfg.small, c);
      m[`GET 1 KiB c${c} ops/s`] = get.opsPerSec;
      m[`GET 1 KiB c${c} p50 ms (lower is better)`] = get.p50;
      m[`GET 1 KiB c${c} p99 ms (lower is better)`] = get.p99;
    });
  }
  await run('HEAD', async () => {
    const head = await load(server, (n) => ({ method: 'HEAD', bucket: b, key: `small/16/${n}` }), cfg.small, 16);
    m['HEAD 1 KiB c16 ops/s'] = head.opsPerSec;
    m['HEAD 1 KiB c16 p99 ms (lower is better)'] = head.p99;
  });
  if (smallOnly) {
    agent.destroy();
    return m;
  }
  const largeMB = cfg.large / MiB;
  await run(`PUT/GET ${largeMB} MiB`, async () => {
    const putL = await load(server, (n) => ({ method: 'PUT', bucket: b, key: `large/${n}` }), cfg.largeReps, 1, cfg.large);
    m[`PUT ${largeMB} MiB MB/s`] = (largeMB * cfg.largeReps) / putL.seconds;
    const getL = await load(server, (n) => ({ method: 'GET', bucket: b, key: `large/${n}`, size: cfg.large }), cfg.largeReps, 1);
    m[`GET ${largeMB} MiB MB/s`] = (largeMB * cfg.largeReps) / getL.seconds;
  });
  await run('CopyObject 1 KiB', async () => {
    m['CopyObject 1 KiB p50 ms (lower is better)'] = (await load(server, (n) => ({ method: 'PUT', bucket: b, key: `copy/s${n}`, copyFrom: 'small/1/0' }), 20, 1)).p50;
  });
  await run(`CopyObject ${largeMB} MiB`, async () => {
    m[`CopyObject ${largeMB} MiB p50 ms (lower is better)`] = (await load(server, (n) => ({ method: 'PUT', bucket: b, key: `copy/b${n}`, copyFrom: 'large/0' }), 5, 1)).p50;
  });
  await run(`PUT ${cfg.rssPut / MiB} MiB`, async () => {
    const t0 = performance.now();
    await must({ method: 'PUT', bucket: b, key: 'huge' }, cfg.rssPut);
    m[`PUT ${cfg.rssPut / MiB} MiB MB/s`] = cfg.rssPut / MiB / ((performance.now() - t0) / 1000);
  });
  await run(`RSS during a ${cfg.rssPut / MiB} MiB PUT`, async () => {
    // Peak RSS of a freshly started server while one big body streams in (target: bench/README.md, "Latest full
    // run"): fresh, so what the earlier steps left in its heap does not count. Growth over its idle RSS shows the body is streamed.
    const fresh = await start({});
    try {
      const freshAgent = new Agent({ keepAlive: true });
      await sendOk(fresh, freshAgent, { method: 'PUT', bucket: b, createBucket: true });
      await new Promise((r) => setTimeout(r, 500)); // settle after start-up
      const base = rssOf(fresh.child.pid);
      let peak = base;
      const timer = setInterval(() => (peak = Math.max(peak, rssOf(fresh.child.pid))), 10);
      try {
        await sendOk(fresh, freshAgent, { method: 'PUT', bucket: b, key: 'huge' }, cfg.rssPut);
      } finally {
        clearInterval(timer);
        freshAgent.destroy();
      }
      m[`peak RSS during a ${cfg.rssPut / MiB} MiB PUT (fresh server) MiB (lower is better)`] = peak / MiB;
      m[`RSS growth during a ${cfg.rssPut / MiB} MiB PUT (fresh server) MiB (lower is better)`] = (peak - base) / MiB;
    } finally {
      await stop(fresh);
    }
  });
  await run(`CopyObject ${cfg.rssPut / MiB} MiB`, async () => {
    // Three copies, the middle figure: one alone is at the mercy of a checkpoint or a GC at that moment.
    m[`CopyObject ${cfg.rssPut / MiB} MiB p50 ms (lower is better)`] = (await load(server, (n) => ({ method: 'PUT', bucket: b, key: `copy/huge${n}`, copyFrom: 'huge' }), 3, 1)).p50;
  });
  await run(`ListObjectsV2 over ${cfg.listKeys} keys`, async () => {
    const lb = 'bench-list';
    await must({ method: 'PUT', bucket: lb, createBucket: true });
    const fill = await load(server, (n) => ({ method: 'PUT', bucket: lb, key: `k/${String(n).padStart(7, '0')}` }), cfg.listKeys, 32, Buffer.alloc(1), performance.now() + cfg.fillSeconds * 1000);
    if (fill.done < cfg.listKeys) m.partial[LIST_METRIC] = `${server.name} stored ${fill.done} of ${cfg.listKeys} keys in ${cfg.fillSeconds} s: its figure lists those`;
    // Walk the pages one after another, each request carrying the previous page's continuation token.
    const lat = [];
    let next;
    const pages = Math.min(20, Math.ceil(fill.done / 1000));
    for (let p = 0; p < pages; p++) {
      const res = await must({ method: 'GET', bucket: lb, list: { next } });
      lat.push(res.ms);
      next = server.nextToken?.(res.text);
      if (next === undefined) break;
    }
    lat.sort((a, b) => a - b);
    m[LIST_METRIC] = lat[Math.floor(lat.length / 2)];
  });
  agent.destroy();
  return m;
}

function diskCeiling(bytes) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-disk-'));
  const fd = openSync(join(dir, 'f'), 'w');
  const chunk = Buffer.alloc(MiB, 3);
  const t0 = performance.now();
  for (let i = 0; i < bytes / MiB; i++) writeSync(fd, chunk);
  fsyncSync(fd);
  const s = (performance.now() - t0) / 1000;
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
  return bytes / MiB / s;
}

function memcpyCeiling(bytes) {
  const a = Buffer.alloc(64 * MiB, 1);
  const b = Buffer.alloc(64 * MiB);
  const t0 = performance.now();
  for (let i = 0; i < bytes / a.length; i++) a.copy(b);
  return bytes / MiB / ((performance.now() - t0) / 1000);
}

/** SIGTERM, up to 5 s to exit on its own (a profile is written at exit), then SIGKILL; its data goes too. */
async function stop(server) {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    server.child.kill('SIGKILL');
  }
  if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true });
}

const servers = [];
const results = {};
try {
  for (const start of [localOss, s3rver, azurite, nullServer]) {
    if (only && !only.includes(start.label)) continue;
    process.stderr.write(`starting ${start.label}…\n`);
    const server = await start({ profileDir });
    servers.push(server);
    try {
      results[server.name] = await measure(server, start);
    } catch (err) {
      results[server.name] = { error: String(err) };
    }
    await stop(server);
  }
} finally {
  for (const s of servers) await stop(s); // a no-op wait for those already stopped; their data goes either way
}
const ceiling = results.ceiling ?? {};
// The null server holds no data: its RSS and its "copy" or "list" are not a ceiling for storing anything, only the
// HTTP round trip — kept for copy/list (that is the floor of any server's latency), dropped for memory.
for (const k of Object.keys(ceiling)) if (/RSS/.test(k)) delete ceiling[k];
if (!smallOnly) ceiling[`PUT ${cfg.large / MiB} MiB MB/s`] = Math.min(ceiling[`PUT ${cfg.large / MiB} MiB MB/s`] ?? Infinity, diskCeiling(256 * MiB));
if (!smallOnly) ceiling['memcpy MB/s'] = memcpyCeiling(2048 * MiB);

const metrics = Object.keys(results['local-oss']).filter((k) => typeof results['local-oss'][k] === 'number');
const lowerBetter = (k) => k.includes('lower is better');
const fmt = (v) => (v === undefined || Number.isNaN(v) ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(2));
const rows = metrics.map((k) => {
  const me = results['local-oss'][k];
  // A peer's figure measured on less than asked (partial) is shown but not compared.
  const peers = ['s3rver', 'Azurite'].filter((p) => results[p]?.partial?.[k] === undefined).map((p) => results[p]?.[k]).filter((v) => typeof v === 'number');
  const best = peers.length ? (lowerBetter(k) ? Math.min(...peers) : Math.max(...peers)) : undefined;
  const c = ceiling[k];
  // Ratios read "how many times better than": > 1 means local-oss is ahead.
  const ratio = (other) => (other === undefined ? undefined : lowerBetter(k) ? other / me : me / other);
  return { metric: k, 'local-oss': me, s3rver: results.s3rver?.[k], Azurite: results.Azurite?.[k], ceiling: c, vsBestPeer: ratio(best), vsCeiling: c === undefined || c === 0 ? undefined : ratio(c) };
});
const header = '| metric | local-oss | s3rver | Azurite | ceiling | local-oss ÷ best peer | local-oss ÷ ceiling |\n|---|---|---|---|---|---|---|';
// A figure measured on less than asked (see measure's `partial`) carries a mark and its reason below the table.
const notes = [];
const cell = (server, k) => {
  const v = fmt(results[server]?.[k]);
  const why = results[server]?.partial?.[k];
  if (why === undefined) return v;
  notes.push(why);
  return `${v} (${'*'.repeat(notes.length)})`;
};
const table = [
  header,
  ...rows.map((r) => `| ${r.metric} | ${cell('local-oss', r.metric)} | ${cell('s3rver', r.metric)} | ${cell('Azurite', r.metric)} | ${fmt(r.ceiling)} | ${fmt(r.vsBestPeer)} | ${fmt(r.vsCeiling)} |`),
  ...notes.map((n, i) => `\n(${'*'.repeat(i + 1)}) ${n}`),
].join('\n');
console.log(table);
console.log(`\nmemcpy ceiling: ${fmt(ceiling['memcpy MB/s'])} MB/s; ratios > 1 mean local-oss is ahead (for "lower is better" rows the ratio is inverted).`);

// --out=DIR writes the results there instead of bench/results/ (the CI smoke test writes to a temporary dir).
const outArg = arg('out');
const outDir = outArg ? pathToFileURL(outArg.endsWith('/') ? outArg : outArg + '/') : new URL('./results/', import.meta.url);
mkdirSync(outDir, { recursive: true });
// A partial run never overwrites the full run's files.
const outName = smallOnly ? 'small' : quick ? 'quick' : 'latest';
const stamp = { date: new Date().toISOString(), quick, node: process.version, config: cfg };
writeFileSync(new URL(`${outName}.json`, outDir), JSON.stringify({ ...stamp, results, rows }, null, 2));
writeFileSync(new URL(`${outName}.md`, outDir), table + '\n');
// A bar chart of local-oss ÷ best peer (log scale around 1).
const bars = rows.filter((r) => r.vsBestPeer !== undefined);
const w = 900;
const rowH = 22;
const x0 = 420;
const scale = (v) => Math.max(-1, Math.min(1, Math.log10(v) / 2)) * ((w - x0 - 20) / 2);
const mid = x0 + (w - x0 - 20) / 2;
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${bars.length * rowH + 40}" font-family="sans-serif" font-size="12">`,
  `<text x="10" y="16">local-oss ÷ best of s3rver/Azurite (log scale, right of the line = local-oss ahead)</text>`,
  `<line x1="${mid}" y1="24" x2="${mid}" y2="${bars.length * rowH + 30}" stroke="#333"/>`,
  ...bars.map((r, i) => {
    const y = 30 + i * rowH;
    const len = scale(r.vsBestPeer);
    return `<text x="10" y="${y + 14}">${r.metric.replace(/&/g, '&amp;')}</text><rect x="${len >= 0 ? mid : mid + len}" y="${y + 3}" width="${Math.abs(len)}" height="14" fill="${len >= 0 ? '#2a7' : '#c44'}"/><text x="${mid + (len >= 0 ? len + 4 : len - 40)}" y="${y + 14}">${fmt(r.vsBestPeer)}×</text>`;
  }),
  '</svg>',
].join('\n');
writeFileSync(new URL(`${outName}.svg`, outDir), svg);
