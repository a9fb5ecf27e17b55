// AsyncFetchTask rules (behaviour §17.5): the configuration and how a fetch ends.
import { describe, expect, it } from 'vitest';
import { callbackOutcome, fetchOutcome, MAX_TASKS, parseAsyncFetchConfig, rememberTask, type AsyncFetchTask } from '../../src/domain/asyncFetch.js';
import { refused } from './support.js';

const parse = (inner: Record<string, unknown>) => parseAsyncFetchConfig({ AsyncFetchTaskConfiguration: inner });

describe('the task configuration', () => {
  it('defaults IgnoreSameKey to true and reads the rest back as sent, empty when absent', () => {
    expect(parse({ Url: 'http://h/a', Object: 'o' })).toEqual({ url: 'http://h/a', object: 'o', host: '', contentMd5: '', callback: '', ignoreSameKey: true });
    expect(parse({ Url: 'https://h/a', Object: 'o', IgnoreSameKey: 'false' }).ignoreSameKey).toBe(false);
  });

  it('refuses what it cannot fetch or check', () => {
    expect(refused(() => parse({ Url: 'file:///etc/passwd', Object: 'o' }))).toBe('InvalidArgument Url');
    expect(refused(() => parse({ Url: 'http://h/a' }))).toBe('InvalidArgument Object');
    expect(refused(() => parse({ Url: 'http://h/a', Object: 'o', ContentMD5: 'abc' }))).toBe('InvalidArgument ContentMD5');
    expect(refused(() => parse({ Url: 'http://h/a', Object: 'o', IgnoreSameKey: 'yes' }))).toBe('InvalidArgument IgnoreSameKey');
    // A callback on a failed fetch has no documented body: refused, not approximated.
    expect(refused(() => parse({ Url: 'http://h/a', Object: 'o', Callback: 'e30=', CallbackWhenFailed: 'true' }))).toBe('NotImplemented undefined');
    expect(refused(() => parse({ Url: 'http://h/a', Object: 'o', CallbackWhenFailed: 'maybe' }))).toBe('InvalidArgument CallbackWhenFailed');
  });

  it('keeps a Callback as sent (its document is the upload callbacks\' to check), CallbackWhenFailed false or without a callback', () => {
    expect(parse({ Url: 'http://h/a', Object: 'o', Callback: 'e30=', CallbackWhenFailed: 'false' }).callback).toBe('e30=');
    expect(parse({ Url: 'http://h/a', Object: 'o', CallbackWhenFailed: 'true' }).callback).toBe('');
  });
});

describe('how a fetch ends', () => {
  const config = parse({ Url: 'http://h/a', Object: 'o', ContentMD5: '1B2M2Y8AsgTpgAmY7PhCfg==' });
  it('is Success only for a 2xx answer with the expected MD5', () => {
    expect(fetchOutcome({ md5: '1B2M2Y8AsgTpgAmY7PhCfg==' }, config)).toEqual({ state: 'Success', errorMsg: '' });
    expect(fetchOutcome({ md5: 'XXXXXXXXXXXXXXXXXXXXXX==' }, config).state).toBe('Failed');
    expect(fetchOutcome({ status: 404 }, config).state).toBe('Failed');
    expect(fetchOutcome({ error: 'ECONNREFUSED' }, config)).toEqual({ state: 'Failed', errorMsg: 'ECONNREFUSED' });
  });

  it('after landing: Success when the callback succeeded, else FetchSuccessCallbackFailed with its message (oss2 live test_fetch_success_callback_failed)', () => {
    expect(callbackOutcome(undefined)).toEqual({ state: 'Success', errorMsg: '' });
    expect(callbackOutcome('Error status : 500.')).toEqual({ state: 'FetchSuccessCallbackFailed', errorMsg: 'Error status : 500.' });
  });

  it('remembers at most MAX_TASKS tasks, the newest', () => {
    let tasks: AsyncFetchTask[] = [];
    for (let i = 0; i < MAX_TASKS + 5; i++) tasks = rememberTask(tasks, { id: String(i), state: 'Running', errorMsg: '', config, createdAt: i });
    expect(tasks.length).toBe(MAX_TASKS);
    expect(tasks[0]!.id).toBe('5');
  });
});
