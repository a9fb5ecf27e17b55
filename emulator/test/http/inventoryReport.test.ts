// Inventory reports (behaviour §14.19.1): POST /-/inventory/run writes, into the destination bucket and through the
// landing funnel, <prefix>/<src>/<id>/data/<uuid>.csv.gz (columns Bucket, Key, the version columns, then the
// OptionalFields in order; keys URL-encoded) and <prefix>/<src>/<id>/<YYYY-MM-DDTHH-MMZ>/manifest.json + manifest.checksum.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { ownerClient, raw, startTestEmulator } from './support.js';

let emu: RunningEmulator;
let client: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator({ inventoryIntervalSeconds: 0 });
  client = ownerClient(emu);
});
afterAll(() => emu.close());

const config = (id: string, versions: 'All' | 'Current', fields: string[], extra = '') =>
  `<InventoryConfiguration><Id>${id}</Id><IsEnabled>true</IsEnabled>${extra}` +
  '<Destination><OSSBucketDestination><Format>CSV</Format><AccountId>1000000000000000</AccountId><RoleArn>acs:ram::1000000000000000:role/r</RoleArn>' +
  '<Bucket>acs:oss:::invr-dst</Bucket><Prefix>reports</Prefix></OSSBucketDestination></Destination><Schedule><Frequency>Daily</Frequency></Schedule>' +
  `<IncludedObjectVersions>${versions}</IncludedObjectVersions><OptionalFields>${fields.map((f) => `<Field>${f}</Field>`).join('')}</OptionalFields></InventoryConfiguration>`;

