// MetaQuery scalar search scenarios (behaviour §17.2): Open / GetStatus / Do / CloseMetaQuery over a bucket's objects.
import type { Scenario } from '../model.js';
import { eq, fails, ok } from './expect.js';

const s = (n: number) => `metaquery-${String(n).padStart(2, '0')}`;

export const metaQueryScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'MetaQuery: refused before OpenMetaQuery, Ready right after it, refused again after CloseMetaQuery',
    tags: ['metaquery'],
    async run(ctx) {
      // PY2 live tests/integration/test_meta_query_client.py test_open_meta_query (Ready right after opening); the
      // code without an index is the Java SDK's OSSErrorCode MetaQueryNotExist.
      const bucket = await ctx.freshBucket('mq');
      fails(await ctx.call('GetMetaQueryStatus', { bucket }), 400, 'MetaQueryNotExist');
      ok(await ctx.call('OpenMetaQuery', { bucket }));
      eq(ok(await ctx.call('GetMetaQueryStatus', { bucket })).data?.metaQueryState, 'Ready', 'the state right after opening');
      ok(await ctx.call('CloseMetaQuery', { bucket }));
      fails(await ctx.call('GetMetaQueryStatus', { bucket }), 400, 'MetaQueryNotExist');
    },
  },
  {
    id: s(2),
    title: 'DoMetaQuery: the matching objects in the sort order, paged by NextToken, aggregations over every match',
    tags: ['metaquery'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('mq');
      for (const [key, body] of [['a.txt', 'x'], ['b.txt', 'xxxx'], ['c.txt', 'xx'], ['d.txt', 'xxxxxxxx']] as const) {
        ok(await ctx.call('PutObject', { bucket, key, body }));
      }
      ok(await ctx.call('OpenMetaQuery', { bucket }));
      const query = '{"Field": "Size","Value": "1","Operation": "gt"}';
      const aggregations = [{ field: 'Size', operation: 'sum' }, { field: 'Size', operation: 'max' }];
      const page1 = ok(await ctx.call('DoMetaQuery', { bucket, metaQuery: { query, sort: 'Size', order: 'desc', maxResults: 2, aggregations } }));
      eq(page1.data?.metaQueryFiles, ['d.txt', 'b.txt'], 'the first page');
      eq(page1.data?.metaQueryAggregations, [{ field: 'Size', operation: 'sum', value: 14 }, { field: 'Size', operation: 'max', value: 8 }], 'the aggregations');
      const nextToken = page1.data?.metaQueryNextToken ?? '';
      const page2 = ok(await ctx.call('DoMetaQuery', { bucket, metaQuery: { query, sort: 'Size', order: 'desc', maxResults: 2, nextToken } }));
      eq(page2.data?.metaQueryFiles, ['c.txt'], 'the second page');
      eq(page2.data?.metaQueryNextToken, '', 'no page after the last');
      ok(await ctx.call('CloseMetaQuery', { bucket }));
    },
  },
];
