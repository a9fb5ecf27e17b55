// Data-redundancy transition tasks (behaviour §14.12): created, read, listed per bucket and per user, deleted; OSS's
// refusals changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ lifecycleIntervalSeconds: 0 });
  await ownerClient(emu).putBucket({ bucket: 'drt' });
});
afterAll(() => emu.close());

const call = (method: string, extra: [string, string][] = [], bucket: string | undefined = 'drt') =>
  raw(emu, { method, ...(bucket ? { bucket } : {}), query: [['redundancyTransition', undefined], ...extra] });

describe('redundancy transition tasks', () => {
  it('create → get → list (bucket and user) → delete, one task at a time, ZRS only', async () => {
    const bad = await call('POST', [['x-oss-target-redundancy-type', 'LRS']]);
    expect([bad.status, errorCode(bad)]).toEqual([400, 'InvalidArgument']);
    const created = await call('POST', [['x-oss-target-redundancy-type', 'ZRS']]);
    expect(created.status).toBe(200);
    const taskId = xmlValue(created.text, 'TaskId')!;
    expect(taskId).toMatch(/^[0-9a-f]{32}$/);
    const again = await call('POST', [['x-oss-target-redundancy-type', 'ZRS']]);
    expect([again.status, errorCode(again)]).toEqual([409, 'RedundancyTransitionTaskExists']);
    const got = await call('GET', [['x-oss-redundancy-transition-taskid', taskId]]);
    expect([xmlValue(got.text, 'Bucket'), xmlValue(got.text, 'TaskId'), xmlValue(got.text, 'Status')]).toEqual(['drt', taskId, 'Queueing']);
    expect(xmlValue(got.text, 'CreateTime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(xmlValue((await call('GET')).text, 'TaskId')).toBe(taskId);
    expect(xmlValue((await call('GET', [], undefined)).text, 'TaskId')).toBe(taskId);
    expect((await call('DELETE', [['x-oss-redundancy-transition-taskid', taskId]])).status).toBe(204);
    const gone = await call('GET', [['x-oss-redundancy-transition-taskid', taskId]]);
    expect([gone.status, errorCode(gone)]).toEqual([404, 'NoSuchRedundancyTransitionTask']);
  });
});
