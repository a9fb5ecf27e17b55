// Data replication scenarios (behaviour §14.22): the rule documents — PutBucketReplication, GetBucketReplication,
// GetBucketReplicationProgress, DeleteBucketReplication — and OSS's refusals. Objects really replicated (which needs
// the emulator's on-demand run, POST /-/replication/run; real OSS replicates in minutes) are the emulator's own tests
// (emulator/test/http/replication.test.ts).
import type { ReplicationRuleSpec, Scenario } from '../model.js';
import { eq, fails, header, ok } from './expect.js';

const s = (n: number) => `replication-${String(n).padStart(2, '0')}`;

export const replicationScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'PutBucketReplication answers the rule id; the rule reads starting, its progress has no NewObject yet; a deleted rule reads closing',
    tags: ['replication'],
    async run(ctx) {
      // oss2 live tests/test_bucket_replication.py test_replication_with_full_parameter (starting, then closing);
      // the 404 catalogue's NoSuchReplicationConfiguration before any rule.
      const bucket = await ctx.freshBucket('rs');
      const dest = await ctx.freshBucket('rd');
      fails(await ctx.call('GetBucketReplication', { bucket }), 404, 'NoSuchReplicationConfiguration');
      const rule: ReplicationRuleSpec = {
        id: 'rule-1',
        prefixes: ['docs/', 'logs/'],
        action: 'ALL',
        destinationBucket: dest,
        destinationLocation: `oss-${ctx.target.region}`,
        historical: 'disabled',
      };
      const put = ok(await ctx.call('PutBucketReplication', { bucket, replicationRule: rule }));
      eq(header(put, 'x-oss-replication-rule-id'), 'rule-1', 'x-oss-replication-rule-id');
      eq(ok(await ctx.call('GetBucketReplication', { bucket })).data?.replicationRules, [{ ...rule, status: 'starting' }], 'the rule read back');
      const progress = ok(await ctx.call('GetBucketReplicationProgress', { bucket, ruleId: 'rule-1' }));
      eq(progress.data?.replicationRules?.map((r) => [r.id, r.status]), [['rule-1', 'starting']], 'the progress rule');
      eq(progress.data?.replicationProgress, { newObject: false }, 'no progress while starting, none historical when disabled');
      ok(await ctx.call('DeleteBucketReplication', { bucket, ruleId: 'rule-1' }));
      eq(ok(await ctx.call('GetBucketReplication', { bucket })).data?.replicationRules?.map((r) => r.status), ['closing'], 'the deleted rule');
    },
  },
  {
    id: s(2),
    title: 'NoSuchReplicationRule for an unknown rule id; one rule between two buckets (BucketReplicationAlreadyExist); an unknown Location is BadReplicationLocation',
    tags: ['replication'],
    async run(ctx) {
      // oss2 live test_replica_rule_id and test_put_multi_replica_rule; the 400 catalogue's BadReplicationLocation.
      const bucket = await ctx.freshBucket('rs');
      const dest = await ctx.freshBucket('rd');
      fails(await ctx.call('GetBucketReplicationProgress', { bucket, ruleId: 'no-such-rule' }), 404, 'NoSuchReplicationRule');
      const rule = (id: string, location = `oss-${ctx.target.region}`): ReplicationRuleSpec => ({
        id,
        prefixes: [],
        action: 'PUT',
        destinationBucket: dest,
        destinationLocation: location,
        historical: 'enabled',
      });
      fails(await ctx.call('PutBucketReplication', { bucket, replicationRule: rule('nowhere', 'oss-nowhere-9') }), 400, 'BadReplicationLocation');
      ok(await ctx.call('PutBucketReplication', { bucket, replicationRule: rule('first') }));
      fails(await ctx.call('PutBucketReplication', { bucket, replicationRule: rule('second') }), 400, 'BucketReplicationAlreadyExist');
      eq(ok(await ctx.call('GetBucketReplication', { bucket })).data?.replicationRules?.map((r) => [r.id, r.action, r.historical]), [['first', 'PUT', 'enabled']], 'only the first rule');
    },
  },
];
