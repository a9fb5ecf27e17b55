// npm run bench:scale [-- --objects=N]: local-oss with a million objects in one bucket (issue 26 item 1). Measured
// beside the same requests on a 1,000-object bucket of the same server in the same run, because a figure on these
// shared machines means little alone: the ratios say whether size costs anything.
//
// The big bucket is filled through the API (PUT of 1-byte objects from 32 keep-alive connections), bounded by
// --fill-seconds (default 1800); a run that stops early reports the count it reached. Keys are
// `d<000..999>/<7-digit n>`: 1,000 "folders", so a delimiter listing has to step over whole folders.
import { createHash } from 'node:crypto';
import { statSync, existsSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localOss } from './servers.mjs';
import { load, rssOf, send, sendOk } from './load.mjs';

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const N = Number(arg('objects') ?? 1_000_000);
const FILL_SECONDS = Number(arg('fill-seconds') ?? 1800);
const SMALL = 1000;
const SAMPLES = Number(arg('samples') ?? 2000);
const outDir = arg('out') ?? fileURLToPath(new URL('./results/', import.meta.url));
const log = (s) => process.stderr.write(`${s}\n`);

const keyOf = (n) => `d${String(n % 1000).padStart(3, '0')}/${String(n).padStart(7, '0')}`;
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function fill(server, bucket, count, deadline) {
  await sendOk(server, new Agent({ keepAlive: true }), { method: 'PUT', bucket });
  const r = await load(server, (n) => ({ method: 'PUT', bucket, key: keyOf(n) }), count, 32, Buffer.from('x'), deadline);
  return r;
}

/** `samples` sequential requests (latency, not throughput); returns p50/p99 ms. */
async function latency(server, makeOp, samples) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const ms = [];
  for (let i = 0; i < samples; i++) {
    const r = await send(server, agent, makeOp(i));
    if (r.status >= 300) throw new Error(`${makeOp(i).method} answered ${r.status}`);
    ms.push(r.ms);
  }
  agent.destroy();
  return { p50: pct(ms, 0.5), p99: pct(ms, 0.99) };
}

const rand = (n) => Math.floor(Math.random() * n);

async function measureBucket(server, bucket, count, peak) {
  const m = {};
  const sample = () => keyOf(rand(count));
  const samples = Math.min(SAMPLES, 10 * count);
  const listPages = 20;
  const sampleRss = () => (peak.rss = Math.max(peak.rss, rssOf(server.child.pid)));
  const timer = setInterval(sampleRss, 20);
  try {
    m['ListObjectsV2 page of 1000 p50 ms'] = (await latency(server, () => ({ method: 'GET', bucket, query: [['list-type', '2'], ['max-keys', '1000'], ['start-after', sample()]] }), listPages)).p50;
    m['ListObjectsV2 delimiter "/" page p50 ms'] = (await latency(server, () => ({ method: 'GET', bucket, query: [['list-type', '2'], ['max-keys', '1000'], ['delimiter', '/'], ['start-after', `d${String(rand(1000)).padStart(3, '0')}/`]] }), listPages)).p50;
    m['ListObjectsV2 prefix + delimiter page p50 ms'] = (await latency(server, () => ({ method: 'GET', bucket, query: [['list-type', '2'], ['max-keys', '1000'], ['prefix', `d${String(rand(1000)).padStart(3, '0')}/`], ['delimiter', '/']] }), listPages)).p50;
    m['ListObjectVersions page of 1000 p50 ms'] = (await latency(server, () => ({ method: 'GET', bucket, query: [['versions', ''], ['max-keys', '1000'], ['key-marker', sample()]] }), listPages)).p50;
    const get = await latency(server, () => ({ method: 'GET', bucket, key: sample() }), samples);
    m['GET random key p50 ms'] = get.p50;
    m['GET random key p99 ms'] = get.p99;
    const head = await latency(server, () => ({ method: 'HEAD', bucket, key: sample() }), samples);
    m['HEAD random key p50 ms'] = head.p50;
    m['HEAD random key p99 ms'] = head.p99;
    // DeleteMultipleObjects of 1,000 keys (quiet), three rounds; the middle figure. In the 1,000-object bucket the
    // first round empties it and the next two name keys that are gone, which OSS also answers as deleted.
    const del = [];
    for (let round = 0; round < 3; round++) {
      const keys = Array.from({ length: 1000 }, (_, i) => keyOf((round * 1000 + i) % count));
      const body = Buffer.from(`<Delete><Quiet>true</Quiet>${keys.map((k) => `<Object><Key>${k}</Key></Object>`).join('')}</Delete>`);
      const md5 = createHash('md5').update(body).digest('base64');
      const r = await send(server, new Agent({ keepAlive: false }), { method: 'POST', bucket, query: [['delete', '']], headers: { 'content-md5': md5, 'content-type': 'application/xml' } }, body);
      if (r.status >= 300) throw new Error(`DeleteMultipleObjects answered ${r.status}`);
      del.push(r.ms);
    }
    m['DeleteMultipleObjects of 1000 p50 ms'] = pct(del, 0.5);
  } finally {
    clearInterval(timer);
  }
  return m;
}

