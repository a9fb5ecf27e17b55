// Inventory models, named after PY2 models/bucket_inventory.py in camelCase.
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface InventoryEncryption {
  /** SSE-KMS: the KMS key id. */
  sseKms?: { keyId?: string };
  /** SSE-OSS: present (empty) when the report is encrypted with OSS-managed keys. */
  sseOss?: string;
}

export interface InventoryOSSBucketDestination {
  /** CSV. */
  format?: string;
  accountId?: string;
  roleArn?: string;
  /** `acs:oss:::<bucket>`. */
  bucket?: string;
  prefix?: string;
  encryption?: InventoryEncryption;
}

export interface InventoryDestination {
  ossBucketDestination?: InventoryOSSBucketDestination;
}

export interface InventorySchedule {
  /** Daily or Weekly. */
  frequency?: string;
}

export interface InventoryFilter {
  prefix?: string;
  lowerSizeBound?: number;
  upperSizeBound?: number;
  /** Comma-separated classes. */
  storageClass?: string;
  lastModifyBeginTimeStamp?: number;
  lastModifyEndTimeStamp?: number;
}

export interface InventoryOptionalFields {
  fields?: string[];
}

export interface IncrementalInventory {
  isEnabled?: boolean;
  schedule?: { frequency?: number };
  optionalFields?: InventoryOptionalFields;
}

export interface InventoryConfiguration {
  id?: string;
  isEnabled?: boolean;
  destination?: InventoryDestination;
  schedule?: InventorySchedule;
  filter?: InventoryFilter;
  /** All or Current. */
  includedObjectVersions?: string;
  optionalFields?: InventoryOptionalFields;
  incrementalInventory?: IncrementalInventory;
}

export interface PutBucketInventoryRequest extends BucketTarget {
  inventoryId: string;
  inventoryConfiguration: InventoryConfiguration;
}

export type PutBucketInventoryResult = ResultBase;

export interface GetBucketInventoryRequest extends BucketTarget {
  inventoryId: string;
}

export interface GetBucketInventoryResult extends ResultBase {
  inventoryConfiguration: InventoryConfiguration;
}

export interface ListBucketInventoryRequest extends BucketTarget {
  continuationToken?: string;
}

export interface ListInventoryConfigurationsResult {
  inventoryConfigurations?: InventoryConfiguration[];
  isTruncated?: boolean;
  nextContinuationToken?: string;
}

export interface ListBucketInventoryResult extends ResultBase {
  listInventoryConfigurationsResult: ListInventoryConfigurationsResult;
}

export interface DeleteBucketInventoryRequest extends BucketTarget {
  inventoryId: string;
}

export type DeleteBucketInventoryResult = ResultBase;
