"""The public surface: re-exported at the package top, lazily, and kept in step with the modules."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import actors

PACKAGE = Path(actors.__file__).parent
#: modules whose names are machinery for their neighbours, not the library's surface
INTERNAL = ("actors.extract.frames", "actors.extract.matcher", "actors.extract.state_references",
            "actors.network.snapshot", "actors.network.xmlmarkup", "actors.render.figure_pool", "actors.pools", "actors.cli")

#: the top-level modules and stages: a public name of the same spelling would hide one of them
_TOP = {p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" or (p / "__init__.py").is_file()}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, ast.parse(path.read_text(encoding="utf-8"))


def _defined_public(tree: ast.Module) -> set[str]:
    defined, exported = set(), set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = {t.id for t in targets if isinstance(t, ast.Name)}
            if "__all__" in names:
                exported = set(ast.literal_eval(node.value))
            defined |= names
    return exported & defined


def _has_all(tree: ast.Module) -> bool:
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(getattr(t, "id", "") == "__all__" for t in targets):
            return True
    return False


def test_every_module_has_all():
    assert not [name for name, tree in _modules() if not _has_all(tree)]


def test_no_public_name_hides_a_module():
    """``actors.extract`` is the stage, so the function ``extract`` is not re-exported at the top."""
    assert not _TOP & set(actors.__all__)


def test_top_level_lists_every_public_name_of_every_stage():
    expected = {}
    for name, tree in _modules():
        if name == "actors" or name.startswith(INTERNAL):
            continue
        for public in _defined_public(tree) - _TOP:
            expected[public] = name
    assert {n: actors._WHERE[n] for n in actors.__all__} == expected


def test_every_name_resolves_to_its_module():
    for name in actors.__all__:
        assert getattr(actors, name) is getattr(__import__(actors._WHERE[name], fromlist=[name]), name)


def test_import_is_cheap():
    code = ("import sys, actors; from actors import build_graph; "
            "print(sorted(m for m in ('polars', 'matplotlib', 'networkx', 'pyvis') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['networkx']"  # only what build_graph's own module needs


def test_unknown_name_is_an_attribute_error():
    try:
        actors.no_such_function  # noqa: B018
    except AttributeError as exc:
        assert "no_such_function" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
