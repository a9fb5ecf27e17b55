// documents.ts: the HTTP form the raw drivers give the bucket-configuration, symlink and append APIs, and how they
// read the answers back into PY2-style result fields, without HTTP.
import { describe, expect, it } from 'vitest';
import { parseXml } from '@local-oss/client';
import { DOCUMENTS, documentWire, resultOf } from '@local-oss/conformance';

describe('documents.ts wire forms', () => {
  it('a configuration PUT carries its sub-resource, the document built from the model and its Content-MD5', () => {
    const w = documentWire('PutBucketCors', {
      bucket: 'b',
      request: { corsConfiguration: { corsRules: [{ allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], maxAgeSeconds: 10 }], responseVary: false } },
    });
    expect([w.method, w.bucket, w.key, w.query]).toEqual(['PUT', 'b', undefined, [['cors', undefined]]]);
    expect(String(w.body)).toContain('<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><MaxAgeSeconds>10</MaxAgeSeconds></CORSRule><ResponseVary>false</ResponseVary></CORSConfiguration>');
    expect(w.headers?.['content-md5']).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('GetCnameToken names the domain with `cname=`, not the cname selector; the callback policy is ?policy&comp=callback', () => {
    expect(documentWire('GetCnameToken', { bucket: 'b', request: { cname: 'www.example.com' } }).query).toEqual([['comp', 'token'], ['cname', 'www.example.com']]);
    expect(documentWire('GetBucketCallbackPolicy', { bucket: 'b' }).query).toEqual([['policy', undefined], ['comp', 'callback']]);
    expect(documentWire('ListBuckets', { bucket: 'ignored', request: { tagKey: 'k', tagValue: 'v' } })).toMatchObject({ method: 'GET', bucket: undefined, query: [['tag-key', 'k'], ['tag-value', 'v']] });
  });

  it('object-level APIs: the symlink target URL-encoded in its header, append and seal positions in the query', () => {
    expect(documentWire('PutSymlink', { bucket: 'b', key: 'l', request: { target: 'a/b c' } })).toMatchObject({ key: 'l', query: [['symlink', undefined]], headers: { 'x-oss-symlink-target': 'a%2Fb%20c' } });
    expect(documentWire('AppendObject', { bucket: 'b', key: 'k', body: 'abc', request: { position: 0 } })).toMatchObject({ method: 'POST', query: [['append', undefined], ['position', '0']], body: 'abc' });
    expect(documentWire('SealAppendObject', { bucket: 'b', key: 'k', request: { position: 3 } }).query).toEqual([['seal', undefined], ['position', '3']]);
  });

  it('results: the document under its result field, typed; header fields typed; unnamed elements left out', () => {
    const doc = parseXml('<BucketDataRedundancyTransition><Bucket>b</Bucket><TaskId>t1</TaskId><ProcessPercentage>40</ProcessPercentage><Other>x</Other></BucketDataRedundancyTransition>');
    expect(resultOf(DOCUMENTS.GetBucketDataRedundancyTransition, {}, doc)).toEqual({ bucketDataRedundancyTransition: { bucket: 'b', taskId: 't1', processPercentage: 40 } });
    const list = parseXml('<ListCnameResult><Bucket>b</Bucket><Owner>1</Owner></ListCnameResult>');
    expect(resultOf(DOCUMENTS.ListCname, {}, list)).toEqual({ bucket: 'b', owner: '1' });
    expect(resultOf(DOCUMENTS.GetSymlink, { 'x-oss-symlink-target': 'a%2Fb', etag: '"e"' }, undefined)).toEqual({ target: 'a/b', etag: '"e"' });
    expect(resultOf(DOCUMENTS.AppendObject, { 'x-oss-next-append-position': '3' }, undefined)).toEqual({ nextPosition: 3 });
  });
});
