// The official Python SDK v2 running its own sample scripts, unchanged, against the emulator: the seed use case
// (issue 3, 4). Each sample prints the result fields; we check what it printed and what the emulator stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { pythonSdkV2OrSkipReason, runPythonSample, sampleRunner } from '../../../test-support/python.js';
import { raw, startTestEmulator, allowPublicAccess } from '../http/support.js';

const skipReason = await pythonSdkV2OrSkipReason({ samples: true });
if (skipReason) console.warn(`skipping Python SDK v2 sample tests: ${skipReason}`);

describe.skipIf(skipReason !== undefined)('Python SDK v2 samples', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  const sample = (name: string, args: string[]) => sampleRunner(emu)(name, args);

  it('put_bucket, get_bucket_info, get_bucket_location, list_buckets', async () => {
    expect(await sample('put_bucket.py', ['--bucket', 'py-bucket'])).toMatch(/status code: 200/);
    expect(await sample('get_bucket_location.py', ['--bucket', 'py-bucket'])).toContain('oss-cn-hangzhou');
    const info = await sample('get_bucket_info.py', ['--bucket', 'py-bucket']);
    expect(info).toMatch(/status code: 200/);
    expect(info).toContain('py-bucket');
    expect(await sample('list_buckets.py', [])).toMatch(/Bucket: py-bucket, oss-cn-hangzhou/);
  });

  it('put_object, head_object, get_object, get_object_meta with matching CRC-64', async () => {
    const put = await sample('put_object.py', ['--bucket', 'py-bucket', '--key', 'dir/hello.txt']);
    expect(put).toContain('hash crc64: 5981764153023615706');
    expect(put).toContain(`etag: "5EB63BBBE01EEED093CB22BB8F5ACDC3"`);
    const head = await sample('head_object.py', ['--bucket', 'py-bucket', '--key', 'dir/hello.txt']);
    expect(head).toMatch(/status code: 200/);
    expect(head).toContain('content length: 11');
    const get = await sample('get_object.py', ['--bucket', 'py-bucket', '--key', 'dir/hello.txt']);
    expect(get).toContain('hash crc64: 5981764153023615706');
    expect(get).toContain('object type: Normal');
    const meta = await sample('get_object_meta.py', ['--bucket', 'py-bucket', '--key', 'dir/hello.txt']);
    expect(meta).toMatch(/status code: 200/);
  });

  it('copy_object: the seed scenario', async () => {
    const out = await sample('copy_object.py', [
      '--bucket', 'py-bucket', '--key', 'copy of hello.txt',
      '--source_bucket', 'py-bucket', '--source_key', 'dir/hello.txt',
    ]);
    expect(out).toMatch(/status code: 200/);
    expect(out).toContain('hash crc64: 5981764153023615706');
    expect(out).toContain('etag: "5EB63BBBE01EEED093CB22BB8F5ACDC3"');
    const get = await raw(emu, { method: 'GET', bucket: 'py-bucket', key: 'copy of hello.txt' });
    expect(get.text).toBe('hello world');
  });

  it('list_objects_v2 and list_objects', async () => {
    const v2 = await sample('list_objects_v2.py', ['--bucket', 'py-bucket']);
    expect(v2).toContain('Object: dir/hello.txt, 11,');
    expect(v2).toContain('Object: copy of hello.txt, 11,');
    expect(await sample('list_objects.py', ['--bucket', 'py-bucket'])).toContain('Object: dir/hello.txt, 11,');
  });

  it('append_object', async () => {
    const out = await sample('append_object.py', ['--bucket', 'py-bucket', '--key', 'appended.txt']);
    expect(out).toContain('next position: 5');
    expect(out).toContain('next position: 11');
    expect(out).toContain('hash crc64: 5981764153023615706');
  });

  it('put_object_acl and get_object_acl', async () => {
    await allowPublicAccess(emu, 'py-bucket'); // a new bucket blocks public ACLs (behaviour §14.15)
    expect(await sample('put_object_acl.py', ['--bucket', 'py-bucket', '--key', 'dir/hello.txt', '--acl', 'public-read'])).toMatch(/status code: 200/);
    expect(await sample('get_object_acl.py', ['--bucket', 'py-bucket', '--key', 'dir/hello.txt'])).toContain('public-read');
  });

  it('presigner_get_object: a V4 presigned URL fetched with requests', async () => {
    const out = await sample('presigner_get_object.py', ['--bucket', 'py-bucket', '--key', 'dir/hello.txt']);
    expect(out).toMatch(/status code: 200/);
    expect(out).toContain("content : b'hello world'");
  });

  it('delete_object and delete_multiple_objects', async () => {
    expect(await sample('delete_object.py', ['--bucket', 'py-bucket', '--key', 'appended.txt'])).toMatch(/status code: 204/);
    expect((await raw(emu, { method: 'GET', bucket: 'py-bucket', key: 'appended.txt' })).status).toBe(404);
    const multi = await sample('delete_multiple_objects.py', ['--bucket', 'py-bucket', '--key', 'copy of hello.txt']);
    expect(multi).toMatch(/status code: 200/);
    expect((await raw(emu, { method: 'GET', bucket: 'py-bucket', key: 'copy of hello.txt' })).status).toBe(404);
  });

  it('a wrong secret gets SignatureDoesNotMatch', async () => {
    const result = await runPythonSample('head_object.py', ['--region', emu.region, '--endpoint', emu.url, '--bucket', 'py-bucket', '--key', 'dir/hello.txt'], {
      accessKeyId: emu.accessKeyId,
      accessKeySecret: 'not-the-secret',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('SignatureDoesNotMatch');
  });
});
