// Bucket overwrite protection (behaviour §14.4): the configuration's document, and its rules applied by the landing
// funnel (api/landing.ts checkLanding) to every write API, through raw HTTP and our client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssServiceError, type OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import type { UserIdentity } from '../../src/domain/identities.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator, xmlValue } from './support.js';

const writer: UserIdentity = {
  kind: 'user',
  name: 'writer',
  uid: '203456789012345678',
  accessKeyId: 'ak-writer',
  accessKeySecret: 'secret-writer',
  policies: [parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:*'], Resource: '*' }] })],
};

let emu: RunningEmulator;
let client: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator({ config: { accountId: '1000000000000000', users: [writer], sts: [], kms: { keys: [] } } });
  client = ownerClient(emu);
});
afterAll(() => emu.close());

async function refused(p: Promise<unknown>): Promise<OssServiceError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OssServiceError);
  return err as OssServiceError;
}

function rulesXml(rules: { id?: string; action?: string; prefix?: string; suffix?: string; principals?: string[] }[]): string {
  const rule = (r: (typeof rules)[number]) =>
    '<Rule>' +
    (r.id !== undefined ? `<ID>${r.id}</ID>` : '') +
    `<Action>${r.action ?? 'forbid'}</Action>` +
    (r.prefix !== undefined ? `<Prefix>${r.prefix}</Prefix>` : '') +
    (r.suffix !== undefined ? `<Suffix>${r.suffix}</Suffix>` : '') +
    (r.principals ? `<Principals>${r.principals.map((p) => `<Principal>${p}</Principal>`).join('')}</Principals>` : '') +
    '</Rule>';
  return `<OverwriteConfiguration>${rules.map(rule).join('')}</OverwriteConfiguration>`;
}

async function protect(bucket: string, rules: Parameters<typeof rulesXml>[0]): Promise<void> {
  const res = await raw(emu, { method: 'PUT', bucket, query: [['overwriteConfig', undefined]], body: rulesXml(rules) });
  expect(res.status).toBe(200);
}

describe('the configuration document', () => {
  it('404 before any, the rules in the documented element order after a put, 204 on delete', async () => {
    await client.putBucket({ bucket: 'ow-doc' });
    const none = await raw(emu, { method: 'GET', bucket: 'ow-doc', query: [['overwriteConfig', undefined]] });
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchOverwriteConfiguration']);
    await client.putBucketOverwriteConfig({
      bucket: 'ow-doc',
      overwriteConfiguration: {
        rules: [
          { id: 'rule1', action: 'forbid', prefix: 'a/', suffix: '.txt', principals: { principals: ['111', '222'] } },
          { action: 'forbid', suffix: '.jpg' },
        ],
      },
    });
    const res = await raw(emu, { method: 'GET', bucket: 'ow-doc', query: [['overwriteConfig', undefined]] });
    expect(res.text).toContain(
      '<OverwriteConfiguration><Rule><ID>rule1</ID><Action>forbid</Action><Prefix>a/</Prefix><Suffix>.txt</Suffix><Principals><Principal>111</Principal><Principal>222</Principal></Principals></Rule><Rule><ID>',
    );
    const got = (await client.getBucketOverwriteConfig({ bucket: 'ow-doc' })).overwriteConfiguration.rules!;
    // A rule without ID gets a UUID (API reference).
    expect(got[1]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(got[1]!.suffix).toBe('.jpg');
    expect((await client.deleteBucketOverwriteConfig({ bucket: 'ow-doc' })).statusCode).toBe(204);
    expect((await refused(client.getBucketOverwriteConfig({ bucket: 'ow-doc' }))).status).toBe(404);
  });

  it("refuses OSS's limits, and a refusal changes nothing", async () => {
    await client.putBucket({ bucket: 'ow-limits' });
    await protect('ow-limits', [{ id: 'kept', prefix: 'k/' }]);
    const before = snapshot(emu);
    const bad: [string, string, string][] = [
      ['101 rules', rulesXml(Array.from({ length: 101 }, (_, i) => ({ id: `r${i}` }))), 'InvalidArgument'],
      ['an action other than forbid', rulesXml([{ action: 'allow' }]), 'InvalidArgument'],
      ['a 1024-character prefix', rulesXml([{ prefix: 'p'.repeat(1024) }]), 'InvalidArgument'],
      ['a 1024-character suffix', rulesXml([{ suffix: 's'.repeat(1024) }]), 'InvalidArgument'],
      ['two rules with one ID', rulesXml([{ id: 'same' }, { id: 'same' }]), 'InvalidArgument'],
      ['another root', '<Overwrite><Rule/></Overwrite>', 'MalformedXML'],
      ['not XML', '<OverwriteConfiguration>', 'MalformedXML'],
    ];
    for (const [what, body, code] of bad) {
      const res = await raw(emu, { method: 'PUT', bucket: 'ow-limits', query: [['overwriteConfig', undefined]], body });
      expect([res.status, errorCode(res)], what).toEqual([400, code]);
    }
    expect(snapshot(emu)).toBe(before);
    // At the limits: 100 rules, 1023 characters.
    await protect('ow-limits', Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, prefix: i === 0 ? 'p'.repeat(1023) : undefined })));
    expect((await client.getBucketOverwriteConfig({ bucket: 'ow-limits' })).overwriteConfiguration.rules).toHaveLength(100);
  });
});

