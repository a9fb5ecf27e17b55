# The repository's own tests of the fixture run from the checkout without installing the package: put python/ on
# the path and load the plugin by the module name its pytest11 entry point also uses, so an installed copy and this
# line never register it twice.
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

pytest_plugins = ["local_oss.pytest_plugin"]
