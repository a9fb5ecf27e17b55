// The identities file (issue 10): RAM users with their access keys and policies, STS temporary credentials, and the
// emulated KMS keys. Parsing is pure and names the bad field in every error; loadConfigFile is the one reader of disk.
// The file mirrors the parsed model key for key, so what a user writes is what the code sees:
//
//   accountId: "1000000000000000"        # optional; the one account every user belongs to (default: OWNER.ID)
//   users:
//     - name: copier                     # optional, for messages
//       uid: "2000000000000001"          # optional; the id a bucket policy's Principal names this user by
//       accessKeyId: copier-id
//       accessKeySecret: copier-secret
//       policies: [ <RAM policy>, ... ]  # objects, or JSON text; none = no permission at all, as in RAM
//   sts:
//     - accessKeyId: STS.temp-id
//       accessKeySecret: temp-secret
//       securityToken: token-value
//       expiration: "2030-01-01T00:00:00Z"   # optional, ISO 8601 as STS's AssumeRole answers it
//       policies: [ ... ]
//   kms:
//     keys:
//       - keyId: my-key
//         alias: alias/my-key            # optional; KMS aliases start with alias/
//       - keyId: disabled-key
//         enabled: false                 # default true
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createRequire } from 'node:module';
import { OWNER } from './owner.js';
import { type Policy, PolicyError, parsePolicy } from './policy.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface UserIdentity {
  kind: 'user';
  name?: string;
  uid?: string;
  accessKeyId: string;
  accessKeySecret: string;
  policies: Policy[];
}

export interface StsIdentity {
  kind: 'sts';
  name?: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration?: Date;
  policies: Policy[];
}

export type Identity = UserIdentity | StsIdentity;

export interface KmsKeyConfig {
  keyId: string;
  enabled: boolean;
  alias?: string;
}

export interface IdentitiesConfig {
  accountId: string;
  users: UserIdentity[];
  sts: StsIdentity[];
  kms: { keys: KmsKeyConfig[] };
}

export type ConfigFormat = 'json' | 'yaml';