describe('the rules, applied by every write', () => {
  const bucket = 'ow-writes';
  beforeAll(async () => {
    await client.putBucket({ bucket });
    for (const key of ['a/x.txt', 'a/y.log', 'b/x.txt', 'mine/x.txt']) await client.putObject({ bucket, key, body: 'original' });
    await protect(bucket, [
      { id: 'txt-under-a', prefix: 'a/', suffix: '.txt' },
      { id: 'writer-only', prefix: 'mine/', principals: [writer.uid!] },
    ]);
  });

  function expectFileAlreadyExists(res: { status: number; text: string; headers: Headers }, ec: string): void {
    expect([res.status, errorCode(res as never)]).toEqual([409, 'FileAlreadyExists']);
    expect(xmlValue(res.text, 'Message')).toBe('The object you specified already exists and can not be overwritten.');
    expect(res.headers.get('x-oss-ec')).toBe(ec);
  }

  async function body(key: string): Promise<string> {
    return (await raw(emu, { method: 'GET', bucket, key })).text;
  }

  it('PutObject: refused on a matching key, changing nothing; other keys and new keys are written', async () => {
    const before = snapshot(emu);
    expectFileAlreadyExists(await raw(emu, { method: 'PUT', bucket, key: 'a/x.txt', body: 'replacement' }), '0026-00000006');
    expect((await refused(client.putObject({ bucket, key: 'a/x.txt', body: 'replacement' }))).code).toBe('FileAlreadyExists');
    expect(snapshot(emu)).toBe(before);
    expect(await body('a/x.txt')).toBe('original');
    // Prefix and suffix must both match.
    expect((await raw(emu, { method: 'PUT', bucket, key: 'a/y.log', body: 'new' })).status).toBe(200);
    expect((await raw(emu, { method: 'PUT', bucket, key: 'b/x.txt', body: 'new' })).status).toBe(200);
    // Only an overwrite is refused: a new key under the rule is written.
    expect((await raw(emu, { method: 'PUT', bucket, key: 'a/new.txt', body: 'first' })).status).toBe(200);
  });

  it('CopyObject: refused onto a matching key, allowed from it', async () => {
    const before = snapshot(emu);
    const res = await raw(emu, { method: 'PUT', bucket, key: 'a/x.txt', headers: { 'x-oss-copy-source': `/${bucket}/b/x.txt` } });
    expectFileAlreadyExists(res, '0026-00000006');
    expect(snapshot(emu)).toBe(before);
    const from = await client.copyObject({ bucket, key: 'b/copy.txt', sourceBucket: bucket, sourceKey: 'a/x.txt' });
    expect(from.statusCode).toBe(200);
  });

  it("CompleteMultipartUpload: refused with Complete's EC; the upload stays and can be aborted", async () => {
    const init = await client.initiateMultipartUpload({ bucket, key: 'a/x.txt' });
    const part = await client.uploadPart({ bucket, key: 'a/x.txt', uploadId: init.uploadId!, partNumber: 1, body: 'part' });
    const before = snapshot(emu);
    const res = await raw(emu, {
      method: 'POST',
      bucket,
      key: 'a/x.txt',
      query: [['uploadId', init.uploadId!]],
      body: `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${part.etag}</ETag></Part></CompleteMultipartUpload>`,
    });
    expectFileAlreadyExists(res, '0042-00000214');
    expect(snapshot(emu)).toBe(before);
    expect(await body('a/x.txt')).toBe('original');
    expect((await client.abortMultipartUpload({ bucket, key: 'a/x.txt', uploadId: init.uploadId! })).statusCode).toBe(204);
  });

  it('AppendObject: the first append creates under a rule; appends only add bytes, and are not refused [I]', async () => {
    const first = await raw(emu, { method: 'POST', bucket, key: 'a/log.txt', query: [['append', undefined], ['position', '0']], body: 'one' });
    expect(first.status).toBe(200);
    const next = await raw(emu, { method: 'POST', bucket, key: 'a/log.txt', query: [['append', undefined], ['position', '3']], body: 'two' });
    expect(next.status).toBe(200);
    expect(await body('a/log.txt')).toBe('onetwo');
    // Replacing the appendable object with a PUT is an overwrite.
    expectFileAlreadyExists(await raw(emu, { method: 'PUT', bucket, key: 'a/log.txt', body: 'gone' }), '0026-00000006');
  });

  it('Principals: the rule applies to the users it names, not to others', async () => {
    const asWriter = { accessKeyId: writer.accessKeyId, accessKeySecret: writer.accessKeySecret };
    expectFileAlreadyExists(await raw(emu, { method: 'PUT', bucket, key: 'mine/x.txt', body: 'w', credentials: asWriter }), '0026-00000006');
    // The owner is not named: its overwrite goes through.
    expect((await raw(emu, { method: 'PUT', bucket, key: 'mine/x.txt', body: 'owner' })).status).toBe(200);
    expect(await body('mine/x.txt')).toBe('owner');
  });

  it('a rule without Principals, or with *, applies to the owner too', async () => {
    await client.putBucket({ bucket: 'ow-star' });
    await client.putObject({ bucket: 'ow-star', key: 'k', body: 'v' });
    await protect('ow-star', [{ principals: ['*'] }]);
    expectFileAlreadyExists(await raw(emu, { method: 'PUT', bucket: 'ow-star', key: 'k', body: 'x' }), '0026-00000006');
    await protect('ow-star', [{ prefix: 'k' }]);
    expectFileAlreadyExists(await raw(emu, { method: 'PUT', bucket: 'ow-star', key: 'k', body: 'x' }), '0026-00000006');
    await client.deleteBucketOverwriteConfig({ bucket: 'ow-star' });
    expect((await raw(emu, { method: 'PUT', bucket: 'ow-star', key: 'k', body: 'x' })).status).toBe(200);
  });

  it('has no effect once versioning has been on (user guide "Prevent file overwrites")', async () => {
    await client.putBucket({ bucket: 'ow-versioned' });
    await client.putObject({ bucket: 'ow-versioned', key: 'k', body: 'v1' });
    await protect('ow-versioned', [{}]);
    expect((await raw(emu, { method: 'PUT', bucket: 'ow-versioned', key: 'k', body: 'v2' })).status).toBe(409);
    await client.putBucketVersioning({ bucket: 'ow-versioned', versioningConfiguration: { status: 'Enabled' } });
    expect((await raw(emu, { method: 'PUT', bucket: 'ow-versioned', key: 'k', body: 'v2' })).status).toBe(200);
    await client.putBucketVersioning({ bucket: 'ow-versioned', versioningConfiguration: { status: 'Suspended' } });
    expect((await raw(emu, { method: 'PUT', bucket: 'ow-versioned', key: 'k', body: 'v3' })).status).toBe(200);
  });
});
