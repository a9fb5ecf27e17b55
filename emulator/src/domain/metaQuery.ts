// MetaQuery scalar search (OpenMetaQuery, GetMetaQueryStatus, DoMetaQuery, CloseMetaQuery; behaviour §17.2): the
// request rules and an evaluator over plain object rows. Sources: the DoMetaQuery API reference (request elements,
// MaxResults 0–100 with 0 or absent meaning 100, NextToken paging in the sort order, the File elements and their
// order in its sample), "Appendix: fields and operators for scalar retrieval" (which field takes which simple
// operator, aggregation and sort; OSSUserMeta.<key> with a case-insensitive key, OSSTagging.<key> case-sensitive),
// PY2 models/bucket_meta_query.py and live tests/integration/test_meta_query_client.py (MaxResults 80369 answered
// 200), oss2 models MetaQuery and unittests/test_bucket.py (the response shapes).
import { OssError, invalidArgument } from './errors.js';

/** What the evaluator knows of one object (the current version of a key). */
export interface MetaQueryRow {
  filename: string;
  size: number;
  /** ms since epoch */
  modified: number;
  /** upper-case hex, unquoted, as stored */
  etag: string;
  objectAcl: string;
  objectType: string;
  storageClass: string;
  /** unsigned decimal */
  crc64: string;
  tags: { key: string; value: string }[];
  /** x-oss-meta-* names without the prefix, lower-case */
  userMeta: Record<string, string>;
  /** content-type, content-encoding, … (lower-case header names) */
  standard: Record<string, string | undefined>;
  serverSideEncryption?: string;
  serverSideEncryptionKeyId?: string;
  serverSideDataEncryption?: string;
}

export type SimpleOperation = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'match' | 'prefix';
export type LogicalOperation = 'and' | 'or' | 'not';
export type QueryNode =
  | { op: SimpleOperation; field: string; value: string }
  | { op: LogicalOperation; subQueries: QueryNode[] };

export type AggregationOperation = 'min' | 'max' | 'average' | 'sum' | 'count' | 'distinct' | 'group';
export interface AggregationRequest {
  field: string;
  operation: AggregationOperation;
}

export interface MetaQueryRequest {
  query: QueryNode;
  sort: string;
  order: 'asc' | 'desc';
  maxResults: number;
  /** The position after which this page starts: [sort value, filename]. */
  after?: [string | number, string];
  aggregations: AggregationRequest[];
}

type Kind = 'number' | 'time' | 'text';
interface FieldRule {
  kind: Kind;
  /** match (fuzzy) */
  match?: boolean;
  prefix?: boolean;
  /** min, max, sum, average */
  numeric?: boolean;
  /** count, distinct, group and Sort */
  counted?: boolean;
}

// The appendix's support table. Content* and the encryption key id are answered fields the table does not list:
// they take what a text field takes [I].
const FIELDS: Record<string, FieldRule> = {
  ETag: { kind: 'text', prefix: true, counted: true },
  FileModifiedTime: { kind: 'time', counted: true },
  Filename: { kind: 'text', match: true, prefix: true, counted: true },
  ObjectACL: { kind: 'text', prefix: true, counted: true },
  OSSCRC64: { kind: 'text', prefix: true, counted: true },
  OSSObjectType: { kind: 'text', prefix: true, counted: true },
  OSSStorageClass: { kind: 'text', prefix: true, counted: true },
  OSSTaggingCount: { kind: 'number', numeric: true, counted: true },
  ServerSideEncryption: { kind: 'text', prefix: true, counted: true },
  ServerSideEncryptionKeyId: { kind: 'text', prefix: true, counted: true },
  ServerSideDataEncryption: { kind: 'text', prefix: true, counted: true },
  Size: { kind: 'number', numeric: true, counted: true },
  ContentType: { kind: 'text', prefix: true, counted: true },
  ContentEncoding: { kind: 'text', prefix: true, counted: true },
  ContentLanguage: { kind: 'text', prefix: true, counted: true },
  ContentDisposition: { kind: 'text', prefix: true, counted: true },
  CacheControl: { kind: 'text', prefix: true, counted: true },
};
const TAG_FIELD: FieldRule = { kind: 'text', prefix: true };
const USER_META_FIELD: FieldRule = { kind: 'text', prefix: true };

