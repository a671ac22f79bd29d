"""Dependencies point one way: rules need nothing of ours; reports read rules, never the crawler."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_top_level_packages(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(("package", "forbidden"), [
    ("rules", {"crawler", "reports", "scrapy", "twisted", "sqlalchemy"}),
    ("reports", {"crawler", "scrapy", "twisted"}),
])
def test_package_does_not_import_the_layers_above_it(package: str, forbidden: set[str]) -> None:
    offenders = {path: sorted(names & forbidden)
                 for path, names in imported_top_level_packages(package).items() if names & forbidden}
    assert offenders == {}
