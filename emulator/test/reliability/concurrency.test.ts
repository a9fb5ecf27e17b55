// Issue 9: concurrent writers see atomic results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator } from '../http/support.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket: 'conc' });
  await raw(emu, { method: 'PUT', bucket: 'conc', key: 'src', body: 'source' });
  await raw(emu, { method: 'PUT', bucket: 'concv' });
  await raw(emu, { method: 'PUT', bucket: 'concv', query: [['versioning', undefined]], body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' });
});
afterAll(() => emu.close());

describe('concurrency', () => {
  it('50 concurrent copies with x-oss-forbid-overwrite to one key: exactly one 200, 49 × 409 FileAlreadyExists', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        raw(emu, { method: 'PUT', bucket: 'conc', key: 'once', headers: { 'x-oss-copy-source': '/conc/src', 'x-oss-forbid-overwrite': 'true' } }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(49);
    expect(refused.every((a) => errorCode(a) === 'FileAlreadyExists')).toBe(true);
  });

  it('30 concurrent PUTs with x-oss-forbid-overwrite (one group commit): one lands, 29 × 409, no chunk left behind', async () => {
    const chunks = () => emu.store.db.prepare('SELECT count(*) FROM chunks').pluck().get() as number;
    const before = chunks();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        raw(emu, { method: 'PUT', bucket: 'conc', key: 'put-once', body: `body ${i}`, headers: { 'x-oss-forbid-overwrite': 'true' } }),
      ),
    );
    const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409 && errorCode(a) === 'FileAlreadyExists')).toHaveLength(29);
    expect((await raw(emu, { method: 'GET', bucket: 'conc', key: 'put-once' })).text).toBe(`body ${winners[0]}`);
    expect(chunks()).toBe(before + 1);
  });

  it('concurrent PUTs to one key in a versioned bucket: all versions distinct and listed', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => raw(emu, { method: 'PUT', bucket: 'concv', key: 'hot', body: `v${i}` })),
    );
    const ids = answers.map((a) => a.headers.get('x-oss-version-id'));
    expect(new Set(ids).size).toBe(40);
    const list = await raw(emu, { method: 'GET', bucket: 'concv', query: [['versions', undefined]] });
    for (const id of ids) expect(list.text).toContain(`<VersionId>${id}</VersionId>`);
    expect(list.text.match(/<IsLatest>true<\/IsLatest>/g)).toHaveLength(1);
  });

  it('readers never see a torn object while writers replace it', async () => {
    const bodies = ['a', 'b', 'c', 'd'].map((c) => Buffer.alloc(2 * 1024 * 1024 + 17, c));
    await raw(emu, { method: 'PUT', bucket: 'conc', key: 'swap', body: bodies[0] });
    const writers = Array.from({ length: 12 }, (_, i) => raw(emu, { method: 'PUT', bucket: 'conc', key: 'swap', body: bodies[i % 4] }));
    const readers = Array.from({ length: 12 }, () => raw(emu, { method: 'GET', bucket: 'conc', key: 'swap' }));
    await Promise.all(writers);
    for (const r of await Promise.all(readers)) {
      expect(r.status).toBe(200);
      expect(bodies.some((b) => b.equals(r.body))).toBe(true);
    }
  });

  it('concurrent multipart completes of one upload: one succeeds, the others find no upload', async () => {
    const init = await raw(emu, { method: 'POST', bucket: 'conc', key: 'mp', query: [['uploads', undefined]] });
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(init.text)![1]!;
    const part = await raw(emu, { method: 'PUT', bucket: 'conc', key: 'mp', query: [['partNumber', '1'], ['uploadId', uploadId]], body: 'part' });
    const body = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${part.headers.get('etag')}</ETag></Part></CompleteMultipartUpload>`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => raw(emu, { method: 'POST', bucket: 'conc', key: 'mp', query: [['uploadId', uploadId]], body })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => errorCode(a) === 'NoSuchUpload')).toHaveLength(9);
  });
});
