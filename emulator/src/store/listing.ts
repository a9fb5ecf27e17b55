// Listings over the objects table: current objects (ListObjects v1/v2) and all versions (ListObjectVersions).
// Keys compare as UTF-8 bytes, which is SQLite's default BINARY collation and the order OSS lists in (behaviour §9.5).
// A delimiter folds every key under one common prefix into a single entry; instead of walking those keys we jump
// past them with one indexed query, so a listing costs O(page) whatever the bucket holds.
import type { Db } from './db.js';
import { LISTED_COLUMNS, toListed, type ListedObject, type ListedRow } from './objects.js';

export interface ListQuery {
  prefix: string;
  delimiter: string;
  /** Exclusive start: only keys (or common prefixes) strictly after it. */
  marker: string;
  maxKeys: number;
}

export interface ListPage<T> {
  contents: T[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last key or common prefix returned, when truncated. */
  nextMarker?: string;
}

export interface VersionsQuery extends ListQuery {
  /** With marker (= key-marker): start after this version of that key (behaviour §9.7). */
  versionIdMarker: string;
}

export type { ListedObject };

export interface VersionsPage extends ListPage<ListedObject> {
  nextVersionIdMarker?: string;
}

const BATCH = 256;
/**
 * Rows read just after jumping past a common prefix: the next entry is often another common prefix, of which only
 * its first row is used, so a full batch there read 256 rows per prefix (a page of 1000 folders cost 211 ms over
 * 1,000 one-key folders; bench/README.md "Scale"). One row first; a batch again once plain keys follow.
 */
const PROBE = 1;

/** The smallest string that sorts after every string starting with `p` (UTF-8 order follows code points). */
export function afterPrefix(p: string): string {
  const cps = Array.from(p);
  while (cps.length > 0) {
    const last = cps.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      let next = last + 1;
      if (next >= 0xd800 && next <= 0xdfff) next = 0xe000;
      return cps.join('') + String.fromCodePoint(next);
    }
  }
  return '\u{10ffff}\u{10ffff}';
}

