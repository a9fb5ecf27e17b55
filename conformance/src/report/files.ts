// Machine-readable reports: JSON (everything, including what discovery scenarios recorded) and JUnit XML.
import { XMLBuilder } from 'fast-xml-parser';
import type { Result } from '../runner.js';
import type { TargetInfo } from '../model.js';
import type { Comparison } from '../recording.js';

export function jsonReport(target: TargetInfo, results: Result[], comparison?: Comparison): string {
  return JSON.stringify({ target: { name: target.name, endpoint: target.endpoint, region: target.region }, results, ...(comparison ? { comparison } : {}) }, null, 2);
}

const junit = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

export function junitReport(results: Result[]): string {
  const drivers = [...new Set(results.map((r) => r.driver))];
  const suites = drivers.map((d) => {
    const mine = results.filter((r) => r.driver === d);
    return {
      '@name': `oss-conformance ${d}`,
      '@tests': String(mine.length),
      '@failures': String(mine.filter((r) => r.status === 'fail').length),
      '@skipped': String(mine.filter((r) => r.status === 'skip').length),
      testcase: mine.map((r) => ({
        '@classname': `oss-conformance.${d}`,
        '@name': `${r.scenario} ${r.title}`,
        '@time': (r.ms / 1000).toFixed(3),
        ...(r.status === 'fail' ? { failure: { '@message': r.reason ?? 'failed' } } : {}),
        ...(r.status === 'skip' ? { skipped: { '@message': r.reason ?? '' } } : {}),
        ...(r.recorded ? { 'system-out': JSON.stringify(r.recorded) } : {}),
      })),
    };
  });
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + junit.build({ testsuites: { testsuite: suites } });
}
