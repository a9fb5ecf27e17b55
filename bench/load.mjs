// The load generator shared by the benchmarks (run.mjs: peers and ceilings; scale.mjs: a million objects): one
// node:http client, keep-alive agents, each server signing its own requests (servers.mjs `request(op)`).
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

const MiB = 1024 * 1024;

export function send(server, agent, op, body) {
  const r = server.request({ ...op, bodyLength: body ? (typeof body === 'number' ? body : body.length) : undefined });
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const headers = { ...r.headers };
    if (body !== undefined) headers['content-length'] = String(typeof body === 'number' ? body : body.length);
    const req = request({ host: '127.0.0.1', port: server.port, method: r.method, path: r.path, headers, agent }, (res) => {
      let bytes = 0;
      const kept = op.list ? [] : undefined; // a listing's XML is read for its next-page token
      res.on('data', (c) => {
        bytes += c.length;
        kept?.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0, bytes, text: kept && Buffer.concat(kept).toString('utf8') }));
    });
    req.on('error', reject);
    if (typeof body === 'number') {
      // Stream a large body without holding it: the same 1 MiB buffer, written repeatedly.
      const chunk = Buffer.alloc(MiB, 7);
      let left = body;
      const pump = () => {
        while (left > 0) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return req.once('drain', pump);
        }
        req.end();
      };
      pump();
    } else req.end(body);
  });
}

/** send(), refusing an answer that is not a success (its figure would flatter the server). */
export async function sendOk(server, agent, op, body) {
  const res = await send(server, agent, op, body);
  if (res.status >= 300) throw new Error(`${op.method} ${op.key ?? op.bucket} answered ${res.status}`);
  return res;
}

/** `count` requests from `concurrency` workers; with `deadline` (performance.now() ms), stops issuing at it. */
export async function load(server, makeOp, count, concurrency, body, deadline = Infinity) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const lat = [];
  let i = 0;
  let failures = 0;
  let firstFailure;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (i < count && performance.now() < deadline) {
        const n = i++;
        const res = await send(server, agent, makeOp(n), body);
        if (res.status >= 300) {
          failures++;
          firstFailure ??= res.status;
        }
        lat.push(res.ms);
      }
    }),
  );
  agent.destroy();
  const s = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  // A figure measured over failed requests would flatter the server: refuse it.
  if (failures) throw new Error(`${failures} of ${count} requests failed (first status ${firstFailure})`);
  const done = lat.length; // fewer than count when the deadline stopped it
  return { done, opsPerSec: done / s, p50: lat[Math.floor(lat.length / 2)], p99: lat[Math.floor(lat.length * 0.99)], failures, seconds: s };
}

export function rssOf(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
  } catch {
    return 0;
  }
}
