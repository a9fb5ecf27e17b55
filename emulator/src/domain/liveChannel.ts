// LiveChannel configuration (behaviour §17.3): what PutLiveChannel stores, and the listing and URL rules. local-oss
// has no RTMP server: a channel is configuration only, never live, and never writes segments. Sources: the OSS API
// reference PutLiveChannel (Description at most 128 bytes, Status enabled|disabled, Target Type HLS, FragDuration
// and FragCount 1–100 with defaults 5 and 3, PlaylistName ending in .m3u8, 6–128 characters, default
// playlist.m3u8), oss2 models LiveChannelInfoTarget (the same defaults), oss2 tests/test_mock_bucket.py (captured
// CreateLiveChannelResult and ListLiveChannelResult answers: publish URL rtmp://<bucket>.<endpoint>/live/<channel>,
// play URL http://<bucket>.<endpoint>/<channel>/<playlist>).
import { OssError, invalidArgument } from './errors.js';

export interface LiveChannel {
  name: string;
  description: string;
  status: 'enabled' | 'disabled';
  type: 'HLS';
  fragDuration: number;
  fragCount: number;
  playlistName: string;
  /** ms since epoch */
  lastModified: number;
}

export const DEFAULT_PLAYLIST = 'playlist.m3u8';

const bad = (name: string, value: string) => invalidArgument('InvalidArgumentLiveChannel', name, value);

function text(node: Record<string, unknown>, name: string): string | undefined {
  const v = node[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${name} is not text` });
  return v;
}

function range(node: Record<string, unknown>, name: string, fallback: number): number {
  const v = text(node, name);
  if (v === undefined) return fallback;
  if (!/^\d{1,3}$/.test(v) || Number(v) < 1 || Number(v) > 100) throw bad(name, v);
  return Number(v);
}

/** A channel name: one path segment (it is the first segment of its playlist's key), 1–1023 bytes [I]. */
export function checkChannelName(name: string): void {
  if (name === '' || name.includes('/') || Buffer.byteLength(name) > 1023) throw bad('ChannelName', name);
}

/** The `<LiveChannelConfiguration>` of a PutLiveChannel (parsed XML). */
export function parseLiveChannel(doc: Record<string, unknown> | undefined, name: string, now: number): LiveChannel {
  checkChannelName(name);
  const root = doc?.LiveChannelConfiguration;
  if (root === undefined || root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const r = root as Record<string, unknown>;
  const description = text(r, 'Description') ?? '';
  if (Buffer.byteLength(description) > 128) throw bad('Description', description);
  const status = text(r, 'Status') ?? 'enabled';
  if (status !== 'enabled' && status !== 'disabled') throw bad('Status', status);
  const target = r.Target;
  if (target === undefined || target === null || typeof target !== 'object') throw new OssError('MalformedXML', { ErrorDetail: 'Target is missing' });
  const t = target as Record<string, unknown>;
  const type = text(t, 'Type');
  if (type !== 'HLS') throw bad('Type', type ?? '');
  const playlistName = text(t, 'PlaylistName') ?? DEFAULT_PLAYLIST;
  if (!playlistName.endsWith('.m3u8') || playlistName.length < 6 || playlistName.length > 128 || playlistName.includes('/')) {
    throw bad('PlaylistName', playlistName);
  }
  return {
    name,
    description,
    status,
    type: 'HLS',
    fragDuration: range(t, 'FragDuration', 5),
    fragCount: range(t, 'FragCount', 3),
    playlistName,
    lastModified: now,
  };
}

export function parseChannelStatus(value: string | undefined): 'enabled' | 'disabled' {
  if (value !== 'enabled' && value !== 'disabled') throw bad('status', value ?? '');
  return value;
}

/** The publish and play URLs, on the host the request came to (the bucket's own name on it). */
export function channelUrls(bucket: string, endpointHost: string, c: Pick<LiveChannel, 'name' | 'playlistName'>): { publish: string; play: string } {
  return {
    publish: `rtmp://${bucket}.${endpointHost}/live/${c.name}`,
    play: `http://${bucket}.${endpointHost}/${c.name}/${c.playlistName}`,
  };
}

/** A ListLiveChannel page: names after `marker` that start with `prefix`, in name order. */
export function listChannels(
  channels: Iterable<LiveChannel>,
  q: { prefix: string; marker: string; maxKeys: number },
): { channels: LiveChannel[]; truncated: boolean } {
  const all = [...channels].filter((c) => c.name.startsWith(q.prefix) && c.name > q.marker).sort((a, b) => (a.name < b.name ? -1 : 1));
  return { channels: all.slice(0, q.maxKeys), truncated: all.length > q.maxKeys };
}

/**
 * PostVodPlaylist and GetVodPlaylist: startTime and endTime are Unix seconds, end after start, at most a day apart
 * (API reference PostVodPlaylist). No segment ever exists here, so a valid span is refused as OSS refuses a span
 * without .ts files: 400 InvalidArgument (oss2 live tests/test_live_channel.py test_post_vod_playlist,
 * test_get_vod_playlist: "throw exception because no ts file been generated").
 */
export function checkVodSpan(start: string | undefined, end: string | undefined): never {
  if (start === undefined || !/^\d{1,10}$/.test(start)) throw bad('startTime', start ?? '');
  if (end === undefined || !/^\d{1,10}$/.test(end)) throw bad('endTime', end ?? '');
  if (Number(end) <= Number(start) || Number(end) - Number(start) > 86400) throw bad('endTime', end);
  throw new OssError('InvalidArgumentNoTsFile', { ArgumentName: 'startTime', ArgumentValue: start });
}
