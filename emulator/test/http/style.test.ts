// Image styles (behaviour §14.20) through our client and raw HTTP: PY2 live test_style / oss2 live test_bucket_style's sequence,
// and the errors for bad names, bad content and a missing style.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssServiceError } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
  await ownerClient(emu).putBucket({ bucket: 'styles' });
});
afterAll(() => emu.close());

const body = (content: string) => `<?xml version="1.0" encoding="UTF-8"?><Style><Content>${content}</Content></Style>`;
const put = (name: string, content: string, category?: string) =>
  raw(emu, {
    method: 'PUT',
    bucket: 'styles',
    query: [['style', undefined], ['styleName', name], ...(category ? [['category', category] as [string, string]] : [])],
    body: body(content),
  });
const get = (name: string) => raw(emu, { method: 'GET', bucket: 'styles', query: [['style', undefined], ['styleName', name]] });

describe('styles', () => {
  it('put, get, list in creation order, delete (204 twice); then 404 NoSuchStyle', async () => {
    expect((await put('imagestyle', 'image/resize,p_50', 'image')).status).toBe(200);
    const got = await get('imagestyle');
    expect(got.status).toBe(200);
    expect([xmlValue(got.text, 'Name'), xmlValue(got.text, 'Content'), xmlValue(got.text, 'Category')]).toEqual(['imagestyle', 'image/resize,p_50', 'image']);
    expect(xmlValue(got.text, 'CreateTime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await put('imagestyle2', 'image/resize,w_200')).status).toBe(200);
    const list = await raw(emu, { method: 'GET', bucket: 'styles', query: [['style', undefined]] });
    expect(list.status).toBe(200);
    expect([...list.text.matchAll(/<Name>([^<]*)<\/Name>/g)].map((m) => m[1])).toEqual(['imagestyle', 'imagestyle2']);
    for (const name of ['imagestyle', 'imagestyle2', 'imagestyle']) {
      const del = await raw(emu, { method: 'DELETE', bucket: 'styles', query: [['style', undefined], ['styleName', name]] });
      expect(del.status).toBe(204);
    }
    const gone = await get('imagestyle');
    expect([gone.status, errorCode(gone)]).toEqual([404, 'NoSuchStyle']);
    const empty = await raw(emu, { method: 'GET', bucket: 'styles', query: [['style', undefined]] });
    expect([empty.status, empty.text.includes('<Name>')]).toEqual([200, false]);
  });

  it('bad name: 400 InvalidArgument; empty or forbidden content: 400 BadRequest; nothing stored', async () => {
    const badName = await put('Images!tyle', 'image/resize,w_200');
    expect([badName.status, errorCode(badName), xmlValue(badName.text, 'Message')]).toEqual([
      400,
      'InvalidArgument',
      'The value: Images!tyle of parameter: stylename is invalid.',
    ]);
    const empty = await put('x', '');
    expect([empty.status, errorCode(empty), xmlValue(empty.text, 'Message')]).toEqual([400, 'BadRequest', 'Style content is invalid.']);
    expect([(await get('x')).status, (await put('aaa', 'csdar5324')).status, xmlValue((await get('aaa')).text, 'Content')]).toEqual([404, 200, 'csdar5324']);
  });

  it('our client: PY2 test_style through putStyle, getStyle, listStyle, deleteStyle', async () => {
    const client = ownerClient(emu);
    await client.putBucket({ bucket: 'styles-client' });
    await client.putStyle({ bucket: 'styles-client', styleName: 's1', category: 'image', style: { content: 'image/resize,p_50' } });
    await client.putStyle({ bucket: 'styles-client', styleName: 's2', category: 'image', style: { content: 'image/resize,w_200' } });
    const got = (await client.getStyle({ bucket: 'styles-client', styleName: 's1' })).style;
    expect([got.name, got.content, got.category]).toEqual(['s1', 'image/resize,p_50', 'image']);
    const listed = (await client.listStyle({ bucket: 'styles-client' })).styleList.styles;
    expect(listed.map((s) => [s.name, s.content])).toEqual([['s1', 'image/resize,p_50'], ['s2', 'image/resize,w_200']]);
    expect((await client.deleteStyle({ bucket: 'styles-client', styleName: 's1' })).statusCode).toBe(204);
    await client.deleteStyle({ bucket: 'styles-client', styleName: 's2' });
    expect((await client.listStyle({ bucket: 'styles-client' })).styleList.styles).toEqual([]);
    const err = await client.getStyle({ bucket: 'styles-client', styleName: 's1' }).catch((e: unknown) => e);
    expect(err instanceof OssServiceError && err.code).toBe('NoSuchStyle');
  });

  it('a missing bucket is NoSuchBucket', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'no-such-styles', query: [['style', undefined]] });
    expect([res.status, errorCode(res)]).toEqual([404, 'NoSuchBucket']);
  });
});
