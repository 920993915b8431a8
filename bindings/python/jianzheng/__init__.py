"""jianzheng (减证): decision logic for community certificates.

Which certificates may a village or residents' committee (村委会、居委会) issue, which must it
not, and where does the resident go instead? This package is a thin, pure-Python layer over
the native core ``jianzheng._core``; rule logic lives in C++.
"""

from . import _core
from ._core import *  # noqa: F401,F403
from ._core import Error, version

__version__ = _core.__version__

__all__ = [name for name in dir(_core) if not name.startswith("_")] + ["__version__"]
