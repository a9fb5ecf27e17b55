"""OSS signature V1 for ``requests`` (Authorization: OSS <AccessKeyId>:<Signature>).

Small on purpose: it signs what the fixture and its users send (path-style requests to the emulator, its admin API
under /-/), so the package needs nothing beyond requests. The sub-resource list is the Python SDK v2's
``SignerV1._subresource_key_set`` and the operations' sub-resources, as the emulator verifies them
(client/src/signer/v1.ts V1_SUBRESOURCES, V1_OPERATION_SUBRESOURCES), plus every ``x-oss-`` parameter.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
from email.utils import formatdate
from urllib.parse import parse_qsl, unquote, urlsplit

import requests

SUBRESOURCES = frozenset(
    """acl bucketInfo location stat delete append tagging objectMeta uploads uploadId partNumber security-token
    position response-content-type response-content-language response-expires response-cache-control
    response-content-disposition response-content-encoding restore callback callback-var versions versioning
    versionId sequential continuation-token regionList cloudboxes symlink resourceGroup MetaQuery accessPoint
    accessPointPolicy bucketArchiveDirectRead cleanRestoredObject cname comp cors dataPipeline encryption
    httpsConfig inventory inventoryId legalHold lifecycle logging metaQuery objectWorm overwriteConfig policy
    policyStatus publicAccessBlock redundancyTransition referer replication replicationLocation
    replicationProgress requestPayment retention rtc seal style styleName transferAcceleration
    userDefinedLogFieldsConfig website worm wormExtend wormId endTime img live qos startTime status vod""".split()
)


def string_to_sign(method: str, url: str, headers: dict, date: str) -> str:
    parts = urlsplit(url)
    # Path style: /bucket/key. The canonical resource of a bucket is "/bucket/" even when the path is "/bucket".
    bucket, _, key = parts.path.lstrip("/").partition("/")
    resource = f"/{unquote(bucket)}/{unquote(key)}" if bucket else "/"
    signed = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if name in SUBRESOURCES or name.startswith("x-oss-")
    )
    if signed:
        resource += "?" + "&".join(f"{n}={v}" if v != "" else n for n, v in signed)
    lower = {k.lower(): str(v).strip() for k, v in headers.items()}
    oss_headers = "".join(f"{k}:{lower[k]}\n" for k in sorted(k for k in lower if k.startswith("x-oss-")))
    return "\n".join(
        [method.upper(), lower.get("content-md5", ""), lower.get("content-type", ""), date, oss_headers + resource]
    )


class OssV1Auth(requests.auth.AuthBase):
    """``requests`` auth that signs each request with an OSS key pair (V1)."""

    def __init__(self, access_key_id: str, access_key_secret: str):
        self.access_key_id = access_key_id
        self.access_key_secret = access_key_secret

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        date = formatdate(usegmt=True)
        r.headers["Date"] = date
        # requests adds no Content-Type of its own to a bytes body, but a dict body gets one: sign what is sent.
        to_sign = string_to_sign(r.method or "GET", r.url or "/", dict(r.headers), date)
        digest = hmac.new(self.access_key_secret.encode(), to_sign.encode(), hashlib.sha1).digest()
        r.headers["Authorization"] = f"OSS {self.access_key_id}:{base64.b64encode(digest).decode()}"
        return r
