"""Checkers for the book's exercises: ``check_<name>(your_function)``.

Each chapter's checkers live in one module here (``chapter03.py``, ...); every
:class:`Exercise` or :class:`Question` they define whose name starts with
``check_`` is importable from ``nnlib.exercises`` directly, and listed in
``ALL``.
"""
import importlib
import pkgutil

from ._core import Exercise, Outcome, Question, same

ALL = {}
for _info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
    if _info.name.startswith("_"):
        continue
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    for _name, _value in vars(_module).items():
        if _name.startswith("check_") and isinstance(_value, (Exercise, Question)):
            ALL[_name] = _value
globals().update(ALL)

__all__ = ["Exercise", "Outcome", "Question", "same", "ALL", *ALL]
