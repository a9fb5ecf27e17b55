// A bucket's resource group (Put/GetBucketResourceGroup, behaviour §14.10): one id, what GetBucketInfo and
// ListBuckets report as ResourceGroupId. Sources: the Python SDK v2 models/bucket_resource_group.py
// (BucketResourceGroupConfiguration > ResourceGroupId) and test_bucket_resource_group_client.py, which puts an empty
// id and reads a non-empty one back: empty means the account's default group (PutBucketResourceGroup API reference:
// "If this parameter is left empty, the bucket is moved to the default resource group").
import { OssError } from './errors.js';

/** Every account has a default resource group, so real buckets always name one (rg-… in the Go SDK v2 samples). */
export const DEFAULT_RESOURCE_GROUP = 'rg-default';

export function parseResourceGroup(doc: Record<string, unknown> | undefined): string {
  const root = doc?.BucketResourceGroupConfiguration;
  if (root === undefined || root === null || (root !== '' && typeof root !== 'object')) throw new OssError('MalformedXML');
  const id = root === '' ? '' : (root as Record<string, unknown>).ResourceGroupId;
  if (id !== undefined && typeof id !== 'string') throw new OssError('MalformedXML', { ErrorDetail: 'ResourceGroupId is not text' });
  // rg- followed by letters and digits, as the ids the console shows [I: OSS's exact check is not captured].
  if (id && !/^rg-[a-z0-9]{1,64}$/i.test(id)) throw new OssError('InvalidArgumentResourceGroup', { ArgumentName: 'ResourceGroupId', ArgumentValue: id });
  return id || DEFAULT_RESOURCE_GROUP;
}
