// SealAppendObject (behaviour §9.11) through raw HTTP: the position must be the length, x-oss-sealed-time is the
// first seal's time on the answer, GET and HEAD, and a sealed object takes no more appends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator } from './support.js';

let emu: RunningEmulator;
const bucket = 'seal-bucket';

const append = (key: string, position: number, body: string) =>
  raw(emu, { method: 'POST', bucket, key, query: [['append', undefined], ['position', String(position)]], body });
const seal = (key: string, position?: number) =>
  raw(emu, { method: 'POST', bucket, key, query: [['seal', undefined], ...(position === undefined ? [] : [['position', String(position)] as [string, string]])] });

beforeAll(async () => {
  emu = await startTestEmulator();
  expect((await raw(emu, { method: 'PUT', bucket })).status).toBe(200);
});

afterAll(() => emu?.close());

describe('SealAppendObject', () => {
  it('seals at the current length; later appends are refused; sealing again keeps the first time', async () => {
    expect((await append('log', 0, 'abc')).status).toBe(200);
    const head0 = await raw(emu, { method: 'HEAD', bucket, key: 'log' });
    expect(head0.headers.get('x-oss-sealed-time')).toBeNull();

    const wrong = await seal('log', 1);
    expect(wrong.status).toBe(409);
    expect(errorCode(wrong)).toBe('PositionNotEqualToLength');
    expect(errorCode(await seal('log'))).toBe('MissingArgument');

    const sealed = await seal('log', 3);
    expect(sealed.status).toBe(200);
    const time = sealed.headers.get('x-oss-sealed-time');
    expect(time).toMatch(/GMT$/);
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'log' })).headers.get('x-oss-sealed-time')).toBe(time);
    const get = await raw(emu, { method: 'GET', bucket, key: 'log' });
    expect(get.text).toBe('abc');
    expect(get.headers.get('x-oss-sealed-time')).toBe(time);

    const more = await append('log', 3, 'def');
    expect(more.status).toBe(409);
    expect(errorCode(more)).toBe('ObjectNotAppendable');
    expect((await raw(emu, { method: 'GET', bucket, key: 'log' })).text).toBe('abc');
    expect((await seal('log', 3)).headers.get('x-oss-sealed-time')).toBe(time);
  });

  it('refuses a Normal object and a missing key', async () => {
    expect((await raw(emu, { method: 'PUT', bucket, key: 'plain', body: 'x' })).status).toBe(200);
    expect(errorCode(await seal('plain', 1))).toBe('ObjectNotAppendable');
    expect(errorCode(await seal('nothing', 0))).toBe('NoSuchKey');
  });
});
