// OssClient: one method per API, request and result fields named after the Python SDK v2's models in camelCase
// (architecture "Client models"; models/<family>.ts), so its documentation reads across. Each method hands its
// request to the operation of its API family (ops/<family>.ts) over the client's one connection (ops/wire.ts).
// Like PY2, it asks for encoding-type=url on listings and decodes the keys, and checks the CRC-64 of uploads and
// full downloads.
import type { TransportOptions } from './transport.js';
import type * as M from './models/index.js';
import { Wire } from './ops/wire.js';
import * as bucket from './ops/bucket.js';
import * as acl from './ops/acl.js';
import * as object from './ops/object.js';
import * as copy from './ops/copy.js';
import * as tagging from './ops/tagging.js';
import * as worm from './ops/worm.js';
import * as multipart from './ops/multipart.js';
import * as list from './ops/list.js';
import * as region from './ops/region.js';
import * as overwrite from './ops/overwrite.js';
import * as metaQuery from './ops/metaQuery.js';
import * as replication from './ops/replication.js';
import * as inventory from './ops/inventory.js';
import * as archive from './ops/archive.js';
import * as referer from './ops/referer.js';
import * as requestPayment from './ops/requestPayment.js';
import * as publicAccessBlock from './ops/publicAccessBlock.js';
import * as accessPoint from './ops/accessPoint.js';
import * as website from './ops/website.js';
import * as httpsConfig from './ops/httpsConfig.js';
import * as encryption from './ops/encryption.js';
import * as cors from './ops/cors.js';
import * as select from './ops/select.js';
import * as lifecycle from './ops/lifecycle.js';
import * as style from './ops/style.js';
import * as cname from './ops/cname.js';
import * as redundancy from './ops/redundancy.js';
import * as bucketPolicy from './ops/bucketPolicy.js';

export interface OssClientOptions extends TransportOptions {
  /** Skip the CRC-64 comparison of uploads and downloads (PY2 `disable_upload_crc64_check`). */
  disableCrcCheck?: boolean;
}

export class OssClient {
  private readonly wire: Wire;

  constructor(options: OssClientOptions) {
    this.wire = new Wire(options);
  }

  // ---- buckets (ops/bucket.ts) -------------------------------------------------------------------------------

  listBuckets(req: M.ListBucketsRequest = {}): Promise<M.ListBucketsResult> {
    return bucket.listBuckets(this.wire, req);
  }

  putBucket(req: M.PutBucketRequest): Promise<M.PutBucketResult> {
    return bucket.putBucket(this.wire, req);
  }

  deleteBucket(req: M.DeleteBucketRequest): Promise<M.DeleteBucketResult> {
    return bucket.deleteBucket(this.wire, req);
  }

  getBucketLocation(req: M.GetBucketLocationRequest): Promise<M.GetBucketLocationResult> {
    return bucket.getBucketLocation(this.wire, req);
  }

  getBucketInfo(req: M.GetBucketInfoRequest): Promise<M.GetBucketInfoResult> {
    return bucket.getBucketInfo(this.wire, req);
  }

  getBucketStat(req: M.GetBucketStatRequest): Promise<M.GetBucketStatResult> {
    return bucket.getBucketStat(this.wire, req);
  }

  /** The regions the service answers for, with their endpoints (ops/region.ts). */
  describeRegions(req: M.DescribeRegionsRequest = {}): Promise<M.DescribeRegionsResult> {
    return region.describeRegions(this.wire, req);
  }

  putBucketVersioning(req: M.PutBucketVersioningRequest): Promise<M.PutBucketVersioningResult> {
    return bucket.putBucketVersioning(this.wire, req);
  }

  getBucketVersioning(req: M.GetBucketVersioningRequest): Promise<M.GetBucketVersioningResult> {
    return bucket.getBucketVersioning(this.wire, req);
  }

  // ---- archive storage, symlinks, sealed appends (ops/archive.ts) ---------------------------------------------

  restoreObject(req: M.RestoreObjectRequest): Promise<M.RestoreObjectResult> {
    return archive.restoreObject(this.wire, req);
  }

