// Data replication (PY2 put/get/delete_bucket_replication, put_bucket_rtc, get_bucket_replication_location,
// get_bucket_replication_progress): `?replication&comp=add|delete`, `?replication`, `?rtc`, `?replicationLocation`,
// `?replicationProgress&rule-id=` on a bucket.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, md5, str, type Node, type Wire } from './wire.js';

function ruleXml(r: M.ReplicationRule): object {
  return {
    ...(r.rtc ? { RTC: { ...(r.rtc.status !== undefined ? { Status: r.rtc.status } : {}) } } : {}),
    ...(r.id !== undefined ? { ID: r.id } : {}),
    ...(r.prefixSet?.prefixs ? { PrefixSet: { Prefix: r.prefixSet.prefixs } } : {}),
    ...(r.action !== undefined ? { Action: r.action } : {}),
    ...(r.destination
      ? {
          Destination: {
            ...(r.destination.bucket !== undefined ? { Bucket: r.destination.bucket } : {}),
            ...(r.destination.location !== undefined ? { Location: r.destination.location } : {}),
            ...(r.destination.transferType !== undefined ? { TransferType: r.destination.transferType } : {}),
          },
        }
      : {}),
    ...(r.historicalObjectReplication !== undefined ? { HistoricalObjectReplication: r.historicalObjectReplication } : {}),
    ...(r.syncRole !== undefined ? { SyncRole: r.syncRole } : {}),
    ...(r.sourceSelectionCriteria?.sseKmsEncryptedObjects
      ? { SourceSelectionCriteria: { SseKmsEncryptedObjects: { Status: r.sourceSelectionCriteria.sseKmsEncryptedObjects.status } } }
      : {}),
    ...(r.encryptionConfiguration?.replicaKmsKeyId !== undefined
      ? { EncryptionConfiguration: { ReplicaKmsKeyID: r.encryptionConfiguration.replicaKmsKeyId } }
      : {}),
  };
}

function destination(n: unknown): M.ReplicationDestination | undefined {
  if (n === undefined) return undefined;
  return { bucket: str(n, 'Bucket'), location: str(n, 'Location'), transferType: str(n, 'TransferType') };
}

function prefixSet(n: unknown): M.ReplicationPrefixSet | undefined {
  return n === undefined ? undefined : { prefixs: asArray((n as Node).Prefix as string[]).map(String) };
}

/** The fields a rule shows in both GetBucketReplication and GetBucketReplicationProgress. */
function ruleCore(r: Node) {
  return {
    id: str(r, 'ID'),
    prefixSet: prefixSet(r.PrefixSet),
    action: str(r, 'Action'),
    destination: destination(r.Destination),
    status: str(r, 'Status'),
    historicalObjectReplication: str(r, 'HistoricalObjectReplication'),
  };
}

function parseRule(r: Node): M.ReplicationRule {
  const sse = ((r.SourceSelectionCriteria as Node | undefined)?.SseKmsEncryptedObjects as Node | undefined);
  const enc = r.EncryptionConfiguration as Node | undefined;
  const rtc = r.RTC as Node | undefined;
  return {
    ...ruleCore(r),
    syncRole: str(r, 'SyncRole'),
    ...(sse ? { sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: str(sse, 'Status') } } } : {}),
    ...(enc ? { encryptionConfiguration: { replicaKmsKeyId: str(enc, 'ReplicaKmsKeyID') } } : {}),
    ...(rtc ? { rtc: { status: str(rtc, 'Status') } } : {}),
  };
}

export async function putBucketReplication(wire: Wire, req: M.PutBucketReplicationRequest): Promise<M.PutBucketReplicationResult> {
  const body = buildXml('ReplicationConfiguration', { Rule: (req.replicationConfiguration.rules ?? []).map(ruleXml) });
  const res = await wire.send({
    method: 'POST',
    bucket: req.bucket,
    query: [['replication', undefined], ['comp', 'add']],
    headers: { 'content-md5': md5(body), 'content-type': 'application/xml' },
    body,
  });
  return { ...base(res), replicationRuleId: res.headers['x-oss-replication-rule-id'] };
}

export async function getBucketReplication(wire: Wire, req: M.GetBucketReplicationRequest): Promise<M.GetBucketReplicationResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['replication', undefined]] });
  const root = (await wire.xml(res)).ReplicationConfiguration as Node | undefined;
  return { ...base(res), replicationConfiguration: { rules: asArray(root?.Rule as Node[]).map(parseRule) } };
}

export async function putBucketRtc(wire: Wire, req: M.PutBucketRtcRequest): Promise<M.PutBucketRtcResult> {
  const c = req.rtcConfiguration;
  // PY2 PutBucketRtcRequest renames the body's root ReplicationRule.
  const body = buildXml('ReplicationRule', {
    ...(c.rtc ? { RTC: { ...(c.rtc.status !== undefined ? { Status: c.rtc.status } : {}) } } : {}),
    ...(c.id !== undefined ? { ID: c.id } : {}),
  });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: [['rtc', undefined]], headers: { 'content-md5': md5(body) }, body }));
}

export async function getBucketReplicationLocation(
  wire: Wire,
  req: M.GetBucketReplicationLocationRequest,
): Promise<M.GetBucketReplicationLocationResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['replicationLocation', undefined]] });
  const root = ((await wire.xml(res)).ReplicationLocation ?? {}) as Node;
  const tt = root.LocationTransferTypeConstraint as Node | undefined;
  const rtc = root.LocationRTCConstraint as Node | undefined;
  return {
    ...base(res),
    replicationLocation: {
      locations: asArray(root.Location as string[]).map(String),
      ...(tt
        ? {
            locationTransferTypeConstraint: {
              locationTransferTypes: asArray(tt.LocationTransferType as Node[]).map((l) => ({
                location: str(l, 'Location'),
                transferTypes: { types: asArray((l.TransferTypes as Node | undefined)?.Type as string[]).map(String) },
              })),
            },
          }
        : {}),
      ...(rtc ? { locationrtcConstraint: { locations: asArray(rtc.Location as string[]).map(String) } } : {}),
    },
  };
}

export async function getBucketReplicationProgress(
  wire: Wire,
  req: M.GetBucketReplicationProgressRequest,
): Promise<M.GetBucketReplicationProgressResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['replicationProgress', undefined], ['rule-id', req.ruleId]] });
  const root = (await wire.xml(res)).ReplicationProgress as Node | undefined;
  return {
    ...base(res),
    replicationProgress: {
      rules: asArray(root?.Rule as Node[]).map((r) => {
        const p = r.Progress as Node | undefined;
        return {
          ...ruleCore(r),
          ...(p ? { progress: { historicalObject: str(p, 'HistoricalObject'), newObject: str(p, 'NewObject') } } : {}),
        };
      }),
    },
  };
}

export async function deleteBucketReplication(wire: Wire, req: M.DeleteBucketReplicationRequest): Promise<M.DeleteBucketReplicationResult> {
  const body = buildXml('ReplicationRules', { ID: req.replicationRules.ids ?? [] });
  return base(
    await wire.send({
      method: 'POST',
      bucket: req.bucket,
      query: [['replication', undefined], ['comp', 'delete']],
      headers: { 'content-md5': md5(body), 'content-type': 'application/xml' },
      body,
    }),
  );
}
