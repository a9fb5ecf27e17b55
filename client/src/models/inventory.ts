// Bucket inventory models, named after PY2 models/bucket_inventory.py in camelCase (IncrementalInventory left out).
import type { BucketTarget } from './bucket.js';
import type { ResultBase } from './common.js';

export interface InventoryFilter {
  prefix?: string;
  lastModifyBeginTimeStamp?: number;
  lastModifyEndTimeStamp?: number;
  lowerSizeBound?: number;
  upperSizeBound?: number;
  /** Comma-separated storage classes. */
  storageClass?: string;
}

export interface InventoryEncryption {
  sseKms?: { keyId?: string };
  /** Present (any value, usually '') for SSE-OSS. */
  sseOss?: string;
}

export interface InventoryOSSBucketDestination {
  /** `CSV` */
  format?: string;
  accountId?: string;
  roleArn?: string;
  /** `acs:oss:::<bucket>` */
  bucket?: string;
  prefix?: string;
  encryption?: InventoryEncryption;
}

export interface InventoryConfiguration {
  id?: string;
  isEnabled?: boolean;
  filter?: InventoryFilter;
  destination?: { ossBucketDestination?: InventoryOSSBucketDestination };
  /** `Daily` | `Weekly` */
  schedule?: { frequency?: string };
  /** `All` | `Current` */
  includedObjectVersions?: string;
  optionalFields?: { fields?: string[] };
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

export interface ListBucketInventoryResult extends ResultBase {
  listInventoryConfigurationsResult: {
    inventoryConfigurations?: InventoryConfiguration[];
    isTruncated?: boolean;
    nextContinuationToken?: string;
  };
}

export interface DeleteBucketInventoryRequest extends BucketTarget {
  inventoryId: string;
}

export type DeleteBucketInventoryResult = ResultBase;
