// Storage classes (behaviour §1.8; DOCS PutBucket, CopyObject). Invalid → 400 InvalidArgument.
import { invalidArgument } from './errors.js';

export const STORAGE_CLASSES = ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'] as const;

export function parseStorageClass(value: string | undefined, name = 'x-oss-storage-class'): string | undefined {
  if (value === undefined) return undefined;
  if (!(STORAGE_CLASSES as readonly string[]).includes(value)) {
    throw invalidArgument('InvalidArgumentStorageClass', name, value);
  }
  return value;
}

/** The StorageClass element of CreateBucketConfiguration. */
export function parseBucketStorageClass(value: string | undefined): string | undefined {
  return parseStorageClass(value, 'StorageClass');
}