  cleanRestoredObject(req: M.CleanRestoredObjectRequest): Promise<M.CleanRestoredObjectResult> {
    return archive.cleanRestoredObject(this.wire, req);
  }

  putSymlink(req: M.PutSymlinkRequest): Promise<M.PutSymlinkResult> {
    return archive.putSymlink(this.wire, req);
  }

  getSymlink(req: M.GetSymlinkRequest): Promise<M.GetSymlinkResult> {
    return archive.getSymlink(this.wire, req);
  }

  sealAppendObject(req: M.SealAppendObjectRequest): Promise<M.SealAppendObjectResult> {
    return archive.sealAppendObject(this.wire, req);
  }

  putBucketArchiveDirectRead(req: M.PutBucketArchiveDirectReadRequest): Promise<M.PutBucketArchiveDirectReadResult> {
    return archive.putBucketArchiveDirectRead(this.wire, req);
  }

  getBucketArchiveDirectRead(req: M.GetBucketArchiveDirectReadRequest): Promise<M.GetBucketArchiveDirectReadResult> {
    return archive.getBucketArchiveDirectRead(this.wire, req);
  }

  // ---- static website (ops/website.ts) ------------------------------------------------------------------------

  putBucketWebsite(req: M.PutBucketWebsiteRequest): Promise<M.PutBucketWebsiteResult> {
    return website.putBucketWebsite(this.wire, req);
  }

  getBucketWebsite(req: M.GetBucketWebsiteRequest): Promise<M.GetBucketWebsiteResult> {
    return website.getBucketWebsite(this.wire, req);
  }

  deleteBucketWebsite(req: M.DeleteBucketWebsiteRequest): Promise<M.DeleteBucketWebsiteResult> {
    return website.deleteBucketWebsite(this.wire, req);
  }

  // ---- HTTPS configuration (ops/httpsConfig.ts) ---------------------------------------------------------------

  putBucketHttpsConfig(req: M.PutBucketHttpsConfigRequest): Promise<M.PutBucketHttpsConfigResult> {
    return httpsConfig.putBucketHttpsConfig(this.wire, req);
  }

  getBucketHttpsConfig(req: M.GetBucketHttpsConfigRequest): Promise<M.GetBucketHttpsConfigResult> {
    return httpsConfig.getBucketHttpsConfig(this.wire, req);
  }

  // ---- MetaQuery, scalar search (ops/metaQuery.ts) -----------------------------------------------------------

  openMetaQuery(req: M.OpenMetaQueryRequest): Promise<M.OpenMetaQueryResult> {
    return metaQuery.openMetaQuery(this.wire, req);
  }

  getMetaQueryStatus(req: M.GetMetaQueryStatusRequest): Promise<M.GetMetaQueryStatusResult> {
    return metaQuery.getMetaQueryStatus(this.wire, req);
  }

  doMetaQuery(req: M.DoMetaQueryRequest): Promise<M.DoMetaQueryResult> {
    return metaQuery.doMetaQuery(this.wire, req);
  }

  closeMetaQuery(req: M.CloseMetaQueryRequest): Promise<M.CloseMetaQueryResult> {
    return metaQuery.closeMetaQuery(this.wire, req);
  }

  // ---- overwrite protection (ops/overwrite.ts) ---------------------------------------------------------------

  putBucketOverwriteConfig(req: M.PutBucketOverwriteConfigRequest): Promise<M.PutBucketOverwriteConfigResult> {
    return overwrite.putBucketOverwriteConfig(this.wire, req);
  }

  getBucketOverwriteConfig(req: M.GetBucketOverwriteConfigRequest): Promise<M.GetBucketOverwriteConfigResult> {
    return overwrite.getBucketOverwriteConfig(this.wire, req);
  }

  deleteBucketOverwriteConfig(req: M.DeleteBucketOverwriteConfigRequest): Promise<M.DeleteBucketOverwriteConfigResult> {
    return overwrite.deleteBucketOverwriteConfig(this.wire, req);
  }

  // ---- data replication (ops/replication.ts) ---------------------------------------------------------------

  putBucketReplication(req: M.PutBucketReplicationRequest): Promise<M.PutBucketReplicationResult> {
    return replication.putBucketReplication(this.wire, req);
  }

