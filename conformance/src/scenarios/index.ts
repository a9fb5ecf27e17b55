import type { Scenario } from '../model.js';
import { aclScenarios } from './acl.js';
import { archiveScenarios } from './archive.js';
import { authScenarios } from './auth.js';
import { bucketScenarios } from './buckets.js';
import { copyScenarios } from './copy.js';
import { inventoryScenarios } from './inventory.js';
import { lifecycleScenarios } from './lifecycle.js';
import { listingScenarios } from './listing.js';
import { multipartScenarios } from './multipart.js';
import { objectScenarios } from './objects.js';
import { permissionScenarios } from './permissions.js';
import { replicationScenarios } from './replication.js';
import { selectObjectScenarios } from './select.js';
import { taggingScenarios } from './tagging.js';
import { versioningScenarios } from './versioning.js';
import { wormScenarios } from './worm.js';

/** Every scenario, in a stable order: the supporting APIs first, then CopyObject and its permissions. */
export const scenarios: Scenario[] = [
  ...bucketScenarios,
  ...objectScenarios,
  ...archiveScenarios,
  ...listingScenarios,
  ...aclScenarios,
  ...versioningScenarios,
  ...taggingScenarios,
  ...wormScenarios,
  ...multipartScenarios,
  ...selectObjectScenarios,
  ...lifecycleScenarios,
  ...replicationScenarios,
  ...inventoryScenarios,
  ...authScenarios,
  ...copyScenarios,
  ...permissionScenarios,
];
export {
  selectObjectScenarios,
  aclScenarios,
  lifecycleScenarios,
  authScenarios,
  bucketScenarios,
  copyScenarios,
  listingScenarios,
  multipartScenarios,
  objectScenarios,
  permissionScenarios,
  replicationScenarios,
  inventoryScenarios,
  taggingScenarios,
  versioningScenarios,
  wormScenarios,
};
