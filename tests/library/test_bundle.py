"""Brand bundles: export and import round-trip; a hostile bundle is refused whole, names the
members at fault, and leaves no file behind anywhere."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from brandstudio.fileformat import load_template
from brandstudio.fileformat.brand_io import load_brand
from brandstudio.library.bundle import (
    BUNDLE_FORMAT,
    BUNDLE_VERSION,
    MAX_LISTED,
    BundleError,
    BundleExistsError,
    export_brand,
    import_bundle,
)
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import Library
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.resources import assets_folder

DEMO = "Зерно"
EVIL = Path("/tmp/evil.png")

Entry = tuple[str | zipfile.ZipInfo, bytes]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    Library(tmp_path / "home")  # seeds the demo brand (and leaves an empty staging folder)
    library = Library(tmp_path / "home")  # a restart clears staging
    assert list(library.staging_dir.iterdir()) == []
    return library


@pytest.fixture(scope="module")
def demo_entries(tmp_path_factory: pytest.TempPathFactory) -> list[Entry]:
    """The members of an exported demo brand, without the manifest."""
    library = Library(tmp_path_factory.mktemp("exporter") / "home")
    bundle = export_brand(library, DEMO, tmp_path_factory.mktemp("exported"))
    with zipfile.ZipFile(bundle) as archive:
        return [
            (info.filename, archive.read(info))
            for info in archive.infolist()
            if info.filename != "manifest.json"
        ]


# -- helpers ----------------------------------------------------------------------------


def png_bytes(size: tuple[int, int] = (8, 8), mode: str = "RGBA") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


def manifest_bytes(listed: list[tuple[str, int, str]], brand: str = DEMO) -> bytes:
    files = [{"path": path, "size": size, "sha256": digest} for path, size, digest in listed]
    data = {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "brand": brand, "files": files}
    return json.dumps(data).encode("utf-8")


def listing(entries: list[Entry]) -> list[tuple[str, int, str]]:
    return [
        (name.filename if isinstance(name, zipfile.ZipInfo) else name, len(data), _sha(data))
        for name, data in entries
    ]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_bundle(
    path: Path,
    entries: list[Entry],
    manifest: bytes | None = None,
    with_manifest: bool = True,
) -> Path:
    """A zip of ``entries`` plus a manifest listing them all (or ``manifest``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about duplicate names
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
            if with_manifest:
                archive.writestr("manifest.json", manifest or manifest_bytes(listing(entries)))
    return path


def snapshot(root: Path) -> dict[str, object]:
    """Every path under ``root``: folders, and files with their size and modification time."""
    found: dict[str, object] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            found[os.path.relpath(Path(folder, name), root)] = "folder"
        for name in files:
            info = os.lstat(Path(folder, name))
            found[os.path.relpath(Path(folder, name), root)] = (info.st_size, info.st_mtime_ns)
    return found


def assert_refused(library: Library, bundle: Path, tmp_path: Path, *needles: str) -> BundleError:
    """Import ``bundle``: a BundleError mentioning every needle, and nothing changed on disk."""
    names = library.brand_names()
    before = snapshot(tmp_path)
    around = sorted(tmp_path.parent.iterdir())
    evil_existed = EVIL.exists()
    with pytest.raises(BundleError) as caught:
        import_bundle(library, bundle, as_name="Новый")  # no clash with the demo brand
    message = str(caught.value)
    assert message.startswith(f"{bundle}: refused: ")
    for needle in needles:
        assert needle in message
    assert library.brand_names() == names
    assert list(library.staging_dir.iterdir()) == []
    assert snapshot(tmp_path) == before, "the import left files behind"
    assert sorted(tmp_path.parent.iterdir()) == around
    assert EVIL.exists() == evil_existed
    return caught.value


def render_promo(library: Library) -> bytes:
    kit = library.load_brand(DEMO)
    template = load_template(kit.folder / "templates" / "promo.json").template
    assets = resolve_assets(template, {}, kit, kit.folder)
    return render(template, {}, assets).image.tobytes()


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# -- export and import ------------------------------------------------------------------


def test_round_trip_gives_the_same_brand_and_the_same_pixels(
    library: Library, tmp_path: Path
) -> None:
    folder = library.brand_folder(DEMO)
    files_before = files_of(folder)
    pixels_before = render_promo(library)

    bundle = export_brand(library, DEMO, tmp_path)
    assert bundle == tmp_path / f"{DEMO}.brandkit"
    library.delete_brand(DEMO)
    assert not library.has_brand(DEMO)

    kit = import_bundle(library, bundle)
    assert kit.brand.name == DEMO
    assert kit.folder == library.brand_folder(DEMO)
    assert files_of(kit.folder) == files_before
    assert render_promo(library) == pixels_before
    assert list(library.staging_dir.iterdir()) == []


def test_export_is_deterministic_and_sorted(library: Library, tmp_path: Path) -> None:
    first = export_brand(library, DEMO, tmp_path / "first.brandkit")
    logo = library.brand_folder(DEMO) / "logos" / "zerno-dark.png"
    os.utime(logo, (1_000_000_000, 1_000_000_000))  # timestamps never reach the bundle
    second = export_brand(library, DEMO, tmp_path / "second.brandkit")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == BUNDLE_FORMAT and manifest["brand"] == DEMO
    assert [entry["path"] for entry in manifest["files"]] == names[:-1]
    assert all(name.startswith("brand/") for name in names[:-1])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_export_leaves_out_thumbnails_and_stray_files(library: Library, tmp_path: Path) -> None:
    folder = library.brand_folder(DEMO)
    (folder / "templates" / ".thumbs").mkdir()
    (folder / "templates" / ".thumbs" / "promo.png").write_bytes(png_bytes())
    (folder / "logos" / "notes.txt").write_text("not an asset", encoding="utf-8")
    (folder / "secret.json").write_text("{}", encoding="utf-8")
    (folder / "logos" / "link.png").symlink_to(tmp_path / "elsewhere.png")
    bundle = export_brand(library, DEMO, tmp_path / "out.brandkit")
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert not [name for name in names if ".thumbs" in name or name.endswith((".txt", "link.png"))]
    assert "brand/secret.json" not in names


def test_export_refuses_a_template_whose_sample_photo_is_missing(
    library: Library, tmp_path: Path
) -> None:
    (library.brand_folder(DEMO) / "photos" / "fig-bowl.jpg").unlink()
    with pytest.raises(BundleError, match=r"promo\.json") as caught:
        export_brand(library, DEMO, tmp_path / "out.brandkit")
    assert "cannot be exported" in str(caught.value)
    assert not (tmp_path / "out.brandkit").exists()


def test_export_keeps_an_existing_file_unless_overwrite(library: Library, tmp_path: Path) -> None:
    target = tmp_path / "out.brandkit"
    target.symlink_to(tmp_path / "nowhere")  # even a dangling link is somebody's
    with pytest.raises(BundleExistsError, match=r"out\.brandkit: exists") as caught:
        export_brand(library, DEMO, target)
    assert caught.value.path == target and target.is_symlink()
    assert export_brand(library, DEMO, target, overwrite=True) == target
    assert not target.is_symlink() and zipfile.is_zipfile(target)


def test_export_never_writes_inside_the_brand_folder(library: Library) -> None:
    with pytest.raises(LibraryError, match="inside the brand"):
        export_brand(library, DEMO, library.brand_folder(DEMO) / "logos" / "x.brandkit")


def test_a_clash_is_refused_unless_renamed_or_replaced(library: Library, tmp_path: Path) -> None:
    bundle = export_brand(library, DEMO, tmp_path)
    original = (library.brand_folder(DEMO) / "brand.json").read_bytes()

    with pytest.raises(LibraryError, match="already exists"):
        import_bundle(library, bundle)
    assert library.brand_names() == [DEMO]
    assert list(library.staging_dir.iterdir()) == []

    kit = import_bundle(library, bundle, as_name="Зерно копия")
    assert library.brand_names() == [DEMO, "Зерно копия"]
    assert kit.brand.name == "Зерно копия"
    assert load_brand(library.brand_folder("Зерно копия")).brand.name == "Зерно копия"
    assert (library.brand_folder(DEMO) / "brand.json").read_bytes() == original

    assert library.trashed_brands(DEMO) == []
    import_bundle(library, bundle, replace=True)
    assert len(library.trashed_brands(DEMO)) == 1
    assert library.brand_names() == [DEMO, "Зерно копия"]
    assert list(library.staging_dir.iterdir()) == []


@pytest.mark.parametrize("bad_name", ["../x", "a/b", ".hidden", "con", "x" * 81])
def test_a_bad_new_name_is_refused(library: Library, tmp_path: Path, bad_name: str) -> None:
    bundle = export_brand(library, DEMO, tmp_path)
    with pytest.raises(LibraryError):
        import_bundle(library, bundle, as_name=bad_name, replace=True)
    assert library.brand_names() == [DEMO]
    assert list(library.staging_dir.iterdir()) == []


def test_a_brand_with_its_own_font_travels(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    font = (assets_folder() / "fonts" / "Inter" / "Inter-Regular.ttf").read_bytes()
    entries = [(name, data) for name, data in demo_entries if name != "brand/brand.json"]
    brand = json.loads(dict(demo_entries)["brand/brand.json"])
    brand["fonts"]["body"] = {"family": "Inter", "weight": 400, "file": "fonts/Inter.ttf"}
    entries += [
        ("brand/brand.json", json.dumps(brand).encode()),
        ("brand/fonts/Inter.ttf", font),
    ]
    bundle = write_bundle(tmp_path / "font.brandkit", entries)
    kit = import_bundle(library, bundle, as_name="С шрифтом")
    assert (kit.folder / "fonts" / "Inter.ttf").read_bytes() == font
    assert kit.brand.fonts["body"].file == "fonts/Inter.ttf"


# -- hostile bundles --------------------------------------------------------------------


def symlink_member() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("brand/logos/link.png")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def fifo_member() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("brand/photos/pipe.jpg")
    info.external_attr = (stat.S_IFIFO | 0o644) << 16
    return info


HOSTILE_MEMBERS: dict[str, tuple[list[Entry], list[str]]] = {
    "zip-slip": ([("../../../../tmp/evil.png", png_bytes())], ["'../../../../tmp/evil.png'"]),
    "zip-slip inside brand/": (
        [("brand/logos/../../../../../../../../tmp/evil.png", png_bytes())],
        ["brand/logos/../../../../../../../../tmp/evil.png", "leaves the bundle"],
    ),
    "absolute": ([("/etc/passwd.json", b"{}")], ["'/etc/passwd.json'", "absolute"]),
    "drive letter": ([("C:/brand/logos/x.png", png_bytes())], ["'C:/brand/logos/x.png'"]),
    "symlink": ([(symlink_member(), b"/etc/passwd")], ["brand/logos/link.png", "symbolic link"]),
    "fifo": ([(fifo_member(), b"")], ["brand/photos/pipe.jpg", "named pipe"]),
    "backslash": ([("brand\\logos\\x.png", png_bytes())], ["brand\\\\logos\\\\x.png", "backslash"]),
    "dot segment": ([("brand/./logos/x.png", png_bytes())], ["brand/./logos/x.png"]),
    "too deep": (
        [("brand/photos/" + "d/" * 12 + "x.jpg", b"")],
        ["brand/photos/d/d/", "levels deep"],
    ),
    "too long": ([("brand/photos/" + "я" * 130 + ".jpg", b"")], ["longer than 255 bytes"]),
    "duplicate": (
        [("brand/logos/zerno-dark.png", png_bytes())],
        ["brand/logos/zerno-dark.png", "appears twice"],
    ),
    "case collision": (
        [("brand/logos/A.png", png_bytes()), ("brand/logos/a.png", png_bytes())],
        ["brand/logos/a.png", "except for case"],
    ),
    "normalisation collision": (
        [("brand/logos/é.png", png_bytes()), ("brand/logos/e\u0301.png", png_bytes())],
        ["except for case or accents"],
    ),
    "file used as a folder": (
        [("brand/logos/zerno-dark.png/x.png", png_bytes())],
        ["brand/logos/zerno-dark.png/x.png", "which is a file"],
    ),
    "executable": (
        [("brand/logos/run.exe", b"MZ"), ("brand/templates/hook.py", b"import os")],
        ["brand/logos/run.exe", "brand/templates/hook.py", "'.exe'", "'.py'"],
    ),
    "no extension": ([("brand/logos/README", b"hi")], ["brand/logos/README", "no extension"]),
    "outside brand/": ([("logos/x.png", png_bytes())], ["'logos/x.png'", "outside the brand/"]),
    "font in the wrong place": ([("brand/logos/x.ttf", b"")], ["brand/logos/x.ttf"]),
    "json in the wrong place": ([("brand/logos/x.json", b"{}")], ["brand/logos/x.json"]),
    "nested template": ([("brand/templates/a/b.json", b"{}")], ["brand/templates/a/b.json"]),
    "hidden file": ([("brand/logos/.x.png", png_bytes())], ["brand/logos/.x.png", "hidden"]),
    "windows device name": ([("brand/logos/con.png", png_bytes())], ["brand/logos/con.png"]),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_MEMBERS))
def test_a_bad_member_refuses_the_whole_bundle(
    case: str, library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    extra, needles = HOSTILE_MEMBERS[case]
    bundle = write_bundle(tmp_path / "bad.brandkit", [*demo_entries, *extra])
    error = assert_refused(library, bundle, tmp_path, *needles)
    assert error.members, "the offending members are listed"


def test_every_problem_is_reported_up_to_a_cap(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    extra: list[Entry] = [(f"brand/logos/x{i}.exe", b"") for i in range(30)]
    extra.append(("../escape.png", png_bytes()))
    bundle = write_bundle(tmp_path / "bad.brandkit", [*demo_entries, *extra])
    error = assert_refused(library, bundle, tmp_path, "brand/logos/x0.exe", "and 11 more")
    assert len(error.members) == 31
    assert "../escape.png" in error.members
    assert str(error).count("member ") == MAX_LISTED


def test_a_300_mb_member_is_refused_from_its_header(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    bundle = tmp_path / "bomb.brandkit"
    name = "brand/photos/zero.jpg"
    size = 300 * 1024 * 1024
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for member, data in demo_entries:
            archive.writestr(member, data)
        with archive.open(name, "w") as stream:
            chunk = bytes(1024 * 1024)
            for _ in range(size // len(chunk)):
                stream.write(chunk)
        listed = [*listing(demo_entries), (name, size, "0" * 64)]
        archive.writestr("manifest.json", manifest_bytes(listed))
    assert bundle.stat().st_size < 5 * 1024 * 1024
    assert_refused(library, bundle, tmp_path, name, "300 MB", "zip bomb")


def lying_bundle(path: Path, entries: list[Entry], name: str, real: bytes, declared: int) -> Path:
    """A bundle whose directory says ``name`` holds ``declared`` bytes; it holds ``real``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in entries:
            archive.writestr(member, data)
        archive.writestr(name, real)
        archive.getinfo(name).file_size = declared  # the central directory lies
        listed = [*listing(entries), (name, declared, _sha(real[:declared]))]
        archive.writestr("manifest.json", manifest_bytes(listed))
    return path


def test_a_member_longer_than_declared_is_cut_off_and_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    real = bytes(10 * 1024 * 1024)
    bundle = lying_bundle(tmp_path / "lie.brandkit", demo_entries, "brand/logos/x.png", real, 100)
    assert_refused(library, bundle, tmp_path, "brand/logos/x.png", "damaged")


def test_a_member_shorter_than_declared_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    real = png_bytes()
    name = "brand/logos/x.png"
    bundle = lying_bundle(tmp_path / "lie.brandkit", demo_entries, name, real, len(real) + 1000)
    assert_refused(library, bundle, tmp_path, name, f"holds {len(real)} bytes")


def write_many_entries(path: Path, count: int) -> Path:
    """A zip64 archive of ``count`` empty stored members, written directly (zipfile takes
    seconds for 100k members)."""
    local = struct.Struct("<4s5H3L2H")
    central = struct.Struct("<4s6H3L5H2L")
    body = bytearray()
    directory = bytearray()
    for i in range(count):
        name = f"brand/logos/x{i}.png".encode()
        offset = len(body)
        body += local.pack(b"PK\x03\x04", 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0) + name
        directory += central.pack(
            b"PK\x01\x02", 0x314, 20, 0, 0, 0, 0x21, 0, 0, 0, len(name), 0, 0, 0, 0, 0, offset
        )
        directory += name
    end64_at = len(body) + len(directory)
    end64 = struct.pack(
        "<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(directory), len(body)
    )
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end64_at, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, len(directory), len(body), 0)
    path.write_bytes(bytes(body + directory + end64 + locator + end))
    return path


def test_a_hundred_thousand_entries_are_refused_before_reading_them(
    library: Library, tmp_path: Path
) -> None:
    bundle = write_many_entries(tmp_path / "many.brandkit", 100_000)
    assert_refused(library, bundle, tmp_path, "100000 entries")
    # Refused from the end record alone: with the central directory wiped (zipfile could no
    # longer list a single member) the count is still what refuses it.
    data = bytearray(bundle.read_bytes())
    end = data.rindex(b"PK\x06\x06")
    start = data.index(b"PK\x01\x02")
    data[start:end] = bytes(end - start)
    bundle.write_bytes(bytes(data))
    assert_refused(library, bundle, tmp_path, "100000 entries")


def test_a_font_that_is_a_png_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    entries = [*demo_entries, ("brand/fonts/Brand.ttf", png_bytes())]
    bundle = write_bundle(tmp_path / "font.brandkit", entries)
    assert_refused(library, bundle, tmp_path, "'brand/fonts/Brand.ttf'", "PNG")


def test_an_image_that_is_not_one_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    entries = [*demo_entries, ("brand/logos/fake.png", b"<svg onload=alert(1)>")]
    bundle = write_bundle(tmp_path / "img.brandkit", entries)
    assert_refused(library, bundle, tmp_path, "'brand/logos/fake.png'", "not a PNG")


@pytest.mark.parametrize(
    ("side", "needle"), [(9_000, "9000x9000 pixels"), (10_000, "decompression bomb")]
)
def test_a_pixel_bomb_is_refused_without_decoding(
    library: Library, tmp_path: Path, demo_entries: list[Entry], side: int, needle: str
) -> None:
    bomb = png_bytes((side, side), mode="1")
    assert len(bomb) < 100_000
    bundle = write_bundle(tmp_path / "img.brandkit", [*demo_entries, ("brand/photos/b.png", bomb)])
    assert_refused(library, bundle, tmp_path, "'brand/photos/b.png'", needle)


def test_a_nul_in_a_stored_name_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    # zipfile cuts names at NUL when writing too: patch the bytes of a placeholder name.
    placeholder = "brand/logos/x.png#.exe"
    entries = [*demo_entries, (placeholder, png_bytes())]
    bundle = write_bundle(tmp_path / "nul.brandkit", entries)
    raw = bundle.read_bytes()
    assert raw.count(b"x.png#.exe") == 2  # local header and central directory
    bundle.write_bytes(raw.replace(b"x.png#.exe", b"x.png\x00.exe", 2))
    assert_refused(library, bundle, tmp_path, "'brand/logos/x.png\\x00.exe'", "control")


def promo_with_sample(demo_entries: list[Entry], sample: str) -> bytes:
    promo = json.loads(dict(demo_entries)["brand/templates/promo.json"])
    promo["slots"]["photo"]["sample"] = sample
    return json.dumps(promo).encode()


def test_a_template_pointing_outside_the_bundle_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    (tmp_path / "outside.jpg").write_bytes(b"secret")
    evil = promo_with_sample(demo_entries, "../../../outside.jpg")
    bundle = write_bundle(
        tmp_path / "tpl.brandkit", [*demo_entries, ("brand/templates/evil.json", evil)]
    )
    assert_refused(library, bundle, tmp_path, "'brand/templates/evil.json'", "escapes")


def test_a_template_naming_a_missing_photo_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    lost = promo_with_sample(demo_entries, "photos/missing.jpg")
    bundle = write_bundle(
        tmp_path / "tpl.brandkit", [*demo_entries, ("brand/templates/lost.json", lost)]
    )
    assert_refused(library, bundle, tmp_path, "'brand/templates/lost.json'", "photos/missing.jpg")


def test_a_broken_brand_file_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    entries = [
        (
            name,
            b'{"format": "brandstudio.brand", "version": 1}'
            if name == "brand/brand.json"
            else data,
        )
        for name, data in demo_entries
    ]
    bundle = write_bundle(tmp_path / "brand.brandkit", entries)
    assert_refused(library, bundle, tmp_path, "'brand/brand.json'", "not a usable brand")


def test_a_damaged_member_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    bundle = write_bundle(tmp_path / "ok.brandkit", demo_entries)
    data = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as archive:
        info = archive.getinfo("brand/photos/fig-bowl.jpg")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)
    bundle.write_bytes(bytes(data))
    assert_refused(library, bundle, tmp_path, "'brand/photos/fig-bowl.jpg'")


def test_a_wrong_checksum_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    listed = [
        (path, size, "0" * 64 if path.endswith("zerno-mono.png") else digest)
        for path, size, digest in listing(demo_entries)
    ]
    bundle = write_bundle(tmp_path / "sum.brandkit", demo_entries, manifest_bytes(listed))
    assert_refused(library, bundle, tmp_path, "'brand/logos/zerno-mono.png'", "SHA-256")


def test_the_manifest_must_match_the_members(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    listed = listing(demo_entries)
    listed = [entry for entry in listed if entry[0] != "brand/logos/zerno-mono.png"]
    listed.append(("brand/logos/ghost.png", 10, "0" * 64))
    bundle = write_bundle(tmp_path / "m.brandkit", demo_entries, manifest_bytes(listed))
    assert_refused(
        library,
        bundle,
        tmp_path,
        "'brand/logos/zerno-mono.png' is not listed",
        "lists 'brand/logos/ghost.png'",
    )


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"version": BUNDLE_VERSION + 1}, "newer than this Brandstudio reads"),
        ({"format": "something.else"}, "not 'brandstudio.bundle'"),
        ({"brand": "../../x"}, "cannot be a brand name"),
    ],
)
def test_a_bad_manifest_is_refused(
    library: Library,
    tmp_path: Path,
    demo_entries: list[Entry],
    change: dict[str, object],
    needle: str,
) -> None:
    manifest = json.loads(manifest_bytes(listing(demo_entries)))
    manifest.update(change)
    bundle = write_bundle(
        tmp_path / "m.brandkit", demo_entries, json.dumps(manifest).encode("utf-8")
    )
    assert_refused(library, bundle, tmp_path, "'manifest.json'", needle)


def test_a_missing_manifest_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    bundle = write_bundle(tmp_path / "m.brandkit", demo_entries, with_manifest=False)
    assert_refused(library, bundle, tmp_path, "no manifest.json")


def test_an_encrypted_member_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    bundle = tmp_path / "enc.brandkit"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in demo_entries:
            archive.writestr(name, data)
        archive.getinfo("brand/logos/zerno-mono.png").flag_bits |= 0x1
        archive.writestr("manifest.json", manifest_bytes(listing(demo_entries)))
    assert_refused(library, bundle, tmp_path, "'brand/logos/zerno-mono.png' is encrypted")


def test_a_truncated_zip_is_refused(
    library: Library, tmp_path: Path, demo_entries: list[Entry]
) -> None:
    whole = write_bundle(tmp_path / "whole.brandkit", demo_entries).read_bytes()
    bundle = tmp_path / "cut.brandkit"
    bundle.write_bytes(whole[: len(whole) // 2])
    assert_refused(library, bundle, tmp_path, "not a Brandstudio bundle (not a zip file)")


def test_a_file_that_is_not_a_zip_is_refused(library: Library, tmp_path: Path) -> None:
    bundle = tmp_path / "photo.brandkit"
    bundle.write_bytes(png_bytes())
    assert_refused(library, bundle, tmp_path, "not a Brandstudio bundle (not a zip file)")


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_bundle_that_is_not_a_regular_file_is_refused(
    library: Library, tmp_path: Path, kind: str
) -> None:
    bundle = tmp_path / "odd.brandkit"
    make: Callable[[Path], None] = os.mkfifo if kind == "fifo" else Path.mkdir
    make(bundle)
    assert_refused(library, bundle, tmp_path, "not a regular file")


def test_a_missing_bundle_is_a_library_error(library: Library, tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no such file"):
        import_bundle(library, tmp_path / "nowhere.brandkit")