async function stop(server) {
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await exited;
}

const started = await localOss();
let server = started;
const result = { date: new Date().toISOString(), node: process.version, objects: N, fillSeconds: FILL_SECONDS };
try {
  log(`filling ${N} objects (up to ${FILL_SECONDS} s)…`);
  const t0 = performance.now();
  const big = await fill(server, 'scale-big', N, performance.now() + FILL_SECONDS * 1000);
  result.filled = big.done;
  result['fill PUT/s'] = big.opsPerSec;
  result['fill seconds'] = (performance.now() - t0) / 1000;
  await fill(server, 'scale-small', SMALL, Infinity);

  // Restart on the filled directory: start-up and idle RSS with a million rows.
  await stop(server);
  const db = join(started.dataDir, 'local-oss.sqlite');
  result['database bytes per object'] = (statSync(db).size + (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0)) / (big.done + SMALL);
  const again = await localOss({ dataDir: started.dataDir });
  server = again;
  result['startup ms'] = again.startupMs;
  result['idle RSS MiB'] = rssOf(again.child.pid) / 2 ** 20;
  const peak = { rss: 0 };
  log('measuring the 1,000-object bucket…');
  result.small = await measureBucket(server, 'scale-small', SMALL, peak);
  log(`measuring the ${big.done}-object bucket…`);
  result.big = await measureBucket(server, 'scale-big', big.done, peak);
  result['peak RSS MiB'] = peak.rss / 2 ** 20;
} finally {
  await stop(server).catch(() => {});
  rmSync(started.dataDir, { recursive: true, force: true }); // ~0.5 GiB at a million objects
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));
const lines = [
  `# Scale: ${result.filled.toLocaleString('en')} objects in one bucket (${result.date.slice(0, 10)}, Node ${result.node})`,
  '',
  `Filled through the API in ${fmt(result['fill seconds'])} s (${fmt(result['fill PUT/s'])} PUT/s, c32, 1-byte objects); database ${fmt(result['database bytes per object'])} bytes per object; start-up on the filled directory ${fmt(result['startup ms'])} ms; RSS idle ${fmt(result['idle RSS MiB'])} MiB, peak while measuring ${fmt(result['peak RSS MiB'])} MiB.`,
  '',
  `| metric | 1,000 objects | ${result.filled.toLocaleString('en')} objects | ratio |`,
  '|---|---|---|---|',
  ...Object.keys(result.big).map((k) => `| ${k} | ${fmt(result.small[k])} | ${fmt(result.big[k])} | ${(result.big[k] / result.small[k]).toFixed(2)}× |`),
  '',
];
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'scale.json'), JSON.stringify(result, null, 1) + '\n');
writeFileSync(join(outDir, 'scale.md'), lines.join('\n'));
process.stdout.write(lines.join('\n'));
