"""The local_oss fixture used as a user would: signed requests with its V1 helper, anonymous reads of a public-read
bucket, reset, fault rules against a requests/urllib3 retry, the request log, and the Python SDK v2 when present.
Run by emulator/test/python/fixture.test.ts in `npm test` (and so in CI)."""
import re
import uuid

import pytest
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


def bucket_name(prefix="py"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def codes(text):
    return re.findall(r"<Code>([^<]*)</Code>", text)


def test_gives_url_region_and_keys(local_oss):
    assert re.match(r"^http://127\.0\.0\.1:\d+$", local_oss.url)
    assert requests.get(local_oss.url + "/-/health", timeout=10).json() == {"status": "ok"}
    assert local_oss.region == "cn-hangzhou"
    assert local_oss.access_key_id and local_oss.access_key_secret


def test_signed_requests_put_get_and_sub_resources(local_oss):
    s = local_oss.session()
    b = bucket_name()
    assert s.put(f"{local_oss.url}/{b}").status_code == 200
    put = s.put(
        f"{local_oss.url}/{b}/dir/hello world.txt",
        data=b"hello",
        headers={"Content-Type": "text/plain", "x-oss-meta-owner": "py"},
    )
    assert put.status_code == 200, put.text
    got = s.get(f"{local_oss.url}/{b}/dir/hello%20world.txt")
    assert got.content == b"hello"
    assert got.headers["x-oss-meta-owner"] == "py"
    acl = s.get(f"{local_oss.url}/{b}?acl")
    assert acl.status_code == 200 and "<Grant>private</Grant>" in acl.text
    listing = s.get(f"{local_oss.url}/{b}", params={"list-type": "2", "prefix": "dir/"})
    assert "<Key>dir/hello world.txt</Key>" in listing.text
    # A wrong secret is refused as OSS refuses it.
    wrong = requests.get(f"{local_oss.url}/{b}/dir/hello%20world.txt", auth=type(local_oss.auth)(local_oss.access_key_id, "nope"))
    assert wrong.status_code == 403 and codes(wrong.text) == ["SignatureDoesNotMatch"]


def test_anonymous_reads_a_public_read_bucket(local_oss):
    s = local_oss.session()
    b = bucket_name("pub")
    assert s.put(f"{local_oss.url}/{b}").status_code == 200
    # A new bucket blocks public access (OSS since 2025-10-13): turned off first, as one must on OSS.
    off = "<PublicAccessBlockConfiguration><BlockPublicAccess>false</BlockPublicAccess></PublicAccessBlockConfiguration>"
    assert s.put(f"{local_oss.url}/{b}?publicAccessBlock", data=off).status_code == 200
    assert s.put(f"{local_oss.url}/{b}?acl", headers={"x-oss-acl": "public-read"}).status_code == 200
    assert s.put(f"{local_oss.url}/{b}/a.txt", data=b"public bytes").status_code == 200
    assert requests.get(f"{local_oss.url}/{b}/a.txt", timeout=10).content == b"public bytes"
    refused = requests.put(f"{local_oss.url}/{b}/b.txt", data=b"x", timeout=10)
    assert refused.status_code == 403 and codes(refused.text) == ["AccessDenied"]


def test_reset_removes_everything(local_oss):
    s = local_oss.session()
    b = bucket_name()
    s.put(f"{local_oss.url}/{b}")
    s.put(f"{local_oss.url}/{b}/k", data=b"v")
    removed = local_oss.reset()["removed"]
    assert removed["buckets"] >= 1 and removed["objects"] >= 1
    assert "<Bucket>" not in s.get(local_oss.url + "/").text
    assert codes(s.get(f"{local_oss.url}/{b}/k").text) == ["NoSuchBucket"]


def test_before_marked_test_makes_a_bucket(local_oss):
    local_oss.session().put(f"{local_oss.url}/{bucket_name('left')}")


@pytest.mark.local_oss_reset
def test_marked_test_starts_empty(local_oss):
    assert "<Bucket>" not in local_oss.session().get(local_oss.url + "/").text


def test_fault_rule_answers_503_twice_then_a_retry_succeeds(local_oss):
    s = local_oss.session()
    b = bucket_name("fault")
    s.put(f"{local_oss.url}/{b}")
    local_oss.add_faults(
        {"api": "PutObject", "bucket": b, "status": 503, "code": "SlowDown", "message": "Please reduce your request rate.", "count": 2}
    )
    first = s.put(f"{local_oss.url}/{b}/k", data=b"v")
    assert first.status_code == 503
    assert codes(first.text) == ["SlowDown"]
    assert "<Message>Please reduce your request rate.</Message>" in first.text
    assert first.headers["x-oss-request-id"] in first.text
    # urllib3's retry on 503, as an application would set it up: one more SlowDown, then the PUT lands.
    retrying = local_oss.session()
    retrying.mount("http://", HTTPAdapter(max_retries=Retry(total=3, status_forcelist=[503], allowed_methods=None, backoff_factor=0)))
    assert retrying.put(f"{local_oss.url}/{b}/k", data=b"v").status_code == 200
    puts = [(r["status"], r["errorCode"]) for r in local_oss.requests_log() if r["api"] == "PutObject"]
    assert puts[:3] == [(200, None), (503, "SlowDown"), (503, "SlowDown")]
    assert local_oss.faults() == []


def test_request_log_names_the_apis_called(local_oss):
    s = local_oss.session()
    b = bucket_name("log")
    s.put(f"{local_oss.url}/{b}")
    s.put(f"{local_oss.url}/{b}/k", data=b"v")
    s.head(f"{local_oss.url}/{b}/k")
    s.get(f"{local_oss.url}/{b}/missing")
    s.delete(f"{local_oss.url}/{b}/k")
    log = local_oss.requests_log(limit=5)
    assert [r["api"] for r in log] == ["DeleteObject", "GetObject", "HeadObject", "PutObject", "PutBucket"]
    assert log[1]["status"] == 404 and log[1]["errorCode"] == "NoSuchKey"
    assert all(r["accessKeyId"] == local_oss.access_key_id for r in log)


def test_python_sdk_v2_client_when_installed(local_oss):
    client = local_oss.client
    if client is None:
        pytest.skip("alibabacloud_oss_v2 is not importable (pip install alibabacloud-oss-v2)")
    import alibabacloud_oss_v2 as oss

    b = bucket_name("sdk")
    client.put_bucket(oss.PutBucketRequest(bucket=b))
    client.put_object(oss.PutObjectRequest(bucket=b, key="k", body=b"from the sdk"))
    assert client.get_object(oss.GetObjectRequest(bucket=b, key="k")).body.read() == b"from the sdk"


def test_https_with_the_printed_ca():
    """A second emulator with --https-port 0: requests verifies it with the CA file the emulator printed."""
    from local_oss import start

    emu = start(args=["--https-port", "0"])
    try:
        assert emu.https_url and emu.https_url.startswith("https://127.0.0.1:")
        assert emu.ca_file and emu.ca_file.endswith("ca.pem")
        assert requests.get(emu.https_url + "/-/health", verify=emu.ca_file, timeout=10).json() == {"status": "ok"}
        s = emu.session()  # trusts emu.ca_file
        b = bucket_name("tls")
        assert s.put(f"{emu.https_url}/{b}").status_code == 200
        assert s.put(f"{emu.https_url}/{b}/k", data=b"over tls").status_code == 200
        assert s.get(f"{emu.https_url}/{b}/k").content == b"over tls"
        with pytest.raises(requests.exceptions.SSLError):
            plain = requests.Session()
            plain.trust_env = False  # the system bundle only, whatever REQUESTS_CA_BUNDLE says
            plain.get(emu.https_url + "/-/health", timeout=10)
    finally:
        emu.stop()
