// Object tags (behaviour §1.5, §5): the x-oss-tagging header form, the Tagging XML document, the limits, and the
// tagging directive of CopyObject.
import { OssError, invalidArgument } from './errors.js';
import type { Tag } from './types.js';

export const MAX_TAGS = 10;
export const MAX_TAG_KEY = 128;
export const MAX_TAG_VALUE = 256;
/** Letters and digits of any script, space and + - = . _ : / (behaviour §5 [I]: real OSS accepted Chinese tags). */
const TAG_CHARS = /^[\p{L}\p{N} +\-=._:/]*$/u;

/** Whether a tag key or value uses only the characters object tags allow (lifecycle rule tags: domain/lifecycle.ts). */
export function isTagText(s: string): boolean {
  return TAG_CHARS.test(s);
}

function decode(s: string): string {
  try {
    // `+` stays a plus, as everywhere else in OSS [U: the conformance suite records whether OSS reads it as space].
    return decodeURIComponent(s);
  } catch {
    throw new OssError('InvalidArgumentTaggingHeader');
  }
}

/** `k1=v1&k2=v2`, each part URL-encoded; a pair without `=` has an empty value; `a=b=c` and duplicates fail. */
export function parseTaggingHeader(value: string | undefined): Tag[] {
  if (value === undefined || value === '') return [];
  const tags: Tag[] = [];
  for (const pair of value.split('&')) {
    if (pair === '') continue;
    const parts = pair.split('=');
    if (parts.length > 2) throw new OssError('InvalidArgumentTaggingHeader');
    const key = decode(parts[0]!);
    const val = decode(parts[1] ?? '');
    if (tags.some((t) => t.key === key)) throw new OssError('InvalidArgumentTaggingHeader');
    tags.push({ key, value: val });
  }
  validateTags(tags);
  return tags;
}

/**
 * The limits of behaviour §5. The code is [U] (InvalidTag chosen; the suite records OSS's); the ECs are DOCS':
 * 0010-00000209 a Key element of a Tagging body over 128 characters, 0010-00000214 a Value over 256, and
 * 0010-00000217 for any other invalid tag (characters, lengths, count, duplicates) — also in x-oss-tagging [I].
 */
export function validateTags(tags: Tag[], from: 'header' | 'xml' = 'header'): void {
  if (tags.length > MAX_TAGS) throw new OssError('InvalidTagTooMany');
  const invalid = (ec = '0010-00000217') => new OssError('InvalidTag', undefined, ec);
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    if ([...key].length > MAX_TAG_KEY) throw invalid(from === 'xml' ? '0010-00000209' : undefined);
    if ([...value].length > MAX_TAG_VALUE) throw invalid(from === 'xml' ? '0010-00000214' : undefined);
    if (key === '' || !TAG_CHARS.test(key) || !TAG_CHARS.test(value) || seen.has(key)) throw invalid();
    seen.add(key);
  }
}

/**
 * The TagSet of a PutObjectTagging body (already parsed XML), checked against the object limits unless the caller
 * checks its own (PutBucketTags: domain/bucketTags.ts).
 */
export function tagsFromXml(doc: Record<string, unknown> | undefined, opts = { validate: true }): Tag[] {
  const tagging = doc?.Tagging;
  if (tagging === undefined || tagging === null) throw new OssError('MalformedXML');
  if (tagging === '') return [];
  if (typeof tagging !== 'object') throw new OssError('MalformedXML');
  const set = (tagging as Record<string, unknown>).TagSet;
  if (set === undefined || set === '') return [];
  if (typeof set !== 'object' || set === null) throw new OssError('MalformedXML');
  const raw = (set as Record<string, unknown>).Tag;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const tags = list.map((t) => {
    if (t === null || typeof t !== 'object') throw new OssError('MalformedXML');
    const { Key, Value } = t as Record<string, unknown>;
    if (typeof Key !== 'string') throw new OssError('MalformedXML');
    return { key: Key, value: typeof Value === 'string' ? Value : '' };
  });
  if (opts.validate) validateTags(tags, 'xml');
  return tags;
}

export function tagsToXml(tags: Tag[]): object {
  return { TagSet: tags.length === 0 ? '' : { Tag: tags.map((t) => ({ Key: t.key, Value: t.value })) } };
}

export type TaggingDirective = 'Copy' | 'Replace';

/** x-oss-tagging-directive: Copy (default) or Replace, any case (behaviour §1.5 [S] PY2 integration tests). */
export function parseTaggingDirective(value: string | undefined): TaggingDirective {
  if (value === undefined || value === '') return 'Copy';
  const v = value.toLowerCase();
  if (v === 'copy') return 'Copy';
  if (v === 'replace') return 'Replace';
  throw invalidArgument('InvalidArgumentTaggingDirective', 'x-oss-tagging-directive', value);
}
