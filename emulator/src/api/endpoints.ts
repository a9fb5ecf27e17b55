// Endpoint names OSS reports for a bucket: `Location` (oss-<region>) and the ExtranetEndpoint / IntranetEndpoint of
// ListBuckets and GetBucketInfo (behaviour §8.6: `oss-<region>.aliyuncs.com`, internal `-internal`).
//
// The SDKs' own suites follow those two endpoints back to the bucket: the Python SDK v2
// (tests/integration/__init__.py `clean_bucket`) keeps its client when one of them equals OSS_TEST_ENDPOINT and
// otherwise builds a client on `extranet_endpoint`; the Go SDK v2 (oss/client_integration_test.go `cleanBucket`)
// keeps its client when OSS_TEST_ENDPOINT contains one of them. Real names would send them to the real service.
// So the emulator reports, for both:
//   1. --public-endpoint / EmulatorOptions.publicEndpoint when set (for a proxy or port mapping the Host header
//      does not show), as given;
//   2. the real names when the request came on an OSS host name (`….aliyuncs.com`: the client resolves those to
//      the emulator itself, e.g. ali-oss against an IP endpoint, or a hosts-file entry, so they lead back here);
//   3. otherwise the scheme and Host the request came on, without a virtual-hosted bucket label
//      (`bkt.localhost:9500` → `localhost:9500`): the listener serves every bucket and region, so an SDK configured
//      with `http://127.0.0.1:9500` (or the HTTPS port) sees its own endpoint again.
import { resolveAddress } from '../http/addressing.js';
import type { OssContext } from '../http/state.js';

export function locationOf(region: string): string {
  return `oss-${region}`;
}

export function extranetEndpoint(region: string): string {
  return `oss-${region}.aliyuncs.com`;
}

export function intranetEndpoint(region: string): string {
  return `oss-${region}-internal.aliyuncs.com`;
}

/** The host a request was addressed to, without the bucket label of a virtual-hosted request. */
export function serviceHost(host: string): string {
  const { bucket } = resolveAddress(host, '/');
  return bucket !== undefined && host.toLowerCase().startsWith(bucket + '.') ? host.slice(bucket.length + 1) : host;
}

/** ExtranetEndpoint and IntranetEndpoint for a bucket of `region`, as seen by this request (rules above). */
export function bucketEndpoints(ctx: OssContext, region: string): { extranet: string; intranet: string } {
  const configured = ctx.state.config.publicEndpoint;
  if (configured !== undefined) return { extranet: configured, intranet: configured };
  const host = ctx.state.host;
  if (host === '' || /\.aliyuncs\.com(:\d+)?$/i.test(host)) {
    return { extranet: extranetEndpoint(region), intranet: intranetEndpoint(region) };
  }
  const own = `${ctx.protocol}://${serviceHost(host)}`;
  return { extranet: own, intranet: own };
}

/**
 * The host name a bucket's URLs are built on (LiveChannel publish and play URLs): the same choice as
 * bucketEndpoints, without the scheme. oss2's live test_live_channel.py expects `<bucket>.<its endpoint host>`.
 */
export function endpointHost(ctx: OssContext, region: string): string {
  const configured = ctx.state.config.publicEndpoint;
  if (configured !== undefined) return configured.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  const host = ctx.state.host;
  if (host === '') return extranetEndpoint(region);
  return serviceHost(host);
}
