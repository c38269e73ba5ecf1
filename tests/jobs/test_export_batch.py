"""The studio's Export as batch items (jobs.export_batch): the files of the studio's own export,
byte for byte, with the same names, claims and report, on worker processes and on a cluster.

The reference is :func:`brandstudio.jobs.export.run_export` driven by the studio's renderer
(``RenderService.render_now``, exactly as the Export dialog's ``render_one`` calls it), for
the contest starter (a photo given in the content, text, the brand's logo, a QR code) at three
sizes with a size cap, and the carousel starter (three slides) at one size.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from brandstudio.batch.cluster import open_cluster, software_versions
from brandstudio.batch.cluster_pool import make_bundle, run_remote_item
from brandstudio.batch.report import BatchReport
from brandstudio.batch.runner import BatchSettings, run_batch
from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template, save_template
from brandstudio.gui.render_service import RenderRequest, RenderService
from brandstudio.jobs.cluster_inputs import shipping_for
from brandstudio.jobs.export import ExportSettings, run_export
from brandstudio.jobs.export_batch import ExportItem, plan_export
from brandstudio.model.preset import Preset
from brandstudio.presets import find_preset
from brandstudio.resources import templates_folder

REPO = Path(__file__).resolve().parents[2]
PHOTO = sorted((REPO / "templates" / "photos").glob("*.jpg"))[0]


@dataclass(frozen=True)
class Case:
    """One export as the dialog makes it, and the studio's own files for it."""

    settings: ExportSettings
    template_path: Path
    """The template saved aside (as the dialog does for a cluster)."""
    studio_out: Path


def _preset(name: str) -> Preset:
    preset = find_preset(name)
    assert preset is not None
    return preset


def _case(
    stem: str, content: dict[str, str], presets: Sequence[str], max_kb: int | None
) -> ExportSettings:
    template = load_template(templates_folder() / f"{stem}.json").template
    return ExportSettings(
        template=template,
        template_stem=stem,
        identity=str(templates_folder() / f"{stem}.json"),
        content=content,
        brand_folder=find_brand("demo").folder,
        presets=tuple(_preset(name) for name in presets),
        max_kb=max_kb,
    )


def studio_export(renderer: RenderService, settings: ExportSettings, out: Path) -> BatchReport:
    """The Export dialog's local export: run_export with the studio's renderer."""
    kit = find_brand("demo")
    assert kit.folder == settings.brand_folder

    def render_one(preset: Preset | None) -> tuple[Image.Image, Sequence[str]]:
        request = RenderRequest(
            settings.template, settings.content, kit, templates_folder(), preset,
            allow_missing_glyphs=False,
        )  # fmt: skip
        result = renderer.render_now(request)
        return result.image, result.warnings

    return run_export(settings, out, render_one)