  getBucketReplication(req: M.GetBucketReplicationRequest): Promise<M.GetBucketReplicationResult> {
    return replication.getBucketReplication(this.wire, req);
  }

  putBucketRtc(req: M.PutBucketRtcRequest): Promise<M.PutBucketRtcResult> {
    return replication.putBucketRtc(this.wire, req);
  }

  getBucketReplicationLocation(req: M.GetBucketReplicationLocationRequest): Promise<M.GetBucketReplicationLocationResult> {
    return replication.getBucketReplicationLocation(this.wire, req);
  }

  getBucketReplicationProgress(req: M.GetBucketReplicationProgressRequest): Promise<M.GetBucketReplicationProgressResult> {
    return replication.getBucketReplicationProgress(this.wire, req);
  }

  deleteBucketReplication(req: M.DeleteBucketReplicationRequest): Promise<M.DeleteBucketReplicationResult> {
    return replication.deleteBucketReplication(this.wire, req);
  }

  // ---- referer / hotlink protection (ops/referer.ts) ---------------------------------------------------------

  putBucketReferer(req: M.PutBucketRefererRequest): Promise<M.PutBucketRefererResult> {
    return referer.putBucketReferer(this.wire, req);
  }

  getBucketReferer(req: M.GetBucketRefererRequest): Promise<M.GetBucketRefererResult> {
    return referer.getBucketReferer(this.wire, req);
  }

  // ---- request payment (ops/requestPayment.ts) ---------------------------------------------------------------

  putBucketRequestPayment(req: M.PutBucketRequestPaymentRequest): Promise<M.PutBucketRequestPaymentResult> {
    return requestPayment.putBucketRequestPayment(this.wire, req);
  }

  getBucketRequestPayment(req: M.GetBucketRequestPaymentRequest): Promise<M.GetBucketRequestPaymentResult> {
    return requestPayment.getBucketRequestPayment(this.wire, req);
  }

  // ---- Block Public Access, policy status (ops/publicAccessBlock.ts) ------------------------------------------

  putBucketPublicAccessBlock(req: M.PutBucketPublicAccessBlockRequest): Promise<M.PutBucketPublicAccessBlockResult> {
    return publicAccessBlock.putBucketPublicAccessBlock(this.wire, req);
  }

  getBucketPublicAccessBlock(req: M.GetBucketPublicAccessBlockRequest): Promise<M.GetBucketPublicAccessBlockResult> {
    return publicAccessBlock.getBucketPublicAccessBlock(this.wire, req);
  }

  deleteBucketPublicAccessBlock(req: M.DeleteBucketPublicAccessBlockRequest): Promise<M.DeleteBucketPublicAccessBlockResult> {
    return publicAccessBlock.deleteBucketPublicAccessBlock(this.wire, req);
  }

  getBucketPolicyStatus(req: M.GetBucketPolicyStatusRequest): Promise<M.GetBucketPolicyStatusResult> {
    return publicAccessBlock.getBucketPolicyStatus(this.wire, req);
  }

  // ---- account-level Block Public Access, access points (ops/accessPoint.ts) ---------------------------------

  putPublicAccessBlock(req: M.PutPublicAccessBlockRequest): Promise<M.PutPublicAccessBlockResult> {
    return accessPoint.putPublicAccessBlock(this.wire, req);
  }

  getPublicAccessBlock(_req: M.GetPublicAccessBlockRequest = {}): Promise<M.GetPublicAccessBlockResult> {
    return accessPoint.getPublicAccessBlock(this.wire);
  }

  deletePublicAccessBlock(_req: M.DeletePublicAccessBlockRequest = {}): Promise<M.DeletePublicAccessBlockResult> {
    return accessPoint.deletePublicAccessBlock(this.wire);
  }

  createAccessPoint(req: M.CreateAccessPointRequest): Promise<M.CreateAccessPointResult> {
    return accessPoint.createAccessPoint(this.wire, req);
  }

  getAccessPoint(req: M.GetAccessPointRequest): Promise<M.GetAccessPointResult> {
    return accessPoint.getAccessPoint(this.wire, req);
  }

