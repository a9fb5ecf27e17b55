// LiveChannel management (behaviour §17.3): PutLiveChannel, GetLiveChannelInfo, DeleteLiveChannel,
// PutLiveChannelStatus, ListLiveChannel, GetLiveChannelStat, GetLiveChannelHistory, PostVodPlaylist, GetVodPlaylist.
// local-oss serves no RTMP ingest: a channel is stored configuration (one bucket document of every channel), its
// stat is always Idle, its history empty, and no .ts segment ever exists, so VOD playlists are refused as OSS
// refuses a span without segments. Shapes: oss2 tests/test_mock_bucket.py (captured answers) and xml_utils parsers.
import { OssError } from '../domain/errors.js';
import { channelUrls, checkVodSpan, listChannels, parseChannelStatus, parseLiveChannel, type LiveChannel } from '../domain/liveChannel.js';
import { readXml } from '../http/body.js';
import { isoDate, sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { BucketRecord } from '../domain/types.js';
import { requireBucket } from './bucket.js';
import { endpointHost } from './endpoints.js';
import { parseMaxKeys } from './params.js';

type Channels = Record<string, LiveChannel>;

function channelsOf(ctx: OssContext, bucket: string): Channels {
  return ctx.state.store.buckets.getDocument<Channels>(bucket, 'liveChannels') ?? {};
}

function channelOf(ctx: OssContext, bucket: string, name: string): LiveChannel {
  const all = channelsOf(ctx, bucket);
  const c = Object.prototype.hasOwnProperty.call(all, name) ? all[name] : undefined;
  if (c === undefined) throw new OssError('NoSuchLiveChannel', { ChannelName: name });
  return c;
}

function urls(ctx: OssContext, bucket: BucketRecord, c: LiveChannel) {
  const u = channelUrls(bucket.name, endpointHost(ctx, bucket.region), c);
  return { PublishUrls: { Url: u.publish }, PlayUrls: { Url: u.play } };
}

/** A PUT of an existing channel's name replaces its configuration [I]. */
export async function putLiveChannel(ctx: OssContext): Promise<void> {
  const doc = await readXml(ctx);
  const name = ctx.state.key!;
  const channel = parseLiveChannel(doc, name, ctx.state.config.clock.now());
  const bucket = ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(b.name, 'liveChannels', { ...channelsOf(ctx, b.name), [name]: channel });
    return b;
  });
  const u = urls(ctx, bucket, channel);
  // Element order of the captured answer (oss2 test_mock_bucket test_create_live_channel).
  sendXml(ctx, 'CreateLiveChannelResult', { PublishUrls: u.PublishUrls, PlayUrls: u.PlayUrls });
}

export function putLiveChannelStatus(ctx: OssContext): void {
  const status = parseChannelStatus(ctx.state.query.get('status'));
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    const c = channelOf(ctx, b.name, ctx.state.key!);
    ctx.state.store.buckets.setDocument(b.name, 'liveChannels', { ...channelsOf(ctx, b.name), [c.name]: { ...c, status } });
  });
  sendEmpty(ctx);
}

export function getLiveChannelInfo(ctx: OssContext): void {
  const b = requireBucket(ctx);
  const c = channelOf(ctx, b.name, ctx.state.key!);
  sendXml(ctx, 'LiveChannelConfiguration', {
    Description: c.description,
    Status: c.status,
    Target: { Type: c.type, FragDuration: String(c.fragDuration), FragCount: String(c.fragCount), PlaylistName: c.playlistName },
  });
}

/** 204, as object deletes answer [I]; a missing channel is 404 NoSuchLiveChannel. */
export function deleteLiveChannel(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    const c = channelOf(ctx, b.name, ctx.state.key!);
    const rest = { ...channelsOf(ctx, b.name) };
    delete rest[c.name];
    ctx.state.store.buckets.setDocument(b.name, 'liveChannels', Object.keys(rest).length > 0 ? rest : undefined);
  });
  sendEmpty(ctx, 204);
}

/** NextMarker only when truncated (the captured answer; oss2 reads it only then). */
export function listLiveChannel(ctx: OssContext): void {
  const q = ctx.state.query;
  const b = requireBucket(ctx);
  const prefix = q.get('prefix') ?? '';
  const marker = q.get('marker') ?? '';
  const maxKeys = parseMaxKeys(q.get('max-keys'), 100);
  const page = listChannels(Object.values(channelsOf(ctx, b.name)), { prefix, marker, maxKeys });
  sendXml(ctx, 'ListLiveChannelResult', {
    Prefix: prefix,
    Marker: marker,
    MaxKeys: String(maxKeys),
    IsTruncated: String(page.truncated),
    ...(page.truncated ? { NextMarker: page.channels[page.channels.length - 1]!.name } : {}),
    LiveChannel: page.channels.map((c) => ({
      Name: c.name,
      Description: c.description,
      Status: c.status,
      LastModified: isoDate(c.lastModified),
      ...urls(ctx, b, c),
    })),
  });
}

/** Nothing is ever pushed: Idle, without ConnectedTime, RemoteAddr, Video or Audio (oss2 live test: Idle). */
export function getLiveChannelStat(ctx: OssContext): void {
  const b = requireBucket(ctx);
  channelOf(ctx, b.name, ctx.state.key!);
  sendXml(ctx, 'LiveChannelStat', { Status: 'Idle' });
}

/** No push ever happened: no LiveRecord (oss2 live test: 0 records). */
export function getLiveChannelHistory(ctx: OssContext): void {
  const b = requireBucket(ctx);
  channelOf(ctx, b.name, ctx.state.key!);
  sendXml(ctx, 'LiveChannelHistory', '');
}

/** `POST /<channel>/<playlist>?vod&startTime=&endTime=`: the channel must exist; no segment does. */
export function postVodPlaylist(ctx: OssContext): void {
  const b = requireBucket(ctx);
  const key = ctx.state.key!;
  const slash = key.indexOf('/');
  const channel = slash < 0 ? key : key.slice(0, slash);
  const playlist = slash < 0 ? '' : key.slice(slash + 1);
  if (!playlist.endsWith('.m3u8') || playlist.includes('/')) throw new OssError('InvalidArgumentLiveChannel', { ArgumentName: 'PlaylistName', ArgumentValue: playlist });
  channelOf(ctx, b.name, channel);
  checkVodSpan(ctx.state.query.get('startTime'), ctx.state.query.get('endTime'));
}

/** `GET /<channel>?vod&startTime=&endTime=`: as PostVodPlaylist, no segment exists to list. */
export function getVodPlaylist(ctx: OssContext): void {
  const b = requireBucket(ctx);
  channelOf(ctx, b.name, ctx.state.key!);
  checkVodSpan(ctx.state.query.get('startTime'), ctx.state.query.get('endTime'));
}
