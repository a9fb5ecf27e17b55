// LiveChannel management over raw HTTP (behaviour §17.3): stored configuration, no RTMP ingest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, snapshot, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
const B = 'live-bucket';
beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket: B });
});
afterAll(() => emu.close());

const config = (playlist = 'test.m3u8', extra = '') =>
  `<LiveChannelConfiguration><Description>d</Description><Status>enabled</Status><Target><Type>HLS</Type>` +
  `<FragDuration>5</FragDuration><FragCount>3</FragCount><PlaylistName>${playlist}</PlaylistName>${extra}</Target></LiveChannelConfiguration>`;
const live = (key: string, method: string, query: [string, string | undefined][] = [], body?: string) =>
  raw(emu, { method, bucket: B, key, query: [['live', undefined], ...query], body });

describe('LiveChannel', () => {
  it('creates a channel and answers its publish and play URLs on the host the request came to', async () => {
    const res = await live('ch1', 'PUT', [], config());
    expect(res.status).toBe(200);
    const host = new URL(emu.url).host;
    expect(xmlValue(res.text, 'Url')).toBe(`rtmp://${B}.${host}/live/ch1`);
    expect(res.text).toContain(`<PlayUrls><Url>http://${B}.${host}/ch1/test.m3u8</Url></PlayUrls>`);
    const info = await live('ch1', 'GET');
    expect(info.text).toContain(
      '<LiveChannelConfiguration><Description>d</Description><Status>enabled</Status><Target><Type>HLS</Type><FragDuration>5</FragDuration><FragCount>3</FragCount><PlaylistName>test.m3u8</PlaylistName></Target></LiveChannelConfiguration>',
    );
    // Nothing is ever pushed: Idle, no history.
    expect((await live('ch1', 'GET', [['comp', 'stat']])).text).toContain('<LiveChannelStat><Status>Idle</Status></LiveChannelStat>');
    expect((await live('ch1', 'GET', [['comp', 'history']])).text).toContain('<LiveChannelHistory></LiveChannelHistory>');
  });

  it('refuses a configuration outside the documented ranges and changes nothing', async () => {
    const before = snapshot(emu);
    for (const body of [config('nope.txt'), config('test.m3u8', '').replace('HLS', 'DASH'), config().replace('<FragCount>3', '<FragCount>101')]) {
      const res = await live('bad', 'PUT', [], body);
      expect(res.status, body).toBe(400);
      expect(errorCode(res)).toBe('InvalidArgument');
    }
    expect(errorCode(await live('bad', 'PUT', [], '<Nope/>'))).toBe('MalformedXML');
    expect(snapshot(emu)).toBe(before);
  });

  it('sets the status, lists with prefix, marker and max-keys, and deletes', async () => {
    for (const name of ['p-a', 'p-b', 'p-c']) expect((await live(name, 'PUT', [], config('playlist.m3u8'))).status).toBe(200);
    expect((await live('p-b', 'PUT', [['status', 'disabled']])).status).toBe(200);
    expect(xmlValue((await live('p-b', 'GET')).text, 'Status')).toBe('disabled');
    expect(errorCode(await live('p-b', 'PUT', [['status', 'paused']]))).toBe('InvalidArgument');
    const list = await raw(emu, { method: 'GET', bucket: B, query: [['live', undefined], ['prefix', 'p-'], ['max-keys', '2']] });
    expect(list.text).toMatch(/<IsTruncated>true<\/IsTruncated><NextMarker>p-b<\/NextMarker><LiveChannel><Name>p-a<\/Name>/);
    expect([...list.text.matchAll(/<Name>([^<]*)<\/Name>/g)].map((m) => m[1])).toEqual(['p-a', 'p-b']);
    const rest = await raw(emu, { method: 'GET', bucket: B, query: [['live', undefined], ['prefix', 'p-'], ['marker', 'p-b']] });
    expect([...rest.text.matchAll(/<Name>([^<]*)<\/Name>/g)].map((m) => m[1])).toEqual(['p-c']);
    expect(rest.text).not.toContain('<NextMarker>');
    expect((await live('p-a', 'DELETE')).status).toBe(204);
    expect(errorCode(await live('p-a', 'GET'))).toBe('NoSuchLiveChannel');
    expect((await live('p-a', 'DELETE')).status).toBe(404);
  });

  it('refuses VOD playlists: no segment is ever recorded (oss2 live test expects InvalidArgument)', async () => {
    const end = Math.floor(Date.now() / 1000) - 60;
    const span: [string, string][] = [['startTime', String(end - 3600)], ['endTime', String(end)]];
    const post = await raw(emu, { method: 'POST', bucket: B, key: 'ch1/vod.m3u8', query: [['vod', undefined], ...span] });
    expect(post.status).toBe(400);
    expect(errorCode(post)).toBe('InvalidArgument');
    const get = await raw(emu, { method: 'GET', bucket: B, key: 'ch1', query: [['vod', undefined], ...span] });
    expect(errorCode(get)).toBe('InvalidArgument');
    const missing = await raw(emu, { method: 'GET', bucket: B, key: 'none', query: [['vod', undefined], ...span] });
    expect(errorCode(missing)).toBe('NoSuchLiveChannel');
  });

  it('refuses an anonymous request (oss2 live test_anonymous_auth: AccessDenied)', async () => {
    const res = await live('ch1', 'DELETE', [], undefined);
    expect(res.status).toBe(204);
    const anon = await raw(emu, { method: 'DELETE', bucket: B, key: 'ch1', query: [['live', undefined]], sign: 'none' });
    expect(errorCode(anon)).toBe('AccessDenied');
  });
});
