// The landing funnel (api/landing.ts) and the one immutability rule (domain/immutability.ts), through every write
// API: no held, retained or WORM-protected version is ever replaced or removed, whichever API tries.
//   - Set-ups OSS refuses are refused (object-level WORM needs versioning Enabled, bucket WORM excludes versioning).
//   - Data that predates those refusals (a data directory written by an earlier local-oss, where a hold could sit on
//     an unversioned or Suspended bucket's `null` version) is still protected: the evidence's two data-destroying
//     cases, CopyObject over a held object and PutObject over a held `null` version (sdk-suites "Safety").
//   - In an Enabled bucket an overwrite removes nothing, so it lands; the held version stays, and only deleting that
//     version by id is refused.
// The emulator runs with --worm-copy-rule protected-only, so that the funnel alone decides every copy here.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, snapshot, startTestEmulator, xmlValue, type RawResponse } from './support.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ wormCopyRule: 'protected-only' });
});
afterAll(() => emu.close());

const KEY = 'held.txt';
const md5 = (body: string) => createHash('md5').update(body).digest('base64');
const future = () => new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
let n = 0;

type Protection = 'legal hold' | 'GOVERNANCE retention' | 'COMPLIANCE retention' | 'bucket retention policy';
type BucketState = 'unversioned' | 'Suspended';
type WriteApi = 'PutObject' | 'CopyObject' | 'CompleteMultipartUpload' | 'AppendObject' | 'DeleteObject' | 'DeleteMultipleObjects';

async function ok(res: Promise<RawResponse>, status = 200): Promise<RawResponse> {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return r;
}

/** A bucket whose `null` version of KEY is protected; `appendable` makes it an Appendable object. */
async function protectedBucket(state: BucketState, protection: Protection, appendable: boolean): Promise<string> {
  const bucket = `landing-${++n}`;
  await ok(raw(emu, { method: 'PUT', bucket }));
  const versioning = (status: string) =>
    raw(emu, { method: 'PUT', bucket, query: [['versioning', undefined]], body: `<VersioningConfiguration><Status>${status}</Status></VersioningConfiguration>` });
  if (state === 'Suspended') {
    await ok(versioning('Enabled'));
    await ok(versioning('Suspended'));
  }
  if (appendable) await ok(raw(emu, { method: 'POST', bucket, key: KEY, query: [['append', undefined], ['position', '0']], body: 'first' }));
  else await ok(raw(emu, { method: 'PUT', bucket, key: KEY, body: 'first' }));
  await ok(raw(emu, { method: 'PUT', bucket, key: 'source.txt', body: 'other bytes' }));
  if (protection === 'bucket retention policy') {
    await ok(raw(emu, { method: 'POST', bucket, query: [['worm', undefined]], body: '<InitiateWormConfiguration><RetentionPeriodInDays>1</RetentionPeriodInDays></InitiateWormConfiguration>' }));
    return bucket;
  }
  // What an earlier version's data directory can hold: ObjectWorm on, and a protected `null` version.
  const store = emu.store;
  const held = store.objects.version(bucket, KEY, 'null')!;
  store.tx(() => {
    store.buckets.setDocument(bucket, 'object_worm', { enabled: true });
    if (protection === 'legal hold') store.objects.setLegalHold(held.id, 'ON');
    else store.objects.setRetention(held.id, { mode: protection === 'GOVERNANCE retention' ? 'GOVERNANCE' : 'COMPLIANCE', retainUntilDate: future() });
  });
  return bucket;
}

