import type { Scenario } from '../model.js';
import { accessPointScenarios } from './accessPoints.js';
import { aclScenarios } from './acl.js';
import { archiveScenarios } from './archive.js';
import { authScenarios } from './auth.js';
import { bucketScenarios } from './buckets.js';
import { callbackScenarios, sequentialScenarios } from './callback.js';
import { bucketConfigScenarios } from './bucketConfig.js';
import { symlinkScenarios } from './symlink.js';
import { copyScenarios } from './copy.js';
import { inventoryScenarios } from './inventory.js';
import { lifecycleScenarios } from './lifecycle.js';
import { metaQueryScenarios } from './metaQuery.js';
import { listingScenarios } from './listing.js';
import { multipartScenarios } from './multipart.js';
import { objectScenarios } from './objects.js';
import { permissionScenarios } from './permissions.js';
import { imageScenarios, saveAsScenarios, styleScenarios } from './image.js';
import { postScenarios } from './post.js';
import { replicationScenarios } from './replication.js';
import { selectObjectScenarios } from './select.js';
import { taggingScenarios } from './tagging.js';
import { versioningScenarios } from './versioning.js';
import { wormScenarios } from './worm.js';

/** Every scenario, in a stable order: the supporting APIs first, then CopyObject and its permissions. */
export const scenarios: Scenario[] = [
  ...bucketScenarios,
  ...objectScenarios,
  ...postScenarios,
  ...archiveScenarios,
  ...symlinkScenarios,
  ...listingScenarios,
  ...aclScenarios,
  ...versioningScenarios,
  ...taggingScenarios,
  ...wormScenarios,
  ...multipartScenarios,
  ...sequentialScenarios,
  ...callbackScenarios,
  ...selectObjectScenarios,
  ...imageScenarios,
  ...saveAsScenarios,
  ...styleScenarios,
  ...lifecycleScenarios,
  ...accessPointScenarios,
  ...bucketConfigScenarios,
  ...metaQueryScenarios,
  ...replicationScenarios,
  ...inventoryScenarios,
  ...authScenarios,
  ...copyScenarios,
  ...permissionScenarios,
];
export {
  accessPointScenarios,
  postScenarios,
  bucketConfigScenarios,
  symlinkScenarios,
  selectObjectScenarios,
  imageScenarios,
  saveAsScenarios,
  styleScenarios,
  aclScenarios,
  lifecycleScenarios,
  metaQueryScenarios,
  authScenarios,
  bucketScenarios,
  callbackScenarios,
  sequentialScenarios,
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
