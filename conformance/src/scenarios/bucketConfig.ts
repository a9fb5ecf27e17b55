// Bucket configurations (behaviour §14, issue 19): each family read back as put, its errors, and where the emulator
// enforces it, the enforcement. Requests and answers are PY2's models in camelCase (documents.ts); sources per
// scenario. Small on purpose: every scenario runs through every driver in npm test.
import type { Outcome, Scenario, ScenarioContext } from '../model.js';
import { RawDriver } from '../drivers/raw.js';
import { eq, fails, header, ok, truthy } from './expect.js';

/** A documents.ts answer's result fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const res = (o: Outcome): any => o.data?.result ?? {};

/** POST /-/logging/flush of the emulator's admin API (README "Admin API"); only the emulator target has it. */
async function flushLogs(ctx: ScenarioContext): Promise<boolean> {
  if (!ctx.target.adminApi) return false;
  const r = await fetch(new URL('/-/logging/flush', ctx.target.endpoint), { method: 'POST' });
  if (r.status !== 200) throw new Error(`POST /-/logging/flush: ${r.status} ${await r.text()}`);
  return true;
}

export const bucketConfigScenarios: Scenario[] = [
  {
    id: 'cors-01',
    title: 'CORS: 404 NoSuchCORSConfiguration, a rule read back, a preflight it allows (200 with Access-Control-*) and one it does not (403 AccessForbidden), 204 delete',
    tags: ['bucket-config'],
    async run(ctx) {
      // OSS2 live test_cors (404 before, 204 twice), PY2 live test_bucket_cors_client (option_object), behaviour §14.6.
      const bucket = await ctx.freshBucket('cors');
      fails(await ctx.call('GetBucketCors', { bucket }), 404, 'NoSuchCORSConfiguration');
      const rule = { allowedOrigins: ['https://www.example.com'], allowedMethods: ['GET', 'PUT'], allowedHeaders: ['x-oss-meta-a'], exposeHeaders: ['ETag'], maxAgeSeconds: 100 };
      ok(await ctx.call('PutBucketCors', { bucket, request: { corsConfiguration: { corsRules: [rule] } } }));
      const got = res(ok(await ctx.call('GetBucketCors', { bucket }))).corsConfiguration?.corsRules?.[0] ?? {};
      eq([got.allowedOrigins, got.allowedMethods, got.allowedHeaders, got.exposeHeaders, got.maxAgeSeconds], [rule.allowedOrigins, rule.allowedMethods, rule.allowedHeaders, rule.exposeHeaders, 100], 'the rule read back');
      const key = ctx.key('obj');
      const pre = res(ok(await ctx.call('OptionObject', { bucket, key, request: { origin: 'https://www.example.com', accessControlRequestMethod: 'PUT', accessControlRequestHeaders: 'x-oss-meta-a' } })));
      eq([pre.accessControlAllowOrigin, pre.accessControlAllowMethods, pre.accessControlMaxAge], ['https://www.example.com', 'GET, PUT', 100], 'preflight answer');
      fails(await ctx.call('OptionObject', { bucket, key, request: { origin: 'https://other.example.com', accessControlRequestMethod: 'GET' } }), 403, 'AccessForbidden');
      ok(await ctx.call('DeleteBucketCors', { bucket }), 204);
      ok(await ctx.call('DeleteBucketCors', { bucket }), 204);
      fails(await ctx.call('GetBucketCors', { bucket }), 404, 'NoSuchCORSConfiguration');
    },
  },
  {
    id: 'encryption-01',
    title: 'default encryption: 404 NoSuchServerSideEncryptionRule, AES256 read back, a PutObject and a CopyObject into the bucket without SSE headers come out AES256, 204 delete',
    tags: ['bucket-config', 'copy'],
    async run(ctx) {
      // OSS2 live test_bucket_encryption (an object put without headers is encrypted), behaviour §14.5.
      const bucket = await ctx.freshBucket('enc');
      fails(await ctx.call('GetBucketEncryption', { bucket }), 404, 'NoSuchServerSideEncryptionRule');
      ok(await ctx.call('PutBucketEncryption', { bucket, request: { serverSideEncryptionRule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } } } }));
      eq(res(ok(await ctx.call('GetBucketEncryption', { bucket }))).serverSideEncryptionRule?.applyServerSideEncryptionByDefault?.sseAlgorithm, 'AES256', 'SSEAlgorithm');
      const put = ctx.key('put');
      ok(await ctx.call('PutObject', { bucket, key: put, body: 'plain bytes' }));
      eq(header(ok(await ctx.call('HeadObject', { bucket, key: put })), 'x-oss-server-side-encryption'), 'AES256', 'PutObject under the rule');
      const copy = ctx.key('copy');
      ok(await ctx.call('CopyObject', { bucket, key: copy, sourceBucket: ctx.buckets.B1, sourceKey: ctx.src.key }));
      const head = ok(await ctx.call('HeadObject', { bucket, key: copy }));
      eq([header(head, 'x-oss-server-side-encryption'), header(head, 'etag')], ['AES256', ctx.src.etag], 'the copy of an unencrypted object is encrypted, bytes unchanged');
      ok(await ctx.call('DeleteBucketEncryption', { bucket }), 204);
      fails(await ctx.call('GetBucketEncryption', { bucket }), 404, 'NoSuchServerSideEncryptionRule');
    },
  },
  {
    id: 'encryption-02',
    title: 'PutBucketEncryption refusals: AES256 with a KMSMasterKeyID → 400 InvalidArgument; an unknown algorithm → 400 InvalidEncryptionAlgorithmError',
    tags: ['bucket-config'],
    async run(ctx) {
      // OSS2 live test_bucket_encryption_wrong (both codes).
      const bucket = ctx.buckets.B2;
      fails(await ctx.call('PutBucketEncryption', { bucket, request: { serverSideEncryptionRule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256', kmsMasterKeyId: 'key-1' } } } }), 400, 'InvalidArgument');
      fails(await ctx.call('PutBucketEncryption', { bucket, request: { serverSideEncryptionRule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES128' } } } }), 400, 'InvalidEncryptionAlgorithmError');
      fails(await ctx.call('GetBucketEncryption', { bucket }), 404, 'NoSuchServerSideEncryptionRule');
    },
  },
  {
    id: 'overwrite-01',
    title: 'overwrite config: 404 NoSuchOverwriteConfiguration, a forbid rule read back; a new key is written, PutObject and CopyObject over it → 409 FileAlreadyExists; 204 delete',
    tags: ['bucket-config', 'copy'],
    async run(ctx) {
      // User guide "Prevent file overwrites" (409 FileAlreadyExists), API reference (rule shape), behaviour §14.4.
      const bucket = await ctx.freshBucket('ow');
      fails(await ctx.call('GetBucketOverwriteConfig', { bucket }), 404, 'NoSuchOverwriteConfiguration');
      const prefix = `${ctx.key('locked')}/`;
      ok(await ctx.call('PutBucketOverwriteConfig', { bucket, request: { overwriteConfiguration: { rules: [{ id: 'protect', action: 'forbid', prefix, suffix: '' }] } } }));
      const rule = res(ok(await ctx.call('GetBucketOverwriteConfig', { bucket }))).overwriteConfiguration?.rules?.[0] ?? {};
      eq([rule.id, rule.action, rule.prefix], ['protect', 'forbid', prefix], 'the rule read back');
      const key = `${prefix}a`;
      ok(await ctx.call('PutObject', { bucket, key, body: 'first' }));
      fails(await ctx.call('PutObject', { bucket, key, body: 'second' }), 409, 'FileAlreadyExists');
      fails(await ctx.call('CopyObject', { bucket, key, sourceBucket: ctx.buckets.B1, sourceKey: ctx.src.key }), 409, 'FileAlreadyExists');
      eq(ok(await ctx.call('GetObject', { bucket, key })).body?.toString(), 'first', 'the protected object is unchanged');
      ok(await ctx.call('CopyObject', { bucket, key: ctx.key('free'), sourceBucket: ctx.buckets.B1, sourceKey: ctx.src.key }));
      ok(await ctx.call('DeleteBucketOverwriteConfig', { bucket }), 204);
      ok(await ctx.call('PutObject', { bucket, key, body: 'third' }));
    },
  },
  {
    id: 'referer-01',
    title: 'referer: the defaults before any (AllowEmptyReferer true), a whitelist read back with AllowTruncateQueryString defaulting to true',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 live test_bucket_referer_client (read back as put), API reference (defaults), behaviour §14.13.
      const bucket = await ctx.freshBucket('ref');
      eq(res(ok(await ctx.call('GetBucketReferer', { bucket }))).refererConfiguration?.allowEmptyReferer, true, 'AllowEmptyReferer before any');
      ok(await ctx.call('PutBucketReferer', { bucket, request: { refererConfiguration: { allowEmptyReferer: false, refererList: { referers: ['https://good.example.com/*'] } } } }));
      const c = res(ok(await ctx.call('GetBucketReferer', { bucket }))).refererConfiguration ?? {};
      eq([c.allowEmptyReferer, c.allowTruncateQueryString, c.refererList?.referers], [false, true, ['https://good.example.com/*']], 'the configuration read back');
    },
  },
  {
    id: 'referer-02',
    title: 'referer enforcement on anonymous reads of a public-read object: a listed Referer → 200; another or none (AllowEmptyReferer false) → 403 AccessDenied; a signed request is not checked',
    tags: ['bucket-config', 'raw-only'],
    async run(ctx) {
      // Anti-leech guide (only anonymous and presigned requests are checked), OSS error-handling guide (message).
      const bucket = await ctx.freshBucket('ref');
      const key = ctx.key('pub');
      ok(await ctx.call('PutObject', { bucket, key, body: 'public bytes', acl: 'public-read' }));
      ok(await ctx.call('PutBucketReferer', { bucket, request: { refererConfiguration: { allowEmptyReferer: false, refererList: { referers: ['https://good.example.com/*'] } } } }));
      ok(await ctx.call('GetObject', { bucket, key, anonymous: true, rawHeaders: { referer: 'https://good.example.com/page' } }));
      fails(await ctx.call('GetObject', { bucket, key, anonymous: true, rawHeaders: { referer: 'https://bad.example.com/page' } }), 403, 'AccessDenied', 'You are denied by bucket referer policy.');
      fails(await ctx.call('GetObject', { bucket, key, anonymous: true }), 403, 'AccessDenied', 'You are denied by bucket referer policy.');
      ok(await ctx.call('GetObject', { bucket, key, rawHeaders: { referer: 'https://bad.example.com/page' } }));
    },
  },
  {
    id: 'website-01',
    title: 'static website: 404 NoSuchWebsiteConfiguration, IndexDocument and ErrorDocument read back, 204 delete',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 live test_bucket_website_client (read back, delete), oss2 NoSuchWebsite, behaviour §14.16.
      const bucket = await ctx.freshBucket('web');
      fails(await ctx.call('GetBucketWebsite', { bucket }), 404, 'NoSuchWebsiteConfiguration');
      ok(await ctx.call('PutBucketWebsite', { bucket, request: { websiteConfiguration: { indexDocument: { suffix: 'index.html' }, errorDocument: { key: 'error.html' } } } }));
      const w = res(ok(await ctx.call('GetBucketWebsite', { bucket }))).websiteConfiguration ?? {};
      eq([w.indexDocument?.suffix, w.errorDocument?.key], ['index.html', 'error.html'], 'the documents read back');
      ok(await ctx.call('DeleteBucketWebsite', { bucket }), 204);
      fails(await ctx.call('GetBucketWebsite', { bucket }), 404, 'NoSuchWebsiteConfiguration');
    },
  },
  {
    id: 'website-02',
    title: 'static website: an anonymous GET of the bucket root answers its public-read index document',
    tags: ['bucket-config', 'raw-only'],
    async run(ctx) {
      // Website-style requests (behaviour §14.16): anonymous GET without selectors on a configured bucket.
      const bucket = await ctx.freshBucket('web');
      ok(await ctx.call('PutObject', { bucket, key: 'index.html', body: '<p>index</p>', acl: 'public-read', contentType: 'text/html' }));
      ok(await ctx.call('PutBucketWebsite', { bucket, request: { websiteConfiguration: { indexDocument: { suffix: 'index.html' } } } }));
      eq(ok(await ctx.call('GetObject', { bucket, key: '', anonymous: true })).body?.toString(), '<p>index</p>', 'the root answers index.html');
    },
  },
  {
    id: 'request-payment-01',
    title: 'request payment: BucketOwner before any, Requester read back, the owner still writes to a Requester bucket',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 live test_bucket_request_payment_client, API reference (BucketOwner default), behaviour §14.14.
      const bucket = await ctx.freshBucket('pay');
      eq(res(ok(await ctx.call('GetBucketRequestPayment', { bucket }))).requestPaymentConfiguration?.payer, 'BucketOwner', 'payer before any');
      ok(await ctx.call('PutBucketRequestPayment', { bucket, request: { requestPaymentConfiguration: { payer: 'Requester' } } }));
      eq(res(ok(await ctx.call('GetBucketRequestPayment', { bucket }))).requestPaymentConfiguration?.payer, 'Requester', 'payer read back');
      // The owner is never refused (Go SDK v2 live test): its own reads go on.
      const key = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket, key, body: 'paid bytes' }));
      ok(await ctx.call('PutBucketRequestPayment', { bucket, request: { requestPaymentConfiguration: { payer: 'BucketOwner' } } }));
    },
  },
  {
    id: 'bucket-tags-01',
    title: 'bucket tags: none at first, two read back, ListBuckets tag-key + tag-value lists this bucket alone, 204 delete leaves none',
    tags: ['bucket-config', 'buckets', 'tagging'],
    async run(ctx) {
      // OSS2 live test_bucket_tagging / test_list_bucket_with_tagging, PY2 GetBucketTagsResult, behaviour §14.1.
      const bucket = await ctx.freshBucket('tags');
      eq(res(ok(await ctx.call('GetBucketTags', { bucket }))).tagging?.tagSet?.tags ?? [], [], 'tags before any');
      const tags = [{ key: 'conf-owner', value: bucket }, { key: 'team', value: 'storage' }];
      ok(await ctx.call('PutBucketTags', { bucket, request: { tagging: { tagSet: { tags } } } }));
      eq(res(ok(await ctx.call('GetBucketTags', { bucket }))).tagging?.tagSet?.tags, tags, 'tags read back');
      const listed = res(ok(await ctx.call('ListBuckets', { bucket, request: { tagKey: 'conf-owner', tagValue: bucket } })));
      eq((listed.buckets ?? []).map((x: { name: string }) => x.name), [bucket], 'ListBuckets by tag');
      ok(await ctx.call('DeleteBucketTags', { bucket }), 204);
      eq(res(ok(await ctx.call('GetBucketTags', { bucket }))).tagging?.tagSet?.tags ?? [], [], 'tags after the delete');
    },
  },
  {
    id: 'bucket-stat-01',
    title: 'GetBucketStat of a new bucket: every figure 0; after two writes the figures are recorded (real OSS refreshes them about hourly)',
    tags: ['bucket-config', 'buckets', 'discovery'],
    async run(ctx) {
      // PY2 live test_get_bucket_stat (a new bucket answers 0 everywhere), behaviour §14.2.
      const bucket = await ctx.freshBucket('stat');
      const first = res(ok(await ctx.call('GetBucketStat', { bucket })));
      eq([first.storage, first.objectCount, first.multiPartUploadCount, first.lastModifiedTime], [0, 0, 0, 0], 'a new bucket');
      ok(await ctx.call('PutObject', { bucket, key: ctx.key('a'), body: '12345' }));
      ok(await ctx.call('PutObject', { bucket, key: ctx.key('b'), body: '1234567' }));
      const after = res(ok(await ctx.call('GetBucketStat', { bucket })));
      ctx.record('after two writes', { storage: after.storage, objectCount: after.objectCount, standardObjectCount: after.standardObjectCount });
    },
  },
  {
    id: 'logging-01',
    title: 'logging: off at first, into the bucket itself read back, a request logged into <prefix><bucket>… (flushed through the admin API on the emulator), 204 delete turns it off',
    tags: ['bucket-config'],
    async run(ctx) {
      // OSS2 live test_logging (empty status when off, 204 twice), user guide naming rule, behaviour §14.11.
      const bucket = await ctx.freshBucket('log');
      eq(res(ok(await ctx.call('GetBucketLogging', { bucket }))).bucketLoggingStatus?.loggingEnabled, undefined, 'off before any');
      const prefix = `${ctx.key('logs')}/`;
      ok(await ctx.call('PutBucketLogging', { bucket, request: { bucketLoggingStatus: { loggingEnabled: { targetBucket: bucket, targetPrefix: prefix } } } }));
      const on = res(ok(await ctx.call('GetBucketLogging', { bucket }))).bucketLoggingStatus?.loggingEnabled ?? {};
      eq([on.targetBucket, on.targetPrefix], [bucket, prefix], 'the status read back');
      ok(await ctx.call('PutObject', { bucket, key: ctx.key('logged'), body: 'x' }));
      if (await flushLogs(ctx)) {
        // Read with the raw driver outside the recording: the log object's name and size carry times.
        const list = ok(await new RawDriver(ctx.target).call('ListObjects', { bucket, prefix }));
        const keys = (list.data?.contents ?? []).map((c) => c.key);
        eq(keys.length, 1, 'one log object after the flush');
        truthy(keys[0]?.startsWith(`${prefix}${bucket}`), `log object named <prefix><bucket>… (${keys[0]})`);
      }
      ok(await ctx.call('DeleteBucketLogging', { bucket }), 204);
      ok(await ctx.call('DeleteBucketLogging', { bucket }), 204);
      eq(res(ok(await ctx.call('GetBucketLogging', { bucket }))).bucketLoggingStatus?.loggingEnabled, undefined, 'off after the delete');
    },
  },
  {
    id: 'logging-02',
    title: 'PutBucketLogging into a bucket that does not exist → 400 InvalidTargetBucketForLogging',
    tags: ['bucket-config'],
    async run(ctx) {
      // API reference PutBucketLogging (error code).
      const target = ctx.ownBucketName('nolog');
      fails(await ctx.call('PutBucketLogging', { bucket: ctx.buckets.B2, request: { bucketLoggingStatus: { loggingEnabled: { targetBucket: target, targetPrefix: 'x/' } } } }), 400, 'InvalidTargetBucketForLogging');
    },
  },
  {
    id: 'log-fields-01',
    title: 'user-defined log fields: 404 NoSuchUserDefinedLogFieldsConfig, headers and parameters read back, 204 delete',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 models/bucket_logging.py (HeaderSet/header, ParamSet/parameter), behaviour §14.11 (the 404 code is [I]).
      const bucket = await ctx.freshBucket('ulf');
      fails(await ctx.call('GetUserDefinedLogFieldsConfig', { bucket }), 404, 'NoSuchUserDefinedLogFieldsConfig');
      const userDefinedLogFieldsConfiguration = { headerSet: { headers: ['x-custom-a'] }, paramSet: { parameters: ['p1', 'p2'] } };
      ok(await ctx.call('PutUserDefinedLogFieldsConfig', { bucket, request: { userDefinedLogFieldsConfiguration } }));
      const got = res(ok(await ctx.call('GetUserDefinedLogFieldsConfig', { bucket }))).userDefinedLogFieldsConfiguration ?? {};
      eq([got.headerSet?.headers, got.paramSet?.parameters], [['x-custom-a'], ['p1', 'p2']], 'read back');
      ok(await ctx.call('DeleteUserDefinedLogFieldsConfig', { bucket }), 204);
      fails(await ctx.call('GetUserDefinedLogFieldsConfig', { bucket }), 404, 'NoSuchUserDefinedLogFieldsConfig');
    },
  },
  {
    id: 'policy-01',
    title: 'bucket policy: 404 NoSuchBucketPolicy, a Deny policy read back as put (JSON), PolicyStatus IsPublic false, 204 delete',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 live test_bucket_policy_client (put, get, policy status, delete), behaviour §14.15 (IsPublic).
      const bucket = await ctx.freshBucket('pol');
      fails(await ctx.call('GetBucketPolicy', { bucket }), 404, 'NoSuchBucketPolicy');
      const policy = { Version: '1', Statement: [{ Effect: 'Deny', Action: ['oss:GetObject'], Principal: ['*'], Resource: [`acs:oss:*:*:${bucket}/secret/*`] }] };
      ok(await ctx.call('PutBucketPolicy', { bucket, request: { body: JSON.stringify(policy) } }));
      eq(JSON.parse(String(res(ok(await ctx.call('GetBucketPolicy', { bucket }))).body ?? 'null')), policy, 'the policy read back');
      eq(res(ok(await ctx.call('GetBucketPolicyStatus', { bucket }))).policyStatus?.isPublic, false, 'IsPublic');
      ok(await ctx.call('DeleteBucketPolicy', { bucket }), 204);
      fails(await ctx.call('GetBucketPolicy', { bucket }), 404, 'NoSuchBucketPolicy');
    },
  },
  {
    id: 'regions-01',
    title: 'DescribeRegions for the target\'s own region: one RegionInfo, Region oss-<region>, InternetEndpoint oss-<region>.aliyuncs.com',
    tags: ['bucket-config', 'buckets'],
    async run(ctx) {
      // PY2 live test_describe_regions, behaviour §14.3 (OSS's endpoint names whatever endpoint was asked).
      const region = `oss-${ctx.target.region}`;
      const info = res(ok(await ctx.call('DescribeRegions', { bucket: ctx.buckets.B1, request: { regions: region } }))).regionInfo ?? [];
      eq(info.map((r: { region: string; internetEndpoint: string }) => [r.region, r.internetEndpoint]), [[region, `${region}.aliyuncs.com`]], 'RegionInfo');
    },
  },
  {
    id: 'inventory-01',
    title: 'inventory: 404 NoSuchInventory, a Daily CSV configuration read back and listed, 204 delete, listed none → 404',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 live test_bucket_inventory_client, oss2 live test_list_none_inventory (404 NoSuchInventory), behaviour §14.19.
      // The account id and role are made up: real OSS may check them (then this records its refusal as a FAIL).
      const bucket = await ctx.freshBucket('inv');
      fails(await ctx.call('GetBucketInventory', { bucket, request: { inventoryId: 'report1' } }), 404, 'NoSuchInventory');
      const inventoryConfiguration = {
        id: 'report1',
        isEnabled: true,
        destination: { ossBucketDestination: { format: 'CSV', accountId: '1000000000000000', roleArn: 'acs:ram::1000000000000000:role/AliyunOSSRole', bucket: `acs:oss:::${ctx.buckets.B2}`, prefix: 'inventory/' } },
        schedule: { frequency: 'Daily' },
        filter: { prefix: 'data/' },
        includedObjectVersions: 'Current',
        optionalFields: { fields: ['Size', 'LastModifiedDate'] },
      };
      ok(await ctx.call('PutBucketInventory', { bucket, request: { inventoryId: 'report1', inventoryConfiguration } }));
      const got = res(ok(await ctx.call('GetBucketInventory', { bucket, request: { inventoryId: 'report1' } }))).inventoryConfiguration ?? {};
      eq([got.id, got.isEnabled, got.schedule?.frequency, got.destination?.ossBucketDestination?.bucket, got.optionalFields?.fields], ['report1', true, 'Daily', `acs:oss:::${ctx.buckets.B2}`, ['Size', 'LastModifiedDate']], 'the configuration read back');
      const listed = res(ok(await ctx.call('ListBucketInventory', { bucket }))).listInventoryConfigurationsResult ?? {};
      eq((listed.inventoryConfigurations ?? []).map((x: { id: string }) => x.id), ['report1'], 'listed');
      ok(await ctx.call('DeleteBucketInventory', { bucket, request: { inventoryId: 'report1' } }), 204);
      fails(await ctx.call('ListBucketInventory', { bucket }), 404, 'NoSuchInventory');
    },
  },
  {
    id: 'acceleration-01',
    title: 'transfer acceleration: 404 NoSuchTransferAccelerationConfiguration, then Enabled true and false read back',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 models/bucket_transfer_acceleration.py and its live test, behaviour §14.9 (the 404 is [I]).
      const bucket = await ctx.freshBucket('acc');
      fails(await ctx.call('GetBucketTransferAcceleration', { bucket }), 404, 'NoSuchTransferAccelerationConfiguration');
      for (const enabled of [true, false]) {
        ok(await ctx.call('PutBucketTransferAcceleration', { bucket, request: { transferAccelerationConfiguration: { enabled } } }));
        eq(res(ok(await ctx.call('GetBucketTransferAcceleration', { bucket }))).transferAccelerationConfiguration?.enabled, enabled, `Enabled ${enabled}`);
      }
    },
  },
  {
    id: 'resource-group-01',
    title: 'resource group: an empty ResourceGroupId (the default group) is accepted and read back as a non-empty rg- id',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 live test_bucket_resource_group_client (puts an empty id, reads a non-empty one), API reference.
      const bucket = await ctx.freshBucket('rg');
      ok(await ctx.call('PutBucketResourceGroup', { bucket, request: { bucketResourceGroupConfiguration: { resourceGroupId: '' } } }));
      const id = res(ok(await ctx.call('GetBucketResourceGroup', { bucket }))).bucketResourceGroupConfiguration?.resourceGroupId;
      truthy(typeof id === 'string' && id.startsWith('rg-'), `a resource group id (${id})`);
    },
  },
  {
    id: 'https-config-01',
    title: 'HTTPS config: TLS off at first, TLSv1.2 + TLSv1.3 read back, Enable true without a version → 400 MalformedXML',
    tags: ['bucket-config'],
    async run(ctx) {
      // oss2 live tests/test_bucket_https_config.py, PY2 models/bucket_https_config.py, behaviour §14.17.
      const bucket = await ctx.freshBucket('tls');
      eq(res(ok(await ctx.call('GetBucketHttpsConfig', { bucket }))).httpsConfiguration?.tls?.enable, false, 'TLS before any');
      ok(await ctx.call('PutBucketHttpsConfig', { bucket, request: { httpsConfiguration: { tls: { enable: true, tlsVersions: ['TLSv1.2', 'TLSv1.3'] } } } }));
      const tls = res(ok(await ctx.call('GetBucketHttpsConfig', { bucket }))).httpsConfiguration?.tls ?? {};
      eq([tls.enable, tls.tlsVersions], [true, ['TLSv1.2', 'TLSv1.3']], 'TLS read back');
      fails(await ctx.call('PutBucketHttpsConfig', { bucket, request: { httpsConfiguration: { tls: { enable: true } } } }), 400, 'MalformedXML');
    },
  },
  {
    id: 'access-monitor-01',
    title: 'access monitor: Disabled at first, Enabled and Disabled read back',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 live test_bucket_access_monitor_client, OSS2 test_bucket_access_monitor.py, behaviour §14.8.
      const bucket = await ctx.freshBucket('am');
      eq(res(ok(await ctx.call('GetBucketAccessMonitor', { bucket }))).accessMonitorConfiguration?.status, 'Disabled', 'status before any');
      for (const status of ['Enabled', 'Disabled']) {
        ok(await ctx.call('PutBucketAccessMonitor', { bucket, request: { accessMonitorConfiguration: { status } } }));
        eq(res(ok(await ctx.call('GetBucketAccessMonitor', { bucket }))).accessMonitorConfiguration?.status, status, `status ${status}`);
      }
    },
  },
  {
    id: 'archive-direct-read-01',
    title: 'archive direct read: false at first; switched on, an unrestored Archive object reads (200); switched off, 403 InvalidObjectState again',
    tags: ['bucket-config', 'archive'],
    async run(ctx) {
      // PY2 tests/integration/test_bucket_archive_direct_read_client.py, behaviour §9.10.
      const bucket = await ctx.freshBucket('adr');
      eq(res(ok(await ctx.call('GetBucketArchiveDirectRead', { bucket }))).archiveDirectReadConfiguration?.enabled, false, 'before any');
      const key = ctx.key('frozen');
      ok(await ctx.call('PutObject', { bucket, key, body: 'archive bytes', storageClass: 'Archive' }));
      ok(await ctx.call('PutBucketArchiveDirectRead', { bucket, request: { archiveDirectReadConfiguration: { enabled: true } } }));
      eq(res(ok(await ctx.call('GetBucketArchiveDirectRead', { bucket }))).archiveDirectReadConfiguration?.enabled, true, 'switched on');
      eq(ok(await ctx.call('GetObject', { bucket, key })).body?.toString(), 'archive bytes', 'read without a restore');
      ok(await ctx.call('PutBucketArchiveDirectRead', { bucket, request: { archiveDirectReadConfiguration: { enabled: false } } }));
      fails(await ctx.call('GetObject', { bucket, key }), 403, 'InvalidObjectState');
    },
  },
  {
    id: 'redundancy-01',
    title: 'data-redundancy transition to ZRS: a task id, read back and listed; ⟂ a second task (409) and the task status recorded; 204 delete, then 404',
    tags: ['bucket-config', 'discovery'],
    async run(ctx) {
      // PY2 live test_bucket_data_redundancy_transition_client.py, behaviour §14.12 (409/404 codes are [I]).
      const bucket = await ctx.freshBucket('zrs');
      const created = res(ok(await ctx.call('CreateBucketDataRedundancyTransition', { bucket, request: { targetRedundancyType: 'ZRS' } })));
      const taskId = created.bucketDataRedundancyTransition?.taskId as string;
      truthy(taskId, 'a task id');
      const got = res(ok(await ctx.call('GetBucketDataRedundancyTransition', { bucket, request: { redundancyTransitionTaskid: taskId } }))).bucketDataRedundancyTransition ?? {};
      eq([got.bucket, got.taskId], [bucket, taskId], 'the task read back');
      ctx.record('status', got.status);
      const listed = res(ok(await ctx.call('ListBucketDataRedundancyTransition', { bucket }))).listBucketDataRedundancyTransition ?? {};
      eq((listed.bucketDataRedundancyTransition ?? []).map((t: { taskId: string }) => t.taskId), [taskId], 'listed');
      const again = await ctx.call('CreateBucketDataRedundancyTransition', { bucket, request: { targetRedundancyType: 'ZRS' } });
      ctx.record('second task', { status: again.status, code: again.code });
      ok(await ctx.call('DeleteBucketDataRedundancyTransition', { bucket, request: { redundancyTransitionTaskid: taskId } }), 204);
      fails(await ctx.call('GetBucketDataRedundancyTransition', { bucket, request: { redundancyTransitionTaskid: taskId } }), 404, 'NoSuchRedundancyTransitionTask');
    },
  },
  {
    id: 'cname-01',
    title: 'CNAME: CreateCnameToken names bucket, domain and token, GetCnameToken answers the same token; PutCname without the TXT record → 403 NeedVerifyDomainOwnership; ListCname lists none; DeleteCname 200',
    tags: ['bucket-config'],
    async run(ctx) {
      // PY2 live test_bucket_cname_client.py (403 for a domain without the record), behaviour §14.18.
      const bucket = await ctx.freshBucket('cname');
      const domain = 'www.local-oss-conformance.example.com';
      const bucketCnameConfiguration = { cname: { domain } };
      const token = res(ok(await ctx.call('CreateCnameToken', { bucket, request: { bucketCnameConfiguration } }))).cnameToken ?? {};
      eq([token.bucket, token.cname], [bucket, domain], 'the token names bucket and domain');
      truthy(token.token, 'a token');
      eq(res(ok(await ctx.call('GetCnameToken', { bucket, request: { cname: domain } }))).cnameToken?.token, token.token, 'GetCnameToken');
      fails(await ctx.call('PutCname', { bucket, request: { bucketCnameConfiguration } }), 403, 'NeedVerifyDomainOwnership');
      const list = res(ok(await ctx.call('ListCname', { bucket })));
      eq([list.bucket, list.cnames ?? []], [bucket, []], 'ListCname');
      ok(await ctx.call('DeleteCname', { bucket, request: { bucketCnameConfiguration } }));
    },
  },
  {
    id: 'public-access-block-01',
    title: 'bucket Block Public Access: false at first; on, a public-read object ACL → 403 AccessDenied "Put public object acl is not allowed."; 204 delete, false again',
    tags: ['bucket-config', 'acl'],
    async run(ctx) {
      // PY2 live test_bucket_public_access_block_client, API reference, behaviour §14.15.
      const bucket = await ctx.freshBucket('pab');
      const flag = async () => res(ok(await ctx.call('GetBucketPublicAccessBlock', { bucket }))).publicAccessBlockConfiguration?.blockPublicAccess;
      eq(await flag(), false, 'before any');
      ok(await ctx.call('PutBucketPublicAccessBlock', { bucket, request: { publicAccessBlockConfiguration: { blockPublicAccess: true } } }));
      eq(await flag(), true, 'switched on');
      const key = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket, key, body: 'x' }));
      fails(await ctx.call('PutObjectAcl', { bucket, key, acl: 'public-read' }), 403, 'AccessDenied', 'Put public object acl is not allowed.');
      ok(await ctx.call('DeleteBucketPublicAccessBlock', { bucket }), 204);
      eq(await flag(), false, 'after the delete');
      ok(await ctx.call('PutObjectAcl', { bucket, key, acl: 'public-read' }));
    },
  },
  {
    id: 'callback-policy-01',
    title: 'bucket callback policy: BucketCallbackPolicyNotExist at first, a policy item read back verbatim, 204 delete',
    tags: ['bucket-config'],
    async run(ctx) {
      // OSS2 live tests/test_bucket_callback_policy.py, behaviour §14.21 (the 404 status is [I]).
      const bucket = await ctx.freshBucket('cbp');
      fails(await ctx.call('GetBucketCallbackPolicy', { bucket }), 404, 'BucketCallbackPolicyNotExist');
      const item = {
        policyName: 'first',
        callback: Buffer.from('{"callbackUrl":"www.example.com/cb","callbackBody":"bucket=${bucket}"}').toString('base64'),
        callbackVar: Buffer.from('{"x:a":"1"}').toString('base64'),
      };
      ok(await ctx.call('PutBucketCallbackPolicy', { bucket, request: { bucketCallbackPolicy: { policyItems: [item] } } }));
      eq(res(ok(await ctx.call('GetBucketCallbackPolicy', { bucket }))).bucketCallbackPolicy?.policyItems, [item], 'the item read back');
      ok(await ctx.call('DeleteBucketCallbackPolicy', { bucket }), 204);
      fails(await ctx.call('GetBucketCallbackPolicy', { bucket }), 404, 'BucketCallbackPolicyNotExist');
    },
  },
];