  listAccessPoints(req: M.ListAccessPointsRequest): Promise<M.ListAccessPointsResult> {
    return accessPoint.listAccessPoints(this.wire, req);
  }

  deleteAccessPoint(req: M.DeleteAccessPointRequest): Promise<M.DeleteAccessPointResult> {
    return accessPoint.deleteAccessPoint(this.wire, req);
  }

  putAccessPointPolicy(req: M.PutAccessPointPolicyRequest): Promise<M.PutAccessPointPolicyResult> {
    return accessPoint.putAccessPointPolicy(this.wire, req);
  }

  getAccessPointPolicy(req: M.GetAccessPointPolicyRequest): Promise<M.GetAccessPointPolicyResult> {
    return accessPoint.getAccessPointPolicy(this.wire, req);
  }

  deleteAccessPointPolicy(req: M.DeleteAccessPointPolicyRequest): Promise<M.DeleteAccessPointPolicyResult> {
    return accessPoint.deleteAccessPointPolicy(this.wire, req);
  }

  putAccessPointPublicAccessBlock(req: M.PutAccessPointPublicAccessBlockRequest): Promise<M.PutAccessPointPublicAccessBlockResult> {
    return accessPoint.putAccessPointPublicAccessBlock(this.wire, req);
  }

  getAccessPointPublicAccessBlock(req: M.GetAccessPointPublicAccessBlockRequest): Promise<M.GetAccessPointPublicAccessBlockResult> {
    return accessPoint.getAccessPointPublicAccessBlock(this.wire, req);
  }

  deleteAccessPointPublicAccessBlock(req: M.DeleteAccessPointPublicAccessBlockRequest): Promise<M.DeleteAccessPointPublicAccessBlockResult> {
    return accessPoint.deleteAccessPointPublicAccessBlock(this.wire, req);
  }

  // ---- default encryption (ops/encryption.ts) ----------------------------------------------------------------

  putBucketEncryption(req: M.PutBucketEncryptionRequest): Promise<M.PutBucketEncryptionResult> {
    return encryption.putBucketEncryption(this.wire, req);
  }

  getBucketEncryption(req: M.GetBucketEncryptionRequest): Promise<M.GetBucketEncryptionResult> {
    return encryption.getBucketEncryption(this.wire, req);
  }

  deleteBucketEncryption(req: M.DeleteBucketEncryptionRequest): Promise<M.DeleteBucketEncryptionResult> {
    return encryption.deleteBucketEncryption(this.wire, req);
  }

  // ---- CORS (ops/cors.ts) ------------------------------------------------------------------------------------

  putBucketCors(req: M.PutBucketCorsRequest): Promise<M.PutBucketCorsResult> {
    return cors.putBucketCors(this.wire, req);
  }

  getBucketCors(req: M.GetBucketCorsRequest): Promise<M.GetBucketCorsResult> {
    return cors.getBucketCors(this.wire, req);
  }

  deleteBucketCors(req: M.DeleteBucketCorsRequest): Promise<M.DeleteBucketCorsResult> {
    return cors.deleteBucketCors(this.wire, req);
  }

  optionObject(req: M.OptionObjectRequest): Promise<M.OptionObjectResult> {
    return cors.optionObject(this.wire, req);
  }

  // ---- SelectObject (ops/select.ts) --------------------------------------------------------------------------

  selectObject(req: M.SelectObjectRequest): Promise<M.SelectObjectResult> {
    return select.selectObject(this.wire, req);
  }

  createSelectObjectMeta(req: M.CreateSelectObjectMetaRequest): Promise<M.CreateSelectObjectMetaResult> {
    return select.createSelectObjectMeta(this.wire, req);
  }

  // ---- Lifecycle, access monitor, transfer acceleration, resource group, logging (ops/lifecycle.ts) ------------

  putBucketLifecycle(req: M.PutBucketLifecycleRequest): Promise<M.PutBucketLifecycleResult> {
    return lifecycle.putBucketLifecycle(this.wire, req);
  }

  getBucketLifecycle(req: M.GetBucketLifecycleRequest): Promise<M.GetBucketLifecycleResult> {
    return lifecycle.getBucketLifecycle(this.wire, req);
  }

