"""An in-tree PEP 517 build backend (pyproject.toml backend-path): `pip install ./python` then needs nothing from a
package index, not even setuptools, so it works offline and under pip's build isolation. It writes a plain wheel
of the local_oss package (and, for `pip install -e`, a PEP 660 wheel holding a .pth that points here)."""
from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import zipfile
from pathlib import Path

NAME = "local_oss"
DIST = "local-oss-pytest"
WHEEL_NAME = DIST.replace("-", "_")
VERSION = "0.1.0"
ROOT = Path(__file__).resolve().parent.parent
TAG = "py3-none-any"

METADATA = f"""Metadata-Version: 2.1
Name: {DIST}
Version: {VERSION}
Summary: pytest fixture and helpers for the local-oss Alibaba Cloud OSS emulator
License: Apache-2.0
Requires-Python: >=3.8
Requires-Dist: requests
"""
ENTRY_POINTS = """[pytest11]
local_oss.pytest_plugin = local_oss.pytest_plugin
"""


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def _wheel(wheel_directory: str, files: dict) -> str:
    dist_info = f"{WHEEL_NAME}-{VERSION}.dist-info"
    files = dict(files)
    files[f"{dist_info}/METADATA"] = METADATA.encode()
    files[f"{dist_info}/WHEEL"] = f"Wheel-Version: 1.0\nGenerator: local_oss_build\nRoot-Is-Purelib: true\nTag: {TAG}\n".encode()
    files[f"{dist_info}/entry_points.txt"] = ENTRY_POINTS.encode()
    record = [_record_line(p, d) for p, d in files.items()] + [f"{dist_info}/RECORD,,"]
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    filename = f"{WHEEL_NAME}-{VERSION}-{TAG}.whl"
    with zipfile.ZipFile(Path(wheel_directory) / filename, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in files.items():
            zf.writestr(path, data)
    return filename


def _sources() -> dict:
    return {
        f"{NAME}/{p.name}": p.read_bytes() for p in sorted((ROOT / NAME).glob("*.py"))
    }


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    return _wheel(wheel_directory, _sources())


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    return _wheel(wheel_directory, {f"__editable__.{NAME}.pth": (str(ROOT) + "\n").encode()})


def build_sdist(sdist_directory, config_settings=None):
    base = f"{WHEEL_NAME}-{VERSION}"
    filename = f"{base}.tar.gz"
    with tarfile.open(Path(sdist_directory) / filename, "w:gz") as tar:
        for rel in ["pyproject.toml", "README.md", "_build/local_oss_build.py", *_sources().keys()]:
            tar.add(ROOT / rel, arcname=f"{base}/{rel}")
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        data = METADATA.encode()
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return filename
