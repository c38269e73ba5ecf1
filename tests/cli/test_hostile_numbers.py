"""Numbers that overflow a float, in a template or a bundle's brand.json: exit 2 naming the
file and the JSON path, never a traceback (``validate``, ``render``, ``brand import``)."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed

CONTEST = Path(__file__).resolve().parents[2] / "templates" / "contest.json"
DEMO = "Зерно"
OVERFLOWS = {"exponent": "1e999999", "digits": "9" * 5000}


@pytest.fixture(autouse=True)
def own_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRANDSTUDIO_HOME", str(tmp_path / "home"))


def with_number(text: str, key: str, number: str) -> str:
    """``text`` with the first ``"key": VALUE`` given ``number`` (as written, not parsed)."""
    edited, count = re.subn(rf'"{key}": [-0-9.eE+]+', f'"{key}": {number}', text, count=1)
    assert count == 1
    return edited


def template_file(tmp_path: Path, number: str) -> tuple[Path, str]:
    """A copy of the contest template with an overflowing opacity, and its JSON path."""
    data = json.loads(CONTEST.read_text(encoding="utf-8"))
    index = next(i for i, layer in enumerate(data["layers"]) if "opacity" in layer)
    path = tmp_path / "hostile.json"
    path.write_text(with_number(json.dumps(data, indent=2), "opacity", number), "utf-8")
    return path, f"$.layers[{index}].opacity"


def assert_refused(result: Completed, *needles: str) -> None:
    assert result.status == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "too large for a number" in result.stderr
    for needle in needles:
        assert needle in result.stderr


@pytest.mark.parametrize("kind", sorted(OVERFLOWS))
def test_validate_names_the_path(kind: str, tmp_path: Path, cli: Callable[..., Completed]) -> None:
    path, where = template_file(tmp_path, OVERFLOWS[kind])
    result = cli("validate", path)
    assert_refused(result, f"{path}: {where}: ")
    assert result.stdout == ""


@pytest.mark.parametrize("kind", sorted(OVERFLOWS))
def test_render_names_the_path(kind: str, tmp_path: Path, cli: Callable[..., Completed]) -> None:
    path, where = template_file(tmp_path, OVERFLOWS[kind])
    result = cli("render", path, "--preset", "vk-post", "--out", tmp_path / "out")
    assert_refused(result, f"{path}: {where}: ")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def rewrite_bundle(bundle: Path, member: str, edit: Callable[[str], str]) -> None:
    """Edit one member of a bundle and list its new size and hash in the manifest."""
    with zipfile.ZipFile(bundle) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[member] = edit(members[member].decode("utf-8")).encode("utf-8")
    manifest = json.loads(members["manifest.json"])
    for entry in manifest["files"]:
        data = members[entry["path"]]
        entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode("utf-8")
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


@pytest.mark.parametrize("kind", sorted(OVERFLOWS))
def test_brand_import_names_brand_json_and_the_path(
    kind: str, tmp_path: Path, cli: Callable[..., Completed]
) -> None:
    bundle = tmp_path / "hostile.brandkit"
    assert cli("brand", "export", DEMO, bundle).status == 0
    rewrite_bundle(
        bundle, "brand/brand.json", lambda text: with_number(text, "opacity", OVERFLOWS[kind])
    )
    result = cli("brand", "import", bundle, "--as", "Hostile")
    assert_refused(result, "brand.json", "$.stamp.opacity")
    assert "Hostile" not in cli("brand", "list").stdout
