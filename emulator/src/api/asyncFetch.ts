// PutAsyncFetchTask (`POST /<b>/?asyncFetch`) and GetAsyncFetchTask (`GET /<b>/?asyncFetch` with x-oss-task-id)
// (behaviour §17.5). The emulator fetches the URL itself, from its own process, after answering the task id, and
// lands the body through the one landing funnel (api/landing.ts landReceived) as a Normal object of the bucket's
// defaults; a Callback in the task is sent once the object has landed, by the upload callbacks' own code
// (api/callbackSend.ts). The task's state is a bucket document the fetch updates when it ends.
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { OssError } from '../domain/errors.js';
import { callbackOutcome, fetchOutcome, parseAsyncFetchConfig, rememberTask, type AsyncFetchConfig, type AsyncFetchTask } from '../domain/asyncFetch.js';
import type { CallbackSpec } from '../domain/callback.js';
import { MAX_PUT_SIZE, readXml } from '../http/body.js';
import { proxyAgentFor } from '../http/outboundProxy.js';
import { sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import type { PendingContent } from '../store/contentWriter.js';
import { requireBucket } from './bucket.js';
import { taskCallback } from './callback.js';
import { callbackOrigin, sendCallback, type CallbackOrigin } from './callbackSend.js';
import { writerEncryption } from './kms.js';
import { landReceived, landedUpload, newObjectEncryption, receivedFields } from './landing.js';
import { validateObjectKey } from '../domain/objectName.js';

/** A source that has not answered within this time fails the task [I]. */
const FETCH_TIMEOUT_MS = 60_000;

function tasksOf(ctx: OssContext, bucket: string): AsyncFetchTask[] {
  return ctx.state.store.buckets.getDocument<AsyncFetchTask[]>(bucket, 'asyncFetchTasks') ?? [];
}

function saveTask(ctx: OssContext, bucket: string, task: AsyncFetchTask): void {
  ctx.state.store.tx(() => {
    if (ctx.state.store.buckets.get(bucket) === undefined) return;
    ctx.state.store.buckets.setDocument(bucket, 'asyncFetchTasks', rememberTask(tasksOf(ctx, bucket), task));
  });
}

function objectExists(ctx: OssContext, bucket: string, key: string): boolean {
  const o = ctx.state.store.objects.current(bucket, key);
  return o !== undefined && !o.isDeleteMarker;
}

export async function putAsyncFetchTask(ctx: OssContext): Promise<void> {
  const config = parseAsyncFetchConfig(await readXml(ctx));
  const bucket = requireBucket(ctx);
  validateObjectKey(config.object);
  // A bad Callback is refused as x-oss-callback is, before the task exists (behaviour §9.14's refusals and ECs).
  const callback = taskCallback(ctx, bucket.name, config.callback);
  // IgnoreSameKey (true unless sent false): an existing object is not fetched over (oss2 live test_ignore_same_key).
  if (config.ignoreSameKey && objectExists(ctx, bucket.name, config.object)) throw new OssError('ObjectAlreadyExists', { Key: config.object });
  const task: AsyncFetchTask = {
    id: randomBytes(16).toString('hex'),
    state: 'Running',
    errorMsg: '',
    config,
    createdAt: ctx.state.config.clock.now(),
  };
  saveTask(ctx, bucket.name, task);
  // Read now: the request's socket may be gone when the callback is sent.
  const origin = callbackOrigin(ctx);
  sendXml(ctx, 'AsyncFetchTaskResult', { TaskId: task.id });
  // After the answer: the request's context stays usable (its headers, principal and store) for the landing.
  setImmediate(() => {
    void runTask(ctx, bucket.name, task, callback, origin).catch(() => undefined);
  });
}

export function getAsyncFetchTask(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const id = ctx.get('x-oss-task-id');
  if (id === '') throw new OssError('InvalidArgumentAsyncFetch', { ArgumentName: 'x-oss-task-id', ArgumentValue: '' });
  const task = tasksOf(ctx, bucket.name).find((t) => t.id === id);
  if (task === undefined) throw new OssError('NoSuchAsyncFetchTask', { TaskId: id });
  const c = task.config;
  sendXml(ctx, 'AsyncFetchTaskInfo', {
    TaskId: task.id,
    State: task.state,
    ErrorMsg: task.errorMsg,
    TaskInfo: {
      Url: c.url,
      Object: c.object,
      Host: c.host,
      ContentMD5: c.contentMd5,
      Callback: c.callback,
      IgnoreSameKey: String(c.ignoreSameKey),
    },
  });
}

/** The source's answer; its body is the caller's to read. */
function open(config: AsyncFetchConfig): Promise<IncomingMessage> {
  const url = new URL(config.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const agent = proxyAgentFor(url);
  return new Promise((resolve, reject) => {
    const headers = config.host !== '' ? { host: config.host } : {};
    const req = send(url, { method: 'GET', headers, timeout: FETCH_TIMEOUT_MS, ...(agent !== undefined ? { agent } : {}) }, resolve);
    req.on('timeout', () => req.destroy(new Error('the source did not answer in time')));
    req.on('error', reject);
    req.end();
  });
}

/** Streams the source's body into new chunks (never whole in memory), as PutObject receives one. */
async function receive(ctx: OssContext, res: IncomingMessage, options: ReturnType<typeof writerEncryption>): Promise<PendingContent> {
  const writer = ctx.state.store.content.createWriter(options);
  try {
    let size = 0;
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_PUT_SIZE) throw new Error('the source is larger than 5 GB');
      writer.write(chunk);
      if (ctx.state.store.walFull()) await ctx.state.store.walSettled();
    }
    return writer.finish();
  } catch (err) {
    writer.abort();
    throw err;
  }
}

async function runTask(ctx: OssContext, bucketName: string, task: AsyncFetchTask, callback: CallbackSpec | undefined, origin: CallbackOrigin): Promise<void> {
  const config = task.config;
  let outcome: ReturnType<typeof fetchOutcome>;
  try {
    const res = await open(config);
    if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode > 299) {
      res.resume();
      outcome = fetchOutcome({ status: res.statusCode ?? 0 }, config);
    } else {
      const bucket = ctx.state.store.buckets.get(bucketName);
      if (bucket === undefined) throw new Error('the bucket no longer exists');
      const encryption = newObjectEncryption(ctx, bucketName, undefined);
      const pending = await receive(ctx, res, writerEncryption(ctx, encryption));
      outcome = fetchOutcome({ md5: pending.md5.toString('base64') }, config);
      if (outcome.state !== 'Success') {
        ctx.state.store.content.discard(pending);
      } else {
        const contentType = res.headers['content-type'];
        const landed = await landReceived(ctx, bucketName, config.object, pending, {
          // IgnoreSameKey holds at landing too: an object written meanwhile is not replaced.
          forbidOverwrite: config.ignoreSameKey,
          build: (b, contentId) => ({
            lastModified: ctx.state.config.clock.now(),
            ...receivedFields(pending),
            objectType: 'Normal',
            storageClass: b.storageClass,
            acl: 'default',
            metadata: { standard: { 'content-type': contentType || 'application/octet-stream' }, user: {} },
            tags: [],
            encryption,
            contentId,
          }),
        });
        if (callback !== undefined) {
          const sent = await sendCallback(ctx, callback, landedUpload(landed, config.object, 'PutAsyncFetchTask'), origin);
          outcome = callbackOutcome(sent.ok ? undefined : sent.error.message);
        }
      }
    }
  } catch (err) {
    outcome = fetchOutcome({ error: err instanceof OssError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err) }, config);
  }
  saveTask(ctx, bucketName, { ...task, ...outcome });
}
