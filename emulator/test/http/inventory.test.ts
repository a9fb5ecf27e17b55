// Bucket inventory configurations (behaviour §14.19): stored, answered, paged by 100; through raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
let client: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
  await client.putBucket({ bucket: 'inv-src' });
});
afterAll(() => emu.close());

const config = (id: string, extra = '') =>
  `<InventoryConfiguration><Id>${id}</Id><IsEnabled>True</IsEnabled><Filter><Prefix>p/</Prefix><StorageClass>Standard,IA</StorageClass></Filter>` +
  '<Destination><OSSBucketDestination><Format>CSV</Format><AccountId>1000000000000000</AccountId><RoleArn>acs:ram::1000000000000000:role/r</RoleArn>' +
  `<Bucket>acs:oss:::inv-dst</Bucket><Prefix>out</Prefix></OSSBucketDestination></Destination><Schedule><Frequency>Daily</Frequency></Schedule>${extra}` +
  '<IncludedObjectVersions>All</IncludedObjectVersions><OptionalFields><Field>Size</Field><Field>ETag</Field></OptionalFields></InventoryConfiguration>';
const put = (id: string, body: string) => raw(emu, { method: 'PUT', bucket: 'inv-src', query: [['inventory', undefined], ['inventoryId', id]], body });
const list = (token?: string) =>
  raw(emu, { method: 'GET', bucket: 'inv-src', query: [['inventory', undefined], ...(token !== undefined ? [['continuation-token', token] as [string, string]] : [])] });

describe('?inventory', () => {
  it('an empty listing and an unknown id are 404 NoSuchInventory; put, get (booleans lower-case, storage classes sorted), delete 204', async () => {
    expect(errorCode(await list())).toBe('NoSuchInventory');
    expect((await put('a', config('a'))).status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: 'inv-src', query: [['inventory', undefined], ['inventoryId', 'a']] });
    expect([got.status, xmlValue(got.text, 'IsEnabled'), xmlValue(got.text, 'StorageClass'), xmlValue(got.text, 'Frequency')]).toEqual([200, 'true', 'IA,Standard', 'Daily']);
    const none = await raw(emu, { method: 'GET', bucket: 'inv-src', query: [['inventory', undefined], ['inventoryId', 'zz']] });
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchInventory']);
    expect((await raw(emu, { method: 'DELETE', bucket: 'inv-src', query: [['inventory', undefined], ['inventoryId', 'a']] })).status).toBe(204);
    expect(errorCode(await list())).toBe('NoSuchInventory');
  });

  it('bad bodies are refused and change nothing', async () => {
    const before = snapshot(emu);
    expect(errorCode(await put('b', config('c')))).toBe('InvalidArgument');
    expect(errorCode(await put('b', config('b').replace('Daily', 'Hourly')))).toBe('InvalidArgument');
    expect(errorCode(await put('b', config('b').replace('acs:oss:::inv-dst', 'inv-dst')))).toBe('MalformedXML');
    expect(errorCode(await put('b', '<InventoryConfiguration/>'))).toBe('MalformedXML');
    expect(snapshot(emu)).toBe(before);
  });

  it('lists 100 per page with IsTruncated and NextContinuationToken (oss2 live test_list_lot_bucket_inventory)', async () => {
    for (let i = 0; i < 120; i++) expect((await put(`lot-${String(i).padStart(3, '0')}`, config(`lot-${String(i).padStart(3, '0')}`))).status).toBe(200);
    const first = await list('');
    expect([(first.text.match(/<InventoryConfiguration>/g) ?? []).length, xmlValue(first.text, 'IsTruncated')]).toEqual([100, 'true']);
    expect(first.text).not.toContain('<ContinuationToken>');
    const next = xmlValue(first.text, 'NextContinuationToken')!;
    const second = await list(next);
    expect([(second.text.match(/<InventoryConfiguration>/g) ?? []).length, xmlValue(second.text, 'IsTruncated'), xmlValue(second.text, 'ContinuationToken')]).toEqual([20, 'false', next]);
    expect(second.text).not.toContain('<NextContinuationToken>');
  });
});
