// The access monitor, transfer acceleration and resource group settings (behaviour §14.8–§14.10): stored, answered,
// reflected in GetBucketInfo and ListBuckets, and the access monitor gating lifecycle's IsAccessTime rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ lifecycleIntervalSeconds: 0 });
  await ownerClient(emu).putBucket({ bucket: 'swb' });
  await ownerClient(emu).putBucket({ bucket: 'swb-other' });
});
afterAll(() => emu.close());

const put = (sub: string, body: string) => raw(emu, { method: 'PUT', bucket: 'swb', query: [[sub, undefined]], body });
const get = (sub: string, bucket = 'swb') => raw(emu, { method: 'GET', bucket, query: [[sub, undefined]] });
const info = async (tag: string) => xmlValue((await get('bucketInfo')).text, tag);
const accessTimeRule =
  '<LifecycleConfiguration><Rule><ID>at</ID><Prefix>a/</Prefix><Status>Enabled</Status><Transition><Days>30</Days>' +
  '<StorageClass>IA</StorageClass><IsAccessTime>true</IsAccessTime><ReturnToStdWhenVisit>false</ReturnToStdWhenVisit></Transition></Rule></LifecycleConfiguration>';

describe('access monitor', () => {
  it('Disabled until enabled; then IsAccessTime lifecycle rules are accepted and it cannot be disabled under them', async () => {
    expect(xmlValue((await get('accessmonitor')).text, 'Status')).toBe('Disabled');
    expect(await info('AccessMonitor')).toBe('Disabled');
    const refused = await put('lifecycle', accessTimeRule);
    expect([refused.status, errorCode(refused)]).toEqual([400, 'InvalidArgument']);
    const bad = await put('accessmonitor', '<AccessMonitorConfiguration><Status>On</Status></AccessMonitorConfiguration>');
    expect([bad.status, errorCode(bad)]).toEqual([400, 'MalformedXML']);
    expect((await put('accessmonitor', '<AccessMonitorConfiguration><Status>Enabled</Status></AccessMonitorConfiguration>')).status).toBe(200);
    expect(xmlValue((await get('accessmonitor')).text, 'Status')).toBe('Enabled');
    expect(await info('AccessMonitor')).toBe('Enabled');
    expect((await put('lifecycle', accessTimeRule)).status).toBe(200);
    expect((await get('lifecycle')).text).toContain('<IsAccessTime>true</IsAccessTime>');
    const off = await put('accessmonitor', '<AccessMonitorConfiguration><Status>Disabled</Status></AccessMonitorConfiguration>');
    expect([off.status, errorCode(off)]).toEqual([400, 'InvalidArgument']);
    expect(xmlValue((await get('accessmonitor')).text, 'Status')).toBe('Enabled');
  });
});

describe('transfer acceleration', () => {
  it('404 until configured, then the flag back and in GetBucketInfo', async () => {
    const none = await get('transferAcceleration');
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchTransferAccelerationConfiguration']);
    const bad = await put('transferAcceleration', '<TransferAccelerationConfiguration><Enabled>yes</Enabled></TransferAccelerationConfiguration>');
    expect([bad.status, errorCode(bad)]).toEqual([400, 'MalformedXML']);
    expect((await put('transferAcceleration', '<TransferAccelerationConfiguration><Enabled>true</Enabled></TransferAccelerationConfiguration>')).status).toBe(200);
    expect(xmlValue((await get('transferAcceleration')).text, 'Enabled')).toBe('true');
    expect(await info('TransferAcceleration')).toBe('Enabled');
  });
});

describe('resource group', () => {
  it('the default group until moved; GetBucketInfo and ListBuckets follow; empty moves it back', async () => {
    expect(xmlValue((await get('resourceGroup')).text, 'ResourceGroupId')).toBe('rg-default');
    const bad = await put('resourceGroup', '<BucketResourceGroupConfiguration><ResourceGroupId>not a group</ResourceGroupId></BucketResourceGroupConfiguration>');
    expect([bad.status, errorCode(bad)]).toEqual([400, 'InvalidArgument']);
    expect((await put('resourceGroup', '<BucketResourceGroupConfiguration><ResourceGroupId>rg-aek2x</ResourceGroupId></BucketResourceGroupConfiguration>')).status).toBe(200);
    expect(xmlValue((await get('resourceGroup')).text, 'ResourceGroupId')).toBe('rg-aek2x');
    expect(await info('ResourceGroupId')).toBe('rg-aek2x');
    const listed = await raw(emu, { method: 'GET', headers: { 'x-oss-resource-group-id': 'rg-aek2x' } });
    expect(listed.text).toContain('<Name>swb</Name>');
    expect(listed.text).not.toContain('<Name>swb-other</Name>');
    expect((await put('resourceGroup', '<BucketResourceGroupConfiguration><ResourceGroupId></ResourceGroupId></BucketResourceGroupConfiguration>')).status).toBe(200);
    expect(xmlValue((await get('resourceGroup')).text, 'ResourceGroupId')).toBe('rg-default');
  });
});