const STANDARD: Record<string, string> = {
  ContentType: 'content-type',
  ContentEncoding: 'content-encoding',
  ContentLanguage: 'content-language',
  ContentDisposition: 'content-disposition',
  CacheControl: 'cache-control',
};

function ruleOf(field: string): FieldRule | undefined {
  if (field.startsWith('OSSTagging.') && field.length > 'OSSTagging.'.length) return TAG_FIELD;
  if (field.startsWith('OSSUserMeta.') && field.length > 'OSSUserMeta.'.length) return USER_META_FIELD;
  return Object.prototype.hasOwnProperty.call(FIELDS, field) ? FIELDS[field] : undefined;
}

/** The value a field has on a row: numbers for Size, OSSTaggingCount and FileModifiedTime (ms), else text. */
export function fieldValue(row: MetaQueryRow, field: string): string | number | undefined {
  if (field.startsWith('OSSTagging.')) {
    const key = field.slice('OSSTagging.'.length);
    return row.tags.find((t) => t.key === key)?.value;
  }
  if (field.startsWith('OSSUserMeta.')) {
    // Written with its x-oss-meta- prefix in the docs' example; the key is case-insensitive.
    const key = field.slice('OSSUserMeta.'.length).toLowerCase().replace(/^x-oss-meta-/, '');
    return row.userMeta[key];
  }
  switch (field) {
    case 'Filename': return row.filename;
    case 'Size': return row.size;
    case 'FileModifiedTime': return row.modified;
    case 'ETag': return `"${row.etag}"`;
    case 'ObjectACL': return row.objectAcl;
    case 'OSSObjectType': return row.objectType;
    case 'OSSStorageClass': return row.storageClass;
    case 'OSSCRC64': return row.crc64;
    case 'OSSTaggingCount': return row.tags.length;
    case 'ServerSideEncryption': return row.serverSideEncryption;
    case 'ServerSideEncryptionKeyId': return row.serverSideEncryptionKeyId;
    case 'ServerSideDataEncryption': return row.serverSideDataEncryption;
    default: return STANDARD[field] !== undefined ? row.standard[STANDARD[field]!] : undefined;
  }
}

const bad = (name: string, value: string) => invalidArgument('InvalidArgumentMetaQuery', name, value);

/** A query value in the field's kind: a number for Size / OSSTaggingCount, ms for an RFC 3339 FileModifiedTime. */
function operand(rule: FieldRule, value: string): string | number {
  if (rule.kind === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(value.trim())) throw bad('Value', value);
    return Number(value);
  }
  if (rule.kind === 'time') {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw bad('Value', value);
    return ms;
  }
  return value;
}

function parseNode(v: unknown, depth: number): QueryNode {
  if (depth > 10 || v === null || typeof v !== 'object' || Array.isArray(v)) throw bad('Query', JSON.stringify(v) ?? '');
  const node = v as Record<string, unknown>;
  const op = node.Operation;
  if (op === 'and' || op === 'or' || op === 'not') {
    const subs = node.SubQueries;
    if (!Array.isArray(subs) || subs.length === 0) throw bad('SubQueries', JSON.stringify(subs) ?? '');
    return { op, subQueries: subs.map((s) => parseNode(s, depth + 1)) };
  }
  if (typeof op !== 'string' || !['eq', 'gt', 'gte', 'lt', 'lte', 'match', 'prefix'].includes(op)) throw bad('Operation', String(op));
  const field = node.Field;
  const value = node.Value;
  if (typeof field !== 'string') throw bad('Field', String(field));
  const rule = ruleOf(field);
  if (rule === undefined) throw bad('Field', field);
  if (typeof value !== 'string' && typeof value !== 'number') throw bad('Value', String(value));
  if ((op === 'match' && !rule.match) || (op === 'prefix' && !rule.prefix)) throw bad('Operation', op);
  const text = String(value);
  if (op !== 'match' && op !== 'prefix') operand(rule, text);
  return { op: op as SimpleOperation, field, value: text };
}

