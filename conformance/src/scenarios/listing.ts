// ListObjects (v1) and ListObjectsV2 scenarios (behaviour §9.5): prefix, delimiter and common prefixes, paging with
// marker / continuation-token, fetch-owner, and `encoding-type=url`. Each scenario lists only its own prefix in B1.
// Paging and owner rules as the Swift SDK v2's integration tests against real OSS assert them
// (ClientBucketBasicTests.swift: NextMarker also without a delimiter, KeyCount, Owner only with fetch-owner in v2).
import type { ListedObject, Outcome, Params, Scenario, ScenarioContext } from '../model.js';
import { eq, fails, ok, truthy } from './expect.js';

const s = (n: number) => `list-${String(n).padStart(2, '0')}`;
const TREE = ['a', 'b/1', 'b/2', 'c/1', 'd'];
/** Five keys in pages of two: the last page is short, so IsTruncated=false there does not hinge on a boundary rule. */
const PAGES = [['a', 'b/1'], ['b/2', 'c/1'], ['d']];

/** Puts `names` under a prefix of its own in B1 and returns the prefix. */
async function tree(ctx: ScenarioContext, names: string[] = TREE): Promise<string> {
  const prefix = `${ctx.key('tree')}/`;
  for (const name of names) ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key: prefix + name, body: name }));
  return prefix;
}

const keys = (o: Outcome) => (o.data?.contents ?? []).map((c: ListedObject) => c.key);

/** Lists page by page with max-keys 2 until IsTruncated is false; returns the keys of every page. */
async function pages(ctx: ScenarioContext, api: 'ListObjects' | 'ListObjectsV2', p: Params): Promise<string[][]> {
  const out: string[][] = [];
  let next: Params = p;
  for (let n = 0; n < 10; n++) {
    const o = ok(await ctx.call(api, next));
    out.push(keys(o));
    if (!o.data?.isTruncated) return out;
    if (api === 'ListObjects') {
      truthy(o.data.nextMarker, 'NextMarker on a truncated page');
      next = { ...p, marker: o.data.nextMarker };
    } else {
      eq(o.data.keyCount, keys(o).length, 'KeyCount');
      truthy(o.data.nextContinuationToken, 'NextContinuationToken on a truncated page');
      next = { ...p, continuationToken: o.data.nextContinuationToken };
    }
  }
  throw new Error('more than 10 pages');
}

