// Fidelity on the evidence (issue 18): each block pins one difference the audit of 2026-12-01 found between the
// emulator and a captured real-OSS answer (../shared/evidence/audit-2026-12-01.md, sdk-suites-2026-12-01.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
const bucket = 'fidelity';

beforeAll(async () => {
  emu = await startTestEmulator();
  expect((await raw(emu, { method: 'PUT', bucket })).status).toBe(200);
});
afterAll(() => emu.close());

const put = (key: string, body: string | Buffer = 'x', headers: Record<string, string> = {}, b = bucket) =>
  raw(emu, { method: 'PUT', bucket: b, key, body, headers });

async function initiate(key: string, b = bucket): Promise<string> {
  const res = await raw(emu, { method: 'POST', bucket: b, key, query: [['uploads', undefined]] });
  expect(res.status).toBe(200);
  return xmlValue(res.text, 'UploadId')!;
}

describe('audit #1: XML timestamps are whole seconds and agree with Last-Modified', () => {
  it('every XML document writes .000Z', async () => {
    const key = 'time/obj';
    await put(key, 'hello');
    await raw(emu, { method: 'PUT', bucket, key: 'time/copy', headers: { 'x-oss-copy-source': `/${bucket}/${key}` } });
    const id = await initiate('time/mp');
    const docs = [
      await raw(emu, { method: 'PUT', bucket, key: 'time/copy2', headers: { 'x-oss-copy-source': `/${bucket}/${key}` } }),
      await raw(emu, { method: 'GET', bucket, query: [['prefix', 'time/']] }),
      await raw(emu, { method: 'GET', bucket, query: [['list-type', '2'], ['prefix', 'time/']] }),
      await raw(emu, { method: 'GET', bucket, query: [['versions', undefined], ['prefix', 'time/']] }),
      await raw(emu, { method: 'GET' }),
      await raw(emu, { method: 'GET', bucket, query: [['uploads', undefined]] }),
      await raw(emu, { method: 'PUT', bucket, key: 'time/mp', query: [['partNumber', '1'], ['uploadId', id]], headers: { 'x-oss-copy-source': `/${bucket}/${key}` } }),
      await raw(emu, { method: 'GET', bucket, key: 'time/mp', query: [['uploadId', id]] }),
      await raw(emu, { method: 'GET', bucket, query: [['bucketInfo', undefined]] }),
    ];
    for (const res of docs) {
      expect(res.status, res.text).toBe(200);
      const stamps = [...res.text.matchAll(/<(LastModified|CreationDate|Initiated)>([^<]*)</g)].map((m) => m[2]);
      expect(stamps.length, res.text).toBeGreaterThan(0);
      for (const t of stamps) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    }
    const head = await raw(emu, { method: 'HEAD', bucket, key });
    const listed = xmlValue(docs[1]!.text, 'LastModified')!;
    expect(Date.parse(listed)).toBe(Date.parse(head.headers.get('last-modified')!));
  });
});