/** The `<Query>` JSON: a simple condition, or and / or / not over SubQueries. */
export function parseQuery(text: string | undefined): QueryNode {
  if (text === undefined || text.trim() === '') throw bad('Query', text ?? '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('Query', text);
  }
  return parseNode(json, 0);
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function matches(node: QueryNode, row: MetaQueryRow): boolean {
  switch (node.op) {
    case 'and': return node.subQueries.every((q) => matches(q, row));
    case 'or': return node.subQueries.some((q) => matches(q, row));
    // not: none of its subqueries holds [I].
    case 'not': return !node.subQueries.some((q) => matches(q, row));
    default: {
      const actual = fieldValue(row, node.field);
      if (actual === undefined) return false;
      if (node.op === 'prefix') return String(actual).startsWith(node.value);
      // match: a fuzzy query; here a substring, case-insensitive [I].
      if (node.op === 'match') return String(actual).toLowerCase().includes(node.value.toLowerCase());
      const c = compare(actual, operand(ruleOf(node.field)!, node.value));
      return node.op === 'eq' ? c === 0 : node.op === 'gt' ? c > 0 : node.op === 'gte' ? c >= 0 : node.op === 'lt' ? c < 0 : c <= 0;
    }
  }
}

const MAX_RESULTS = 100;

/** NextToken: the last row's sort value and filename, base64url JSON (opaque to clients). */
export function encodeToken(row: MetaQueryRow, sort: string): string {
  return Buffer.from(JSON.stringify([fieldValue(row, sort) ?? '', row.filename])).toString('base64url');
}

function decodeToken(token: string): [string | number, string] {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && (typeof v[0] === 'string' || typeof v[0] === 'number') && typeof v[1] === 'string') {
      return [v[0], v[1]];
    }
  } catch {
    // falls through
  }
  throw bad('NextToken', token);
}

const AGGREGATIONS: ReadonlySet<string> = new Set(['min', 'max', 'average', 'sum', 'count', 'distinct', 'group']);

