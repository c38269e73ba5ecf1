"""The desktop package: Linux integration files, and a smoke test of the frozen app.

The integration checks are fast and always run: the ``.desktop`` file under
desktop-file-validate, the AppStream metainfo under appstreamcli, the MIME types against the
files the project writes (and against GLib's own detection), the icons, and install.sh /
uninstall.sh on a stand-in build. A tool that is not installed skips its check and says so.

The smoke test (marked ``slow``) runs the one-folder PyInstaller build: ``--version``, the
self-check (raqm and the bundled files), a render compared with the development build, the
demo campaign, a ``stamp`` batch on worker processes, and the window offscreen with
``--screenshot``. Which build it runs:

- ``BRANDSTUDIO_PACKAGE_DIR=DIR``: that build (e.g. ``dist/brandstudio`` made on another OS);
- ``BRANDSTUDIO_TEST_PACKAGE=1``, or ``CI`` set (CI runs it every time): a fresh build into a
  temporary folder (about a minute on 2 cores; PyInstaller is fetched with pip into that
  folder when the test environment does not have it);
- otherwise ``dist/brandstudio`` from ``make package`` when it is newer than the sources;
- otherwise the smoke test is skipped, saying how to run it.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageChops, ImageStat

import brandstudio

pytestmark = pytest.mark.hang_limit(1200)  # the frozen-app tests first build the app

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"
SPEC = PACKAGING / "brandstudio.spec"
CONSTRAINTS = REPO / "requirements" / "constraints.txt"
DIST = REPO / "dist" / "brandstudio"

APP_ID = "io.brandstudio.Brandstudio"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / "brandstudio-mime.xml"
ICON = "brandstudio"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BRANDKIT = "application/x-brandstudio-brandkit"
TEMPLATE = "application/x-brandstudio-template"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}

BUILD_TIMEOUT = 900  # seconds; about 60 s here
PYINSTALLER_PACKAGES = ("pyinstaller", "pyinstaller-hooks-contrib", "altgraph")
SOURCES = ("brandstudio", "assets", "templates", "packaging", "pyproject.toml")

LINUX_ONLY = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the Linux install scripts"
)

RunFrozen = Callable[..., subprocess.CompletedProcess[str]]
"""Runs the frozen app with arguments (and keyword environment variables)."""


def _clean_env(**extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    env.update(extra)
    return env


def _run(
    args: Sequence[str | Path],
    *,
    cwd: Path,
    timeout: float = 120,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env if env is not None else _clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _explain(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"{' '.join(map(str, result.args))} exited {result.returncode}\n"
        f"--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-6000:]}"
    )


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _semicolon_list(value: str) -> list[str]:
    return [item for item in value.split(";") if item]


# --- the .desktop file ---------------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = _run([tool, DESKTOP_FILE], cwd=REPO)
    assert result.returncode == 0, _explain(result)
    assert not result.stdout.strip(), f"desktop-file-validate has remarks:\n{result.stdout}"


def test_desktop_file_starts_the_studio_with_our_icon_and_file_types() -> None:
    entry = _desktop_entry(DESKTOP_FILE)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "brandstudio gui %f"
    assert entry["Icon"] == ICON
    assert entry["Terminal"] == "false"
    assert set(_semicolon_list(entry["MimeType"])) == {BRANDKIT, TEMPLATE}
    assert "Graphics" in _semicolon_list(entry["Categories"])
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry.get(key), f"{key} is missing"
    for key in ("GenericName[ru]", "Comment[ru]", "Keywords[ru]"):
        assert any("а" <= char <= "я" for char in entry.get(key, "").lower()), (
            f"{key} is not in Russian"
        )


# --- AppStream metainfo --------------------------------------------------------------------


def test_metainfo_names_the_desktop_file_icon_types_and_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.findtext("icon") == ICON
    assert root.findtext("project_license") == "MIT"
    mediatypes = {item.text for item in root.iterfind("provides/mediatype")}
    assert mediatypes == {BRANDKIT, TEMPLATE}
    assert root.findtext("provides/binary") == "brandstudio"
    versions = [release.get("version") for release in root.iterfind("releases/release")]
    assert versions, "no <release> in the metainfo"
    assert versions[0] == brandstudio.__version__, (
        f"the newest <release> is {versions[0]}, the program is {brandstudio.__version__}:"
        f" add a <release> to {METAINFO.relative_to(REPO)}"
    )


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = _run([tool, "validate", "--no-net", METAINFO], cwd=REPO)
    assert result.returncode == 0, _explain(result)


# --- MIME types ----------------------------------------------------------------------------


def _child(element: ET.Element, path: str) -> ET.Element:
    found = element.find(path, MIME_NS)
    assert found is not None, f"no {path} in {element.get('type')}"
    return found


def _mime_types() -> dict[str, ET.Element]:
    root = ET.parse(MIME_XML).getroot()
    return {element.get("type", ""): element for element in root.iterfind("m:mime-type", MIME_NS)}


def test_mime_types_define_brandkit_and_template() -> None:
    types = _mime_types()
    assert set(types) == {BRANDKIT, TEMPLATE}
    brandkit, template = types[BRANDKIT], types[TEMPLATE]
    assert [g.get("pattern") for g in brandkit.iterfind("m:glob", MIME_NS)] == ["*.brandkit"]
    assert _child(brandkit, "m:sub-class-of").get("type") == "application/zip"
    assert [g.get("pattern") for g in template.iterfind("m:glob", MIME_NS)] == [
        "*.brandstudio.json"
    ]
    assert _child(template, "m:sub-class-of").get("type") == "application/json"
    for element in types.values():
        assert _child(element, "m:icon").get("name") == ICON


def test_template_magic_matches_every_starter_template() -> None:
    """The magic rule finds the "format" key where the project writes it."""
    matches = list(_mime_types()[TEMPLATE].iterfind("m:magic/m:match", MIME_NS))
    assert matches
    starters = sorted((REPO / "templates").glob("*.json"))
    assert starters
    for path in starters:
        head = path.read_bytes()
        found = False
        for match in matches:
            assert match.get("type") == "string"
            start, _, end = (match.get("offset") or "0").partition(":")
            value = (match.get("value") or "").encode()
            stop = int(end or start) + len(value)
            found = found or value in head[int(start) : stop]
        assert found, f"{path.name}: no magic rule of {MIME_XML.name} matches its start"


def test_shared_mime_info_tells_our_types_from_plain_json(tmp_path: Path) -> None:
    """shared-mime-info compiles the XML, and GLib (what GTK file managers use) names the
    types: by pattern, and by content for a template called *.json or without extension."""
    update, gio = shutil.which("update-mime-database"), shutil.which("gio")
    if update is None or gio is None:
        pytest.skip(
            "update-mime-database or gio is not installed"
            " (Debian: shared-mime-info, libglib2.0-bin)"
        )
    mime = tmp_path / "share" / "mime"
    (mime / "packages").mkdir(parents=True)
    shutil.copy(MIME_XML, mime / "packages")
    compiled = _run([update, mime], cwd=tmp_path)
    assert compiled.returncode == 0, _explain(compiled)

    files = tmp_path / "files"
    files.mkdir()
    starter = (REPO / "templates" / "contest.json").read_bytes()
    (files / "contest.json").write_bytes(starter)
    (files / "contest.brandstudio.json").write_bytes(starter)
    (files / "contest").write_bytes(starter)
    (files / "other.json").write_text('{"format": "something else"}\n', encoding="utf-8")
    with zipfile.ZipFile(files / "kit.brandkit", "w") as archive:
        archive.writestr("brand.json", "{}")
    expected = {
        "contest.json": TEMPLATE,
        "contest.brandstudio.json": TEMPLATE,
        "contest": TEMPLATE,
        "other.json": "application/json",
        "kit.brandkit": BRANDKIT,
    }
    env = _clean_env(
        XDG_DATA_DIRS=f"{tmp_path / 'share'}:/usr/share",
        XDG_DATA_HOME=str(tmp_path / "no-user-data"),
    )
    for name, mime_type in expected.items():
        result = _run(
            [gio, "info", "-a", "standard::content-type", files / name], cwd=files, env=env
        )
        assert result.returncode == 0, _explain(result)
        assert f"standard::content-type: {mime_type}" in result.stdout, (name, result.stdout)


# --- icons ---------------------------------------------------------------------------------


def _make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "tools" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


@pytest.mark.parametrize("size", ICON_SIZES)
def test_every_hicolor_icon_size_is_there(size: int) -> None:
    path = LINUX / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON}.png"
    assert path.is_file(), f"{path.relative_to(REPO)} is missing: run tools/make_icons.py"
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        alpha = image.getchannel("A")
        assert alpha.getpixel((0, 0)) == 0, "the corners should be transparent"
        assert alpha.getpixel((size // 2, size // 2)) == 255


def test_scalable_icon_and_other_systems_icons() -> None:
    svg = ET.parse(LINUX / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 512 512"
    with Image.open(PACKAGING / "windows" / f"{ICON}.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(PACKAGING / "macos" / f"{ICON}.icns") as icns:
        assert (512, 512, 2) in icns.info["sizes"]


def test_icons_are_what_make_icons_draws(tmp_path: Path) -> None:
    """The committed icons are up to date with tools/make_icons.py."""
    make_icons = _make_icons()
    make_icons.write_all(tmp_path)
    for size in ICON_SIZES:
        relative = Path("linux/icons/hicolor") / f"{size}x{size}" / "apps" / f"{ICON}.png"
        with Image.open(tmp_path / relative) as drawn, Image.open(PACKAGING / relative) as kept:
            difference = ImageChops.difference(drawn.convert("RGBA"), kept.convert("RGBA"))
            assert max(ImageStat.Stat(difference).mean) < 1.0, (
                f"{relative} differs from what tools/make_icons.py draws: run it again"
            )
    svg = Path("linux/icons/hicolor/scalable/apps") / f"{ICON}.svg"
    assert (tmp_path / svg).read_text(encoding="utf-8") == (PACKAGING / svg).read_text(
        encoding="utf-8"
    )


# --- install.sh and uninstall.sh -----------------------------------------------------------


@LINUX_ONLY
def test_install_and_uninstall_for_one_user(tmp_path: Path) -> None:
    build = tmp_path / "build" / "brandstudio"
    (build / "_internal").mkdir(parents=True)
    program = build / "brandstudio"
    program.write_text("#!/bin/sh\necho stand-in\n", encoding="utf-8")
    program.chmod(0o755)
    home = tmp_path / "home"
    library = home / ".local" / "share" / "brandstudio"  # the user's brand library
    library.mkdir(parents=True)
    (library / "keep.txt").write_text("mine", encoding="utf-8")
    env = _clean_env(HOME=str(home), PATH=os.environ.get("PATH", "/usr/bin:/bin"))
    env.pop("PREFIX", None)
    env.pop("DESTDIR", None)

    installed = _run(["bash", LINUX / "install.sh", build], cwd=tmp_path, env=env)
    assert installed.returncode == 0, _explain(installed)
    prefix = home / ".local"
    share = prefix / "share"
    launcher = prefix / "bin" / "brandstudio"
    assert launcher.is_symlink()
    assert _run([launcher], cwd=tmp_path).stdout.strip() == "stand-in"
    desktop = share / "applications" / DESKTOP_FILE.name
    entry = _desktop_entry(desktop)
    assert entry["Exec"] == f'"{launcher}" gui %f'
    assert entry["TryExec"] == str(launcher)
    validate = shutil.which("desktop-file-validate")
    if validate is not None:
        checked = _run([validate, desktop], cwd=tmp_path)
        assert checked.returncode == 0, _explain(checked)
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON}.svg").is_file()
    assert (share / "mime" / "packages" / MIME_XML.name).is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()
    if shutil.which("update-mime-database"):
        assert (share / "mime" / "application" / "x-brandstudio-brandkit.xml").is_file()

    again = _run(["bash", LINUX / "install.sh", build], cwd=tmp_path, env=env)
    assert again.returncode == 0, _explain(again)

    removed = _run(["bash", LINUX / "uninstall.sh"], cwd=tmp_path, env=env)
    assert removed.returncode == 0, _explain(removed)
    assert not (prefix / "lib" / "brandstudio").exists()
    assert not launcher.exists() and not launcher.is_symlink()
    assert not desktop.exists()
    assert not list(share.glob(f"icons/hicolor/*/apps/{ICON}.*"))
    assert not (share / "mime" / "packages" / MIME_XML.name).exists()
    assert (library / "keep.txt").read_text(encoding="utf-8") == "mine"


@LINUX_ONLY
def test_install_refuses_a_folder_that_is_not_a_build(tmp_path: Path) -> None:
    env = _clean_env(HOME=str(tmp_path / "home"))
    result = _run(["bash", LINUX / "install.sh", tmp_path], cwd=tmp_path, env=env)
    assert result.returncode != 0
    assert "make package" in result.stderr
    assert not (tmp_path / "home").exists()


# --- the frozen app ------------------------------------------------------------------------


def _newest_source_time() -> float:
    newest = 0.0
    for name in SOURCES:
        path = REPO / name
        paths: Iterator[Path] = path.rglob("*") if path.is_dir() else iter([path])
        for item in paths:
            if item.is_file() and "__pycache__" not in item.parts:
                newest = max(newest, item.stat().st_mtime)
    return newest


def _pyinstaller_path(folder: Path) -> list[str]:
    """Extra sys.path entries that give PyInstaller to this interpreter: none when it has it,
    else a folder where pip installs the pinned PyInstaller (from its cache when it can)."""
    if importlib.util.find_spec("PyInstaller") is not None:
        return []
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        name, separator, version = line.strip().partition("==")
        if separator and name.lower() in PYINSTALLER_PACKAGES:
            pins[name.lower()] = f"{name}=={version}"
    missing = set(PYINSTALLER_PACKAGES) - set(pins)
    assert not missing, f"{CONSTRAINTS.name} has no pin for {sorted(missing)}"
    installed = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "--no-deps",
            "--target",
            folder,
            *pins.values(),
        ],
        cwd=folder.parent,
        timeout=300,
    )
    assert installed.returncode == 0, _explain(installed)
    return [str(folder)]


def _build(folder: Path) -> Path:
    """Build the spec into ``folder``; returns the app's folder."""
    extra = _pyinstaller_path(folder / "pyinstaller")
    env = _clean_env()
    if extra:
        env["PYTHONPATH"] = os.pathsep.join(extra)
    built = _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            folder / "dist",
            "--workpath",
            folder / "work",
            SPEC,
        ],
        cwd=REPO,
        timeout=BUILD_TIMEOUT,
        env=env,
    )
    assert built.returncode == 0, _explain(built)
    return folder / "dist" / "brandstudio"


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The frozen app's executable (see the module's docstring for which build)."""
    given = os.environ.get("BRANDSTUDIO_PACKAGE_DIR")
    if given:
        folder = Path(given).resolve()
    elif os.environ.get("BRANDSTUDIO_TEST_PACKAGE") == "1" or os.environ.get("CI"):
        folder = _build(tmp_path_factory.mktemp("package"))
    elif (DIST / "brandstudio").is_file() and (
        (DIST / "brandstudio").stat().st_mtime >= _newest_source_time()
    ):
        folder = DIST
    else:
        state = "is older than the sources" if DIST.exists() else "does not exist"
        pytest.skip(
            f"dist/brandstudio {state}: run `make package` first, or set"
            " BRANDSTUDIO_TEST_PACKAGE=1 to build into a temporary folder (about a minute)"
        )
    # Windows and macOS builds have a windowed program and a console twin: test the twin.
    name = "brandstudio" if sys.platform.startswith("linux") else "brandstudio-cli"
    program = folder / (f"{name}.exe" if os.name == "nt" else name)
    assert program.is_file(), f"{program} is missing: is {folder} a Brandstudio build?"
    return program


@pytest.fixture
def run_frozen(frozen: Path, tmp_path: Path) -> RunFrozen:
    """Run the frozen app in ``tmp_path`` with a library and settings of its own."""
    env = _clean_env(
        BRANDSTUDIO_HOME=str(tmp_path / "library"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
    )

    def run(
        *args: str | Path, timeout: float = 180, cwd: Path | None = None, **extra: str
    ) -> subprocess.CompletedProcess[str]:
        return _run([frozen, *args], cwd=cwd or tmp_path, timeout=timeout, env={**env, **extra})

    return run


@pytest.mark.slow
def test_frozen_app_prints_its_version(run_frozen: RunFrozen) -> None:
    result = run_frozen("--version")
    assert result.returncode == 0, _explain(result)
    assert result.stdout.strip() == f"brandstudio {brandstudio.__version__}"


@pytest.mark.slow
def test_frozen_app_has_raqm_and_its_files_inside_the_bundle(
    frozen: Path, run_frozen: RunFrozen
) -> None:
    result = run_frozen(BRANDSTUDIO_SELF_CHECK="1")
    assert result.returncode == 0, _explain(result)
    report = json.loads(result.stdout)
    assert report["ok"], json.dumps(report, indent=2)
    assert report["frozen"] is True
    assert report["features"]["raqm"] is True, "Pillow's raqm layout is missing from the build"
    bundle = frozen.parent
    for name, folder in report["folders"].items():
        assert Path(folder).is_relative_to(bundle), f"{name}: {folder} is outside {bundle}"
    assert sorted(report["starters"]) == sorted(p.stem for p in (REPO / "templates").glob("*.json"))
    assert report["translations"] == sorted(
        path.name for path in (REPO / "brandstudio" / "gui" / "translations").glob("*.qm")
    )


@pytest.mark.slow
def test_frozen_app_workers_ignore_a_brandstudio_folder_where_it_starts(
    frozen: Path, run_frozen: RunFrozen, tmp_path: Path
) -> None:
    """Started in a folder holding a booby-trapped ``brandstudio`` package, the self-check's
    worker imports the bundle's own package and the trap never runs."""
    folder, marker = tmp_path / "downloads", tmp_path / "the-trap-ran"
    (folder / "brandstudio").mkdir(parents=True)
    (folder / "brandstudio" / "__init__.py").write_text(
        f"open({str(marker)!r}, 'a').write('imported')\nraise SystemExit('trapped')\n"
    )
    result = run_frozen(BRANDSTUDIO_SELF_CHECK="1", cwd=folder)
    assert result.returncode == 0, _explain(result)
    workers = json.loads(result.stdout)["workers"]
    assert workers["ok"], workers
    assert Path(workers["package"]).is_relative_to(frozen.parent)
    assert not marker.exists()