  deleteBucketLifecycle(req: M.DeleteBucketLifecycleRequest): Promise<M.DeleteBucketLifecycleResult> {
    return lifecycle.deleteBucketLifecycle(this.wire, req);
  }

  putBucketAccessMonitor(req: M.PutBucketAccessMonitorRequest): Promise<M.PutBucketAccessMonitorResult> {
    return lifecycle.putBucketAccessMonitor(this.wire, req);
  }

  getBucketAccessMonitor(req: M.GetBucketAccessMonitorRequest): Promise<M.GetBucketAccessMonitorResult> {
    return lifecycle.getBucketAccessMonitor(this.wire, req);
  }

  putBucketTransferAcceleration(req: M.PutBucketTransferAccelerationRequest): Promise<M.PutBucketTransferAccelerationResult> {
    return lifecycle.putBucketTransferAcceleration(this.wire, req);
  }

  getBucketTransferAcceleration(req: M.GetBucketTransferAccelerationRequest): Promise<M.GetBucketTransferAccelerationResult> {
    return lifecycle.getBucketTransferAcceleration(this.wire, req);
  }

  putBucketResourceGroup(req: M.PutBucketResourceGroupRequest): Promise<M.PutBucketResourceGroupResult> {
    return lifecycle.putBucketResourceGroup(this.wire, req);
  }

  getBucketResourceGroup(req: M.GetBucketResourceGroupRequest): Promise<M.GetBucketResourceGroupResult> {
    return lifecycle.getBucketResourceGroup(this.wire, req);
  }

  putBucketLogging(req: M.PutBucketLoggingRequest): Promise<M.PutBucketLoggingResult> {
    return lifecycle.putBucketLogging(this.wire, req);
  }

  getBucketLogging(req: M.GetBucketLoggingRequest): Promise<M.GetBucketLoggingResult> {
    return lifecycle.getBucketLogging(this.wire, req);
  }

  deleteBucketLogging(req: M.DeleteBucketLoggingRequest): Promise<M.DeleteBucketLoggingResult> {
    return lifecycle.deleteBucketLogging(this.wire, req);
  }

  /** POST ?x-oss-process (sys/saveas): the processed image saved as a new object (ops/object.ts). */
  processObject(req: M.ProcessObjectRequest): Promise<M.ProcessObjectResult> {
    return object.processObject(this.wire, req);
  }

  // ---- image styles (ops/style.ts) -----------------------------------------------------------------------------

  putStyle(req: M.PutStyleRequest): Promise<M.PutStyleResult> {
    return style.putStyle(this.wire, req);
  }

  getStyle(req: M.GetStyleRequest): Promise<M.GetStyleResult> {
    return style.getStyle(this.wire, req);
  }

  listStyle(req: M.ListStyleRequest): Promise<M.ListStyleResult> {
    return style.listStyle(this.wire, req);
  }

  deleteStyle(req: M.DeleteStyleRequest): Promise<M.DeleteStyleResult> {
    return style.deleteStyle(this.wire, req);
  }

  // ---- ACLs (ops/acl.ts) -------------------------------------------------------------------------------------

  putBucketAcl(req: M.PutBucketAclRequest): Promise<M.PutBucketAclResult> {
    return acl.putBucketAcl(this.wire, req);
  }

  getBucketAcl(req: M.GetBucketAclRequest): Promise<M.GetBucketAclResult> {
    return acl.getBucketAcl(this.wire, req);
  }

  putObjectAcl(req: M.PutObjectAclRequest): Promise<M.PutObjectAclResult> {
    return acl.putObjectAcl(this.wire, req);
  }

  getObjectAcl(req: M.GetObjectAclRequest): Promise<M.GetObjectAclResult> {
    return acl.getObjectAcl(this.wire, req);
  }

  // ---- objects (ops/object.ts) -------------------------------------------------------------------------------

  putObject(req: M.PutObjectRequest): Promise<M.PutObjectResult> {
    return object.putObject(this.wire, req);
  }

  appendObject(req: M.AppendObjectRequest): Promise<M.AppendObjectResult> {
    return object.appendObject(this.wire, req);
  }

