// Data-redundancy transitions (PY2 operations/bucket_data_redundancy_transition.py): `?redundancyTransition` on a
// bucket (create, get, list, delete) and on the service (every bucket's tasks).
import { fromXmlTree, type XmlObjectSchema } from '../xmlSchema.js';
import type * as M from '../models/index.js';
import { base, given, type Wire } from './wire.js';

const s = (e: string): [string, 's'] => [e, 's'];
const TASK: XmlObjectSchema = {
  bucket: s('Bucket'),
  taskId: s('TaskId'),
  status: s('Status'),
  createTime: s('CreateTime'),
  startTime: s('StartTime'),
  endTime: s('EndTime'),
  processPercentage: ['ProcessPercentage', 'n'],
  estimatedRemainingTime: ['EstimatedRemainingTime', 'n'],
};
const LIST: XmlObjectSchema = { bucketDataRedundancyTransition: ['BucketDataRedundancyTransition', [TASK]], isTruncated: ['IsTruncated', 'b'], nextContinuationToken: s('NextContinuationToken') };
const SUB: [string, undefined] = ['redundancyTransition', undefined];

export async function createBucketDataRedundancyTransition(wire: Wire, req: M.CreateBucketDataRedundancyTransitionRequest): Promise<M.CreateBucketDataRedundancyTransitionResult> {
  const res = await wire.send({ method: 'POST', bucket: req.bucket, query: [SUB, ['x-oss-target-redundancy-type', req.targetRedundancyType]] });
  return { ...base(res), bucketDataRedundancyTransition: fromXmlTree((await wire.xml(res)).BucketDataRedundancyTransition, TASK) };
}

export async function getBucketDataRedundancyTransition(wire: Wire, req: M.GetBucketDataRedundancyTransitionRequest): Promise<M.GetBucketDataRedundancyTransitionResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [SUB, ['x-oss-redundancy-transition-taskid', req.redundancyTransitionTaskid]] });
  return { ...base(res), bucketDataRedundancyTransition: fromXmlTree((await wire.xml(res)).BucketDataRedundancyTransition, TASK) };
}

export async function listBucketDataRedundancyTransition(wire: Wire, req: M.ListBucketDataRedundancyTransitionRequest): Promise<M.ListBucketDataRedundancyTransitionResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [SUB] });
  return { ...base(res), listBucketDataRedundancyTransition: fromXmlTree((await wire.xml(res)).ListBucketDataRedundancyTransition, LIST) };
}

export async function listUserDataRedundancyTransition(wire: Wire, req: M.ListUserDataRedundancyTransitionRequest): Promise<M.ListUserDataRedundancyTransitionResult> {
  const res = await wire.send({ method: 'GET', query: [SUB, ...given([['max-keys', req.maxKeys], ['continuation-token', req.continuationToken]])] });
  return { ...base(res), listBucketDataRedundancyTransition: fromXmlTree((await wire.xml(res)).ListBucketDataRedundancyTransition, LIST) };
}

export async function deleteBucketDataRedundancyTransition(wire: Wire, req: M.DeleteBucketDataRedundancyTransitionRequest): Promise<M.DeleteBucketDataRedundancyTransitionResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: [SUB, ['x-oss-redundancy-transition-taskid', req.redundancyTransitionTaskid]] }));
}
