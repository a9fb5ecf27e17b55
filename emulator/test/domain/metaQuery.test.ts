// MetaQuery's pure rules (behaviour §17.2): the query language, paging order, aggregations and the index state.
import { describe, expect, it } from 'vitest';
import {
  Aggregator,
  isAfter,
  matches,
  metaQueryState,
  orderOf,
  parseMetaQueryRequest,
  parseQuery,
  TopRows,
  type MetaQueryRow,
} from '../../src/domain/metaQuery.js';
import { OssError } from '../../src/domain/errors.js';

const row = (filename: string, size: number, extra: Partial<MetaQueryRow> = {}): MetaQueryRow => ({
  filename,
  size,
  modified: Date.UTC(2025, 0, 2, 3, 4, 5),
  etag: 'ABC',
  objectAcl: 'default',
  objectType: 'Normal',
  storageClass: 'Standard',
  crc64: '123',
  tags: [],
  userMeta: {},
  standard: { 'content-type': 'text/plain' },
  ...extra,
});

const refusal = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof OssError ? `${e.code} ${String(e.details.ArgumentName)}` : 'other';
  }
  return undefined;
};

describe('the Query JSON', () => {
  it('compares Size as a number, FileModifiedTime as a time, text fields as text', () => {
    const r = row('dir/a.txt', 10);
    expect(matches(parseQuery('{"Field": "Size","Value": "9","Operation": "gt"}'), r)).toBe(true);
    expect(matches(parseQuery('{"Field": "Size","Value": "10","Operation": "lt"}'), r)).toBe(false);
    expect(matches(parseQuery('{"Field": "Size","Value": "10","Operation": "lte"}'), r)).toBe(true);
    expect(matches(parseQuery('{"Field": "FileModifiedTime","Value": "2025-01-02T11:04:05+08:00","Operation": "eq"}'), r)).toBe(true);
    expect(matches(parseQuery('{"Field": "Filename","Value": "dir/","Operation": "prefix"}'), r)).toBe(true);
    expect(matches(parseQuery('{"Field": "Filename","Value": "A.T","Operation": "match"}'), r)).toBe(true);
    expect(matches(parseQuery('{"Field": "ETag","Value": "\\"ABC\\"","Operation": "eq"}'), r)).toBe(true);
  });

  it('reads OSSTagging.<key> case-sensitively and OSSUserMeta.<key> with any case and the x-oss-meta- prefix', () => {
    const r = row('a', 1, { tags: [{ key: 'owner', value: 'John' }], userMeta: { location: 'hangzhou' } });
    expect(matches(parseQuery('{"Field": "OSSTagging.owner","Value": "John","Operation": "eq"}'), r)).toBe(true);
    expect(matches(parseQuery('{"Field": "OSSTagging.Owner","Value": "John","Operation": "eq"}'), r)).toBe(false);
    expect(matches(parseQuery('{"Field": "OSSUserMeta.X-Oss-Meta-Location","Value": "hangzhou","Operation": "eq"}'), r)).toBe(true);
    expect(matches(parseQuery('{"Field": "OSSTaggingCount","Value": "1","Operation": "eq"}'), r)).toBe(true);
  });

  it('nests and / or / not over SubQueries', () => {
    const q = parseQuery(JSON.stringify({
      Operation: 'and',
      SubQueries: [
        { Field: 'Size', Value: '5', Operation: 'gte' },
        { Operation: 'not', SubQueries: [{ Field: 'Filename', Value: 'tmp/', Operation: 'prefix' }] },
        { Operation: 'or', SubQueries: [{ Field: 'OSSStorageClass', Value: 'IA', Operation: 'eq' }, { Field: 'Size', Value: '100', Operation: 'gt' }] },
      ],
    }));
    expect(matches(q, row('a', 200))).toBe(true);
    expect(matches(q, row('tmp/a', 200))).toBe(false);
    expect(matches(q, row('a', 50))).toBe(false);
    expect(matches(q, row('a', 50, { storageClass: 'IA' }))).toBe(true);
  });

  it('refuses what the field table does not allow, and what is not a query', () => {
    expect(refusal(() => parseQuery('not json'))).toBe('InvalidArgument Query');
    expect(refusal(() => parseQuery('{"Field": "Nope","Value": "1","Operation": "eq"}'))).toBe('InvalidArgument Field');
    expect(refusal(() => parseQuery('{"Field": "Size","Value": "1","Operation": "prefix"}'))).toBe('InvalidArgument Operation');
    expect(refusal(() => parseQuery('{"Field": "Size","Value": "x","Operation": "gt"}'))).toBe('InvalidArgument Value');
    expect(refusal(() => parseQuery('{"Field": "OSSStorageClass","Value": "IA","Operation": "match"}'))).toBe('InvalidArgument Operation');
    expect(refusal(() => parseQuery('{"Operation": "and","SubQueries": []}'))).toBe('InvalidArgument SubQueries');
  });
});

