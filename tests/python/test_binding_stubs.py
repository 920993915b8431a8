"""The committed stubs (jianzheng/_core.pyi) match the built module, and every binding has
named arguments and a docstring (docs/contributing.md, Python)."""

import importlib.util
import inspect
from pathlib import Path

import jianzheng
from jianzheng import _core

SOURCE = Path(__file__).resolve().parents[2]
STUBGEN = SOURCE / "bindings" / "python" / "stubgen.py"
COMMITTED = SOURCE / "bindings" / "python" / "jianzheng" / "_core.pyi"


def _stubgen():
    spec = importlib.util.spec_from_file_location("jianzheng_stubgen", STUBGEN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_stubs_match_the_module():
    generated = _stubgen().generate(_core)
    assert COMMITTED.read_text("utf-8") == generated, (
        "bindings/python/jianzheng/_core.pyi is stale: regenerate it with "
        "PYTHONPATH=build/python python3 bindings/python/stubgen.py > bindings/python/jianzheng/_core.pyi")


def _callables():
    for name, obj in vars(_core).items():
        if name.startswith("_"):
            continue
        if inspect.isclass(obj):
            if issubclass(obj, BaseException) or hasattr(obj, "__members__"):
                continue
            for attr, member in vars(obj).items():
                if attr.startswith("__") and attr not in ("__init__", "__getitem__", "__len__"):
                    continue
                if isinstance(member, staticmethod):
                    member = member.__func__
                if isinstance(member, property):
                    yield f"{name}.{attr}", member, member.__doc__
                elif callable(member):
                    # Classes made only by the module (Decision, Match …) keep CPython's
                    # inherited __init__, which is not a binding.
                    if attr == "__init__" and not (member.__doc__ or "").startswith("__init__("):
                        continue
                    yield f"{name}.{attr}", member, member.__doc__
        elif callable(obj):
            yield name, obj, obj.__doc__


def test_every_binding_has_named_arguments_and_a_docstring():
    missing = []
    for name, obj, doc in _callables():
        doc = doc or ""
        if isinstance(obj, property):
            if not doc.strip():
                missing.append(f"{name}: no docstring")
            continue
        if "arg0" in doc:
            missing.append(f"{name}: unnamed argument")
        # pybind11 docstrings: signature line(s), a blank line, then the text.
        text = [l for l in doc.splitlines()[1:] if l.strip() and "(" not in l.split(" ")[0]]
        if not text:
            missing.append(f"{name}: no docstring")
    assert not missing, "\n".join(missing)


def test_every_class_has_a_docstring():
    for name, obj in vars(_core).items():
        if inspect.isclass(obj) and not name.startswith("_"):
            assert (obj.__doc__ or "").strip(), name
    assert jianzheng.Engine.__doc__
