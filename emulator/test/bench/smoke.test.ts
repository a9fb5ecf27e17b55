// Issue 8: CI runs a smoke of the benchmark harness (`--quick` against local-oss alone) and checks it produces its
// table, JSON and chart. Benchmarks are not tests: no figure is compared with any threshold here.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --quick (local-oss alone)', () => {
  it('measures every metric and writes the table, the JSON and the chart', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bench/run.mjs', '--quick', '--servers=local-oss', `--out=${out}`], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    const table = readFileSync(join(out, 'quick.md'), 'utf8');
    expect(stdout).toContain(table.trim());
    const rows = table.trim().split('\n').slice(2);
    const metrics = rows.map((r) => r.split(' | ')[0]!.replace(/^\| /, ''));
    for (const expected of [
      'startup ms', 'PUT 1 KiB c1 ops/s', 'GET 1 KiB c16 ops/s', 'HEAD 1 KiB c16 ops/s', 'PUT 16 MiB MB/s',
      'GET 16 MiB MB/s', 'CopyObject 1 KiB', 'CopyObject 128 MiB', 'peak RSS during a 128 MiB PUT',
      'ListObjectsV2 page of 1000',
    ]) {
      expect(metrics.some((m) => m.startsWith(expected)), expected).toBe(true);
    }
    // Every local-oss cell holds a number: a step that failed would leave it empty ("—").
    for (const r of rows) expect(r.split(' | ')[1], r).toMatch(/^\d+(\.\d+)?$/);
    const json = JSON.parse(readFileSync(join(out, 'quick.json'), 'utf8'));
    expect(json.results['local-oss'].errors).toEqual({});
    expect(readFileSync(join(out, 'quick.svg'), 'utf8')).toMatch(/^<svg /);
  }, 180_000);
});
