// The RAM users permission scenarios act as: collected from the scenarios, given fixed key pairs on the emulator
// (which reads its identities file at start), or read from a file mapping each user to a real RAM user's key pair.
import { readFileSync } from 'node:fs';
import type { Credentials, RamUser, Scenario } from './model.js';

/** Every RAM user the scenarios declare, once; a name must mean one policy wherever it appears. */
export function ramUsersOf(scenarios: Scenario[]): RamUser[] {
  const byName = new Map<string, RamUser>();
  for (const s of scenarios) {
    for (const u of s.ramUsers ?? []) {
      const seen = byName.get(u.name);
      if (seen !== undefined && JSON.stringify(seen.policy) !== JSON.stringify(u.policy)) {
        throw new Error(`RAM user ${u.name} is declared with two different policies (last by ${s.id})`);
      }
      byName.set(u.name, u);
    }
  }
  return [...byName.values()];
}

/** The fixed key pair a RAM user gets on an emulator the suite configures. */
export function emulatorKeyPair(name: string): Credentials {
  return { accessKeyId: `conf-ram-${name}`, accessKeySecret: `conf-ram-${name}-secret` };
}

/** A local-oss identities file (`local-oss --config FILE`) holding these users with their fixed key pairs. */
export function localOssIdentities(users: RamUser[]): { users: { name: string; accessKeyId: string; accessKeySecret: string; policies: unknown[] }[] } {
  return { users: users.map((u) => ({ name: u.name, ...emulatorKeyPair(u.name), policies: [u.policy] })) };
}

/**
 * `--ram-users FILE`: JSON mapping user names to key pairs, `{"<name>": {"accessKeyId": …, "accessKeySecret": …}}`,
 * or a local-oss identities file in JSON (its `users` with `name`), so the file given to `local-oss --config` works
 * as is.
 */
export function readRamUsersFile(path: string): Record<string, Credentials> {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const entries: [string, unknown][] =
    isRecord(doc) && Array.isArray(doc.users)
      ? doc.users.map((u: unknown, i: number) => [isRecord(u) && typeof u.name === 'string' ? u.name : `users[${i}]`, u])
      : isRecord(doc)
        ? Object.entries(doc)
        : [];
  if (entries.length === 0) throw new Error(`${path}: expected {"<user>": {"accessKeyId": …, "accessKeySecret": …}, …}`);
  const out: Record<string, Credentials> = {};
  for (const [name, v] of entries) {
    if (!isRecord(v) || typeof v.accessKeyId !== 'string' || typeof v.accessKeySecret !== 'string') {
      throw new Error(`${path}: ${name} needs string accessKeyId and accessKeySecret`);
    }
    out[name] = { accessKeyId: v.accessKeyId, accessKeySecret: v.accessKeySecret };
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
