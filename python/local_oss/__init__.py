"""local-oss for Python tests: start the emulator, sign requests to it, and the ``local_oss`` pytest fixture
(pytest_plugin.py, registered through the ``pytest11`` entry point when this package is installed)."""
from .emulator import LocalOss, LocalOssError, start
from .signing import OssV1Auth

__all__ = ["LocalOss", "LocalOssError", "OssV1Auth", "start"]
__version__ = "0.1.0"
