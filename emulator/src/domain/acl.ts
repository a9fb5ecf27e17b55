// ACL header values (behaviour §1.8, §9.6). An unknown value is 400 InvalidArgument with the messages real OSS uses
// ("no such bucket access control exists", GO2 client_mock_test.go; the object form is [I] by analogy).
import { invalidArgument } from './errors.js';
import type { Acl, ObjectAcl } from './types.js';

const BUCKET_ACLS: readonly Acl[] = ['private', 'public-read', 'public-read-write'];
const OBJECT_ACLS: readonly ObjectAcl[] = ['default', ...BUCKET_ACLS];

export function parseBucketAcl(value: string | undefined): Acl | undefined {
  if (value === undefined) return undefined;
  if (!(BUCKET_ACLS as readonly string[]).includes(value)) {
    throw invalidArgument('InvalidArgumentBucketAcl', 'x-oss-acl', value);
  }
  return value as Acl;
}

export function parseObjectAcl(value: string | undefined): ObjectAcl | undefined {
  if (value === undefined) return undefined;
  if (!(OBJECT_ACLS as readonly string[]).includes(value)) {
    throw invalidArgument('InvalidArgumentObjectAcl', 'x-oss-object-acl', value);
  }
  return value as ObjectAcl;
}
