import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfig } from '../../src/domain/identities.js';
import { OWNER } from '../../src/domain/owner.js';
import { evaluate, ossArn } from '../../src/domain/policy.js';

const EXAMPLE_YAML = `
users:
  - name: copier
    accessKeyId: copier-id
    accessKeySecret: copier-secret
    policies:
      - Version: "1"
        Statement:
          - Effect: Allow
            Action: ["oss:GetObject", "oss:PutObject"]
            Resource: ["acs:oss:*:*:src-bucket/*", "acs:oss:*:*:dst-bucket/*"]
sts:
  - accessKeyId: STS.temp-id
    accessKeySecret: temp-secret
    securityToken: token-value
    expiration: "2030-01-01T00:00:00Z"
    policies:
      - '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}]}'
kms:
  keys:
    - keyId: my-key
      alias: alias/mine
    - keyId: disabled-key
      enabled: false
`;

const configError = (text: string, format: 'json' | 'yaml' = 'yaml'): string => {
  try {
    parseConfig(text, format);
    return 'parsed';
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
};

describe('parseConfig', () => {
  it('reads the documented YAML example', () => {
    const config = parseConfig(EXAMPLE_YAML, 'yaml');
    expect(config.accountId).toBe(OWNER.ID);
    expect(config.users).toEqual([
      {
        kind: 'user',
        name: 'copier',
        accessKeyId: 'copier-id',
        accessKeySecret: 'copier-secret',
        policies: [
          {
            Version: '1',
            Statement: [
              { Effect: 'Allow', Action: ['oss:GetObject', 'oss:PutObject'], Resource: ['acs:oss:*:*:src-bucket/*', 'acs:oss:*:*:dst-bucket/*'] },
            ],
          },
        ],
      },
    ]);
    expect(config.sts).toEqual([
      {
        kind: 'sts',
        accessKeyId: 'STS.temp-id',
        accessKeySecret: 'temp-secret',
        securityToken: 'token-value',
        expiration: new Date('2030-01-01T00:00:00Z'),
        policies: [{ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Resource: ['*'] }] }],
      },
    ]);
    expect(config.kms).toEqual({
      keys: [
        { keyId: 'my-key', enabled: true, alias: 'alias/mine' },
        { keyId: 'disabled-key', enabled: false },
      ],
    });
  });

  it('the parsed policies drive evaluate', () => {
    const copier = parseConfig(EXAMPLE_YAML, 'yaml').users.find((u) => u.accessKeyId === 'copier-id')!;
    const req = (action: string, bucket: string) => ({ action, resource: ossArn({ region: 'cn-hangzhou', account: OWNER.ID }, bucket, 'k'), context: {} });
    expect(evaluate(copier.policies, req('oss:GetObject', 'src-bucket'))).toBe('allow');
    expect(evaluate(copier.policies, req('oss:DeleteObject', 'src-bucket'))).toBe('implicit-deny');
  });

  it('reads the same shape from JSON, with accountId and uid', () => {
    const config = parseConfig(
      JSON.stringify({
        accountId: '1234567890123456',
        users: [{ name: 'reader', uid: '2000000000000001', accessKeyId: 'r', accessKeySecret: 's' }],
      }),
      'json',
    );
    expect(config).toEqual({
      accountId: '1234567890123456',
      users: [{ kind: 'user', name: 'reader', uid: '2000000000000001', accessKeyId: 'r', accessKeySecret: 's', policies: [] }],
      sts: [],
      kms: { keys: [] },
    });
  });

  it('every section is optional', () => {
    expect(parseConfig('{}', 'json')).toEqual({ accountId: OWNER.ID, users: [], sts: [], kms: { keys: [] } });
    expect(parseConfig('users: []\nkms:\n', 'yaml')).toEqual({ accountId: OWNER.ID, users: [], sts: [], kms: { keys: [] } });
  });

  it('rejects text that is not JSON / YAML', () => {
    expect(configError('{', 'json')).toMatch(/^config is not valid JSON/);
    expect(configError('users: [', 'yaml')).toMatch(/^config is not valid YAML/);
    expect(configError('a: 1\na: 2', 'yaml')).toMatch(/^config is not valid YAML/); // duplicate keys
    expect(configError('', 'yaml')).toBe('config must be a mapping of fields');
    expect(configError('[]', 'json')).toBe('config must be a mapping of fields');
  });

  it('names the bad field', () => {
    expect(configError('user: []')).toMatch(/^user is not a known field/);
    expect(configError('users: {}')).toBe('users must be a list');
    expect(configError('users: [x]')).toBe('users[0] must be a mapping of fields');
    expect(configError('users:\n  - accessKeySecret: s')).toBe('users[0].accessKeyId is missing');
    expect(configError('users:\n  - accessKeyId: a')).toBe('users[0].accessKeySecret is missing');
    expect(configError('users:\n  - {accessKeyId: "", accessKeySecret: s}')).toBe('users[0].accessKeyId must not be empty');
    expect(configError('users:\n  - {accessKeyId: a, accessKeySecret: s, uid: 2000000000000001}')).toBe(
      'users[0].uid must be a string (quote it)',
    );
    expect(configError('users:\n  - {accessKeyId: a, accessKeySecret: s, policy: []}')).toMatch(/^users\[0\]\.policy is not a known field/);
    expect(configError('users:\n  - {accessKeyId: a, accessKeySecret: s, policies: {}}')).toBe('users[0].policies must be a list');
    expect(configError('accountId: 1234')).toBe('accountId must be a string (quote it)');
    expect(configError('sts:\n  - {accessKeyId: a, accessKeySecret: s}')).toBe('sts[0].securityToken is missing');
    expect(configError('sts:\n  - {accessKeyId: a, accessKeySecret: s, securityToken: t, expiration: soon}')).toMatch(
      /^sts\[0\]\.expiration must be an ISO 8601 date/,
    );
    expect(configError('kms: []')).toBe('kms must be a mapping of fields');
    expect(configError('kms:\n  key: []')).toMatch(/^kms\.key is not a known field/);
    expect(configError('kms:\n  keys:\n    - enabled: true')).toBe('kms.keys[0].keyId is missing');
    expect(configError('kms:\n  keys:\n    - {keyId: k, enabled: "no"}')).toBe('kms.keys[0].enabled must be true or false');
    expect(configError('kms:\n  keys:\n    - {keyId: k, alias: mine}')).toBe('kms.keys[0].alias must look like alias/<name>');
  });

  it('names the bad policy and passes on the policy parser message', () => {
    const text = `
users:
  - accessKeyId: a
    accessKeySecret: s
    policies:
      - {Version: "1", Statement: [{Effect: Allow, Action: "*", Resource: "*"}]}
      - {Version: 1, Statement: []}
`;
    expect(configError(text)).toBe('users[0].policies[1]: Version must be the string "1", not 1');
    expect(configError('sts:\n  - {accessKeyId: a, accessKeySecret: s, securityToken: t, policies: ["{bad"]}')).toMatch(
      /^sts\[0\]\.policies\[0\]: policy is not valid JSON/,
    );
  });

  it('refuses an access key id used twice, across users and STS, and duplicate KMS key ids and aliases', () => {
    const dupUsers = 'users:\n  - {accessKeyId: a, accessKeySecret: s}\n  - {accessKeyId: a, accessKeySecret: t}';
    expect(configError(dupUsers)).toBe('users[1].accessKeyId "a" is already used by users[0]');
    const dupSts = 'users:\n  - {accessKeyId: a, accessKeySecret: s}\nsts:\n  - {accessKeyId: a, accessKeySecret: s, securityToken: t}';
    expect(configError(dupSts)).toBe('sts[0].accessKeyId "a" is already used by users[0]');
    expect(configError('kms:\n  keys:\n    - keyId: k\n    - keyId: k')).toBe('kms.keys[1].keyId "k" is already used by kms.keys[0]');
    expect(configError('kms:\n  keys:\n    - {keyId: k1, alias: alias/x}\n    - {keyId: k2, alias: alias/x}')).toBe(
      'kms.keys[1].alias "alias/x" is already used by kms.keys[0]',
    );
  });
});

describe('loadConfigFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-oss-identities-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('picks the format from the extension', () => {
    writeFileSync(join(dir, 'a.yaml'), EXAMPLE_YAML);
    writeFileSync(join(dir, 'b.YML'), EXAMPLE_YAML);
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ users: [{ accessKeyId: 'j', accessKeySecret: 's' }] }));
    expect(loadConfigFile(join(dir, 'a.yaml')).users[0]!.name).toBe('copier');
    expect(loadConfigFile(join(dir, 'b.YML')).kms.keys).toHaveLength(2);
    expect(loadConfigFile(join(dir, 'c.json')).users[0]!.accessKeyId).toBe('j');
  });

  it('names the file in every error', () => {
    const toml = join(dir, 'x.toml');
    expect(() => loadConfigFile(toml)).toThrow(`${toml}: the identities file must end in .json, .yaml or .yml`);
    const missing = join(dir, 'missing.yaml');
    expect(() => loadConfigFile(missing)).toThrow(new RegExp(`^${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ users: [{ accessKeyId: 'a' }] }));
    expect(() => loadConfigFile(bad)).toThrow(`${bad}: users[0].accessKeySecret is missing`);
  });
});
