// Issue 4: the Python SDK v2's own samples for versioning, tagging, bucket WORM and object retention, unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { pythonSdkV2OrSkipReason, runPythonSample, sampleRunner } from '../../../test-support/python.js';
import { raw, startTestEmulator } from '../http/support.js';

const skipReason = await pythonSdkV2OrSkipReason({ samples: true });
if (skipReason) console.warn(`skipping Python SDK v2 versioning/WORM samples: ${skipReason}`);

describe.skipIf(skipReason !== undefined)('Python SDK v2 samples: versioning, tagging, WORM, retention', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
    for (const b of ['py-versions', 'py-worm', 'py-retention']) await raw(emu, { method: 'PUT', bucket: b });
  });
  afterAll(() => emu.close());

  const sample = (name: string, args: string[]) => sampleRunner(emu)(name, args);

  it('put_bucket_version, copy_object with version ids, list_object_versions', async () => {
    expect(await sample('put_bucket_version.py', ['--bucket', 'py-versions'])).toMatch(/status code: 200/);
    await raw(emu, { method: 'PUT', bucket: 'py-versions', key: 'doc.txt', body: 'one' });
    const copy = await sample('copy_object.py', ['--bucket', 'py-versions', '--key', 'copy.txt', '--source_bucket', 'py-versions', '--source_key', 'doc.txt']);
    expect(copy).toMatch(/status code: 200, request id: [0-9A-F]{24}, version id: CAEQ[\w.-]+, hash crc64: \d+, source version id: CAEQ[\w.-]+,/);
    const list = await sample('list_object_versions.py', ['--bucket', 'py-versions']);
    expect(list).toMatch(/Object version: doc\.txt, 3, CAEQ/);
    expect(list).toMatch(/Object version: copy\.txt, 3, CAEQ/);
  });

  it('put/get/delete_object_tagging', async () => {
    expect(await sample('put_object_tagging.py', ['--bucket', 'py-versions', '--key', 'doc.txt', '--tag_key', 'team', '--tag_value', 'storage'])).toMatch(/status code: 200/);
    const got = await sample('get_object_tagging.py', ['--bucket', 'py-versions', '--key', 'doc.txt']);
    expect(got).toContain('team');
    expect(got).toContain('storage');
    expect(await sample('delete_object_tagging.py', ['--bucket', 'py-versions', '--key', 'doc.txt'])).toMatch(/status code: 204/);
    const tags = await raw(emu, { method: 'GET', bucket: 'py-versions', key: 'doc.txt', query: [['tagging', undefined]] });
    expect(tags.text).not.toContain('<Tag>');
  });

  it('initiate/get/abort/complete/extend_bucket_worm', async () => {
    const init = await sample('initiate_bucket_worm.py', ['--bucket', 'py-worm', '--retention_period_in_days', '1']);
    expect(init).toMatch(/status code: 200/);
    expect(await sample('get_bucket_worm.py', ['--bucket', 'py-worm'])).toContain('state: InProgress');
    expect(await sample('abort_bucket_worm.py', ['--bucket', 'py-worm'])).toMatch(/status code: 204/);
    await sample('initiate_bucket_worm.py', ['--bucket', 'py-worm', '--retention_period_in_days', '1']);
    const wormId = /worm id: ([0-9A-F]+)/.exec(await sample('get_bucket_worm.py', ['--bucket', 'py-worm']))![1]!;
    expect(await sample('complete_bucket_worm.py', ['--bucket', 'py-worm', '--worm_id', wormId])).toMatch(/status code: 200/);
    expect(await sample('extend_bucket_worm.py', ['--bucket', 'py-worm', '--worm_id', wormId, '--retention_period_in_days', '2'])).toMatch(/status code: 200/);
    const got = await sample('get_bucket_worm.py', ['--bucket', 'py-worm']);
    expect(got).toContain('state: Locked');
    expect(got).toContain('retention period in days: 2');
  });

  it('put_bucket_object_worm_configuration, put/get_object_retention, put/get_object_legal_hold', async () => {
    // Object-level WORM needs versioning Enabled (PutBucketObjectWormConfiguration "Usage notes"; domain/immutability.ts).
    await raw(emu, { method: 'PUT', bucket: 'py-retention', query: [['versioning', undefined]], body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' });
    const put = await raw(emu, { method: 'PUT', bucket: 'py-retention', key: 'kept.txt', body: 'kept' });
    const versionId = put.headers.get('x-oss-version-id')!;
    expect(await sample('put_bucket_object_worm_configuration.py', ['--bucket', 'py-retention', '--mode', 'GOVERNANCE', '--days', '1'])).toMatch(/status code: 200/);
    expect(await sample('put_object_retention.py', ['--bucket', 'py-retention', '--key', 'kept.txt'])).toMatch(/status code: 200/);
    expect(await sample('get_object_retention.py', ['--bucket', 'py-retention', '--key', 'kept.txt'])).toMatch(/retention mode: COMPLIANCE, retain until date: \d{4}-/);
    expect(await sample('put_object_legal_hold.py', ['--bucket', 'py-retention', '--key', 'kept.txt'])).toMatch(/status code: 200/);
    expect(await sample('get_object_legal_hold.py', ['--bucket', 'py-retention', '--key', 'kept.txt'])).toContain('legal hold status: ON');
    // The held, retained version cannot be deleted; a delete marker over it removes nothing and is allowed.
    const del = await raw(emu, { method: 'DELETE', bucket: 'py-retention', key: 'kept.txt', query: [['versionId', versionId]] });
    expect(del.status).toBe(409);
  });
});
