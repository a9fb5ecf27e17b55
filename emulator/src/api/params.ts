// Query parameters several APIs share, validated once.
import { invalidArgument } from '../domain/errors.js';

/** max-keys: an integer 1–1000 (DOCS ListObjects/ListBuckets); absent → the API's default. */
export function parseMaxKeys(value: string | undefined, fallback: number, name = 'max-keys', ec?: string): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,10}$/.test(value)) throw invalidArgument('InvalidArgumentNotInteger', name, value, ec);
  const n = Number(value);
  if (n < 1 || n > 1000) throw invalidArgument('InvalidArgumentMaxKeysRange', name, value, ec);
  return n;
}

/**
 * The EC of a bad max-keys, per API (DOCS 0015-00000402 ListObjects, 0012-00000102 ListObjectVersions,
 * 0017-00000289 ListBuckets; ListObjectsV2 shares ListObjects' [I]).
 */
export const MAX_KEYS_EC = { listObjects: '0015-00000402', listObjectVersions: '0012-00000102', listBuckets: '0017-00000289' } as const;

/** encoding-type: only `url` exists (behaviour §9). */
export function parseEncodingType(value: string | undefined): 'url' | undefined {
  if (value === undefined || value === '') return undefined;
  if (value !== 'url') throw invalidArgument('InvalidArgumentEncodingType', 'encoding-type', value);
  return 'url';
}
