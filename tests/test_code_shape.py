"""Functions short, modules readable in one sitting (the house style): no
function or method over ``MAX_FUNCTION_LINES`` lines and no module over
``MAX_MODULE_LINES``, in the project's own code (migrations aside).

``TOO_LONG`` lists what was longer when the rule came in, with its length
then: an entry may only shrink, and goes once it fits (a stale entry fails
the test too), so the list can only get shorter.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("khuyencong", "news", "funding")
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400

#: (module, function or None for the module) -> lines when the rule came in.
TOO_LONG = {}


def measured() -> dict[tuple[str, str | None], int]:
    """Every module's length, and every function's (by name within its
    module; the longest if a name repeats)."""
    lengths = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = path.relative_to(ROOT).as_posix()
            source = path.read_text(encoding="utf-8")
            lengths[(module, None)] = len(source.splitlines())
            for node in ast.walk(ast.parse(source)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    size = node.end_lineno - node.lineno + 1
                    key = (module, node.name)
                    lengths[key] = max(size, lengths.get(key, 0))
    return lengths


def limit(key) -> int:
    return MAX_MODULE_LINES if key[1] is None else MAX_FUNCTION_LINES


def test_functions_and_modules_are_short():
    lengths = measured()
    assert len(lengths) > 500  # the walk found the code
    too_long = {
        key: size
        for key, size in lengths.items()
        if size > limit(key) and size > TOO_LONG.get(key, 0)
    }
    assert too_long == {}, "split these (lines now):"


def test_the_list_of_old_exceptions_only_shrinks():
    lengths = measured()
    stale = {
        key: lengths.get(key)
        for key in TOO_LONG
        if lengths.get(key) is None or lengths[key] <= limit(key)
    }
    assert stale == {}, "these fit now (or are gone): take them off TOO_LONG"
