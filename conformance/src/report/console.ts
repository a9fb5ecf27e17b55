// Console summary: one row per scenario, one column per driver (pass / FAIL / skip / rec), then why cells were
// skipped (each reason once, with its count) and the failures.
import type { Result } from '../runner.js';

const MARK = { pass: 'pass', fail: 'FAIL', skip: 'skip', recorded: 'rec' } as const;

export function consoleReport(results: Result[]): string {
  const drivers = [...new Set(results.map((r) => r.driver))];
  const scenarios = [...new Map(results.map((r) => [r.scenario, r.title])).entries()];
  const cell = (s: string, d: string) => MARK[results.find((r) => r.scenario === s && r.driver === d)?.status ?? 'skip'];
  const lines = [['scenario', ...drivers].join('\t')];
  for (const [id] of scenarios) lines.push([id, ...drivers.map((d) => cell(id, d))].join('\t'));
  const count = (st: Result['status']) => results.filter((r) => r.status === st).length;
  lines.push('', `${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped, ${count('recorded')} recorded`);
  const skips = new Map<string, number>();
  for (const r of results) if (r.status === 'skip') skips.set(r.reason ?? 'no reason given', (skips.get(r.reason ?? 'no reason given') ?? 0) + 1);
  for (const [reason, n] of skips) lines.push(`skip ×${n}: ${reason}`);
  for (const r of results.filter((x) => x.status === 'fail')) lines.push(`FAIL ${r.scenario} [${r.driver}] ${r.title}: ${r.reason}`);
  return lines.join('\n');
}
