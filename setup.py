"""Builds and installs the jianzheng Python package (``import jianzheng``).

There is no PEP 517 CMake backend in Debian 12, so this is a plain setuptools build whose
one extension, ``jianzheng._core``, is built by driving the project's own CMake: the same
targets, flags and embedded data as a CMake build. It works offline:

    python3 -m venv --system-site-packages .venv
    .venv/bin/pip install --no-build-isolation --no-index .

``--system-site-packages`` lets CMake find Debian's pybind11; ``--no-build-isolation`` and
``--no-index`` keep pip from reaching any package index. See docs/python.md.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent

# CMake's project(VERSION) is the one version source.
_match = re.search(r"project\(jianzheng\s+VERSION\s+([0-9]+\.[0-9]+\.[0-9]+)",
                   (ROOT / "CMakeLists.txt").read_text(encoding="utf-8"))
if not _match:
    raise RuntimeError("cannot find project(jianzheng VERSION x.y.z) in CMakeLists.txt")
VERSION = _match.group(1)


class CMakeExtension(Extension):
    """An extension built by CMake's ``jianzheng_python`` target rather than by setuptools."""

    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Configures the project with the Python module and the command line on, builds both,
    and copies _core and the program (jianzheng/bin/jianzheng, run by ``python -m jianzheng``
    and the ``jianzheng`` script) into the package."""

    def build_extension(self, ext: Extension) -> None:
        target = Path(self.get_ext_fullpath(ext.name)).resolve()
        build_dir = Path(self.build_temp).resolve() / "cmake"
        build_type = os.environ.get("JIANZHENG_BUILD_TYPE", "Release")
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            f"-DCMAKE_BUILD_TYPE={build_type}",
            f"-DPython_EXECUTABLE={sys.executable}",
            "-DJIANZHENG_BUILD_PYTHON=ON",
            "-DJIANZHENG_BUILD_TESTS=OFF",
            "-DJIANZHENG_BUILD_EXAMPLES=OFF",
            "-DJIANZHENG_BUILD_TOOLS=ON",
            "-DJIANZHENG_BUILD_BENCHMARKS=OFF",
            "-DJIANZHENG_INSTALL=OFF",
            "-DJIANZHENG_BUILD_C_API=OFF",
        ]
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 1)
        build = ["cmake", "--build", str(build_dir), "--target", "jianzheng_python", "jianzheng_cli",
                 "-j", jobs]
        subprocess.check_call(configure)
        subprocess.check_call(build)
        built = sorted((build_dir / "python" / "jianzheng").glob("_core*"))
        built = [p for p in built if p.suffix in (".so", ".pyd", ".dylib")]
        if not built:
            raise RuntimeError(f"CMake built no _core module under {build_dir}/python/jianzheng")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built[0], target)
        program = target.parent / "bin" / "jianzheng"
        program.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(build_dir / "bin" / "jianzheng", program)


# The project has no web site: the documents named here are files of the source repository
# (paths relative to its root), and tests/python/test_packaging.py checks that they exist.
PROJECT_URLS = {
    "Documentation": "docs/index.md",
    "Python": "docs/python.md",
    "Command line": "docs/cli.md",
    "C ABI": "docs/c-api.md",
    "Policy": "docs/policy/sunan-2020-programme.txt",
    "Design": "docs/design.md",
}

setup(
    name="jianzheng",
    version=VERSION,
    description="Decision logic for community certificates (减证便民): which certificates a "
                "village or residents' committee issues, with the clause each decision rests on",
    long_description=(ROOT / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author="jianzheng contributors",
    license="MulanPSL-2.0",
    license_files=["LICENSE"],
    project_urls=PROJECT_URLS,
    keywords=["减证便民", "证明事项", "e-government", "decision", "policy", "county"],
    classifiers=[
        "Development Status :: 3 - Alpha",
        "Intended Audience :: Developers",
        "Intended Audience :: Information Technology",
        "Intended Audience :: Science/Research",
        "License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)",
        "Natural Language :: Chinese (Simplified)",
        "Natural Language :: English",
        "Operating System :: POSIX :: Linux",
        "Programming Language :: C++",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Programming Language :: Python :: Implementation :: CPython",
        "Topic :: Office/Business",
        "Topic :: Sociology",
        "Typing :: Typed",
    ],
    python_requires=">=3.8",
    packages=["jianzheng"],
    package_dir={"jianzheng": "bindings/python/jianzheng"},
    package_data={"jianzheng": ["py.typed", "_core.pyi"]},  # bin/jianzheng: build_ext
    entry_points={"console_scripts": ["jianzheng = jianzheng.__main__:main"]},
    ext_modules=[CMakeExtension("jianzheng._core")],
    cmdclass={"build_ext": CMakeBuild},
    # pandas is optional: jianzheng.to_frame uses it when it is installed.
    extras_require={"pandas": ["pandas"]},
    zip_safe=False,
)
