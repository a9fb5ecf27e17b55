// Bucket tags (PutBucketTags / GetBucketTags / DeleteBucketTags, behaviour §14.1): a bucket's Tagging document and
// its limits, which are not an object's (domain/tagging.ts). Sources: the PutBucketTags usage notes (bucket tagging
// SDK pages: at most 20 tags; a key of at most 64 characters, not empty, not starting with http://, https:// or
// Aliyun, case-insensitive; a value of at most 128 characters, possibly empty) and the EC pages 0010-00000219 (a
// Tag/Key or Tag/Value of a PutBucketTags body outside those limits), 0010-00000207 (a forbidden key prefix) and
// 0010-00000002 (a key starting with acs). Bucket tags are not limited to an object tag's characters: oss2's live
// test_bucket_tagging puts the keys `%@abc` and `123++` with the value `++123%`.
import { OssError } from './errors.js';
import { tagsFromXml } from './tagging.js';
import type { Tag } from './types.js';

export const MAX_BUCKET_TAGS = 20;
export const MAX_BUCKET_TAG_KEY = 64;
export const MAX_BUCKET_TAG_VALUE = 128;

/**
 * Refuses tags OSS refuses. Code InvalidTag throughout [I: the ECs are documented, the code and message of each
 * case are not captured]; lengths are counted in characters [I: the usage notes say characters, the EC page bytes].
 */
export function validateBucketTags(tags: Tag[]): void {
  if (tags.length > MAX_BUCKET_TAGS) throw new OssError('InvalidTagBucketTooMany');
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    if (/^acs/i.test(key)) throw new OssError('InvalidTag', undefined, '0010-00000002');
    if (/^(https?:\/\/|aliyun)/i.test(key)) throw new OssError('InvalidTag', undefined, '0010-00000207');
    if (key === '' || [...key].length > MAX_BUCKET_TAG_KEY || [...value].length > MAX_BUCKET_TAG_VALUE) {
      throw new OssError('InvalidTag', undefined, '0010-00000219');
    }
    // Duplicate keys [I: refused as for object tags].
    if (seen.has(key)) throw new OssError('InvalidTag', undefined, '0010-00000219');
    seen.add(key);
  }
}

/** The tags of a PutBucketTags body (parsed XML): the object-tag document shape, the bucket limits. */
export function bucketTagsFromXml(doc: Record<string, unknown> | undefined): Tag[] {
  const tags = tagsFromXml(doc, { validate: false });
  validateBucketTags(tags);
  return tags;
}

/** DeleteBucketTags `?tagging=k1,k2`: the keys to delete; undefined (a bare `?tagging`) deletes them all. */
export function keysToDelete(param: string | undefined): Set<string> | undefined {
  if (param === undefined || param === '') return undefined;
  return new Set(param.split(','));
}

/** What is left after a DeleteBucketTags. */
export function remainingTags(tags: Tag[], keys: Set<string> | undefined): Tag[] {
  return keys === undefined ? [] : tags.filter((t) => !keys.has(t.key));
}
