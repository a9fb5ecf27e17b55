// x-oss-copy-source (behaviour §1.2): `/<bucket>/<url-encoded key>[?versionId=<id>]`. Every SDK encodes the key
// differently (PY2 keeps `/`, ali-oss sends %2F); all of them percent-encode a `?` inside the key and a `+`, so
// the query starts at the first literal `?`, the key is percent-decoded whole, and `+` stays a plus.
import { OssError } from './errors.js';
import { isWellFormedVersionId } from './versionId.js';

export interface CopySource {
  bucket: string;
  key: string;
  versionId?: string;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new OssError('InvalidArgumentCopySource');
  }
}

export function parseCopySource(header: string): CopySource {
  if (!header.startsWith('/')) throw new OssError('InvalidArgumentCopySource');
  const q = header.indexOf('?');
  const path = q < 0 ? header.slice(1) : header.slice(1, q);
  const slash = path.indexOf('/');
  if (slash <= 0 || slash === path.length - 1) throw new OssError('InvalidArgumentCopySource');
  const bucket = decode(path.slice(0, slash));
  const key = decode(path.slice(slash + 1));
  if (q < 0) return { bucket, key };
  let versionId: string | undefined;
  for (const pair of header.slice(q + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (name !== 'versionId') throw new OssError('InvalidArgumentCopySourceParam');
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    if (value === '') throw new OssError('InvalidArgumentEmptyVersionId');
    if (!isWellFormedVersionId(value)) throw new OssError('InvalidArgumentVersionId');
    versionId = value;
  }
  return { bucket, key, versionId };
}
