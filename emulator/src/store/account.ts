// Account-wide configuration documents (`account_documents`, migration 9 of the merge plan): the account-level
// Block Public Access flag (behaviour §14.15). One JSON document per kind, like store/buckets.ts bucket documents.
import type { Db } from './db.js';

export type AccountDocumentKind = 'publicAccessBlock';

export class AccountStore {
  private readonly stmt;
  /**
   * Committed documents by kind (null: none). The account's Block Public Access flag is read by every request
   * (http/access.ts): one SELECT and a JSON.parse were 3-4 % of a 1 KiB GET's or PUT's CPU (issue 22 profile,
   * bench/README.md "Small requests"). The discipline of store/buckets.ts's caches: every change drops the entry,
   * entries are filled only outside transactions, so a rolled-back change is never remembered.
   */
  private readonly docs = new Map<AccountDocumentKind, string | null>();

  constructor(private readonly db: Db) {
    this.stmt = {
      get: db.prepare('SELECT doc FROM account_documents WHERE kind = ?').pluck(),
      put: db.prepare('INSERT OR REPLACE INTO account_documents (kind, doc) VALUES (?, ?)'),
      delete: db.prepare('DELETE FROM account_documents WHERE kind = ?'),
      clear: db.prepare('DELETE FROM account_documents'),
    };
  }

  getDocument<T>(kind: AccountDocumentKind): T | undefined {
    let text = this.docs.get(kind);
    if (text === undefined) {
      text = (this.stmt.get.get(kind) as string | undefined) ?? null;
      if (!this.db.inTransaction) this.docs.set(kind, text);
    }
    // Parsed on every call: callers may change what they get back.
    return text === null ? undefined : (JSON.parse(text) as T);
  }

  /** Sets (or, with undefined, removes) a document. */
  setDocument(kind: AccountDocumentKind, value: unknown): void {
    this.docs.delete(kind);
    if (value === undefined) this.stmt.delete.run(kind);
    else this.stmt.put.run(kind, JSON.stringify(value));
  }

  /** POST /-/reset: the account's settings go back to their defaults with its buckets. */
  clear(): void {
    this.docs.clear();
    this.stmt.clear.run();
  }
}
