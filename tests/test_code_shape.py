"""Functions short, modules readable in one sitting (the house style): no
function or method over ``MAX_FUNCTION_LINES`` lines and no module over
``MAX_MODULE_LINES``, in the project's own code (migrations aside). And
no import inside a function (a cycle is broken by moving code, not by
hiding an import), but where ``LATE_IMPORTS`` says why.

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

#: (module, function) whose imports must wait -> why.
LATE_IMPORTS = {
    ("khuyencong/apps.py", "ready"): "Django: models load after the apps",
    ("news/apps.py", "connect_site_version"): "Django: models load after the apps",
    ("news/apps.py", "connect_page_cache"): "Django: models load after the apps",
    ("news/apps.py", "connect_figures"): "Django: models load after the apps",
    ("funding/apps.py", "ready"): "Django: models load after the apps",
    ("khuyencong/pagecache/near.py", "_listen"): "redis is needed only with Redis",
}


def modules():
    """(name, parsed source) of every module of the project's own code."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                source = path.read_text(encoding="utf-8")
                yield path.relative_to(ROOT).as_posix(), source


def measured() -> dict[tuple[str, str | None], int]:
    """Every module's length, and every function's (by name within its
    module; the longest if a name repeats)."""
    lengths = {}
    for module, source in modules():
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


def late_imports() -> set[tuple[str, str]]:
    """(module, function) of every function holding an import statement."""
    found = set()
    for module, source in modules():
        for node in ast.walk(ast.parse(source)):
            function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            if function and any(
                isinstance(inner, ast.Import | ast.ImportFrom)
                for inner in ast.walk(node)
            ):
                found.add((module, node.name))
    return found


def test_imports_are_at_the_top_of_modules():
    found = late_imports()
    assert found - set(LATE_IMPORTS) == set(), "move these imports to the top"
    assert set(LATE_IMPORTS) - found == set(), "stale: take off LATE_IMPORTS"
