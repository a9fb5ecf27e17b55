// Account-wide configuration documents (`account_documents`, migration 9 of the merge plan): the account-level
// Block Public Access flag (behaviour §14.15). One JSON document per kind, like store/buckets.ts bucket documents.
import type { Db } from './db.js';

export type AccountDocumentKind = 'publicAccessBlock';

export class AccountStore {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      get: db.prepare('SELECT doc FROM account_documents WHERE kind = ?').pluck(),
      put: db.prepare('INSERT OR REPLACE INTO account_documents (kind, doc) VALUES (?, ?)'),
      delete: db.prepare('DELETE FROM account_documents WHERE kind = ?'),
      clear: db.prepare('DELETE FROM account_documents'),
    };
  }

  getDocument<T>(kind: AccountDocumentKind): T | undefined {
    // Read from the table each time (one indexed row): no cache to fall out of step with a rolled-back write.
    const text = this.stmt.get.get(kind) as string | undefined;
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  /** Sets (or, with undefined, removes) a document. */
  setDocument(kind: AccountDocumentKind, value: unknown): void {
    if (value === undefined) this.stmt.delete.run(kind);
    else this.stmt.put.run(kind, JSON.stringify(value));
  }

  /** POST /-/reset: the account's settings go back to their defaults with its buckets. */
  clear(): void {
    this.stmt.clear.run();
  }
}
