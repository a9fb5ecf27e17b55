// AsyncFetchTask (behaviour §17.5): the task configuration and its states. Sources: oss2 xml_utils
// to_put_async_fetch_task / parse_get_async_fetch_task_result (Url, Object, Host, ContentMD5, Callback,
// IgnoreSameKey, CallbackWhenFailed; TaskId, State, ErrorMsg, TaskInfo), models ASYNC_FETCH_TASK_STATE_* (Running,
// Retry, FetchSuccessCallbackFailed, Failed, Success), live tests/test_async_fetch_task.py (IgnoreSameKey reads back
// true when not sent; with it true, or unset, a task onto an existing object is refused ObjectAlreadyExists; a
// ContentMD5 is read back as sent, Host and Callback as '' when not sent; an unreachable URL ends Failed with an
// error message; a Callback whose server fails, www.abc.com/callback, ends FetchSuccessCallbackFailed with an error
// message and the Callback read back as sent, CallbackWhenFailed false or unset; the Java SDK's
// testFetchSuccessCallbackFailedState asserts the same).
import { OssError, invalidArgument } from './errors.js';

export interface AsyncFetchConfig {
  url: string;
  object: string;
  host: string;
  contentMd5: string;
  callback: string;
  ignoreSameKey: boolean;
}

export type AsyncFetchState = 'Running' | 'Success' | 'Failed' | 'FetchSuccessCallbackFailed';

export interface AsyncFetchTask {
  id: string;
  state: AsyncFetchState;
  errorMsg: string;
  config: AsyncFetchConfig;
  /** ms since epoch */
  createdAt: number;
}

function text(r: Record<string, unknown>, name: string): string {
  const v = r[name];
  if (v === undefined || v === '') return '';
  if (typeof v !== 'string') throw new OssError('MalformedXML', { ErrorDetail: `${name} is not text` });
  return v;
}

function flag(r: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const v = text(r, name);
  if (v === '') return fallback;
  if (v !== 'true' && v !== 'false') throw invalidArgument('InvalidArgumentAsyncFetch', name, v);
  return v === 'true';
}

/**
 * The `<AsyncFetchTaskConfiguration>` of a PutAsyncFetchTask. Url (http or https) and Object are required; a
 * ContentMD5 must be a base64 MD5. The Callback document itself is the upload callbacks' (api/callback.ts
 * taskCallback validates it). CallbackWhenFailed true asks for a callback when the fetch fails (oss2 models:
 * "失败时是否回调"), whose body OSS does not document: with a Callback it is refused NotImplemented [I].
 */
export function parseAsyncFetchConfig(doc: Record<string, unknown> | undefined): AsyncFetchConfig {
  const root = doc?.AsyncFetchTaskConfiguration;
  if (root === undefined || root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const r = root as Record<string, unknown>;
  const url = text(r, 'Url');
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) throw invalidArgument('InvalidArgumentAsyncFetch', 'Url', url);
  const object = text(r, 'Object');
  if (object === '') throw invalidArgument('InvalidArgumentAsyncFetch', 'Object', object);
  const contentMd5 = text(r, 'ContentMD5');
  if (contentMd5 !== '' && !/^[A-Za-z0-9+/]{22}==$/.test(contentMd5)) throw invalidArgument('InvalidArgumentAsyncFetch', 'ContentMD5', contentMd5);
  const callback = text(r, 'Callback');
  if (flag(r, 'CallbackWhenFailed', false) && callback !== '') throw new OssError('NotImplemented');
  return { url, object, host: text(r, 'Host'), contentMd5, callback, ignoreSameKey: flag(r, 'IgnoreSameKey', true) };
}

/** How a fetch ended: the state and message a GetAsyncFetchTask then answers (messages [I]). */
export function fetchOutcome(result: { error?: string; status?: number; md5?: string }, config: AsyncFetchConfig): { state: AsyncFetchState; errorMsg: string } {
  if (result.error !== undefined) return { state: 'Failed', errorMsg: result.error };
  if (result.status !== undefined && (result.status < 200 || result.status > 299)) {
    return { state: 'Failed', errorMsg: `the source answered HTTP ${result.status}` };
  }
  if (config.contentMd5 !== '' && result.md5 !== config.contentMd5) {
    return { state: 'Failed', errorMsg: `the content MD5 ${result.md5 ?? ''} is not the ContentMD5 ${config.contentMd5}` };
  }
  return { state: 'Success', errorMsg: '' };
}

/**
 * A fetch that landed its object, then sent its callback: Success, or FetchSuccessCallbackFailed with the callback's
 * error message (the object stays, as an upload's does) [S state and a message; the message's text I].
 */
export function callbackOutcome(callbackError: string | undefined): { state: AsyncFetchState; errorMsg: string } {
  return callbackError === undefined ? { state: 'Success', errorMsg: '' } : { state: 'FetchSuccessCallbackFailed', errorMsg: callbackError };
}

/** How many tasks a bucket remembers: the oldest are forgotten first [I]. */
export const MAX_TASKS = 1000;

export function rememberTask(tasks: AsyncFetchTask[], task: AsyncFetchTask): AsyncFetchTask[] {
  const rest = tasks.filter((t) => t.id !== task.id);
  return [...rest, task].slice(-MAX_TASKS);
}