def foreign_file(out: Path) -> Path:
    """A file a person put where the export's first name would go: it gets ``-2``."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "contest_facebook-post.jpg"
    path.write_bytes(b"not ours")
    return path


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Iterator[list[Case]]:
    """The two exports, made once by the studio (its renderer, in this process)."""
    root = tmp_path_factory.mktemp("studio")
    mine = root / "my photos"
    mine.mkdir()
    shutil.copy(PHOTO, mine / "cup.jpg")
    contest = _case("contest", {
        "photo": str(mine / "cup.jpg"),
        "headline": "Выиграй кофе",
        "qr_url": "https://example.com/coffee",
    }, ["facebook-post", "instagram-square", "vk-cover"], max_kb=150)  # fmt: skip
    carousel = _case("carousel", {"headline": "Три шага"}, ["instagram-square"], None)
    renderer = RenderService()
    made = []
    try:
        for settings in (contest, carousel):
            template_path = (
                root / "saved" / settings.template_stem / f"{settings.template_stem}.json"
            )
            template_path.parent.mkdir(parents=True)
            save_template(settings.template, template_path)
            out = root / f"studio-{settings.template_stem}"
            foreign_file(out)
            report = studio_export(renderer, settings, out)
            assert report.count("ok") == len(settings.presets), report.as_json()
            made.append(Case(settings, template_path, out))
    finally:
        renderer.stop()
    yield made


def files_of(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.iterdir()) if path.is_file()
            and not path.name.startswith(".") and path.name != "report.json"}  # fmt: skip


def report_of(out: Path) -> dict[str, Any]:
    text = (out / "report.json").read_text(encoding="utf-8").replace(str(out), "OUT")
    report: dict[str, Any] = json.loads(text)
    return report


def batch_export(case: Case, out: Path, settings: BatchSettings) -> BatchReport:
    foreign_file(out)
    plan = plan_export(case.settings, case.template_path, templates_folder(), out)
    return run_batch(plan.items, plan.job, plan.journal, settings, todo=plan.todo)


def assert_same_export(case: Case, out: Path, report: BatchReport) -> None:
    assert report.count("ok") == len(case.settings.presets), report.as_json()
    assert files_of(out) == files_of(case.studio_out)
    assert report_of(out) == report_of(case.studio_out)


def test_the_studios_files_and_report_from_worker_processes(
    cases: list[Case], tmp_path: Path
) -> None:
    contest, carousel = cases
    names = sorted(files_of(contest.studio_out))
    assert names == [
        "contest_facebook-post-2.jpg",  # another's file at the name: never replaced
        "contest_facebook-post.jpg",
        "contest_instagram-square.jpg",
        "contest_vk-cover.jpg",
    ]
    assert sorted(files_of(carousel.studio_out)) == [
        "carousel_instagram-square_01.jpg",
        "carousel_instagram-square_02.jpg",
        "carousel_instagram-square_03.jpg",
        "contest_facebook-post.jpg",
    ]
    notes = [item["notes"] for item in report_of(contest.studio_out)["items"]]
    assert all(len(note) == 1 and "(cap 150 KB)" in note[0] for note in notes)
    for case in cases:
        out = tmp_path / case.settings.template_stem
        report = batch_export(case, out, BatchSettings(jobs=1))
        assert_same_export(case, out, report)

    again = batch_export(contest, tmp_path / "contest", BatchSettings(jobs=1))
    assert again.count("skipped") == 3  # nothing it reads changed: resumed, not redone
    assert files_of(tmp_path / "contest") == files_of(contest.studio_out)


def test_a_size_runs_on_a_worker_with_the_files_deleted_here(
    cases: list[Case], tmp_path: Path
) -> None:
    """No shared folder: the saved template, the content's photo and the brand's folder reach
    the worker as bytes (here they are copies, deleted before the worker function runs)."""
    contest = cases[0]
    photo = tmp_path / "photo.jpg"
    shutil.copy(contest.settings.content["photo"], photo)
    brand = tmp_path / "brand"
    shutil.copytree(contest.settings.brand_folder, brand)
    template_path = tmp_path / "saved" / "contest.json"
    template_path.parent.mkdir()
    shutil.copy(contest.template_path, template_path)
    settings = dataclasses.replace(
        contest.settings,
        content={**contest.settings.content, "photo": str(photo)},
        brand_folder=brand,
        presets=(_preset("vk-cover"),),
    )
    plan = plan_export(settings, template_path, templates_folder(), tmp_path / "out")
    plan.journal.close()
    [item] = [planned.payload for planned in plan.items]
    assert isinstance(item, ExportItem)
    bundle = make_bundle(shipping_for(plan.job))
    for path in (photo, template_path):
        path.unlink()
    shutil.rmtree(brand)
    reply, captured = run_remote_item(bundle, "export", software_versions(), item, {})
    assert reply[0] == "ok", reply
    [(path, data)] = captured
    assert path == tmp_path / "out" / "contest_vk-cover.jpg" and not path.exists()
    assert data == (contest.studio_out / "contest_vk-cover.jpg").read_bytes()


def test_the_studios_files_and_report_from_a_local_cluster(
    cases: list[Case], tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    with open_cluster("local:1", shipping_for) as session:
        for case in cases:
            out = tmp_path / case.settings.template_stem
            report = batch_export(case, out, BatchSettings(jobs=1, cluster=session))
            assert_same_export(case, out, report)