export const listingScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'prefix + delimiter "/": Contents and CommonPrefixes, ascending, not truncated (v1 and v2)',
    tags: ['listing'],
    async run(ctx) {
      const prefix = await tree(ctx);
      for (const api of ['ListObjects', 'ListObjectsV2'] as const) {
        const o = ok(await ctx.call(api, { bucket: ctx.buckets.B1, prefix, delimiter: '/' }));
        eq(keys(o), ['a', 'd'].map((n) => prefix + n), `${api} Contents`);
        eq(o.data?.commonPrefixes, [`${prefix}b/`, `${prefix}c/`], `${api} CommonPrefixes`);
        eq(o.data?.isTruncated, false, `${api} IsTruncated`);
      }
      const flat = ok(await ctx.call('ListObjects', { bucket: ctx.buckets.B1, prefix }));
      eq(keys(flat), TREE.map((n) => prefix + n), 'without a delimiter: every key, ascending');
    },
  },
  {
    id: s(2),
    title: 'ListObjects paging: max-keys 2, IsTruncated and NextMarker, each key once in order',
    tags: ['listing'],
    async run(ctx) {
      const prefix = await tree(ctx);
      const got = await pages(ctx, 'ListObjects', { bucket: ctx.buckets.B1, prefix, maxKeys: 2 });
      eq(got, PAGES.map((page) => page.map((n) => prefix + n)), 'pages');
    },
  },
  {
    id: s(3),
    title: 'ListObjectsV2 paging: max-keys 2, KeyCount, NextContinuationToken; start-after skips up to a key',
    tags: ['listing'],
    async run(ctx) {
      const prefix = await tree(ctx);
      const got = await pages(ctx, 'ListObjectsV2', { bucket: ctx.buckets.B1, prefix, maxKeys: 2 });
      eq(got, PAGES.map((page) => page.map((n) => prefix + n)), 'pages');
      const after = ok(await ctx.call('ListObjectsV2', { bucket: ctx.buckets.B1, prefix, startAfter: `${prefix}b/2` }));
      eq(keys(after), [`${prefix}c/1`, `${prefix}d`], 'start-after');
    },
  },
  {
    id: s(4),
    title: 'Owner: always in ListObjects; in ListObjectsV2 only with fetch-owner=true',
    tags: ['listing'],
    async run(ctx) {
      const prefix = await tree(ctx, ['a']);
      const owner = async (api: 'ListObjects' | 'ListObjectsV2', fetchOwner?: boolean) =>
        ok(await ctx.call(api, { bucket: ctx.buckets.B1, prefix, fetchOwner })).data?.contents?.[0]?.owner;
      eq(await owner('ListObjects'), true, 'ListObjects Owner');
      eq(await owner('ListObjectsV2'), false, 'ListObjectsV2 Owner without fetch-owner');
      eq(await owner('ListObjectsV2', true), true, 'ListObjectsV2 Owner with fetch-owner=true');
    },
  },
  {
    id: s(5),
    title: 'encoding-type=url: keys with spaces, unicode and reserved characters come back exact; no literal space or "+" on the wire',
    tags: ['listing', 'encoding'],
    async run(ctx) {
      // Keys a plain XML listing could carry too; control characters (the reason for encoding-type, DOCS
      // ListObjects.md) are left out so the runner's unencoded clean-up listing stays well-formed.
      const names = ['a b.txt', 'plus+sign', 'percent%41', 'amp&lt<gt>', 'q?h#s;c:@=$,', "quote'\"", 'tilde~*!()', '中文/文件.txt', 'dir b/x'];
      const prefix = await tree(ctx, names);
      const expected = names.map((n) => prefix + n).sort();
      for (const api of ['ListObjects', 'ListObjectsV2'] as const) {
        const o = ok(await ctx.call(api, { bucket: ctx.buckets.B1, prefix, encodingType: 'url' }));
        eq(keys(o).sort(), expected, `${api} keys`);
        wire(ctx, o, api);
      }
      const grouped = ok(await ctx.call('ListObjects', { bucket: ctx.buckets.B1, prefix, delimiter: '/', encodingType: 'url' }));
      eq(grouped.data?.commonPrefixes, [`${prefix}dir b/`, `${prefix}中文/`], 'encoded CommonPrefixes decoded');
    },
  },
  {
    id: s(6),
    title: 'ListObjects lists current versions only: no delete markers, no noncurrent versions',
    tags: ['listing', 'versioning', 'needs-versioning'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const prefix = `${ctx.key('v')}/`;
      ok(await ctx.call('PutObject', { bucket: BV, key: `${prefix}kept`, body: 'v1' }));
      ok(await ctx.call('PutObject', { bucket: BV, key: `${prefix}kept`, body: 'v2' }));
      ok(await ctx.call('PutObject', { bucket: BV, key: `${prefix}gone`, body: 'x' }));
      ok(await ctx.call('DeleteObject', { bucket: BV, key: `${prefix}gone` }), 204);
      const o = ok(await ctx.call('ListObjects', { bucket: BV, prefix }));
      eq(keys(o), [`${prefix}kept`], 'listed keys');
      eq(o.data?.contents?.[0]?.size, 2, 'Size of the current version');
    },
  },
  {
    id: s(7),
    title: 'ListObjectVersions with max-keys 10000 → 400 InvalidArgument',
    tags: ['listing', 'versioning'],
    async run(ctx) {
      // Swift SDK v2 ClientBucketVersioningTests.swift testListObjectVersionsFail, run against OSS.
      fails(await ctx.call('ListObjectVersions', { bucket: ctx.buckets.BV, maxKeys: 10000 }), 400, 'InvalidArgument');
    },
  },
];

/**
 * Where the answer's XML is at hand (raw drivers), checks what the SDKs' decoders need of it: PY2 decodes with
 * `unquote` and GO2 with `url.QueryUnescape` (`+` → space), so both read real OSS right only if neither a space nor
 * a `+` appears literally (behaviour §9). Records the encoded Keys, whose other choices (`/` literal?) are [I].
 */
function wire(ctx: ScenarioContext, o: Outcome, api: string): void {
  const text = o.body?.toString('utf8');
  if (!text?.includes('<ListBucketResult')) return;
  const encoded = [...text.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]!);
  truthy(encoded.length > 0, 'encoded Keys');
  eq(encoded.filter((k) => / |\+/.test(k)), [], `${api}: Keys with a literal space or "+"`);
  eq(/<EncodingType>url<\/EncodingType>/.test(text), true, `${api}: EncodingType url`);
  ctx.record(`${api} encoded Keys`, encoded);
}
