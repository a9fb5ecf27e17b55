// ListObjectVersions paging (behaviour §9.7; issue 4 item 3): key-marker, version-id-marker, delimiter, encoding-type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
const ids: Record<string, string[]> = {};
beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket: 'pages' });
  await raw(emu, { method: 'PUT', bucket: 'pages', query: [['versioning', undefined]], body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' });
  for (const key of ['a b', 'a b', 'a b', 'c+d', 'dir/x', 'dir/y', 'e']) {
    const res = await raw(emu, { method: 'PUT', bucket: 'pages', key, body: key });
    (ids[key] ??= []).unshift(res.headers.get('x-oss-version-id')!);
  }
});
afterAll(() => emu.close());

function entries(text: string): string[] {
  return [...text.matchAll(/<(Version|DeleteMarker)><Key>([^<]*)<\/Key><VersionId>([^<]*)<\/VersionId>/g)].map((m) => `${m[2]}@${m[3]}`);
}

describe('ListObjectVersions', () => {
  it('refuses over-long names and max-keys over 1000 with InvalidArgument (oss2 live test_list_object_versions_wrong)', async () => {
    const long = 'a'.repeat(1025);
    for (const [name, value] of [['prefix', long], ['key-marker', long], ['version-id-marker', long], ['delimiter', long], ['max-keys', '1001']]) {
      const res = await raw(emu, { method: 'GET', bucket: 'pages', query: [['versions', undefined], [name!, value!]] });
      expect([res.status, /<Code>([^<]*)<\/Code>/.exec(res.text)?.[1]], name).toEqual([400, 'InvalidArgument']);
    }
    const edge = await raw(emu, { method: 'GET', bucket: 'pages', query: [['versions', undefined], ['prefix', 'a'.repeat(1024)]] });
    expect(edge.status).toBe(200);
  });

  it('pages through every version, newest first within a key, with key-marker and version-id-marker', async () => {
    const seen: string[] = [];
    let keyMarker = '';
    let versionIdMarker = '';
    for (let i = 0; i < 20; i++) {
      const res = await raw(emu, {
        method: 'GET',
        bucket: 'pages',
        query: [['versions', undefined], ['max-keys', '2'], ['key-marker', keyMarker], ['version-id-marker', versionIdMarker]],
      });
      seen.push(...entries(res.text));
      if (xmlValue(res.text, 'IsTruncated') !== 'true') break;
      keyMarker = xmlValue(res.text, 'NextKeyMarker')!;
      versionIdMarker = xmlValue(res.text, 'NextVersionIdMarker')!;
    }
    const expected = ['a b', 'c+d', 'dir/x', 'dir/y', 'e'].flatMap((k) => ids[k]!.map((id) => `${k}@${id}`));
    expect(seen).toEqual(expected);
  });

  it('folds a delimiter and encodes with encoding-type=url', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'pages', query: [['versions', undefined], ['delimiter', '/'], ['encoding-type', 'url']] });
    // `/` is encoded too (audit #17: Python SDK v2 ListVersionsResult `<Delimiter>%2F</Delimiter>`).
    expect(res.text).toContain('<CommonPrefixes><Prefix>dir%2F</Prefix></CommonPrefixes>');
    expect(res.text).toContain('<Delimiter>%2F</Delimiter>');
    expect(res.text).toContain('<Key>a%20b</Key>');
    expect(res.text).toContain('<Key>c%2Bd</Key>');
    expect(res.text).not.toContain('<Key>dir%2Fx</Key>');
    expect(res.text).toContain('<EncodingType>url</EncodingType>');
  });
});
