// `npm test` replays the corpus of real OSS answers (fixtures/recordings/real-oss/) against an in-process emulator:
// one test per entry, failing with the entry's id, its source and each field where the emulator differs.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AliOssDriver,
  ClientDriver,
  CorpusRun,
  CORPUS_FORMAT,
  emulatorTarget,
  GoV1Driver,
  loadCorpus,
  OpenDalDriver,
  OssClientDriver,
  PythonV2Driver,
  RawDriver,
  sourceText,
  type CorpusFile,
  type CorpusResult,
  type Driver,
  type Target,
} from '@local-oss/conformance';

const dir = fileURLToPath(new URL('../../fixtures/recordings/real-oss/', import.meta.url));
const files = loadCorpus(dir);
// Real answers the emulator does not match yet, each saying why (a fix landing on main, or a difference left open).
const pending = loadCorpus(`${dir}pending/`);
const entries = files.flatMap((f) => f.entries.map((e) => ({ family: f.family, e })));

let target: Target;
let results = new Map<string, CorpusResult>();

beforeAll(async () => {
  target = await emulatorTarget({ ramUsers: [], blockPublicAccessOnNewBuckets: false });
  const out = await new CorpusRun({ target: target.info, files }).execute();
  results = new Map(out.map((r) => [r.id, r]));
}, 120_000);
afterAll(() => target.close());

describe('corpus of real OSS answers against the emulator', () => {
  it('holds at least 150 entries, each citing its source', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    for (const { e } of entries) expect(sourceText(e.source).length, e.id).toBeGreaterThan(10);
  });

  for (const { family, e } of entries) {
    it(`${family}/${e.id} (${sourceText(e.source)})`, () => {
      const r = results.get(e.id);
      expect(r, 'not run').toBeDefined();
      expect(r!.differences.map((d) => `${d.path}: captured ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`)).toEqual([]);
    });
  }
});

describe('corpus entries awaiting a fix (fixtures/recordings/real-oss/pending/)', () => {
  // Not a gate: they differ today. One that matches has had its fix land: move it into the corpus (same family file).
  it('each says why it is pending, and the ones that now match are named', async () => {
    const all = pending.flatMap((f) => f.entries);
    for (const e of all) expect(e.pending, e.id).toMatch(/\w/);
    expect(all.filter((e) => results.has(e.id))).toEqual([]); // no id in both places
    const out = await new CorpusRun({ target: target.info, files: pending }).execute();
    const now = out.filter((r) => r.status === 'pass').map((r) => r.id);
    if (now.length) console.warn(`pending corpus entries that now match (move them into the corpus): ${now.join(', ')}`);
  });
});

// Issue 25 item 5: each entry's request also goes through every driver that can express it (setups stay raw), and
// what the driver shows of the answer — status, code, message, EC, the headers it keeps — must be the captured one.
// An entry a driver cannot send is skipped with the driver's reason; XML expectations are listed as not compared.
const DRIVERS: [string, (t: Target) => Driver, number][] = [
  // [driver, how to make it, how many entries it must at least compare: it is not vacuous]
  ['raw-v1', (t) => new RawDriver(t.info, 'v1'), 200],
  ['client', (t) => new ClientDriver(t.info), 120],
  ['ali-oss', (t) => new AliOssDriver(t.info), 100],
  ['oss-client', (t) => new OssClientDriver(t.info), 50],
  ['go-v1', (t) => new GoV1Driver(t.info), 60],
  ['python-v2', (t) => new PythonV2Driver(t.info), 120],
  ['opendal', (t) => new OpenDalDriver(t.info), 10],
];

describe('corpus of real OSS answers through the other drivers', () => {
  for (const [name, make, least] of DRIVERS) {
    it(`through ${name}: every entry it can send answers as captured; the others say why`, async (ctx) => {
      const driver = make(target);
      const why = await driver.unavailable();
      if (why) ctx.skip(`${name} unavailable here: ${why}`);
      try {
        const out = await new CorpusRun({ target: target.info, files, driver }).execute();
        expect(out.length).toBe(entries.length);
        const differing = out.filter((r) => r.status === 'fail').map((r) => `${r.id} (${sourceText(r.source)}): ${r.differences.map((d) => `${d.path}: captured ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`).join('; ')}`);
        expect(differing).toEqual([]);
        for (const r of out.filter((x) => x.status === 'skip')) expect(r.reason, r.id).toMatch(/\w{3}/);
        expect(out.filter((r) => r.status === 'pass').length).toBeGreaterThanOrEqual(least);
      } finally {
        await driver.close?.();
      }
    }, 300_000);
  }
});

describe('corpus machinery', () => {
  // A wrong expectation must show as a difference: the comparison is not vacuous.
  it('reports each field that differs, with the entry id and source', async () => {
    const probe: CorpusFile = {
      format: CORPUS_FORMAT,
      family: 'probe',
      entries: [
        {
          id: 'probe-wrong',
          source: { doc: 'https://example.invalid/probe' },
          kind: 'doc-sample',
          setup: [{ api: 'PutObject', params: { bucket: '{bucket}', key: '{id}/k' }, body: 'abc', save: { etag: 'header:etag' } }],
          request: { api: 'HeadObject', params: { bucket: '{bucket}', key: '{id}/k' } },
          expect: {
            status: 200,
            headers: { etag: '{$etag}', 'x-oss-object-type': 'Appendable', 'last-modified': '{rfc1123}', 'x-oss-hash-crc64ecma': '{digits}' },
            absentHeaders: ['content-length'],
          },
        },
        {
          id: 'probe-missing',
          source: { doc: 'https://example.invalid/probe' },
          kind: 'doc-sample',
          request: { api: 'GetObject', params: { bucket: '{bucket}', key: '{id}/none' } },
          expect: { status: 404, code: 'NoSuchKey', xml: { 'Error.Key': '{id}/none' }, absentXml: ['Error.EC2'] },
        },
      ],
    };
    const out = await new CorpusRun({ target: target.info, files: [probe] }).execute();
    expect(out[0]!.differences.map((d) => d.path)).toEqual(['headers.x-oss-object-type', 'headers.content-length']);
    expect(out[0]!.differences[0]).toMatchObject({ id: 'probe-wrong', expected: 'Appendable', actual: 'Normal', source: { doc: 'https://example.invalid/probe' } });
    expect(out[1]!.differences).toEqual([]);
    // Through an SDK driver the same entries differ in the same header fields; the XML expectation is not compared.
    const client = new ClientDriver(target.info);
    const via = await new CorpusRun({ target: target.info, files: [probe], driver: client }).execute();
    expect(via[0]!.differences.map((d) => d.path)).toEqual(['headers.x-oss-object-type', 'headers.content-length']);
    expect([via[1]!.status, via[1]!.notCompared]).toEqual(['pass', ['xml.Error.Key', 'xml.Error.EC2']]);
  });
});
