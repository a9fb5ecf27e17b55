// Issue 10: the emulated KMS key registry and the envelope primitives (AES-256-GCM).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decryptChunk,
  encryptChunk,
  generateDataKey,
  newMasterKey,
  SEAL_OVERHEAD,
  unwrapDataKey,
} from '../../src/domain/kms.js';
import { Store } from '../../src/store/store.js';

describe('envelope encryption primitives', () => {
  it('wraps a 32-byte data key that only its master key unwraps', () => {
    const master = newMasterKey();
    const { plaintext, wrapped } = generateDataKey(master);
    expect(plaintext).toHaveLength(32);
    expect(wrapped).toHaveLength(32 + SEAL_OVERHEAD);
    expect(wrapped.includes(plaintext)).toBe(false);
    expect(unwrapDataKey(master, wrapped)).toEqual(plaintext);
    expect(() => unwrapDataKey(newMasterKey(), wrapped)).toThrow();
  });

  it('seals chunks with a fresh nonce and refuses any altered byte', () => {
    const key = generateDataKey(newMasterKey()).plaintext;
    const plain = Buffer.from('the same plaintext twice');
    const a = encryptChunk(key, plain);
    const b = encryptChunk(key, plain);
    expect(a).toHaveLength(plain.length + SEAL_OVERHEAD);
    expect(a.equals(b)).toBe(false); // random nonce: equal plaintexts do not show
    expect(decryptChunk(key, a)).toEqual(plain);
    for (const at of [0, 12, a.length - 1]) {
      const bad = Buffer.from(a);
      bad[at]! ^= 1;
      expect(() => decryptChunk(key, bad), `byte ${at}`).toThrow(/authenticate/);
    }
    expect(() => decryptChunk(key, a.subarray(0, SEAL_OVERHEAD - 1))).toThrow();
    expect(decryptChunk(key, encryptChunk(key, Buffer.alloc(0)))).toHaveLength(0);
  });
});

describe('KMS key registry', () => {
  let store: Store;
  beforeEach(() => {
    store = Store.open(undefined);
  });
  afterEach(() => store.close());

  it('creates an unknown key on first use, enabled, and returns the same key afterwards', () => {
    expect(store.kms.get('first-use')).toBeUndefined();
    const key = store.kms.getOrCreate('first-use');
    expect(key).toMatchObject({ keyId: 'first-use', enabled: true });
    expect(key.masterKey).toHaveLength(32);
    expect(store.kms.getOrCreate('first-use').masterKey).toEqual(key.masterKey);
    expect(store.kms.get('first-use')).toEqual(key);
    expect(store.kms.getOrCreate('other').masterKey.equals(key.masterKey)).toBe(false);
  });

  it('declare() creates a configured key, and on a known key only updates its enabled flag', () => {
    const declared = store.kms.declare('configured', { enabled: false });
    expect(declared).toMatchObject({ keyId: 'configured', enabled: false });
    expect(store.kms.declare('configured', { enabled: true })).toEqual({ ...declared, enabled: true });

    const used = store.kms.getOrCreate('used-then-declared');
    const again = store.kms.declare('used-then-declared', { enabled: false });
    expect(again.masterKey).toEqual(used.masterKey);
    expect(again.created).toBe(used.created);
    expect(again.enabled).toBe(false);
    expect(store.kms.declare('default-enabled').enabled).toBe(true);
  });

  it('tells a disabled key from a missing one, and getOrCreate does not re-enable it', () => {
    store.kms.getOrCreate('k');
    expect(store.kms.setEnabled('k', false)).toBe(true);
    expect(store.kms.get('k')?.enabled).toBe(false);
    expect(store.kms.getOrCreate('k').enabled).toBe(false);
    expect(store.kms.setEnabled('missing', false)).toBe(false);
    expect(store.kms.get('missing')).toBeUndefined();
    expect(store.kms.setEnabled('k', true)).toBe(true);
    expect(store.kms.get('k')?.enabled).toBe(true);
  });
});
