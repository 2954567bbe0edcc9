"""Reading a JSON document someone else wrote: every value checked before one is used.

``loads`` refuses what Python's json module would let through and crash on later: integers too
long to convert (Python stops at 4,300 digits with a ValueError), NaN and Infinity. ``check_tree``
then walks the parsed document once, without recursion, and refuses nesting deeper than the
format has, integers SQLite cannot store, non-finite floats and text that is not valid Unicode
(a lone surrogate, which JSON's \\ud800 escapes can produce, cannot be written as UTF-8).
Every refusal is an InvalidInput naming where in the document it is.
"""

from __future__ import annotations

import json
import math
from typing import Any

from models.errors import InvalidInput

MAX_INT = 2**63 - 1  # SQLite's INTEGER
_MAX_INT_DIGITS = len(str(MAX_INT)) + 1  # one more for a sign


class _Refused(ValueError):
    pass


def _bounded_int(text: str) -> int:
    if len(text) > _MAX_INT_DIGITS:
        raise _Refused("a number with too many digits")
    return int(text)


def _no_constant(name: str) -> Any:
    raise _Refused(f"the value {name}")


def loads(text: str, what: str) -> Any:
    """The parsed document, or InvalidInput naming ``what`` (e.g. the file name)."""
    try:
        return json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant)
    except _Refused as exc:
        raise InvalidInput(f"{what} holds {exc}, which Stillnote does not read.") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{what} is not valid JSON (line {exc.lineno}, column "
                           f"{exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise InvalidInput(f"{what} is nested too deeply.") from None


def _where(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "the top level"


def _bad_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_tree(document: Any, what: str, max_depth: int) -> None:
    """InvalidInput for the first value of ``document`` that Stillnote cannot store safely."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(document, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > max_depth:
            raise InvalidInput(f"{what} is nested too deeply at {_where(path)}.")
        if isinstance(value, str):
            if _bad_text(value):
                raise InvalidInput(f"{what} has text that is not valid Unicode (a lone "
                                   f"surrogate) at {_where(path)}.")
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int):
            if abs(value) > MAX_INT:
                raise InvalidInput(f"{what} has a number too large at {_where(path)}.")
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise InvalidInput(f"{what} has a number that is not finite at {_where(path)}.")
        elif isinstance(value, dict):
            for key, item in value.items():
                if _bad_text(key):
                    raise InvalidInput(f"{what} has a name that is not valid Unicode (a lone "
                                       f"surrogate) at {_where(path)}.")
                stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(value))
