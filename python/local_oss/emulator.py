"""Start, talk to and stop a local-oss emulator: from a checkout of the repository, an ``npx local-oss`` install or the
Docker image, or one already running (``LOCAL_OSS_URL``). The emulator prints ``local-oss listening on http://HOST:PORT``
once it serves, then its region and key pair; that ready line is what is waited for, not a guessed sleep.

Environment (each also a pytest ini option of the same name in lower case, see pytest_plugin.py):

  LOCAL_OSS_URL         use this running emulator; nothing is started (keys: LOCAL_OSS_ACCESS_KEY_ID/_SECRET)
  LOCAL_OSS_LAUNCH      auto (default) | checkout | npx | docker
  LOCAL_OSS_CHECKOUT    the repository checkout to run (default: found upward from the current directory)
  LOCAL_OSS_IMAGE       the Docker image (default local-oss:latest)
  LOCAL_OSS_ARGS        further CLI flags, e.g. "--https-port 0 --seed ./fixtures/oss"
"""
from __future__ import annotations

import functools
import os
import queue
import re
import shlex
import shutil
import subprocess
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import requests

from .signing import OssV1Auth

READY = re.compile(r"^local-oss listening on (http://\S+)$")
READY_HTTPS = re.compile(r"^local-oss listening on (https://\S+)$")
SUMMARY = re.compile(r"^  ([a-zA-Z ]+): (.*)$")
DEFAULT_IMAGE = "local-oss:latest"
START_TIMEOUT = 60.0


class LocalOssError(RuntimeError):
    pass


