// `npm test` runs the conformance scenarios against an in-process emulator through every driver present here,
// each scenario × driver as its own test, and checks the runner's own rules (naming, filters, cleanup). python-v2
// needs the user's own Python SDK v2, go-v1 Debian's Go and Go SDK v1: without them their scenarios are skipped,
// saying how to install them (REQUIRE_PY2_SDK=1 / REQUIRE_GO=1 make that a failure).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AliOssDriver,
  ClientDriver,
  GoV1Driver,
  OpenDalDriver,
  OssClientDriver,
  PythonV2Driver,
  RawDriver,
  Run,
  BUCKET_PREFIX,
  bucketName,
  emulatorTarget,
  junitReport,
  compare,
  parseRecording,
  recordingOf,
  ramUsersOf,
  scenarios,
  selectScenarios,
  type Result,
  type Target,
} from '@local-oss/conformance';
import { pythonSdkV2OrSkipReason } from '../../test-support/python.js';
import { goV1OrSkipReason } from '../../test-support/go.js';

const py2Unavailable = await pythonSdkV2OrSkipReason();
if (py2Unavailable) console.warn(`skipping the python-v2 conformance driver: ${py2Unavailable}`);
const goUnavailable = await goV1OrSkipReason();
if (goUnavailable) console.warn(`skipping the go-v1 conformance driver: ${goUnavailable}`);
/** The drivers that may be unavailable here, and why (undefined: available). */
const unavailable: Record<string, string | undefined> = { 'python-v2': py2Unavailable, 'go-v1': goUnavailable };
const DRIVERS = 8;

let target: Target;
let results: Result[] = [];

beforeAll(async () => {
  target = await emulatorTarget();
  const run = new Run({
    target: target.info,
    drivers: [
      new ClientDriver(target.info),
      new RawDriver(target.info, 'v4'),
      new RawDriver(target.info, 'v1'),
      new PythonV2Driver(target.info),
      new AliOssDriver(target.info),
      new OssClientDriver(target.info),
      new GoV1Driver(target.info),
      new OpenDalDriver(target.info),
    ],
    scenarios,
  });
  results = await run.execute();
}, 180_000);
afterAll(() => target.close());

describe('conformance against the emulator', () => {
  for (const s of scenarios) {
    it(`${s.id} ${s.title}`, () => {
      const mine = results.filter((r) => r.scenario === s.id);
      expect(mine.length).toBe(DRIVERS);
      for (const r of mine) {
        expect(r.status, `${r.driver}: ${r.reason ?? ''}`).not.toBe('fail');
        // Skips are only what a driver cannot express, and python-v2 or go-v1 as a whole where its SDK is missing.
        const why = unavailable[r.driver];
        if (r.status === 'skip' && why) expect(r).toMatchObject({ reason: why, unavailable: true });
        else if (r.status === 'skip') expect(r.reason, r.driver).toMatch(/cannot express/);
      }
      // Every scenario ran through at least one driver.
      expect(mine.some((r) => r.status !== 'skip')).toBe(true);
    });
  }

  // The committed baseline pins every answer (status, code, message, EC, the headers that matter), masked: a change
  // of behaviour shows here and is then re-recorded on purpose (`npm run conformance:record-baseline`).
  it('answers as the committed baseline recording (fixtures/recordings/emulator.json)', () => {
    const baseline = parseRecording(readFileSync(new URL('../../fixtures/recordings/emulator.json', import.meta.url), 'utf8'));
    const c = compare(baseline, recordingOf(target.info, results));
    expect(c.differences.map((d) => `${d.scenario} [${d.driver}] ${d.path}: ${JSON.stringify(d.recorded)} → ${JSON.stringify(d.actual)}`)).toEqual([]);
    // A new scenario needs a re-recording; python-v2 or go-v1, where it cannot run, is absent rather than different.
    expect(c.notCompared.filter((n) => n.why === 'not in the recording')).toEqual([]);
    const absent = c.notCompared.filter((n) => /is not available here/.test(n.why));
    const missing = Object.entries(unavailable).filter(([, why]) => why);
    expect(absent.length).toBe(missing.length * scenarios.length);
    for (const [driver, why] of missing) expect(absent.filter((n) => n.driver === driver).every((n) => n.why.includes(why!))).toBe(true);
  });

  it('runs oss-client, go-v1 and opendal through the scenarios they can express, each skip naming the SDK limit', () => {
    // Not a count to pin: a floor well under what each ran when it was added (oss-client 98, go-v1 67, opendal 7 of
    // 155: a path-level storage API with no options, conformance/README.md), so that a driver silently skipping
    // everything (a broken build, addresses not resolving) fails here.
    for (const [driver, floor] of [['oss-client', 90], ['go-v1', 60], ['opendal', 5]] as const) {
      if (unavailable[driver]) continue;
      const mine = results.filter((r) => r.driver === driver);
      expect(mine.filter((r) => r.status === 'pass' || r.status === 'recorded').length, driver).toBeGreaterThanOrEqual(floor);
    }
  });

  it('renders JUnit with one testsuite per driver', () => {
    const xml = junitReport(results);
    expect(xml.match(/<testsuite /g)).toHaveLength(DRIVERS);
    expect(xml).toContain(`tests="${scenarios.length}"`);
  });
});

