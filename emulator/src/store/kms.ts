// The emulated KMS: master keys by key id, the only code that touches `kms_keys`. Keys come from the config file
// (declare) or are created on first use, as an account's KMS would hand out a CMK; they are never deleted, since
// stored data keys stay wrapped under them. Whether a disabled key may be used is the HTTP layer's decision: the
// store still unwraps with it, so objects written earlier stay readable once the key is enabled again.
import type { Db } from './db.js';
import { newMasterKey } from '../domain/kms.js';

export interface KmsKey {
  keyId: string;
  masterKey: Buffer;
  enabled: boolean;
  created: number; // ms since the epoch
}

interface KmsKeyRow {
  key_id: string;
  master_key: Buffer;
  enabled: number;
  created: number;
}

export class KmsStore {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      get: db.prepare('SELECT key_id, master_key, enabled, created FROM kms_keys WHERE key_id = ?'),
      create: db.prepare(
        'INSERT INTO kms_keys (key_id, master_key, enabled, created) VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING',
      ),
      upsert: db.prepare(
        'INSERT INTO kms_keys (key_id, master_key, enabled, created) VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET enabled = excluded.enabled',
      ),
      setEnabled: db.prepare('UPDATE kms_keys SET enabled = ? WHERE key_id = ?'),
    };
  }

  /** A key named in the config file: created if new, otherwise only its enabled flag follows the config. */
  declare(keyId: string, options: { enabled?: boolean } = {}): KmsKey {
    this.stmt.upsert.run(keyId, newMasterKey(), options.enabled === false ? 0 : 1, Date.now());
    return this.get(keyId)!;
  }

  /** The key, created (enabled) on first use when the config did not declare it. */
  getOrCreate(keyId: string): KmsKey {
    this.stmt.create.run(keyId, newMasterKey(), 1, Date.now());
    return this.get(keyId)!;
  }

  get(keyId: string): KmsKey | undefined {
    const row = this.stmt.get.get(keyId) as KmsKeyRow | undefined;
    return row && { keyId: row.key_id, masterKey: row.master_key, enabled: row.enabled === 1, created: row.created };
  }

  /** False when no such key exists. */
  setEnabled(keyId: string, enabled: boolean): boolean {
    return this.stmt.setEnabled.run(enabled ? 1 : 0, keyId).changes > 0;
  }
}