describe('the DoMetaQuery body', () => {
  const body = (inner: Record<string, unknown>) => ({ MetaQuery: { Query: '{"Field": "Size","Value": "0","Operation": "gte"}', ...inner } });

  it('answers at most 100, 100 for 0 or none (PY2 live test asks for 80369)', () => {
    expect(parseMetaQueryRequest(body({ MaxResults: '80369' })).maxResults).toBe(100);
    expect(parseMetaQueryRequest(body({ MaxResults: '0' })).maxResults).toBe(100);
    expect(parseMetaQueryRequest(body({ MaxResults: '2' })).maxResults).toBe(2);
    expect(parseMetaQueryRequest(body({})).sort).toBe('Filename');
  });

  it('refuses a sort or aggregation the field table does not allow', () => {
    expect(refusal(() => parseMetaQueryRequest(body({ Sort: 'OSSTagging.a' })))).toBe('InvalidArgument Sort');
    expect(refusal(() => parseMetaQueryRequest(body({ Order: 'up' })))).toBe('InvalidArgument Order');
    expect(refusal(() => parseMetaQueryRequest(body({ Aggregations: { Aggregation: { Field: 'Filename', Operation: 'sum' } } })))).toBe('InvalidArgument Operation');
    expect(refusal(() => parseMetaQueryRequest(body({ NextToken: '!!' })))).toBe('InvalidArgument NextToken');
    expect(refusal(() => parseMetaQueryRequest({}))).toBe('MalformedXML undefined');
  });
});

describe('paging and aggregations', () => {
  const rows = [row('c', 3), row('a', 1), row('d', 3), row('b', 2)];

  it('keeps only the first page in the sort order, then filename, and resumes after the token position', () => {
    const req = parseMetaQueryRequest({ MetaQuery: { Query: '{"Field": "Size","Value": "0","Operation": "gt"}', Sort: 'Size', Order: 'desc', MaxResults: '2' } });
    const top = new TopRows(3, orderOf(req));
    rows.forEach((r) => top.offer(r));
    expect(top.rows.map((r) => r.filename)).toEqual(['d', 'c', 'b']);
    const next = { ...req, after: [3, 'c'] as [number, string] };
    expect(rows.filter((r) => isAfter(next, r)).map((r) => r.filename).sort()).toEqual(['a', 'b']);
  });

  it('sums, counts and groups every matching row; no value for min / max / average of none', () => {
    const agg = new Aggregator([
      { field: 'Size', operation: 'sum' },
      { field: 'Size', operation: 'max' },
      { field: 'Size', operation: 'average' },
      { field: 'Size', operation: 'distinct' },
      { field: 'OSSStorageClass', operation: 'group' },
      { field: 'Filename', operation: 'count' },
    ]);
    rows.forEach((r) => agg.add(r));
    expect(agg.results().map((a) => a.value ?? a.groups)).toEqual([9, 3, 2.25, 3, [{ value: 'Standard', count: 4 }], 4]);
    const none = new Aggregator([{ field: 'Size', operation: 'sum' }, { field: 'Size', operation: 'max' }]);
    expect(none.results()).toEqual([{ field: 'Size', operation: 'sum', value: 0 }, { field: 'Size', operation: 'max' }]);
  });
});

describe('the index state', () => {
  it('is Ready just after opening, then Running', () => {
    expect(metaQueryState(1000, 1500).state).toBe('Ready');
    expect(metaQueryState(1000, 4000)).toEqual({ state: 'Running', phase: 'IncrementalScanning', updatedAt: 4000 });
  });
});
