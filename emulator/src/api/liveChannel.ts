// ListLiveChannel (GET /?live). The emulator serves no RTMP ingest, so PutLiveChannel is refused (NotImplemented)
// and no bucket can hold a channel: the listing is always empty, which is the whole truth rather than an
// approximation. oss2 lists live channels in every test's tearDown (tests/common.py), so refusing it failed them.
// Shape: oss2 tests/test_mock_bucket.py test_list_live_channel (a captured answer, request id 57A9C3C27FBF67E9BE686908);
// NextMarker is only read when IsTruncated is true (oss2 xml_utils.parse_list_live_channel), and never is here.
import { sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { parseMaxKeys } from './params.js';

export function listLiveChannel(ctx: OssContext): void {
  const q = ctx.state.query;
  sendXml(ctx, 'ListLiveChannelResult', {
    Prefix: q.get('prefix') ?? '',
    Marker: q.get('marker') ?? '',
    MaxKeys: String(parseMaxKeys(q.get('max-keys'), 100)),
    IsTruncated: 'false',
  });
}
