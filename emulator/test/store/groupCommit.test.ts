// Issue 8: writes queued in the same event-loop turn share one COMMIT, each in a savepoint of its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';

describe('Store.groupTx', () => {
  let store: Store;
  const names = () => store.db.prepare('SELECT name FROM buckets ORDER BY created_at').pluck().all();
  const create = (name: string, createdAt: number) =>
    store.buckets.create({ name, region: 'cn-hangzhou', createdAt, acl: 'private', storageClass: 'Standard', dataRedundancyType: 'LRS' });
  beforeEach(() => {
    store = Store.open(undefined);
  });
  afterEach(() => store.close());

  it('commits the group once and undoes only the write that threw', async () => {
    const first = store.groupTx(() => {
      create('first-bucket', 1);
      return 'one';
    });
    const second = store.groupTx(() => {
      create('second-bucket', 2);
      throw new Error('refused after writing');
    });
    let firstSettled = false;
    void first.then(() => (firstSettled = true));
    // Runs in the same transaction as the first (not yet acknowledged) and sees what the writes before it did, as
    // if they had run one after another.
    let firstSettledWhenThirdRan: boolean | undefined;
    const third = store.groupTx(() => {
      firstSettledWhenThirdRan = firstSettled;
      create('third-bucket', 3);
      return store.buckets.get('first-bucket')?.name;
    });
    const settled = await Promise.allSettled([first, second, third]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe('refused after writing');
    expect((settled[2] as PromiseFulfilledResult<string>).value).toBe('first-bucket');
    expect(firstSettledWhenThirdRan).toBe(false);
    expect(names()).toEqual(['first-bucket', 'third-bucket']);
    expect(store.db.inTransaction).toBe(false);
  });

  it('answers nothing before the COMMIT: a write is visible to readers only once its promise settles', async () => {
    const done = store.groupTx(() => create('late-bucket', 1));
    expect(names()).toEqual([]); // queued, not yet run
    await done;
    expect(names()).toEqual(['late-bucket']);
  });

  it('runs later groups after earlier ones', async () => {
    await store.groupTx(() => create('a-bucket', 1));
    const results = await Promise.all([store.groupTx(() => create('b-bucket', 2)), store.groupTx(() => names())]);
    expect(results[1]).toEqual(['a-bucket', 'b-bucket']);
  });
});