/** Folds `key` into its common prefix under `prefix` + `delimiter`, or undefined when it stands alone. */
function commonPrefixOf(key: string, prefix: string, delimiter: string): string | undefined {
  if (delimiter === '') return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

export class Listing {
  private readonly stmt;

  constructor(db: Db) {
    // Only the listed columns: reading and parsing whole rows (metadata and tags JSON) for 1000 entries dominated a
    // page's time (bench/README.md, "Listing columns").
    this.stmt = {
      // One lower bound per query: given both `key > marker` and `key >= prefix`, SQLite ranges over one and filters
      // the other, so a prefix deep in a bucket walked every key before it (86 ms a page at 1,000,000 keys;
      // bench/README.md "Scale"). The caller passes the tighter bound (`start`).
      currentAfter: db.prepare(
        `SELECT ${LISTED_COLUMNS} FROM objects WHERE bucket = ? AND is_latest = 1 AND is_delete_marker = 0 AND key > ?
         ORDER BY key LIMIT ?`,
      ),
      currentFrom: db.prepare(
        `SELECT ${LISTED_COLUMNS} FROM objects WHERE bucket = ? AND is_latest = 1 AND is_delete_marker = 0 AND key >= ?
         ORDER BY key LIMIT ?`,
      ),
      keysAfter: db.prepare('SELECT DISTINCT key FROM objects WHERE bucket = ? AND key > ? ORDER BY key LIMIT ?').pluck(),
      keysFrom: db.prepare('SELECT DISTINCT key FROM objects WHERE bucket = ? AND key >= ? ORDER BY key LIMIT ?').pluck(),
      // Newest first within a key (behaviour §9.7 [I]).
      versionsOfKey: db.prepare(`SELECT ${LISTED_COLUMNS} FROM objects WHERE bucket = ? AND key = ? ORDER BY id DESC`),
      versionsOfKeyBefore: db.prepare(`SELECT ${LISTED_COLUMNS} FROM objects WHERE bucket = ? AND key = ? AND id < ? ORDER BY id DESC`),
      versionRowId: db.prepare('SELECT id FROM objects WHERE bucket = ? AND key = ? AND version_id = ?').pluck(),
    };
  }

  current(bucket: string, q: ListQuery): ListPage<ListedObject> {
    const page: ListPage<ListedObject> = { contents: [], commonPrefixes: [], isTruncated: false };
    let count = 0;
    let after = q.marker;
    let from: string | undefined; // set after a skip: inclusive lower bound
    let limit = BATCH;
    for (;;) {
      const rows = (
        from !== undefined
          ? this.stmt.currentFrom.all(bucket, from, limit)
          : after >= q.prefix
            ? this.stmt.currentAfter.all(bucket, after, limit)
            : this.stmt.currentFrom.all(bucket, q.prefix, limit)
      ) as ListedRow[];
      const asked = limit;
      from = undefined;
      limit = BATCH;
      let skipped = false;
      for (const row of rows) {
        if (!row.key.startsWith(q.prefix)) return page;
        const cp = commonPrefixOf(row.key, q.prefix, q.delimiter);
        if (cp !== undefined && q.marker.startsWith(cp)) {
          // The marker lies inside this common prefix: it was returned on an earlier page.
          from = afterPrefix(cp);
          limit = PROBE;
          skipped = true;
          break;
        }
        if (count === q.maxKeys) {
          page.isTruncated = true;
          return page;
        }
        count++;
        if (cp !== undefined) {
          page.commonPrefixes.push(cp);
          page.nextMarker = cp;
          from = afterPrefix(cp);
          limit = PROBE;
          skipped = true;
          break;
        }
        page.contents.push(toListed(row));
        page.nextMarker = row.key;
        after = row.key;
      }
      if (!skipped && rows.length < asked) return page;
    }
  }

  versions(bucket: string, q: VersionsQuery): VersionsPage {
    const page: VersionsPage = { contents: [], commonPrefixes: [], isTruncated: false };
    let count = 0;
    // Returns false when the page is full.
    const emit = (rows: ListedRow[]): boolean => {
      for (const row of rows) {
        if (count === q.maxKeys) {
          page.isTruncated = true;
          return false;
        }
        count++;
        page.contents.push(toListed(row));
        page.nextMarker = row.key;
        page.nextVersionIdMarker = row.version_id;
      }
      return true;
    };
    // Versions of the marker key older than version-id-marker come first (key-marker + version-id-marker).
    if (q.marker !== '' && q.versionIdMarker !== '' && q.marker.startsWith(q.prefix)) {
      const id = this.stmt.versionRowId.get(bucket, q.marker, q.versionIdMarker) as number | undefined;
      if (id !== undefined && !emit(this.stmt.versionsOfKeyBefore.all(bucket, q.marker, id) as ListedRow[])) return page;
    }
    let after = q.marker;
    let from: string | undefined;
    let limit = BATCH;
    for (;;) {
      const keys = (
        from !== undefined
          ? this.stmt.keysFrom.all(bucket, from, limit)
          : after >= q.prefix
            ? this.stmt.keysAfter.all(bucket, after, limit)
            : this.stmt.keysFrom.all(bucket, q.prefix, limit)
      ) as string[];
      const asked = limit;
      from = undefined;
      limit = BATCH;
      let skipped = false;
      for (const key of keys) {
        if (!key.startsWith(q.prefix)) return page;
        const cp = commonPrefixOf(key, q.prefix, q.delimiter);
        if (cp !== undefined && q.marker.startsWith(cp)) {
          // The marker lies inside this common prefix: it was returned on an earlier page.
          from = afterPrefix(cp);
          limit = PROBE;
          skipped = true;
          break;
        }
        if (cp !== undefined) {
          if (count === q.maxKeys) {
            page.isTruncated = true;
            return page;
          }
          count++;
          page.commonPrefixes.push(cp);
          page.nextMarker = cp;
          page.nextVersionIdMarker = undefined;
          from = afterPrefix(cp);
          limit = PROBE;
          skipped = true;
          break;
        }
        if (!emit(this.stmt.versionsOfKey.all(bucket, key) as ListedRow[])) return page;
        after = key;
      }
      if (!skipped && keys.length < asked) return page;
    }
  }
}
