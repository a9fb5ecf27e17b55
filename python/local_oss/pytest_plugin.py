"""The ``local_oss`` pytest fixture.

One emulator per test session (started on first use, stopped at the end); each test that asks for ``local_oss``
gets it, reset first (POST /-/reset) when the test is marked ``@pytest.mark.local_oss_reset`` or the ini option
``local_oss_reset = true`` is set. How it is started: see emulator.py (LOCAL_OSS_LAUNCH, LOCAL_OSS_URL …); each of
those variables can also be given as the ini option of the same name in lower case.
"""
from __future__ import annotations

import os
from typing import Iterator

import pytest

from .emulator import LocalOss, start

_SETTINGS = ("LOCAL_OSS_URL", "LOCAL_OSS_LAUNCH", "LOCAL_OSS_CHECKOUT", "LOCAL_OSS_IMAGE", "LOCAL_OSS_ARGS")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("local_oss_reset", "reset the emulator before every test that uses local_oss", type="bool", default=False)
    for name in _SETTINGS:
        parser.addini(name.lower(), f"as the environment variable {name} (the variable wins)", default="")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "local_oss_reset: reset the local-oss emulator (POST /-/reset) before this test")


@pytest.fixture(scope="session")
def local_oss_emulator(pytestconfig: pytest.Config) -> Iterator[LocalOss]:
    """The session's emulator (not reset between tests)."""
    saved = dict(os.environ)
    for name in _SETTINGS:
        value = pytestconfig.getini(name.lower())
        if value and not os.environ.get(name):
            os.environ[name] = value
    try:
        emulator = start(cwd=str(pytestconfig.rootpath))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture
def local_oss(local_oss_emulator: LocalOss, request: pytest.FixtureRequest) -> LocalOss:
    """The emulator: ``.url``, ``.region``, ``.access_key_id``, ``.access_key_secret``, ``.session()`` (signed
    requests), ``.client`` (an alibabacloud_oss_v2 Client, None without that SDK), ``.reset()``, ``.add_faults()``,
    ``.requests_log()``."""
    if request.node.get_closest_marker("local_oss_reset") or request.config.getini("local_oss_reset"):
        local_oss_emulator.reset()
    return local_oss_emulator
