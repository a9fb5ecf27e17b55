// Where the bucket and key come from (behaviour §8.6): virtual-hosted requests name the bucket in the Host
// (`<bucket>.oss-<region>.aliyuncs.com`, also what ali-oss sends to an IP endpoint, or `<bucket>.localhost`;
// an empty bucket label, `.oss-<region>.aliyuncs.com`, is the service host);
// everything else is path style, `/<bucket>/<key>`. The path is always percent-decoded; `+` is a literal plus.
import type { Next } from 'koa';
import { OssError } from '../domain/errors.js';
import type { OssContext } from './state.js';

export interface Address {
  bucket?: string;
  key?: string;
  hostRegion?: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The region an OSS endpoint host names: `oss-cn-hangzhou[-internal].aliyuncs.com`, `cn-hangzhou.oss.aliyuncs.com`. */
function regionOfLabels(labels: string[]): string | undefined {
  // From the right: a bucket label may itself start with oss- (`oss-python-sdk-x.oss-cn-shanghai.aliyuncs.com`).
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i]!;
    // The endpoint label is the one before `aliyuncs`: a bucket may be named oss-… itself (oss2's oss-python-sdk-…).
    if (label.startsWith('oss-') && labels[i + 1] === 'aliyuncs' && label !== 'oss-accelerate' && label !== 'oss-accelerate-overseas') {
      return label.slice(4).replace(/-internal$/, '');
    }
    if (labels[i + 1] === 'oss' && i + 2 < labels.length) return label; // dual-stack <region>.oss.aliyuncs.com
  }
  return undefined;
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new OssError('InvalidURI');
  }
}

export function resolveAddress(hostHeader: string, rawPath: string): Address {
  let host = hostHeader.toLowerCase();
  if (host.startsWith('[')) host = host.slice(0, host.indexOf(']') + 1); // [v6]:port
  else host = host.replace(/:\d*$/, '');
  const labels = host.split('.');
  const isIp = IPV4.test(host) || host.startsWith('[');
  const hostRegion = isIp ? undefined : regionOfLabels(labels);

  let hostBucket: string | undefined;
  if (!isIp && labels.length >= 2) {
    const first = labels[0]!;
    const rest = labels.slice(1).join('.');
    // An empty first label is the service: ali-oss sends `Host: .oss-<region>.aliyuncs.com` for ListBuckets when
    // its endpoint is an IP (`lib/common/utils/createRequest.js` joins bucket and host; sdk-suites-2026-12-01.md).
    // A bucket may itself be named oss-…: `oss-python-sdk-x.oss-cn-shanghai.aliyuncs.com` (oss2's test buckets behind
    // a public endpoint) names a bucket; only `oss-<region>.aliyuncs.com` itself is the service.
    const serviceHost = first === '' || rest === 'aliyuncs.com' || labels[1] === 'oss';
    if ((host.endsWith('.aliyuncs.com') && !serviceHost) || rest === 'localhost') hostBucket = first;
  }

  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (hostBucket !== undefined) {
    return { bucket: hostBucket, key: path === '' ? undefined : decodePath(path), hostRegion };
  }
  if (path === '') return { hostRegion };
  const slash = path.indexOf('/');
  const bucket = decodePath(slash < 0 ? path : path.slice(0, slash));
  const rest = slash < 0 ? '' : path.slice(slash + 1);
  return { bucket, key: rest === '' ? undefined : decodePath(rest), hostRegion };
}

export async function addressing(ctx: OssContext, next: Next): Promise<void> {
  const address = resolveAddress(ctx.state.host, ctx.path);
  ctx.state.bucket = address.bucket;
  ctx.state.key = address.key;
  ctx.state.hostRegion = address.hostRegion;
  await next();
}