@dataclass
class LocalOss:
    """A running emulator: where it is, its region and owner key pair, and its admin API."""

    url: str
    region: str
    access_key_id: str
    access_key_secret: str
    https_url: Optional[str] = None
    #: The local CA that signed the emulator's HTTPS certificate (pass as REQUESTS_CA_BUNDLE / verify=).
    ca_file: Optional[str] = None
    #: The emulator's own ready and summary lines.
    banner: list = field(default_factory=list)
    _stop: Any = None

    @property
    def endpoint(self) -> str:
        return self.url

    @property
    def auth(self) -> OssV1Auth:
        return OssV1Auth(self.access_key_id, self.access_key_secret)

    def session(self) -> requests.Session:
        """A requests session that signs every request with the owner's key pair (V1), and trusts the emulator's
        CA for https_url when it has one."""
        s = requests.Session()
        s.auth = self.auth
        if self.ca_file:
            s.verify = self.ca_file
            # Otherwise REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE in the environment would override s.verify (requests
            # merges them over a session's own setting); the emulator is local, so no proxy settings are lost.
            s.trust_env = False
        return s

    @functools.cached_property
    def client(self) -> Any:
        """An alibabacloud_oss_v2 Client for this emulator, or None when that SDK is not importable."""
        try:
            import alibabacloud_oss_v2 as oss  # type: ignore
        except ImportError:
            return None
        cfg = oss.config.load_default()
        cfg.credentials_provider = oss.credentials.StaticCredentialsProvider(self.access_key_id, self.access_key_secret)
        cfg.region = self.region
        cfg.endpoint = self.url
        return oss.Client(cfg)

    # The admin API (README "Admin API"). Signed, so that it also works where the client is not on loopback (Docker).
    def _admin(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        res = requests.request(method, self.url + path, auth=self.auth, timeout=30, **kwargs)
        if res.status_code >= 300:
            raise LocalOssError(f"{method} {path}: {res.status_code} {res.text}")
        return res

    def reset(self) -> dict:
        """Every bucket, object, upload and configuration gone (identities kept); fault rules and log cleared."""
        return self._admin("POST", "/-/reset").json()

    def add_faults(self, *rules: dict) -> list:
        """e.g. add_faults({"api": "PutObject", "status": 503, "code": "SlowDown", "count": 2})"""
        return self._admin("POST", "/-/faults", json=list(rules)).json()["rules"]

    def faults(self) -> list:
        return self._admin("GET", "/-/faults").json()["rules"]

    def clear_faults(self) -> None:
        self._admin("DELETE", "/-/faults")

    def requests_log(self, limit: Optional[int] = None) -> list:
        """The recent requests, newest first: time, method, path, api, status, errorCode, ec, requestId …"""
        params = {} if limit is None else {"limit": str(limit)}
        return self._admin("GET", "/-/requests", params=params).json()["requests"]

    def stop(self) -> None:
        if self._stop is not None:
            stop, self._stop = self._stop, None
            stop()


def _find_checkout(start: Path) -> Optional[Path]:
    for d in [start, *start.parents]:
        if (d / "emulator" / "bin" / "local-oss.js").is_file() and (d / "emulator" / "dist" / "cli.js").is_file():
            return d
    return None


def _find_npx_install(start: Path) -> Optional[Path]:
    for d in [start, *start.parents]:
        if (d / "node_modules" / ".bin" / "local-oss").exists():
            return d
    return None


def _reader(stream, lines: "queue.Queue[Optional[str]]") -> None:
    for raw in iter(stream.readline, ""):
        lines.put(raw.rstrip("\n"))
    lines.put(None)


def _wait_ready(proc: subprocess.Popen, what: str, timeout: float = START_TIMEOUT) -> list:
    """The ready line(s) and the summary after them; raises with the output when the emulator does not start."""
    lines: "queue.Queue[Optional[str]]" = queue.Queue()
    threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
    seen: list = []
    deadline = time.monotonic() + timeout
    while True:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise LocalOssError(f"{what}: no ready line within {timeout:.0f}s; output so far:\n" + "\n".join(seen))
        if line is None:
            raise LocalOssError(f"{what} exited ({proc.wait()}) before its ready line:\n" + "\n".join(seen))
        seen.append(line)
        if line.startswith("  access key secret: ") and any(READY.match(s) for s in seen):
            # The summary is written with the ready line; its optional last lines (CA, seed …) are already here.
            while True:
                try:
                    more = lines.get(timeout=0.2)
                except queue.Empty:
                    return seen
                if more is None or not more.startswith("  "):
                    return seen
                seen.append(more)


def _parse(banner: list) -> dict:
    info: dict = {}
    for line in banner:
        if m := READY.match(line):
            info["url"] = m.group(1)
        elif m := READY_HTTPS.match(line):
            info["https_url"] = m.group(1)
        elif m := SUMMARY.match(line):
            info[m.group(1).strip()] = m.group(2).strip()
    return info


def _from_banner(banner: list, stop) -> LocalOss:
    info = _parse(banner)
    region = info.get("region", "cn-hangzhou").split(" ")[0]
    return LocalOss(
        url=info["url"],
        region=region,
        access_key_id=info["access key id"],
        access_key_secret=info["access key secret"],
        https_url=info.get("https_url"),
        ca_file=info.get("CA certificate"),
        banner=banner,
        _stop=stop,
    )


def _terminate(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()  # SIGTERM: the emulator closes cleanly
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _start_process(cmd: list, what: str, cwd: Optional[Path] = None) -> LocalOss:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd)
    try:
        banner = _wait_ready(proc, what)
    except BaseException:
        _terminate(proc)
        raise
    return _from_banner(banner, lambda: _terminate(proc))


def _start_docker(image: str, extra: list) -> LocalOss:
    docker = shutil.which("docker")
    if docker is None:
        raise LocalOssError("LOCAL_OSS_LAUNCH=docker but no docker command on PATH")
    name = f"local-oss-pytest-{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [docker, "run", "-d", "--rm", "--name", name, "-p", "127.0.0.1::9500", image, "--in-memory", *extra],
        check=True,
        capture_output=True,
        text=True,
    )

    def remove() -> None:
        subprocess.run([docker, "rm", "-f", name], capture_output=True)

    try:
        logs = subprocess.Popen([docker, "logs", "-f", name], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            banner = _wait_ready(logs, f"docker image {image}")
        finally:
            logs.kill()
            logs.wait()
        port = subprocess.run([docker, "port", name, "9500/tcp"], check=True, capture_output=True, text=True)
        host_port = port.stdout.splitlines()[0].rsplit(":", 1)[1]
        # The ready line names the address inside the container; clients use the published port.
        banner = [READY.sub(f"local-oss listening on http://127.0.0.1:{host_port}", line) if READY.match(line) else line
                  for line in banner]
        emu = _from_banner(banner, remove)
        emu.ca_file = None  # a path inside the container
        # docker-proxy accepts connections before the container serves them: wait until health answers through it.
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(emu.url + "/-/health", timeout=2).status_code == 200:
                    return emu
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise LocalOssError(f"{image}: /-/health never answered on {emu.url}")
            time.sleep(0.1)
    except BaseException:
        remove()
        raise


def start(
    launch: Optional[str] = None,
    args: Optional[list] = None,
    checkout: Optional[str] = None,
    image: Optional[str] = None,
    cwd: Optional[str] = None,
) -> LocalOss:
    """Starts an emulator on a free port, in memory, and returns once it serves. ``stop()`` it when done."""
    env = os.environ
    url = env.get("LOCAL_OSS_URL")
    if url:
        return LocalOss(
            url=url.rstrip("/"),
            region=env.get("LOCAL_OSS_REGION", "cn-hangzhou"),
            access_key_id=env.get("LOCAL_OSS_ACCESS_KEY_ID", "local-oss-access-key-id"),
            access_key_secret=env.get("LOCAL_OSS_ACCESS_KEY_SECRET", "local-oss-access-key-secret"),
        )
    launch = launch or env.get("LOCAL_OSS_LAUNCH") or "auto"
    extra = list(args if args is not None else shlex.split(env.get("LOCAL_OSS_ARGS", "")))
    base = Path(cwd or os.getcwd()).resolve()
    flags = ["--port", "0", "--in-memory", *extra]
    if launch == "docker":
        return _start_docker(image or env.get("LOCAL_OSS_IMAGE") or DEFAULT_IMAGE, extra)
    node = shutil.which("node")
    if launch in ("auto", "checkout"):
        root = Path(checkout or env.get("LOCAL_OSS_CHECKOUT") or "") if (checkout or env.get("LOCAL_OSS_CHECKOUT")) else None
        root = root.resolve() if root else _find_checkout(base) or _find_checkout(Path(__file__).resolve().parent)
        if root is not None:
            if node is None:
                raise LocalOssError("found a local-oss checkout but no node on PATH")
            return _start_process([node, str(root / "emulator" / "bin" / "local-oss.js"), *flags], f"local-oss ({root})")
        if launch == "checkout":
            raise LocalOssError("no local-oss checkout with a built emulator/dist found (run npm ci there)")
    if launch in ("auto", "npx"):
        project = _find_npx_install(base)
        npx = shutil.which("npx")
        if project is not None and npx is not None:
            # --no: use the installed package, never fetch one.
            return _start_process([npx, "--no", "local-oss", *flags], f"npx local-oss ({project})", cwd=project)
        if launch == "npx":
            raise LocalOssError("no node_modules/.bin/local-oss found (npm install --save-dev local-oss)")
    if launch not in ("auto", "checkout", "npx"):
        raise LocalOssError(f"unknown LOCAL_OSS_LAUNCH={launch!r} (auto, checkout, npx, docker)")
    raise LocalOssError(
        "cannot start local-oss: no checkout, no npx install; set LOCAL_OSS_LAUNCH=docker or LOCAL_OSS_URL"
    )