/** The `<MetaQuery>` body of a scalar DoMetaQuery (parsed XML). */
export function parseMetaQueryRequest(doc: Record<string, unknown> | undefined): MetaQueryRequest {
  const root = doc?.MetaQuery;
  if (root === undefined || root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const r = root as Record<string, unknown>;
  const text = (name: string): string | undefined => {
    const v = r[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${name} is not text` });
    return v;
  };
  const query = parseQuery(text('Query'));
  const max = text('MaxResults');
  if (max !== undefined && !/^\d+$/.test(max.trim())) throw bad('MaxResults', max);
  // 0 or absent is 100; more is answered 100 (PY2's live test asks for 80369 and gets 200).
  const maxResults = max === undefined || Number(max) === 0 ? MAX_RESULTS : Math.min(Number(max), MAX_RESULTS);
  const sort = text('Sort') ?? 'Filename';
  const sortRule = ruleOf(sort);
  if (sortRule === undefined || !sortRule.counted) throw bad('Sort', sort);
  const order = text('Order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') throw bad('Order', order);
  const token = text('NextToken');
  const aggNode = r.Aggregations;
  const aggList = aggNode && typeof aggNode === 'object' ? (aggNode as Record<string, unknown>).Aggregation : undefined;
  const aggregations = (aggList === undefined ? [] : Array.isArray(aggList) ? aggList : [aggList]).map((a): AggregationRequest => {
    if (a === null || typeof a !== 'object') throw new OssError('MalformedXML');
    const { Field: field, Operation: operation } = a as Record<string, unknown>;
    if (typeof field !== 'string' || typeof operation !== 'string') throw new OssError('MalformedXML');
    const rule = ruleOf(field);
    if (rule === undefined) throw bad('Field', field);
    if (!AGGREGATIONS.has(operation)) throw bad('Operation', operation);
    const numericOp = ['min', 'max', 'average', 'sum'].includes(operation);
    if (numericOp ? !rule.numeric : !rule.counted) throw bad('Operation', operation);
    return { field, operation: operation as AggregationOperation };
  });
  return { query, sort, order, maxResults, aggregations, ...(token !== undefined ? { after: decodeToken(token) } : {}) };
}

/** Position of a row in the answer's order: by the sort field, then by filename, descending when asked. */
export function orderOf(req: Pick<MetaQueryRequest, 'sort' | 'order'>): (a: MetaQueryRow, b: MetaQueryRow) => number {
  const sign = req.order === 'desc' ? -1 : 1;
  return (a, b) => sign * (compareKey([fieldValue(a, req.sort) ?? '', a.filename], [fieldValue(b, req.sort) ?? '', b.filename]));
}

function compareKey(a: [string | number, string], b: [string | number, string]): number {
  return compare(a[0], b[0]) || compare(a[1], b[1]);
}

/** Whether a row comes after the page's NextToken position. */
export function isAfter(req: MetaQueryRequest, row: MetaQueryRow): boolean {
  if (req.after === undefined) return true;
  const c = compareKey([fieldValue(row, req.sort) ?? '', row.filename], req.after);
  return req.order === 'desc' ? c < 0 : c > 0;
}

/**
 * The first `limit` rows of a stream in an order, holding at most `limit` rows: what DoMetaQuery keeps while it reads
 * the bucket page by page.
 */
export class TopRows {
  readonly rows: MetaQueryRow[] = [];
  constructor(
    private readonly limit: number,
    private readonly order: (a: MetaQueryRow, b: MetaQueryRow) => number,
  ) {}

  offer(row: MetaQueryRow): void {
    if (this.limit === 0) return;
    if (this.rows.length === this.limit && this.order(row, this.rows[this.rows.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.order(this.rows[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.rows.splice(lo, 0, row);
    if (this.rows.length > this.limit) this.rows.pop();
  }
}

export interface AggregationResult {
  field: string;
  operation: AggregationOperation;
  /** min / max / sum / average / count / distinct */
  value?: number;
  /** group: value → count, most frequent first */
  groups?: { value: string; count: number }[];
}

/** Running aggregations over every matching row (not only the page), as OSS computes them. */
export class Aggregator {
  private readonly state: { n: number; sum: number; min?: number; max?: number; values: Map<string, number> }[];

  constructor(private readonly requests: AggregationRequest[]) {
    this.state = requests.map(() => ({ n: 0, sum: 0, values: new Map() }));
  }

  add(row: MetaQueryRow): void {
    this.requests.forEach((req, i) => {
      const v = fieldValue(row, req.field);
      if (v === undefined) return;
      const s = this.state[i]!;
      s.n += 1;
      if (typeof v === 'number') {
        s.sum += v;
        s.min = s.min === undefined ? v : Math.min(s.min, v);
        s.max = s.max === undefined ? v : Math.max(s.max, v);
      }
      if (req.operation === 'distinct' || req.operation === 'group') {
        const key = req.field === 'FileModifiedTime' && typeof v === 'number' ? new Date(v).toISOString() : String(v);
        s.values.set(key, (s.values.get(key) ?? 0) + 1);
      }
    });
  }

  /** With no matching row, sum / count / distinct are 0 and min / max / average have no value [I]. */
  results(): AggregationResult[] {
    return this.requests.map((req, i) => {
      const s = this.state[i]!;
      const base = { field: req.field, operation: req.operation };
      switch (req.operation) {
        case 'sum': return { ...base, value: s.sum };
        case 'count': return { ...base, value: s.n };
        case 'distinct': return { ...base, value: s.values.size };
        case 'min': return s.min === undefined ? base : { ...base, value: s.min };
        case 'max': return s.max === undefined ? base : { ...base, value: s.max };
        case 'average': return s.n === 0 ? base : { ...base, value: s.sum / s.n };
        case 'group':
          return {
            ...base,
            groups: [...s.values].sort(([va, a], [vb, b]) => b - a || (va < vb ? -1 : 1)).map(([value, count]) => ({ value, count })),
          };
      }
    });
  }
}

/**
 * The index's state for GetMetaQueryStatus: `Ready` while its first full scan "runs" (the first seconds after
 * OpenMetaQuery), then `Running` in the IncrementalScanning phase. PY2's live test reads `Ready` right after opening;
 * oss2's live test polls every 5 s until `Running` (tests/test_bucket_meta_query.py). The emulator's index is the
 * object table itself, so the scan is instant; the 3 s are [I].
 */
export const READY_FOR_MS = 3000;
export function metaQueryState(createdAt: number, now: number): { state: 'Ready' | 'Running'; phase: string; updatedAt: number } {
  if (now - createdAt < READY_FOR_MS) return { state: 'Ready', phase: '', updatedAt: createdAt };
  return { state: 'Running', phase: 'IncrementalScanning', updatedAt: createdAt + READY_FOR_MS };
}
