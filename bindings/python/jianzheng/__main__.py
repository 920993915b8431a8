"""``python -m jianzheng``: the jianzheng command line (docs/cli.md).

The package carries the command-line program itself (``jianzheng/bin/jianzheng``: put there
by the wheel build, by the CMake build tree and, as a link to /usr/bin/jianzheng, by the
Debian package python3-jianzheng), and this module runs it in place of the interpreter, so
options, output, standard input and exit codes are exactly the program's.
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

#: Where the package keeps the command-line program.
PROGRAM = Path(__file__).resolve().parent / "bin" / "jianzheng"


def main(argv: Optional[List[str]] = None) -> int:
    """Runs ``jianzheng`` with ``argv`` (default: this process's arguments)."""
    args = sys.argv[1:] if argv is None else list(argv)
    if not os.access(PROGRAM, os.X_OK):
        print(f"python -m jianzheng: the command-line program is missing ({PROGRAM}); "
              "reinstall the package, or use the jianzheng command (Debian: apt install jianzheng)",
              file=sys.stderr)
        return 70  # internal, as the program's own exit codes say
    if argv is None and os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(PROGRAM, ["jianzheng", *args])  # does not return
    return subprocess.run([str(PROGRAM), *args], check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