describe('runner rules', () => {
  it('names buckets with the fixed prefix, a run id and the driver, within 63 valid characters', () => {
    const name = bucketName('a1b2c3', 'raw-v1', 'c60-worm');
    expect(name.startsWith(`${BUCKET_PREFIX}-a1b2c3-rawv1-`)).toBe(true);
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
    expect(bucketName('a1b2c3', 'client', 'x'.repeat(80)).length).toBeLessThanOrEqual(63);
  });

  it('filters by id and tags', () => {
    expect(selectScenarios(scenarios, { only: ['copy-01'] }).map((s) => s.id)).toEqual(['copy-01']);
    expect(selectScenarios(scenarios, { tags: ['worm'] }).every((s) => s.tags.includes('worm'))).toBe(true);
    expect(selectScenarios(scenarios, { skipTags: ['discovery'] }).some((s) => s.tags.includes('discovery'))).toBe(false);
  });

  it('gives RAM users only to scenarios tagged needs-ram-users, and skips those with the reason where the target has none', async () => {
    for (const s of scenarios) expect(s.tags.includes('needs-ram-users'), s.id).toBe((s.ramUsers?.length ?? 0) > 0);
    expect(ramUsersOf(scenarios).length).toBeGreaterThan(0);
    const info = { ...target.info, ramUsers: undefined }; // as --target url/oss without --ram-users
    const out = await new Run({ target: info, drivers: [new RawDriver(info)], scenarios: selectScenarios(scenarios, { tags: ['needs-ram-users'] }) }).execute();
    expect(out.length).toBeGreaterThan(0);
    for (const r of out) expect(r).toMatchObject({ status: 'skip', reason: expect.stringMatching(/needs RAM users .*--ram-users FILE/) });
  });

  it('creates only prefixed buckets, deletes all of them (also on failure) over virtual-host addressing, and keeps WORM locks behind a flag on real targets', async () => {
    const vhost = await emulatorTarget({ virtualHost: true });
    try {
      const info = { ...vhost.info, real: true }; // as against real OSS: own buckets only, WORM lock gated
      const planned: string[] = [];
      const leftBehind: string[] = [];
      const run = new Run({
        target: info,
        drivers: [new RawDriver(info)],
        scenarios: [
          ...selectScenarios(scenarios, { only: ['copy-01', 'copy-60', 'copy-65'] }),
          {
            id: 'boom',
            title: 'fails on purpose, leaving an open multipart upload and a bucket of its own behind',
            tags: ['copy'],
            run: async (ctx) => {
              await ctx.call('InitiateMultipartUpload', { bucket: ctx.buckets.B1, key: 'left-open' });
              const own = ctx.ownBucketName('boom-own');
              await ctx.call('PutBucket', { bucket: own });
              await ctx.call('InitiateMultipartUpload', { bucket: own, key: 'left-open' });
              leftBehind.push(own);
              throw new Error('boom');
            },
          },
        ],
        onPlan: (b) => planned.push(...b),
      });
      const out = await run.execute();
      expect(out.find((r) => r.scenario === 'copy-01')?.status).toBe('pass');
      expect(out.find((r) => r.scenario === 'copy-60')?.status).toBe('pass');
      expect(out.find((r) => r.scenario === 'copy-65')).toMatchObject({ status: 'skip', reason: expect.stringMatching(/allow-worm-lock/) });
      expect(out.find((r) => r.scenario === 'boom')?.status).toBe('fail');
      expect(planned.every((b) => b.startsWith(`${BUCKET_PREFIX}-${run.runId}-`))).toBe(true);
      // Nothing left behind on the server.
      const admin = new RawDriver(info);
      expect(leftBehind).toHaveLength(1);
      for (const b of [...planned, ...leftBehind]) expect((await admin.call('GetBucketWorm', { bucket: b })).code).toBe('NoSuchBucket');
    } finally {
      await vhost.close();
    }
  });
});