@pytest.mark.slow
def test_frozen_app_draws_what_the_development_build_draws(
    run_frozen: RunFrozen, tmp_path: Path
) -> None:
    """Same fonts, same shaping (raqm), same pixels: a starter with Cyrillic text."""
    frozen_out, source_out = tmp_path / "frozen", tmp_path / "source"
    render = ["render", "promo", "--preset", "vk-post", "--format", "png", "--out"]
    result = run_frozen(*render, frozen_out)
    assert result.returncode == 0, _explain(result)
    source = _run(
        [sys.executable, "-m", "brandstudio", *render, source_out],
        cwd=tmp_path,
        env=_clean_env(BRANDSTUDIO_HOME=str(tmp_path / "source-library")),
    )
    assert source.returncode == 0, _explain(source)
    with (
        Image.open(frozen_out / "promo_vk-post.png") as ours,
        Image.open(source_out / "promo_vk-post.png") as theirs,
    ):
        assert ours.size == theirs.size
        difference = ImageChops.difference(ours.convert("RGB"), theirs.convert("RGB"))
        assert difference.getbbox() is None, "the frozen app renders differently"


@pytest.mark.slow
def test_frozen_app_renders_the_demo_campaign(run_frozen: RunFrozen, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run_frozen("demo", "--out", out, timeout=300)
    assert result.returncode == 0, _explain(result)
    assert "warning" not in result.stderr.lower(), result.stderr
    presets = json.loads(run_frozen("presets", "--json").stdout)
    paths = sorted((REPO / "templates").glob("*.json"))
    starters = [path.stem for path in paths]
    files = sum(json.loads(path.read_text(encoding="utf-8"))["slides"] for path in paths)
    made = sorted(path.name for path in out.iterdir() if path.suffix in {".jpg", ".png"})
    assert len(made) == files * len(presets), made  # a carousel: one file per slide
    for starter in starters:
        assert any(name.startswith(f"{starter}_") for name in made), f"nothing for {starter}"
    with Image.open(out / made[0]) as image:
        image.load()
        assert image.width >= 600


@pytest.mark.slow
def test_frozen_app_stamps_photos_on_worker_processes(
    run_frozen: RunFrozen, tmp_path: Path
) -> None:
    """The batch engine starts workers by running the frozen executable again (forkserver
    on Linux, spawn elsewhere): they must do the work, not start another command line."""
    photos = tmp_path / "photos"
    photos.mkdir()
    for path in sorted((REPO / "templates" / "photos").glob("*.jpg"))[:3]:
        shutil.copy(path, photos)
    out = tmp_path / "stamped"
    result = run_frozen(
        "stamp", photos, "--out", out, "--jobs", "2", "--preset", "instagram-square"
    )
    assert result.returncode == 0, _explain(result)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert (report["ok"], report["failed"]) == (3, 0), report
    for item in report["items"]:
        for output in item["outputs"]:
            with Image.open(out / Path(output).name) as image:
                assert image.size == (1080, 1080)


@pytest.mark.slow
def test_frozen_app_opens_the_window_offscreen(run_frozen: RunFrozen, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = run_frozen("gui", "--screenshot", shot)
    assert result.returncode == 0, _explain(result)
    with Image.open(shot) as image:
        assert image.format == "PNG"
        assert image.width >= 800 and image.height >= 500, image.size
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is None or len(colours) > 1000, "the screenshot is nearly blank"
