// The Python SDK v2's Copier taking its multipart path (HEAD → GetObjectTagging → InitiateMultipartUpload →
// UploadPartCopy × n → Complete → CRC comparison; behaviour §9.8) against the emulator, plus its copier.py sample.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { pythonSdkV2OrSkipReason, runPythonSample, runPythonScript } from '../../../test-support/python.js';
import { raw, startTestEmulator } from '../http/support.js';

const skipReason = await pythonSdkV2OrSkipReason();
// The Copier runs from an installed package too; its copier.py sample only from a checkout.
const sampleSkipReason = await pythonSdkV2OrSkipReason({ samples: true });
if (skipReason) console.warn(`skipping Python SDK v2 copier tests: ${skipReason}`);
else if (sampleSkipReason) console.warn(`skipping the Python SDK v2 copier.py sample: ${sampleSkipReason}`);

describe.skipIf(skipReason !== undefined)('Python SDK v2 Copier', () => {
  let emu: RunningEmulator;
  const body = Buffer.alloc(700 * 1024);
  for (let i = 0; i < body.length; i++) body[i] = (i * 13) & 0xff;

  beforeAll(async () => {
    emu = await startTestEmulator();
    for (const b of ['copier-src', 'copier-dst']) await raw(emu, { method: 'PUT', bucket: b });
    await raw(emu, {
      method: 'PUT',
      bucket: 'copier-src',
      key: 'big.bin',
      body,
      headers: { 'x-oss-meta-origin': 'copier', 'x-oss-tagging': 'a=1&b=2', 'content-type': 'application/x-big' },
    });
  });
  afterAll(() => emu.close());

  it('copies through multipart (200 KiB parts, shallow copy off), keeping metadata and tags', async () => {
    const script = `
import alibabacloud_oss_v2 as oss, os
cfg = oss.config.load_default()
cfg.credentials_provider = oss.credentials.StaticCredentialsProvider(os.environ['AK'], os.environ['SK'])
cfg.region = os.environ['REGION']
cfg.endpoint = os.environ['ENDPOINT']
client = oss.Client(cfg)
copier = client.copier(part_size=200*1024, multipart_copy_threshold=100*1024, disable_shallow_copy=True)
r = copier.copy(oss.CopyObjectRequest(bucket='copier-dst', key='copied.bin', source_bucket='copier-src', source_key='big.bin'))
print('crc', r.hash_crc64)
print('etag', r.etag)
`;
    const out = await runPythonScript(script, {
      AK: emu.accessKeyId,
      SK: emu.accessKeySecret,
      REGION: emu.region,
      ENDPOINT: emu.url,
    });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/etag "[0-9A-F]{32}-4"/);
    const head = await raw(emu, { method: 'HEAD', bucket: 'copier-dst', key: 'copied.bin' });
    expect(head.headers.get('x-oss-object-type')).toBe('Multipart');
    expect(head.headers.get('x-oss-meta-origin')).toBe('copier');
    expect(head.headers.get('x-oss-tagging-count')).toBe('2');
    expect(head.headers.get('content-type')).toBe('application/x-big');
    const get = await raw(emu, { method: 'GET', bucket: 'copier-dst', key: 'copied.bin' });
    expect(get.body.equals(body)).toBe(true);
    expect(out.stdout).toContain(`crc ${head.headers.get('x-oss-hash-crc64ecma')}`);
  });

  it.skipIf(sampleSkipReason !== undefined)('runs the copier.py sample unchanged (shallow copy within a bucket)', async () => {
    const out = await runPythonSample(
      'copier.py',
      ['--region', emu.region, '--endpoint', emu.url, '--bucket', 'copier-src', '--key', 'sample-copy.bin', '--source_bucket', 'copier-src', '--source_key', 'big.bin'],
      { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    );
    expect(out.code, out.stderr).toBe(0);
    expect((await raw(emu, { method: 'GET', bucket: 'copier-src', key: 'sample-copy.bin' })).body.equals(body)).toBe(true);
  });
});
