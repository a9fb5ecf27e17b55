// LiveChannel rules (behaviour §17.3): configuration defaults and ranges, URLs, listing, VOD spans.
import { describe, expect, it } from 'vitest';
import { channelUrls, checkVodSpan, listChannels, parseLiveChannel } from '../../src/domain/liveChannel.js';
import { refused } from './support.js';

const parse = (target: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  parseLiveChannel({ LiveChannelConfiguration: { Target: { Type: 'HLS', ...target }, ...extra } }, 'ch', 0);

describe('PutLiveChannel configuration', () => {
  it('defaults as oss2 LiveChannelInfoTarget and the API reference do', () => {
    expect(parse({})).toMatchObject({ status: 'enabled', description: '', fragDuration: 5, fragCount: 3, playlistName: 'playlist.m3u8' });
  });

  it('refuses values outside the documented ranges', () => {
    expect(refused(() => parse({ FragDuration: '0' }))).toBe('InvalidArgument FragDuration');
    expect(refused(() => parse({ FragCount: '101' }))).toBe('InvalidArgument FragCount');
    expect(refused(() => parse({ PlaylistName: 'a.txt' }))).toBe('InvalidArgument PlaylistName');
    expect(refused(() => parse({ Type: 'DASH' }))).toBe('InvalidArgument Type');
    expect(refused(() => parse({}, { Status: 'on' }))).toBe('InvalidArgument Status');
    expect(refused(() => parseLiveChannel({ LiveChannelConfiguration: { Target: { Type: 'HLS' } } }, 'a/b', 0))).toBe('InvalidArgument ChannelName');
  });
});

describe('URLs, listing and VOD', () => {
  it('builds the captured URL shapes', () => {
    expect(channelUrls('b', 'oss-cn-hangzhou.aliyuncs.com', { name: 'lc', playlistName: 'test.m3u8' })).toEqual({
      publish: 'rtmp://b.oss-cn-hangzhou.aliyuncs.com/live/lc',
      play: 'http://b.oss-cn-hangzhou.aliyuncs.com/lc/test.m3u8',
    });
  });

  it('pages by name after the marker', () => {
    const c = (name: string) => ({ ...parse({}), name });
    const page = listChannels([c('b'), c('a'), c('c'), c('x')], { prefix: '', marker: 'a', maxKeys: 2 });
    expect(page.channels.map((x) => x.name)).toEqual(['b', 'c']);
    expect(page.truncated).toBe(true);
  });

  it('refuses every VOD span: a bad one by its parameter, a good one for having no segment', () => {
    expect(refused(() => checkVodSpan('x', '2'))).toBe('InvalidArgument startTime');
    expect(refused(() => checkVodSpan('10', '5'))).toBe('InvalidArgument endTime');
    expect(refused(() => checkVodSpan('0', '100000'))).toBe('InvalidArgument endTime');
    expect(refused(() => checkVodSpan('100', '200'))).toBe('InvalidArgument startTime');
  });
});
