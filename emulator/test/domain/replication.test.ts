// Replication rules as pure data (domain/replication.ts, behaviour §14.22): parsing with OSS's defaults and what it
// keeps, and which changes a rule replicates.
import { describe, expect, it } from 'vitest';
import { OssError } from '../../src/domain/errors.js';
import { parseReplicationRule, replicaEncryption, replicatesChange, selectsObject } from '../../src/domain/replication.js';
import { parseXml } from '@local-oss/client';

const REGIONS = ['cn-hangzhou', 'cn-beijing'];

function parse(rule: string) {
  return parseReplicationRule(
    parseXml(`<ReplicationConfiguration><Rule>${rule}<Destination><Bucket>dst</Bucket><Location>oss-cn-beijing</Location></Destination></Rule></ReplicationConfiguration>`) as Record<string, unknown>,
    REGIONS,
    1000,
  );
}

describe('parseReplicationRule', () => {
  it('defaults: a UUID id, Action ALL, historical enabled, starting, no prefixes', () => {
    const r = parse('');
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect([r.actions, r.historical, r.status, r.prefixes, r.created]).toEqual([['ALL'], 'enabled', 'starting', [], 1000]);
  });

  it('keeps the KMS settings only with a SyncRole, and no replica key when the criterion is Disabled (oss2 live tests)', () => {
    const kms = (status: string) =>
      `<SourceSelectionCriteria><SseKmsEncryptedObjects><Status>${status}</Status></SseKmsEncryptedObjects></SourceSelectionCriteria>` +
      '<EncryptionConfiguration><ReplicaKmsKeyID>key</ReplicaKmsKeyID></EncryptionConfiguration>';
    expect(parse(kms('Enabled'))).not.toHaveProperty('sseKms');
    expect(parse(kms('Enabled'))).not.toHaveProperty('replicaKmsKeyId');
    expect(parse(`<SyncRole>r</SyncRole>${kms('Enabled')}`)).toMatchObject({ sseKms: 'Enabled', replicaKmsKeyId: 'key' });
    const disabled = parse(`<SyncRole>r</SyncRole>${kms('Disabled')}`);
    expect(disabled.sseKms).toBe('Disabled');
    expect(disabled).not.toHaveProperty('replicaKmsKeyId');
  });

  it('a Location this emulator does not serve is BadReplicationLocation', () => {
    const doc = parseXml('<ReplicationConfiguration><Rule><Destination><Bucket>dst</Bucket><Location>oss-us-east-1</Location></Destination></Rule></ReplicationConfiguration>');
    expect(() => parseReplicationRule(doc as Record<string, unknown>, REGIONS, 0)).toThrow(OssError);
    try {
      parseReplicationRule(doc as Record<string, unknown>, REGIONS, 0);
    } catch (err) {
      expect((err as OssError).code).toBe('BadReplicationLocation');
    }
  });
});

describe('replicatesChange', () => {
  const at = 2000;
  it('writes: ALL and PUT; unversioned deletes and version deletes: ALL and DELETE; delete markers: every rule', () => {
    const all = parse('');
    const put = parse('<Action>PUT</Action>');
    const del = parse('<Action>DELETE</Action>');
    const change = (op: 'put' | 'delete' | 'deleteVersion', marker = false) => ({ key: 'k', op, marker, at });
    expect([all, put, del].map((r) => replicatesChange(r, change('put')))).toEqual([true, true, false]);
    expect([all, put, del].map((r) => replicatesChange(r, change('delete')))).toEqual([true, false, true]);
    expect([all, put, del].map((r) => replicatesChange(r, change('delete', true)))).toEqual([true, true, true]);
    expect([all, put, del].map((r) => replicatesChange(r, change('deleteVersion')))).toEqual([true, false, true]);
  });

  it('not before the rule existed, not outside its prefixes, not once closing', () => {
    const r = parse('<PrefixSet><Prefix>a/</Prefix></PrefixSet>');
    expect(replicatesChange(r, { key: 'a/x', op: 'put', marker: false, at: 999 })).toBe(false);
    expect(replicatesChange(r, { key: 'b/x', op: 'put', marker: false, at })).toBe(false);
    expect(replicatesChange(r, { key: 'a/x', op: 'put', marker: false, at })).toBe(true);
    expect(replicatesChange({ ...r, status: 'closing' }, { key: 'a/x', op: 'put', marker: false, at })).toBe(false);
  });
});

describe('SSE-KMS objects', () => {
  it('are selected only when the criterion is Enabled, and encrypted under the replica key', () => {
    const r = parse('<SyncRole>r</SyncRole><SourceSelectionCriteria><SseKmsEncryptedObjects><Status>Enabled</Status></SseKmsEncryptedObjects></SourceSelectionCriteria><EncryptionConfiguration><ReplicaKmsKeyID>rk</ReplicaKmsKeyID></EncryptionConfiguration>');
    expect([selectsObject(r, true), selectsObject(parse(''), true), selectsObject(parse(''), false)]).toEqual([true, false, true]);
    expect(replicaEncryption({ algorithm: 'KMS', keyId: 'src' }, r, undefined)).toEqual({ algorithm: 'KMS', keyId: 'rk' });
    expect(replicaEncryption({ algorithm: 'AES256' }, r, { algorithm: 'SM4' })).toEqual({ algorithm: 'AES256' });
    expect(replicaEncryption(undefined, r, { algorithm: 'SM4' })).toEqual({ algorithm: 'SM4' });
  });
});
