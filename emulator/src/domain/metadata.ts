// Object metadata from request headers and back (behaviour §1.4, §1.8, §9.2): the standard headers OSS stores and
// x-oss-meta-*, names lower-cased, values kept as Node hands them over (latin1 strings, i.e. the raw bytes), at
// most 8 KiB in total (DOCS PutObject: "the total size of user metadata cannot exceed 8 KB").
import type { IncomingHttpHeaders } from 'node:http';
import { OssError } from './errors.js';
import { STANDARD_META_HEADERS, type ObjectMetadata } from './types.js';

export const MAX_USER_METADATA_BYTES = 8 * 1024;
/** Server default when a PUT names no Content-Type [I] (behaviour §9.2). */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

export function metadataFromHeaders(headers: IncomingHttpHeaders, defaultContentType = DEFAULT_CONTENT_TYPE): ObjectMetadata {
  const standard: ObjectMetadata['standard'] = {};
  for (const name of STANDARD_META_HEADERS) {
    const v = first(headers[name]);
    if (v !== undefined && v !== '') standard[name] = v;
  }
  standard['content-type'] ??= defaultContentType;
  const user: Record<string, string> = {};
  let size = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('x-oss-meta-')) continue;
    const v = first(value) ?? '';
    const short = name.slice('x-oss-meta-'.length);
    user[short] = v;
    size += Buffer.byteLength(short, 'latin1') + Buffer.byteLength(v, 'latin1');
  }
  if (size > MAX_USER_METADATA_BYTES) throw new OssError('MetadataTooLarge');
  return { standard, user };
}

/** The response headers describing stored metadata. */
export function metadataToHeaders(meta: ObjectMetadata): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(meta.standard)) if (value !== undefined) out[name] = value;
  for (const [name, value] of Object.entries(meta.user)) out[`x-oss-meta-${name}`] = value;
  return out;
}
