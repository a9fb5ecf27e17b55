// Data-redundancy transition tasks (`?redundancyTransition`; behaviour §14.12): Create (POST, with
// x-oss-target-redundancy-type), Get and Delete (x-oss-redundancy-transition-taskid), ListBucket… (on the bucket) and
// ListUser… (on the service). Stored and answered only: a task stays Queueing and the bucket keeps its redundancy
// type [I]. Sources: the Python SDK v2 models/bucket_data_redundancy_transition.py (element names, the query
// parameters) and tests/unit/models/test_bucket_data_redundancy_transition.py (the response samples); its live
// test_bucket_data_redundancy_transition_client.py (create on an LRS bucket with ZRS, then get, list, delete).
import { randomBytes } from 'node:crypto';
import { OssError } from '../domain/errors.js';
import { isoDate, sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

interface Task {
  taskId: string;
  status: 'Queueing';
  createTime: number;
  target: string;
}

const tasksOf = (ctx: OssContext, bucket: string) => ctx.state.store.buckets.getDocument<Task[]>(bucket, 'redundancyTransition') ?? [];
const taskXml = (bucket: string, t: Task) => ({ Bucket: bucket, TaskId: t.taskId, Status: t.status, CreateTime: isoDate(t.createTime) });

export function createBucketDataRedundancyTransition(ctx: OssContext): void {
  const target = ctx.state.query.get('x-oss-target-redundancy-type');
  if (target === undefined || target === '') throw new OssError('MissingArgument', { ArgumentName: 'x-oss-target-redundancy-type' });
  // Only LRS → ZRS is offered (API reference CreateBucketDataRedundancyTransition) [I: the refusals' codes].
  if (target !== 'ZRS') throw new OssError('InvalidArgument', { ArgumentName: 'x-oss-target-redundancy-type', ArgumentValue: target });
  const task = ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    if (b.dataRedundancyType === 'ZRS') throw new OssError('InvalidArgument', { ArgumentName: 'x-oss-target-redundancy-type', ArgumentValue: target });
    const tasks = tasksOf(ctx, b.name);
    if (tasks.length > 0) throw new OssError('RedundancyTransitionTaskExists', { BucketName: b.name });
    const t: Task = { taskId: randomBytes(16).toString('hex'), status: 'Queueing', createTime: ctx.state.config.clock.now(), target };
    ctx.state.store.buckets.setDocument(b.name, 'redundancyTransition', [t]);
    return t;
  });
  // The Create answer carries the task id (PY2 CreateBucketDataRedundancyTransitionResult reads TaskId).
  sendXml(ctx, 'BucketDataRedundancyTransition', { TaskId: task.taskId });
}

function requireTask(ctx: OssContext): { bucket: string; task: Task } {
  const b = requireBucket(ctx);
  const id = ctx.state.query.get('x-oss-redundancy-transition-taskid');
  if (id === undefined || id === '') throw new OssError('MissingArgument', { ArgumentName: 'x-oss-redundancy-transition-taskid' });
  const task = tasksOf(ctx, b.name).find((t) => t.taskId === id);
  if (task === undefined) throw new OssError('NoSuchRedundancyTransitionTask', { TaskId: id });
  return { bucket: b.name, task };
}

export function getBucketDataRedundancyTransition(ctx: OssContext): void {
  const { bucket, task } = requireTask(ctx);
  sendXml(ctx, 'BucketDataRedundancyTransition', taskXml(bucket, task));
}

export function deleteBucketDataRedundancyTransition(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const { bucket, task } = requireTask(ctx);
    const rest = tasksOf(ctx, bucket).filter((t) => t.taskId !== task.taskId);
    ctx.state.store.buckets.setDocument(bucket, 'redundancyTransition', rest.length ? rest : undefined);
  });
  sendEmpty(ctx, 204);
}

export function listBucketDataRedundancyTransition(ctx: OssContext): void {
  const b = requireBucket(ctx);
  sendXml(ctx, 'ListBucketDataRedundancyTransition', {
    IsTruncated: 'false',
    NextContinuationToken: '',
    BucketDataRedundancyTransition: tasksOf(ctx, b.name).map((t) => taskXml(b.name, t)),
  });
}

/** Every bucket's tasks, by bucket name; continuation-token is the last bucket name of the page [I]. */
export function listUserDataRedundancyTransition(ctx: OssContext): void {
  const raw = ctx.state.query.get('max-keys');
  const maxKeys = raw === undefined || raw === '' ? 100 : Number(raw);
  if (!Number.isInteger(maxKeys) || maxKeys < 1 || maxKeys > 1000) throw new OssError('InvalidArgument', { ArgumentName: 'max-keys', ArgumentValue: raw });
  const out: object[] = [];
  let marker = ctx.state.query.get('continuation-token') ?? '';
  let truncated = false;
  let next = '';
  for (;;) {
    const page = ctx.state.store.buckets.list({ prefix: '', marker, limit: 500 });
    for (const b of page) {
      const tasks = ctx.state.store.buckets.getDocument<Task[]>(b.name, 'redundancyTransition') ?? [];
      if (tasks.length === 0) continue;
      if (out.length >= maxKeys) {
        truncated = true;
        break;
      }
      out.push(...tasks.map((t) => taskXml(b.name, t)));
      next = b.name;
    }
    if (truncated || page.length < 500) break;
    marker = page[page.length - 1]!.name;
  }
  sendXml(ctx, 'ListBucketDataRedundancyTransition', {
    IsTruncated: String(truncated),
    NextContinuationToken: truncated ? next : '',
    BucketDataRedundancyTransition: out,
  });
}