async function write(api: WriteApi, bucket: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  switch (api) {
    case 'PutObject':
      return raw(emu, { method: 'PUT', bucket, key: KEY, body: 'replacement', headers });
    case 'CopyObject':
      return raw(emu, { method: 'PUT', bucket, key: KEY, headers: { 'x-oss-copy-source': `/${bucket}/source.txt`, ...headers } });
    case 'CompleteMultipartUpload': {
      const init = await ok(raw(emu, { method: 'POST', bucket, key: KEY, query: [['uploads', undefined]] }));
      const uploadId = xmlValue(init.text, 'UploadId')!;
      const part = await ok(raw(emu, { method: 'PUT', bucket, key: KEY, query: [['partNumber', '1'], ['uploadId', uploadId]], body: 'part one' }));
      const body = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${part.headers.get('etag')}</ETag></Part></CompleteMultipartUpload>`;
      const res = await raw(emu, { method: 'POST', bucket, key: KEY, query: [['uploadId', uploadId]], body, headers });
      if (res.status !== 200) await raw(emu, { method: 'DELETE', bucket, key: KEY, query: [['uploadId', uploadId]] });
      return res;
    }
    case 'AppendObject':
      return raw(emu, { method: 'POST', bucket, key: KEY, query: [['append', undefined], ['position', '5']], body: ' more', headers });
    case 'DeleteObject':
      return raw(emu, { method: 'DELETE', bucket, key: KEY, headers });
    case 'DeleteMultipleObjects': {
      const body = `<Delete><Quiet>false</Quiet><Object><Key>${KEY}</Key></Object></Delete>`;
      return raw(emu, { method: 'POST', bucket, query: [['delete', undefined]], body, headers: { 'content-md5': md5(body), ...headers } });
    }
  }
}

const PROTECTIONS: Protection[] = ['legal hold', 'GOVERNANCE retention', 'COMPLIANCE retention', 'bucket retention policy'];
const STATES: BucketState[] = ['unversioned', 'Suspended'];
const WRITES: WriteApi[] = ['PutObject', 'CopyObject', 'CompleteMultipartUpload', 'AppendObject', 'DeleteObject', 'DeleteMultipleObjects'];

describe('every write API through the landing funnel', () => {
  for (const state of STATES) {
    for (const protection of PROTECTIONS) {
      // A bucket retention policy cannot be set on a bucket that has had versioning (EC 0027-00000003).
      if (state === 'Suspended' && protection === 'bucket retention policy') continue;
      for (const api of WRITES) {
        it(`${api} over a ${protection} in a ${state} bucket: 409 FileImmutable, nothing changed`, async () => {
          const bucket = await protectedBucket(state, protection, api === 'AppendObject');
          const multipartState = api === 'CompleteMultipartUpload';
          const before = snapshot(emu);
          const res = await write(api, bucket);
          expect(res.status, res.text).toBe(409);
          expect(errorCode(res)).toBe('FileImmutable');
          if (!multipartState) expect(snapshot(emu)).toBe(before);
          const get = await ok(raw(emu, { method: 'GET', bucket, key: KEY }));
          expect(get.text).toBe('first');
        });
      }
    }
  }

  it('GOVERNANCE yields to x-oss-bypass-governance-retention on delete; COMPLIANCE and holds do not', async () => {
    const gov = await protectedBucket('unversioned', 'GOVERNANCE retention', false);
    await ok(write('DeleteObject', gov, { 'x-oss-bypass-governance-retention': 'true' }), 204);
    for (const protection of ['COMPLIANCE retention', 'legal hold'] as const) {
      const bucket = await protectedBucket('unversioned', protection, false);
      const res = await write('DeleteObject', bucket, { 'x-oss-bypass-governance-retention': 'true' });
      expect(errorCode(res), protection).toBe('FileImmutable');
    }
  });

  it('forbid-overwrite is checked by the same funnel for PutObject, CopyObject and CompleteMultipartUpload', async () => {
    const bucket = `landing-${++n}`;
    await ok(raw(emu, { method: 'PUT', bucket }));
    await ok(raw(emu, { method: 'PUT', bucket, key: KEY, body: 'first' }));
    await ok(raw(emu, { method: 'PUT', bucket, key: 'source.txt', body: 'other bytes' }));
    for (const api of ['PutObject', 'CopyObject', 'CompleteMultipartUpload'] as const) {
      const res = await write(api, bucket, { 'x-oss-forbid-overwrite': 'true' });
      expect(res.status, api).toBe(409);
      expect(errorCode(res), api).toBe('FileAlreadyExists');
    }
    expect((await ok(raw(emu, { method: 'GET', bucket, key: KEY }))).text).toBe('first');
  });
});

describe('an Enabled bucket with object-level WORM', () => {
  it('lands every overwrite as a new version, keeps the held one, and refuses deleting it by id', async () => {
    const bucket = `landing-${++n}`;
    await ok(raw(emu, { method: 'PUT', bucket }));
    await ok(raw(emu, { method: 'PUT', bucket, query: [['versioning', undefined]], body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' }));
    await ok(raw(emu, { method: 'PUT', bucket, query: [['objectWorm', undefined]], body: '<ObjectWormConfiguration><ObjectWormEnabled>Enabled</ObjectWormEnabled></ObjectWormConfiguration>' }));
    const put = await ok(raw(emu, { method: 'PUT', bucket, key: KEY, body: 'first' }));
    const held = put.headers.get('x-oss-version-id')!;
    await ok(raw(emu, { method: 'PUT', bucket, key: 'source.txt', body: 'other bytes' }));
    await ok(raw(emu, { method: 'PUT', bucket, key: KEY, query: [['legalHold', undefined], ['versionId', held]], body: '<LegalHold><Status>ON</Status></LegalHold>' }));

    for (const api of ['PutObject', 'CopyObject', 'CompleteMultipartUpload'] as const) {
      const res = await ok(write(api, bucket));
      expect(res.headers.get('x-oss-version-id'), api).not.toBe(held);
    }
    await ok(write('DeleteObject', bucket), 204); // a delete marker removes nothing
    const refused = await raw(emu, { method: 'DELETE', bucket, key: KEY, query: [['versionId', held]] });
    expect(errorCode(refused)).toBe('FileImmutable');
    const body = `<Delete><Object><Key>${KEY}</Key><VersionId>${held}</VersionId></Object></Delete>`;
    const many = await raw(emu, { method: 'POST', bucket, query: [['delete', undefined]], headers: { 'content-md5': md5(body) }, body });
    expect(errorCode(many)).toBe('FileImmutable');
    const kept = await ok(raw(emu, { method: 'GET', bucket, key: KEY, query: [['versionId', held]] }));
    expect(kept.text).toBe('first');
  });
});

describe('set-ups OSS refuses', () => {
  it('object-level WORM on an unversioned or Suspended bucket; suspending it afterwards; bucket WORM beside versioning', async () => {
    const conf = '<ObjectWormConfiguration><ObjectWormEnabled>Enabled</ObjectWormEnabled></ObjectWormConfiguration>';
    const versioning = (bucket: string, status: string) =>
      raw(emu, { method: 'PUT', bucket, query: [['versioning', undefined]], body: `<VersioningConfiguration><Status>${status}</Status></VersioningConfiguration>` });
    const objectWorm = (bucket: string) => raw(emu, { method: 'PUT', bucket, query: [['objectWorm', undefined]], body: conf });
    const bucketWorm = (bucket: string) =>
      raw(emu, { method: 'POST', bucket, query: [['worm', undefined]], body: '<InitiateWormConfiguration><RetentionPeriodInDays>1</RetentionPeriodInDays></InitiateWormConfiguration>' });

    const plain = `landing-${++n}`;
    await ok(raw(emu, { method: 'PUT', bucket: plain }));
    expect(errorCode(await objectWorm(plain))).toBe('InvalidRequest');
    await ok(versioning(plain, 'Enabled'));
    await ok(versioning(plain, 'Suspended'));
    expect(errorCode(await objectWorm(plain))).toBe('InvalidRequest');
    const refusedWorm = await bucketWorm(plain);
    expect(errorCode(refusedWorm)).toBe('InvalidRequest');
    expect(refusedWorm.headers.get('x-oss-ec')).toBe('0027-00000003');
    await ok(versioning(plain, 'Enabled'));
    await ok(objectWorm(plain));
    expect(errorCode(await versioning(plain, 'Suspended'))).toBe('InvalidRequest');

    const worm = `landing-${++n}`;
    await ok(raw(emu, { method: 'PUT', bucket: worm }));
    await ok(bucketWorm(worm));
    const refusedVersioning = await versioning(worm, 'Enabled');
    expect(errorCode(refusedVersioning)).toBe('InvalidRequest');
    expect(refusedVersioning.headers.get('x-oss-ec')).toBe('0012-00000006');
    expect(errorCode(await objectWorm(worm))).toBe('InvalidRequest');
  });
});