  headObject(req: M.HeadObjectRequest): Promise<M.HeadObjectResult> {
    return object.headObject(this.wire, req);
  }

  getObject(req: M.GetObjectRequest): Promise<M.GetObjectResult> {
    return object.getObject(this.wire, req);
  }

  getObjectMeta(req: M.GetObjectMetaRequest): Promise<M.GetObjectMetaResult> {
    return object.getObjectMeta(this.wire, req);
  }

  deleteObject(req: M.DeleteObjectRequest): Promise<M.DeleteObjectResult> {
    return object.deleteObject(this.wire, req);
  }

  deleteMultipleObjects(req: M.DeleteMultipleObjectsRequest): Promise<M.DeleteMultipleObjectsResult> {
    return object.deleteMultipleObjects(this.wire, req);
  }

  // ---- copy (ops/copy.ts) ------------------------------------------------------------------------------------

  copyObject(req: M.CopyObjectRequest): Promise<M.CopyObjectResult> {
    return copy.copyObject(this.wire, req);
  }

  // ---- object tags and bucket tags (ops/tagging.ts) ----------------------------------------------------------

  putObjectTagging(req: M.PutObjectTaggingRequest): Promise<M.PutObjectTaggingResult> {
    return tagging.putObjectTagging(this.wire, req);
  }

  getObjectTagging(req: M.GetObjectTaggingRequest): Promise<M.GetObjectTaggingResult> {
    return tagging.getObjectTagging(this.wire, req);
  }

  deleteObjectTagging(req: M.DeleteObjectTaggingRequest): Promise<M.DeleteObjectTaggingResult> {
    return tagging.deleteObjectTagging(this.wire, req);
  }

  putBucketTags(req: M.PutBucketTagsRequest): Promise<M.PutBucketTagsResult> {
    return tagging.putBucketTags(this.wire, req);
  }

  getBucketTags(req: M.GetBucketTagsRequest): Promise<M.GetBucketTagsResult> {
    return tagging.getBucketTags(this.wire, req);
  }

  /** `tagging` names the keys to delete (PY2 DeleteBucketTagsRequest.tagging: "k1,k2"); all tags without it. */
  deleteBucketTags(req: M.DeleteBucketTagsRequest): Promise<M.DeleteBucketTagsResult> {
    return tagging.deleteBucketTags(this.wire, req);
  }

  // ---- bucket retention policy (WORM) and object retention (ops/worm.ts) -------------------------------------

  initiateBucketWorm(req: M.InitiateBucketWormRequest): Promise<M.InitiateBucketWormResult> {
    return worm.initiateBucketWorm(this.wire, req);
  }

  abortBucketWorm(req: M.AbortBucketWormRequest): Promise<M.AbortBucketWormResult> {
    return worm.abortBucketWorm(this.wire, req);
  }

  completeBucketWorm(req: M.CompleteBucketWormRequest): Promise<M.CompleteBucketWormResult> {
    return worm.completeBucketWorm(this.wire, req);
  }

  extendBucketWorm(req: M.ExtendBucketWormRequest): Promise<M.ExtendBucketWormResult> {
    return worm.extendBucketWorm(this.wire, req);
  }

  getBucketWorm(req: M.GetBucketWormRequest): Promise<M.GetBucketWormResult> {
    return worm.getBucketWorm(this.wire, req);
  }

  /** PY2 put_bucket_object_worm_configuration: object-level retention, with an optional default retention. */
  putBucketObjectWormConfiguration(req: M.PutBucketObjectWormConfigurationRequest): Promise<M.PutBucketObjectWormConfigurationResult> {
    return worm.putBucketObjectWormConfiguration(this.wire, req);
  }

  getBucketObjectWormConfiguration(req: M.GetBucketObjectWormConfigurationRequest): Promise<M.GetBucketObjectWormConfigurationResult> {
    return worm.getBucketObjectWormConfiguration(this.wire, req);
  }

  putObjectRetention(req: M.PutObjectRetentionRequest): Promise<M.PutObjectRetentionResult> {
    return worm.putObjectRetention(this.wire, req);
  }

