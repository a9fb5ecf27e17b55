// Bucket retention policies over HTTP (behaviour §6): the state machine and what a policy blocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  for (const b of ['worm-bucket', 'plain-bucket']) await raw(emu, { method: 'PUT', bucket: b });
});
afterAll(() => emu.close());

const initiate = (bucket: string, days: string) =>
  raw(emu, {
    method: 'POST',
    bucket,
    query: [['worm', undefined]],
    body: `<InitiateWormConfiguration><RetentionPeriodInDays>${days}</RetentionPeriodInDays></InitiateWormConfiguration>`,
  });

describe('retention policy state machine', () => {
  it('initiate → get InProgress → abort → initiate → complete → extend; errors on the way', async () => {
    expect(errorCode(await raw(emu, { method: 'GET', bucket: 'worm-bucket', query: [['worm', undefined]] }))).toBe('NoSuchWORMConfiguration');
    expect(errorCode(await initiate('worm-bucket', '0'))).toBe('InvalidWORMConfiguration');
    const first = await initiate('worm-bucket', '1');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-oss-worm-id')).toMatch(/^[0-9A-F]{32}$/);
    expect(errorCode(await initiate('worm-bucket', '1'))).toBe('WORMConfigurationAlreadyExists');
    const get = await raw(emu, { method: 'GET', bucket: 'worm-bucket', query: [['worm', undefined]] });
    expect(xmlValue(get.text, 'State')).toBe('InProgress');
    expect(xmlValue(get.text, 'CreationDate')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect((await raw(emu, { method: 'DELETE', bucket: 'worm-bucket', query: [['worm', undefined]] })).status).toBe(204);

    const second = await initiate('worm-bucket', '1');
    const wormId = second.headers.get('x-oss-worm-id')!;
    expect(errorCode(await raw(emu, { method: 'POST', bucket: 'worm-bucket', query: [['wormId', 'NOPE']] }))).toBe('NoSuchWORMConfiguration');
    expect((await raw(emu, { method: 'POST', bucket: 'worm-bucket', query: [['wormId', wormId]] })).status).toBe(200);
    const locked = await raw(emu, { method: 'DELETE', bucket: 'worm-bucket', query: [['worm', undefined]] });
    expect(locked.status).toBe(403);
    expect(errorCode(locked)).toBe('WORMConfigurationLocked');
    const extend = await raw(emu, {
      method: 'POST',
      bucket: 'worm-bucket',
      query: [['wormExtend', undefined], ['wormId', wormId]],
      body: '<ExtendWormConfiguration><RetentionPeriodInDays>2</RetentionPeriodInDays></ExtendWormConfiguration>',
    });
    expect(extend.status).toBe(200);
    const after = await raw(emu, { method: 'GET', bucket: 'worm-bucket', query: [['worm', undefined]] });
    expect(xmlValue(after.text, 'State')).toBe('Locked');
    expect(xmlValue(after.text, 'RetentionPeriodInDays')).toBe('2');
  });
});

describe('what a policy blocks', () => {
  it('refuses overwriting and deleting a protected object with 409 FileImmutable; new keys and reads are fine', async () => {
    expect((await raw(emu, { method: 'PUT', bucket: 'worm-bucket', key: 'kept.txt', body: 'v1' })).status).toBe(200);
    const overwrite = await raw(emu, { method: 'PUT', bucket: 'worm-bucket', key: 'kept.txt', body: 'v2' });
    expect(overwrite.status).toBe(409);
    expect(errorCode(overwrite)).toBe('FileImmutable');
    expect(xmlValue(overwrite.text, 'Message')).toBe('The object you specified is immutable.');
    const del = await raw(emu, { method: 'DELETE', bucket: 'worm-bucket', key: 'kept.txt' });
    expect(errorCode(del)).toBe('FileImmutable');
    expect((await raw(emu, { method: 'GET', bucket: 'worm-bucket', key: 'kept.txt' })).text).toBe('v1');
  });

  it('copy from or to a WORM bucket fails with FileImmutable under the documented rule [U: recorded by the suite]', async () => {
    await raw(emu, { method: 'PUT', bucket: 'plain-bucket', key: 'p.txt', body: 'p' });
    const into = await raw(emu, { method: 'PUT', bucket: 'worm-bucket', key: 'new.txt', headers: { 'x-oss-copy-source': '/plain-bucket/p.txt' } });
    expect(into.status).toBe(409);
    expect(errorCode(into)).toBe('FileImmutable');
    const out = await raw(emu, { method: 'PUT', bucket: 'plain-bucket', key: 'out.txt', headers: { 'x-oss-copy-source': '/worm-bucket/kept.txt' } });
    expect(errorCode(out)).toBe('FileImmutable');
  });

  it('with --worm-copy-rule protected-only only an overwrite of a protected object fails', async () => {
    const narrow = await startTestEmulator({ wormCopyRule: 'protected-only' });
    try {
      await raw(narrow, { method: 'PUT', bucket: 'w' + 'orm-b' });
      await raw(narrow, { method: 'PUT', bucket: 'worm-b', key: 'a.txt', body: 'a' });
      const init = await raw(narrow, {
        method: 'POST',
        bucket: 'worm-b',
        query: [['worm', undefined]],
        body: '<InitiateWormConfiguration><RetentionPeriodInDays>1</RetentionPeriodInDays></InitiateWormConfiguration>',
      });
      expect(init.status).toBe(200);
      const toNew = await raw(narrow, { method: 'PUT', bucket: 'worm-b', key: 'b.txt', headers: { 'x-oss-copy-source': '/worm-b/a.txt' } });
      expect(toNew.status).toBe(200);
      const onto = await raw(narrow, { method: 'PUT', bucket: 'worm-b', key: 'a.txt', headers: { 'x-oss-copy-source': '/worm-b/b.txt' } });
      expect(errorCode(onto)).toBe('FileImmutable');
    } finally {
      await narrow.close();
    }
  });
});