export function parseConfig(text: string, format: ConfigFormat): IdentitiesConfig {
  let doc: unknown;
  try {
    // The YAML parser is loaded only for a YAML file: most runs have none, and it weighs on start-up (bench/README.md,
    // "Start-up").
    doc = format === 'json' ? JSON.parse(text) : (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
  } catch (err) {
    throw new ConfigError(`config is not valid ${format.toUpperCase()}: ${(err as Error).message}`);
  }
  return readConfig(doc);
}

/** The format comes from the extension: .json, or .yaml / .yml. */
export function loadConfigFile(path: string): IdentitiesConfig {
  const ext = extname(path).toLowerCase();
  const format: ConfigFormat | undefined = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
  if (format === undefined) throw new ConfigError(`${path}: the identities file must end in .json, .yaml or .yml`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: ${(err as Error).message}`);
  }
  try {
    return parseConfig(text, format);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(`${path}: ${err.message}`);
    throw err;
  }
}

function readConfig(doc: unknown): IdentitiesConfig {
  const top = record(doc, 'config');
  only(top, ['accountId', 'users', 'sts', 'kms'], '');
  const config: IdentitiesConfig = {
    accountId: optionalString(top, 'accountId', '') ?? OWNER.ID,
    users: list(top.users, 'users').map((u, i) => readUser(u, `users[${i}]`)),
    sts: list(top.sts, 'sts').map((s, i) => readSts(s, `sts[${i}]`)),
    kms: readKms(top.kms),
  };
  noDuplicates([...config.users, ...config.sts].map((id, i) => [id.accessKeyId, where(config, i)]), 'accessKeyId');
  return config;
}

function where(config: IdentitiesConfig, i: number): string {
  return i < config.users.length ? `users[${i}]` : `sts[${i - config.users.length}]`;
}

function readUser(v: unknown, at: string): UserIdentity {
  const o = record(v, at);
  only(o, ['name', 'uid', 'accessKeyId', 'accessKeySecret', 'policies'], `${at}.`);
  const user: UserIdentity = {
    kind: 'user',
    accessKeyId: requiredString(o, 'accessKeyId', at),
    accessKeySecret: requiredString(o, 'accessKeySecret', at),
    policies: readPolicies(o.policies, `${at}.policies`),
  };
  const name = optionalString(o, 'name', at);
  if (name !== undefined) user.name = name;
  const uid = optionalString(o, 'uid', at);
  if (uid !== undefined) user.uid = uid;
  return user;
}

function readSts(v: unknown, at: string): StsIdentity {
  const o = record(v, at);
  only(o, ['name', 'accessKeyId', 'accessKeySecret', 'securityToken', 'expiration', 'policies'], `${at}.`);
  const sts: StsIdentity = {
    kind: 'sts',
    accessKeyId: requiredString(o, 'accessKeyId', at),
    accessKeySecret: requiredString(o, 'accessKeySecret', at),
    securityToken: requiredString(o, 'securityToken', at),
    policies: readPolicies(o.policies, `${at}.policies`),
  };
  const name = optionalString(o, 'name', at);
  if (name !== undefined) sts.name = name;
  if (o.expiration !== undefined) sts.expiration = readDate(o.expiration, `${at}.expiration`);
  return sts;
}

function readKms(v: unknown): { keys: KmsKeyConfig[] } {
  if (v === undefined || v === null) return { keys: [] };
  const o = record(v, 'kms');
  only(o, ['keys'], 'kms.');
  const keys = list(o.keys, 'kms.keys').map((k, i) => readKmsKey(k, `kms.keys[${i}]`));
  noDuplicates(keys.map((k, i) => [k.keyId, `kms.keys[${i}]`]), 'keyId');
  noDuplicates(
    keys.flatMap((k, i) => (k.alias === undefined ? [] : [[k.alias, `kms.keys[${i}]`] as [string, string]])),
    'alias',
  );
  return { keys };
}

function readKmsKey(v: unknown, at: string): KmsKeyConfig {
  const o = record(v, at);
  only(o, ['keyId', 'enabled', 'alias'], `${at}.`);
  if (o.enabled !== undefined && typeof o.enabled !== 'boolean') throw new ConfigError(`${at}.enabled must be true or false`);
  const key: KmsKeyConfig = { keyId: requiredString(o, 'keyId', at), enabled: o.enabled !== false };
  const alias = optionalString(o, 'alias', at);
  if (alias !== undefined) {
    // KMS's CreateAlias requires the alias/ prefix; accepting a bare name here would give a key no request can name.
    if (!alias.startsWith('alias/') || alias === 'alias/') throw new ConfigError(`${at}.alias must look like alias/<name>`);
    key.alias = alias;
  }
  return key;
}

function readPolicies(v: unknown, at: string): Policy[] {
  return list(v, at).map((p, i) => {
    try {
      return parsePolicy(p);
    } catch (err) {
      if (err instanceof PolicyError) throw new ConfigError(`${at}[${i}]: ${err.message}`);
      throw err;
    }
  });
}

function readDate(v: unknown, at: string): Date {
  const d = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : undefined;
  if (d === undefined || Number.isNaN(d.getTime())) throw new ConfigError(`${at} must be an ISO 8601 date such as "2030-01-01T00:00:00Z"`);
  return d;
}

// --- shape checks --------------------------------------------------------------------------------------------------

function record(v: unknown, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(`${at} must be a mapping of fields`);
  return v as Record<string, unknown>;
}

function list(v: unknown, at: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ConfigError(`${at} must be a list`);
  return v;
}

// Unknown fields fail rather than pass silently: a misspelt `policy:` would otherwise leave a user with no rights.
function only(o: Record<string, unknown>, known: string[], at: string): void {
  for (const name of Object.keys(o)) {
    if (!known.includes(name)) throw new ConfigError(`${at}${name} is not a known field (expected one of ${known.join(', ')})`);
  }
}

function requiredString(o: Record<string, unknown>, field: string, at: string): string {
  const v = optionalString(o, field, at);
  if (v === undefined) throw new ConfigError(`${at}.${field} is missing`);
  return v;
}

// Numbers are refused, not coerced: a 16-digit UID read as a YAML number has already lost its last digits.
function optionalString(o: Record<string, unknown>, field: string, at: string): string | undefined {
  const v = o[field];
  if (v === undefined || v === null) return undefined;
  const path = at === '' ? field : `${at}.${field}`;
  if (typeof v !== 'string') throw new ConfigError(`${path} must be a string${typeof v === 'number' ? ' (quote it)' : ''}`);
  if (v === '') throw new ConfigError(`${path} must not be empty`);
  return v;
}

function noDuplicates(entries: [string, string][], field: string): void {
  const seen = new Map<string, string>();
  for (const [value, at] of entries) {
    const first = seen.get(value);
    if (first !== undefined) throw new ConfigError(`${at}.${field} ${JSON.stringify(value)} is already used by ${first}`);
    seen.set(value, at);
  }
}