  getObjectRetention(req: M.GetObjectRetentionRequest): Promise<M.GetObjectRetentionResult> {
    return worm.getObjectRetention(this.wire, req);
  }

  putObjectLegalHold(req: M.PutObjectLegalHoldRequest): Promise<M.PutObjectLegalHoldResult> {
    return worm.putObjectLegalHold(this.wire, req);
  }

  getObjectLegalHold(req: M.GetObjectLegalHoldRequest): Promise<M.GetObjectLegalHoldResult> {
    return worm.getObjectLegalHold(this.wire, req);
  }

  // ---- multipart (ops/multipart.ts) --------------------------------------------------------------------------

  initiateMultipartUpload(req: M.InitiateMultipartUploadRequest): Promise<M.InitiateMultipartUploadResult> {
    return multipart.initiateMultipartUpload(this.wire, req);
  }

  uploadPart(req: M.UploadPartRequest): Promise<M.UploadPartResult> {
    return multipart.uploadPart(this.wire, req);
  }

  uploadPartCopy(req: M.UploadPartCopyRequest): Promise<M.UploadPartCopyResult> {
    return multipart.uploadPartCopy(this.wire, req);
  }

  completeMultipartUpload(req: M.CompleteMultipartUploadRequest): Promise<M.CompleteMultipartUploadResult> {
    return multipart.completeMultipartUpload(this.wire, req);
  }

  abortMultipartUpload(req: M.AbortMultipartUploadRequest): Promise<M.AbortMultipartUploadResult> {
    return multipart.abortMultipartUpload(this.wire, req);
  }

  listParts(req: M.ListPartsRequest): Promise<M.ListPartsResult> {
    return multipart.listParts(this.wire, req);
  }

  /** ListMultipartUploads (PY2 list_multipart_uploads): the uploads started and not yet completed or aborted. */
  listMultipartUploads(req: M.ListMultipartUploadsRequest): Promise<M.ListMultipartUploadsResult> {
    return multipart.listMultipartUploads(this.wire, req);
  }

  // ---- listings (ops/list.ts) --------------------------------------------------------------------------------

  listObjects(req: M.ListObjectsRequest): Promise<M.ListObjectsResult> {
    return list.listObjects(this.wire, req);
  }

  listObjectsV2(req: M.ListObjectsV2Request): Promise<M.ListObjectsV2Result> {
    return list.listObjectsV2(this.wire, req);
  }

  listObjectVersions(req: M.ListObjectVersionsRequest): Promise<M.ListObjectVersionsResult> {
    return list.listObjectVersions(this.wire, req);
  }

  // ---- inventory (ops/inventory.ts) ----------------------------------------------------------------------------

  putBucketInventory(req: M.PutBucketInventoryRequest): Promise<M.PutBucketInventoryResult> {
    return inventory.putBucketInventory(this.wire, req);
  }

  getBucketInventory(req: M.GetBucketInventoryRequest): Promise<M.GetBucketInventoryResult> {
    return inventory.getBucketInventory(this.wire, req);
  }

  listBucketInventory(req: M.ListBucketInventoryRequest): Promise<M.ListBucketInventoryResult> {
    return inventory.listBucketInventory(this.wire, req);
  }

  deleteBucketInventory(req: M.DeleteBucketInventoryRequest): Promise<M.DeleteBucketInventoryResult> {
    return inventory.deleteBucketInventory(this.wire, req);
  }

  // ---- CNAME and CNAME tokens (ops/cname.ts) -------------------------------------------------------------------

  createCnameToken(req: M.CreateCnameTokenRequest): Promise<M.CreateCnameTokenResult> {
    return cname.createCnameToken(this.wire, req);
  }

  getCnameToken(req: M.GetCnameTokenRequest): Promise<M.GetCnameTokenResult> {
    return cname.getCnameToken(this.wire, req);
  }

  putCname(req: M.PutCnameRequest): Promise<M.PutCnameResult> {
    return cname.putCname(this.wire, req);
  }

  listCname(req: M.ListCnameRequest): Promise<M.ListCnameResult> {
    return cname.listCname(this.wire, req);
  }

  deleteCname(req: M.DeleteCnameRequest): Promise<M.DeleteCnameResult> {
    return cname.deleteCname(this.wire, req);
  }

