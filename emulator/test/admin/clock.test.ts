// The emulator's clock (domain/clock.ts; issue 23 item 3): GET/PUT /-/clock and --clock-offset move "now" for what
// expires or ages — a retention period lapses, a presigned URL expires, new writes are dated — while a signature is
// still checked for skew against the real clock (the SDK signs with the machine's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator } from '../http/support.js';

const DAY = 86_400;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

async function setClock(offsetSeconds: number): Promise<{ now: string; offsetSeconds: number }> {
  const res = await fetch(`${emu.url}/-/clock`, { method: 'PUT', body: JSON.stringify({ offsetSeconds }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { now: string; offsetSeconds: number };
}

describe('the emulator clock', () => {
  it('answers GET /-/clock and refuses an offset that is not a number', async () => {
    const got = (await (await fetch(`${emu.url}/-/clock`)).json()) as { now: string; offsetSeconds: number };
    expect(got.offsetSeconds).toBe(0);
    expect(Math.abs(Date.parse(got.now) - Date.now())).toBeLessThan(5_000);
    const bad = await fetch(`${emu.url}/-/clock`, { method: 'PUT', body: JSON.stringify({ offsetSeconds: 'soon' }) });
    expect(bad.status).toBe(400);
    const moved = await setClock(2 * DAY);
    expect(Date.parse(moved.now) - Date.now()).toBeGreaterThan(2 * DAY * 1000 - 5_000);
    await setClock(0);
  });

  it('a bucket retention period lapses once the clock passes it; the signature skew still uses the real clock', async () => {
    await raw(emu, { method: 'PUT', bucket: 'clock-worm' });
    await raw(emu, { method: 'PUT', bucket: 'clock-worm', key: 'kept.txt', body: 'kept' });
    const initiate = await raw(emu, {
      method: 'POST',
      bucket: 'clock-worm',
      query: [['worm', undefined]],
      body: '<InitiateWormConfiguration><RetentionPeriodInDays>1</RetentionPeriodInDays></InitiateWormConfiguration>',
    });
    const wormId = initiate.headers.get('x-oss-worm-id')!;
    expect((await raw(emu, { method: 'POST', bucket: 'clock-worm', query: [['wormId', wormId]] })).status).toBe(200);
    expect(errorCode(await raw(emu, { method: 'DELETE', bucket: 'clock-worm', key: 'kept.txt' }))).toBe('FileImmutable');
    await setClock(2 * DAY);
    try {
      // Signed now, by the real clock: accepted although the emulator's clock is two days ahead.
      expect((await raw(emu, { method: 'DELETE', bucket: 'clock-worm', key: 'kept.txt' })).status).toBe(204);
    } finally {
      await setClock(0);
    }
  });

  it('an object retention date passes with the clock, and new writes carry the moved Last-Modified', async () => {
    await raw(emu, { method: 'PUT', bucket: 'clock-retention' });
    await raw(emu, { method: 'PUT', bucket: 'clock-retention', query: [['versioning', undefined]], body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' });
    await raw(emu, { method: 'PUT', bucket: 'clock-retention', query: [['objectWorm', undefined]], body: '<ObjectWormConfiguration><ObjectWormEnabled>Enabled</ObjectWormEnabled></ObjectWormConfiguration>' });
    const put = await raw(emu, { method: 'PUT', bucket: 'clock-retention', key: 'r.txt', body: 'r' });
    const versionId = put.headers.get('x-oss-version-id')!;
    const until = new Date(Date.now() + DAY * 1000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    await raw(emu, {
      method: 'PUT',
      bucket: 'clock-retention',
      key: 'r.txt',
      query: [['retention', undefined], ['versionId', versionId]],
      body: `<Retention><Mode>COMPLIANCE</Mode><RetainUntilDate>${until}</RetainUntilDate></Retention>`,
    });
    const byVersion = () => raw(emu, { method: 'DELETE', bucket: 'clock-retention', key: 'r.txt', query: [['versionId', versionId]] });
    expect(errorCode(await byVersion())).toBe('FileImmutable');
    await setClock(3 * DAY);
    try {
      expect((await byVersion()).status).toBe(204);
      const later = await raw(emu, { method: 'PUT', bucket: 'clock-retention', key: 'later.txt', body: 'l' });
      expect(later.status).toBe(200);
      const head = await raw(emu, { method: 'HEAD', bucket: 'clock-retention', key: 'later.txt' });
      expect(Date.parse(head.headers.get('last-modified')!) - Date.now()).toBeGreaterThan(3 * DAY * 1000 - 60_000);
    } finally {
      await setClock(0);
    }
  });

  it('starts ahead with clockOffsetSeconds (the CLI\'s --clock-offset / LOCAL_OSS_CLOCK_OFFSET)', async () => {
    const ahead = await startTestEmulator({ clockOffsetSeconds: 3600 });
    try {
      const got = (await (await fetch(`${ahead.url}/-/clock`)).json()) as { offsetSeconds: number };
      expect(got.offsetSeconds).toBe(3600);
    } finally {
      await ahead.close();
    }
  });

  it('a presigned URL expires when the clock passes its expiry', async () => {
    const client = ownerClient(emu);
    await client.putBucket({ bucket: 'clock-presign' });
    await client.putObject({ bucket: 'clock-presign', key: 'p.txt', body: 'presigned' });
    for (const signatureVersion of ['v4', 'v1'] as const) {
      const signer = ownerClient(emu, { signatureVersion });
      const { url } = signer.presign({ method: 'GET', bucket: 'clock-presign', key: 'p.txt', expiresSeconds: 600 });
      expect((await fetch(url)).status, signatureVersion).toBe(200);
      await setClock(601);
      try {
        const expired = await fetch(url);
        expect(expired.status, signatureVersion).toBe(403);
        expect(await expired.text(), signatureVersion).toContain('Request has expired.');
      } finally {
        await setClock(0);
      }
    }
  });
});
