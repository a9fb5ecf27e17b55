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

type VersionRow = ListedRow & { id: number };

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
      // ListObjectVersions reads rows in (key, newest first) order straight from index objects_versions (schema.ts
      // migration 8), which holds every listed column: one query per key from the table cost 32 ms a page at
      // 1,000,000 objects (bench/README.md "Scale").
      versionsAfter: db.prepare(`SELECT id, ${LISTED_COLUMNS} FROM objects WHERE bucket = ? AND key > ? ORDER BY key, id DESC LIMIT ?`),
      versionsFrom: db.prepare(`SELECT id, ${LISTED_COLUMNS} FROM objects WHERE bucket = ? AND key >= ? ORDER BY key, id DESC LIMIT ?`),
      keyFrom: db.prepare('SELECT key FROM objects WHERE bucket = ? AND key >= ? ORDER BY key LIMIT 1').pluck(),
      // Newest first within a key (behaviour §9.7 [I]).
      versionsOfKeyBefore: db.prepare(`SELECT id, ${LISTED_COLUMNS} FROM objects WHERE bucket = ? AND key = ? AND id < ? ORDER BY id DESC`),
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
    const emit = (row: ListedRow): boolean => {
      if (count === q.maxKeys) {
        page.isTruncated = true;
        return false;
      }
      count++;
      page.contents.push(toListed(row));
      page.nextMarker = row.key;
      page.nextVersionIdMarker = row.version_id;
      return true;
    };
    const emitAll = (rows: ListedRow[]): boolean => rows.every(emit);
    // Versions of the marker key older than version-id-marker come first (key-marker + version-id-marker).
    if (q.marker !== '' && q.versionIdMarker !== '' && q.marker.startsWith(q.prefix)) {
      const id = this.stmt.versionRowId.get(bucket, q.marker, q.versionIdMarker) as number | undefined;
      if (id !== undefined && !emitAll(this.stmt.versionsOfKeyBefore.all(bucket, q.marker, id) as VersionRow[])) return page;
    }
    // Returns false when the page is full.
    const emitPrefix = (cp: string): boolean => {
      if (count === q.maxKeys) {
        page.isTruncated = true;
        return false;
      }
      count++;
      page.commonPrefixes.push(cp);
      page.nextMarker = cp;
      page.nextVersionIdMarker = undefined;
      return true;
    };
    let after = q.marker;
    let from: string | undefined; // set after a jump past a common prefix: inclusive lower bound
    for (;;) {
      if (from !== undefined) {
        // Just past a common prefix the next entry is often another one, of which only the key counts: one key from
        // the narrow index objects_by_version (a row of the wide objects_versions per folder made a delimiter page of
        // 1,000 folders cost 25 instead of 6 ms at 1,000,000 objects).
        const key = this.stmt.keyFrom.get(bucket, from) as string | undefined;
        if (key === undefined || !key.startsWith(q.prefix)) return page;
        const cp = commonPrefixOf(key, q.prefix, q.delimiter);
        if (cp !== undefined) {
          // A marker inside this common prefix: it was returned on an earlier page.
          if (!q.marker.startsWith(cp) && !emitPrefix(cp)) return page;
          from = afterPrefix(cp);
          continue;
        }
        from = key;
      }
      const rows = (
        from !== undefined
          ? this.stmt.versionsFrom.all(bucket, from, BATCH)
          : after >= q.prefix
            ? this.stmt.versionsAfter.all(bucket, after, BATCH)
            : this.stmt.versionsFrom.all(bucket, q.prefix, BATCH)
      ) as VersionRow[];
      from = undefined;
      let last: VersionRow | undefined;
      for (const row of rows) {
        if (!row.key.startsWith(q.prefix)) return page;
        const cp = commonPrefixOf(row.key, q.prefix, q.delimiter);
        if (cp !== undefined) {
          if (!q.marker.startsWith(cp) && !emitPrefix(cp)) return page;
          from = afterPrefix(cp);
          break;
        }
        if (!emit(row)) return page;
        last = row;
      }
      if (from !== undefined) continue;
      if (rows.length < BATCH || last === undefined) return page;
      // A full batch may end inside a key's versions: the rest of that key's, then on after it.
      if (!emitAll(this.stmt.versionsOfKeyBefore.all(bucket, last.key, last.id) as VersionRow[])) return page;
      after = last.key;
    }
  }
}