  // ---- data-redundancy transitions (ops/redundancy.ts) ---------------------------------------------------------

  createBucketDataRedundancyTransition(req: M.CreateBucketDataRedundancyTransitionRequest): Promise<M.CreateBucketDataRedundancyTransitionResult> {
    return redundancy.createBucketDataRedundancyTransition(this.wire, req);
  }

  getBucketDataRedundancyTransition(req: M.GetBucketDataRedundancyTransitionRequest): Promise<M.GetBucketDataRedundancyTransitionResult> {
    return redundancy.getBucketDataRedundancyTransition(this.wire, req);
  }

  listBucketDataRedundancyTransition(req: M.ListBucketDataRedundancyTransitionRequest): Promise<M.ListBucketDataRedundancyTransitionResult> {
    return redundancy.listBucketDataRedundancyTransition(this.wire, req);
  }

  listUserDataRedundancyTransition(req: M.ListUserDataRedundancyTransitionRequest = {}): Promise<M.ListUserDataRedundancyTransitionResult> {
    return redundancy.listUserDataRedundancyTransition(this.wire, req);
  }

  deleteBucketDataRedundancyTransition(req: M.DeleteBucketDataRedundancyTransitionRequest): Promise<M.DeleteBucketDataRedundancyTransitionResult> {
    return redundancy.deleteBucketDataRedundancyTransition(this.wire, req);
  }

  // ---- bucket policy, callback policy, user-defined log fields (ops/bucketPolicy.ts) ---------------------------

  putBucketPolicy(req: M.PutBucketPolicyRequest): Promise<M.PutBucketPolicyResult> {
    return bucketPolicy.putBucketPolicy(this.wire, req);
  }

  getBucketPolicy(req: M.GetBucketPolicyRequest): Promise<M.GetBucketPolicyResult> {
    return bucketPolicy.getBucketPolicy(this.wire, req);
  }

  deleteBucketPolicy(req: M.DeleteBucketPolicyRequest): Promise<M.DeleteBucketPolicyResult> {
    return bucketPolicy.deleteBucketPolicy(this.wire, req);
  }

  putBucketCallbackPolicy(req: M.PutBucketCallbackPolicyRequest): Promise<M.PutBucketCallbackPolicyResult> {
    return bucketPolicy.putBucketCallbackPolicy(this.wire, req);
  }

  getBucketCallbackPolicy(req: M.GetBucketCallbackPolicyRequest): Promise<M.GetBucketCallbackPolicyResult> {
    return bucketPolicy.getBucketCallbackPolicy(this.wire, req);
  }

  deleteBucketCallbackPolicy(req: M.DeleteBucketCallbackPolicyRequest): Promise<M.DeleteBucketCallbackPolicyResult> {
    return bucketPolicy.deleteBucketCallbackPolicy(this.wire, req);
  }

  putUserDefinedLogFieldsConfig(req: M.PutUserDefinedLogFieldsConfigRequest): Promise<M.PutUserDefinedLogFieldsConfigResult> {
    return bucketPolicy.putUserDefinedLogFieldsConfig(this.wire, req);
  }

  getUserDefinedLogFieldsConfig(req: M.GetUserDefinedLogFieldsConfigRequest): Promise<M.GetUserDefinedLogFieldsConfigResult> {
    return bucketPolicy.getUserDefinedLogFieldsConfig(this.wire, req);
  }

  deleteUserDefinedLogFieldsConfig(req: M.DeleteUserDefinedLogFieldsConfigRequest): Promise<M.DeleteUserDefinedLogFieldsConfigResult> {
    return bucketPolicy.deleteUserDefinedLogFieldsConfig(this.wire, req);
  }

  // ---- presign (ops/object.ts) -------------------------------------------------------------------------------

  presign(req: M.PresignRequest): M.PresignResult {
    return object.presign(this.wire, req);
  }

  /** The URL and signed fields of a browser form that uploads to the bucket (PostObject; no PY2 counterpart). */
  presignPostObject(req: M.PresignPostObjectRequest): M.PresignPostObjectResult {
    return object.presignPostObject(this.wire, req);
  }
}
