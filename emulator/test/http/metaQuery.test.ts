// MetaQuery scalar search through our client and raw HTTP (behaviour §17.2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
const B = 'meta-query';
beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket: B });
  for (const [key, body, headers] of [
    ['a.txt', 'x', { 'x-oss-tagging': 'owner=John' }],
    ['b.txt', 'xxxx', { 'x-oss-meta-location': 'hangzhou', 'content-type': 'text/plain' }],
    ['dir/c.log', 'xx', {}],
    ['dir/d.log', 'xxxxxxxx', { 'x-oss-storage-class': 'IA' }],
  ] as const) {
    expect((await raw(emu, { method: 'PUT', bucket: B, key, body, headers })).status).toBe(200);
  }
});
afterAll(() => emu.close());

const clock = (offsetSeconds: number) => fetch(`${emu.url}/-/clock`, { method: 'PUT', body: JSON.stringify({ offsetSeconds }) });

describe('MetaQuery', () => {
  it('refuses a query and a status before OpenMetaQuery, and a semantic index (another service)', async () => {
    const client = ownerClient(emu);
    await expect(client.getMetaQueryStatus({ bucket: B })).rejects.toMatchObject({ code: 'MetaQueryNotExist', status: 400 });
    const q = await raw(emu, { method: 'POST', bucket: B, query: [['metaQuery', undefined], ['comp', 'query']], body: '<MetaQuery><Query>{}</Query></MetaQuery>' });
    expect(errorCode(q)).toBe('MetaQueryNotExist');
    const before = snapshot(emu);
    const semantic = await raw(emu, { method: 'POST', bucket: B, query: [['metaQuery', undefined], ['comp', 'add'], ['mode', 'semantic']] });
    expect(errorCode(semantic)).toBe('NotImplemented');
    expect(snapshot(emu)).toBe(before);
  });

  it('opens an index that is Ready, then Running; a second open is refused', async () => {
    const client = ownerClient(emu);
    expect((await client.openMetaQuery({ bucket: B })).statusCode).toBe(200);
    const status = await client.getMetaQueryStatus({ bucket: B });
    expect(status.metaQueryStatus).toMatchObject({ state: 'Ready', metaQueryMode: 'basic' });
    expect(status.metaQueryStatus.createTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect(client.openMetaQuery({ bucket: B })).rejects.toMatchObject({ code: 'MetaQueryAlreadyExist' });
    await clock(10);
    try {
      const later = await client.getMetaQueryStatus({ bucket: B });
      expect(later.metaQueryStatus).toMatchObject({ state: 'Running', phase: 'IncrementalScanning' });
    } finally {
      await clock(0);
    }
  });

  it('lists the matching objects in the sort order, pages with NextToken, and aggregates over every match', async () => {
    const client = ownerClient(emu);
    const page1 = await client.doMetaQuery({
      bucket: B,
      metaQuery: {
        query: '{"Field": "Size","Value": "1","Operation": "gt"}',
        sort: 'Size',
        order: 'desc',
        maxResults: 2,
        aggregations: { aggregations: [{ field: 'Size', operation: 'sum' }, { field: 'Size', operation: 'max' }, { field: 'OSSStorageClass', operation: 'group' }] },
      },
    });
    expect(page1.files?.map((f) => [f.filename, f.size])).toEqual([['dir/d.log', 8], ['b.txt', 4]]);
    expect(page1.nextToken).not.toBe('');
    expect(page1.aggregations?.aggregations?.map((a) => [a.field, a.operation, a.value])).toEqual([
      ['Size', 'sum', 14],
      ['Size', 'max', 8],
      ['OSSStorageClass', 'group', undefined],
    ]);
    expect(page1.aggregations?.aggregations?.[2]?.groups?.groups).toEqual([{ value: 'Standard', count: 2 }, { value: 'IA', count: 1 }]);
    const b = page1.files![1]!;
    expect(b).toMatchObject({ ossObjectType: 'Normal', ossStorageClass: 'Standard', objectAcl: 'default', contentType: 'text/plain', ossTaggingCount: 0 });
    expect(b.etag).toMatch(/^"[0-9A-F]{32}"$/);
    expect(b.ossUserMeta?.userMetas).toEqual([{ key: 'x-oss-meta-location', value: 'hangzhou' }]);
    const page2 = await client.doMetaQuery({
      bucket: B,
      metaQuery: { query: '{"Field": "Size","Value": "1","Operation": "gt"}', sort: 'Size', order: 'desc', maxResults: 2, nextToken: page1.nextToken },
    });
    expect(page2.files?.map((f) => f.filename)).toEqual(['dir/c.log']);
    expect(page2.nextToken).toBe('');
  });

  it('finds objects by tag, by prefix and by user metadata, and sees objects written after opening', async () => {
    const client = ownerClient(emu);
    const names = async (query: string) => (await client.doMetaQuery({ bucket: B, metaQuery: { query } })).files?.map((f) => f.filename);
    expect(await names('{"Field": "OSSTagging.owner","Value": "John","Operation": "eq"}')).toEqual(['a.txt']);
    expect(await names('{"Field": "Filename","Value": "dir/","Operation": "prefix"}')).toEqual(['dir/c.log', 'dir/d.log']);
    expect(await names('{"Field": "OSSUserMeta.x-oss-meta-location","Value": "hangzhou","Operation": "eq"}')).toEqual(['b.txt']);
    await raw(emu, { method: 'PUT', bucket: B, key: 'dir/e.log', body: 'new' });
    await raw(emu, { method: 'DELETE', bucket: B, key: 'dir/c.log' });
    expect(await names('{"Field": "Filename","Value": "dir/","Operation": "prefix"}')).toEqual(['dir/d.log', 'dir/e.log']);
    const bad = await raw(emu, {
      method: 'POST', bucket: B, query: [['metaQuery', undefined], ['comp', 'query']],
      body: '<MetaQuery><Query>{"Field": "Size","Value": "1","Operation": "prefix"}</Query></MetaQuery>',
    });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('InvalidArgument');
    expect(xmlValue(bad.text, 'ArgumentName')).toBe('Operation');
  });

  it('closes the index: the status is then refused', async () => {
    const client = ownerClient(emu);
    expect((await client.closeMetaQuery({ bucket: B })).statusCode).toBe(200);
    await expect(client.getMetaQueryStatus({ bucket: B })).rejects.toMatchObject({ code: 'MetaQueryNotExist' });
    await expect(client.closeMetaQuery({ bucket: B })).rejects.toMatchObject({ code: 'MetaQueryNotExist' });
  });
});