async function run(): Promise<{ reports: { bucket: string; id: string; manifest: string; rows: number }[] }> {
  const res = await fetch(`${emu.url}/-/inventory/run`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

async function bytes(bucket: string, key: string): Promise<Buffer> {
  return (await client.getObject({ bucket, key })).content();
}

describe('POST /-/inventory/run', () => {
  it("writes the CSV, manifest.json and manifest.checksum in OSS's layout", async () => {
    for (const b of ['invr-src', 'invr-dst']) await client.putBucket({ bucket: b });
    const a = await client.putObject({ bucket: 'invr-src', key: 'p/a b.txt', body: 'hello' });
    await client.putObject({ bucket: 'invr-src', key: 'p/c', body: 'x', tagging: 'k=v' });
    await client.putObject({ bucket: 'invr-src', key: 'other', body: 'skipped by the prefix' });
    const put = await raw(emu, {
      method: 'PUT',
      bucket: 'invr-src',
      query: [['inventory', undefined], ['inventoryId', 'daily']],
      body: config('daily', 'Current', ['Size', 'ETag', 'TaggingCount', 'Crc64'], '<Filter><Prefix>p/</Prefix></Filter>'),
    });
    expect(put.status).toBe(200);
    const report = await run();
    expect(report.reports).toHaveLength(1);
    const { manifest: manifestKey, rows } = report.reports[0]!;
    expect(rows).toBe(2);
    expect(manifestKey).toMatch(/^reports\/invr-src\/daily\/\d{4}-\d\d-\d\dT\d\d-\d\dZ\/manifest\.json$/);
    const manifestText = (await bytes('invr-dst', manifestKey)).toString();
    const manifest = JSON.parse(manifestText);
    expect(manifest).toMatchObject({ destinationBucket: 'invr-dst', sourceBucket: 'invr-src', fileFormat: 'CSV', fileSchema: 'Bucket, Key, Size, ETag, TaggingCount, Crc64', version: '2019-09-01' });
    expect(manifest.files[0].key).toMatch(/^reports\/invr-src\/daily\/data\/[0-9a-f-]{36}\.csv\.gz$/);
    const checksum = (await bytes('invr-dst', manifestKey.replace('manifest.json', 'manifest.checksum'))).toString();
    expect(checksum).toBe(createHash('md5').update(manifestText).digest('hex').toUpperCase());
    const gz = await bytes('invr-dst', manifest.files[0].key);
    expect(manifest.files[0].size).toBe(gz.length);
    expect(manifest.files[0].MD5checksum).toBe(createHash('md5').update(gz).digest('hex').toUpperCase());
    const csv = gunzipSync(gz).toString().trimEnd().split('\n');
    const etag = a.etag!.replace(/"/g, '');
    expect(csv[0]).toBe(`"invr-src","p%2Fa%20b.txt","5","${etag}","0","${a.hashCrc64}"`);
    expect(csv[1]).toMatch(/^"invr-src","p%2Fc","1","[0-9A-F]{32}","1","\d+"$/);
  });

  it('with all versions: VersionId, IsLatest, IsDeleteMarker after Key, delete markers included', async () => {
    for (const b of ['invr-ver', 'invr-dst']) await client.putBucket({ bucket: b });
    await client.putBucketVersioning({ bucket: 'invr-ver', versioningConfiguration: { status: 'Enabled' } });
    const v1 = await client.putObject({ bucket: 'invr-ver', key: 'k', body: '1' });
    await client.deleteObject({ bucket: 'invr-ver', key: 'k' });
    // Through our client this time (client/src/ops/inventory.ts), read back as put.
    const configuration = {
      id: 'all',
      isEnabled: true,
      destination: { ossBucketDestination: { format: 'CSV', accountId: '1000000000000000', roleArn: 'acs:ram::1000000000000000:role/r', bucket: 'acs:oss:::invr-dst', prefix: 'reports' } },
      schedule: { frequency: 'Daily' },
      includedObjectVersions: 'All',
      optionalFields: { fields: ['StorageClass'] },
    };
    await client.putBucketInventory({ bucket: 'invr-ver', inventoryId: 'all', inventoryConfiguration: configuration });
    expect((await client.getBucketInventory({ bucket: 'invr-ver', inventoryId: 'all' })).inventoryConfiguration).toEqual(configuration);
    const listed = await client.listBucketInventory({ bucket: 'invr-ver' });
    expect(listed.listInventoryConfigurationsResult.inventoryConfigurations?.map((c) => c.id)).toEqual(['all']);
    const report = await run();
    const mine = report.reports.find((r) => r.bucket === 'invr-ver')!;
    const manifest = JSON.parse((await bytes('invr-dst', mine.manifest)).toString());
    expect(manifest.fileSchema).toBe('Bucket, Key, VersionId, IsLatest, IsDeleteMarker, StorageClass');
    const csv = gunzipSync(await bytes('invr-dst', manifest.files[0].key)).toString().trimEnd().split('\n');
    expect(csv).toHaveLength(2);
    expect(csv).toContain(`"invr-ver","k","${v1.versionId}","false","false","Standard"`);
    expect(csv.some((l) => /^"invr-ver","k","[^"]+","true","true",""$/.test(l))).toBe(true);
  });

  it('a disabled inventory writes nothing; a missing destination fails that inventory alone', async () => {
    await client.putBucket({ bucket: 'invr-off' });
    const off = config('off', 'Current', []).replace('<IsEnabled>true</IsEnabled>', '<IsEnabled>false</IsEnabled>');
    await raw(emu, { method: 'PUT', bucket: 'invr-off', query: [['inventory', undefined], ['inventoryId', 'off']], body: off });
    const gone = config('gone', 'Current', []).replace('acs:oss:::invr-dst', 'acs:oss:::invr-nowhere');
    await raw(emu, { method: 'PUT', bucket: 'invr-off', query: [['inventory', undefined], ['inventoryId', 'gone']], body: gone });
    const res = await fetch(`${emu.url}/-/inventory/run`, { method: 'POST' });
    const report = (await res.json()) as { reports: { bucket: string }[]; failed: { bucket: string; id: string; error: string }[] };
    expect(report.reports.filter((r) => r.bucket === 'invr-off')).toEqual([]);
    expect(report.failed).toContainEqual({ bucket: 'invr-off', id: 'gone', error: 'NoSuchBucket' });
  });
});
