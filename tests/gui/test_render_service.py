"""The canvas's renderer: off the GUI thread, only the latest request after the one running, timed,
photos and logos decoded once, failures worded, and the thread gone after ``stop``."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import brandstudio.gui.render_service as module
from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.gui.document import TemplateDocument
from brandstudio.gui.render_service import RenderRequest, RenderResult, RenderService
from brandstudio.presets import find_preset
from brandstudio.render.assets import RenderError

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def document() -> TemplateDocument:
    path = REPO / "templates" / "contest.json"
    return TemplateDocument(load_template(path).template, find_brand("demo"), path.parent)


@pytest.fixture
def service() -> Iterator[RenderService]:
    service = RenderService()
    yield service
    service.stop()


def request_for(document: TemplateDocument, headline: str | None = None) -> RenderRequest:
    content = dict(document.content)
    if headline is not None:
        content["headline"] = headline
    return RenderRequest(
        document.template,
        content,
        document.kit,
        document.template_folder,
        find_preset("instagram-square"),
    )


def test_renders_off_the_gui_thread_timed(
    qtbot: QtBot,
    document: TemplateDocument,
    service: RenderService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[str] = []
    real = module.render

    def spy(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "render", spy)
    with qtbot.waitSignal(service.rendered, timeout=30_000) as rendered:
        serial = service.request(request_for(document))
    result = rendered.args[0]
    assert isinstance(result, RenderResult)
    assert result.request.serial == serial
    assert result.image.size == (1080, 1080)
    assert result.qimage.width() == 1080
    assert result.seconds > 0
    assert threads == ["render"]
    qtbot.waitUntil(service.idle, timeout=5_000)


def test_only_the_latest_waiting_request_is_rendered(
    qtbot: QtBot,
    document: TemplateDocument,
    service: RenderService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started = threading.Event()
    release = threading.Event()
    real = module.render

    def held(*args: object, **kwargs: object) -> object:
        if not started.is_set():
            started.set()
            release.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "render", held)
    results: list[RenderResult] = []
    service.rendered.connect(results.append)
    try:
        first = service.request(request_for(document, "one"))
        assert started.wait(30)
        service.request(request_for(document, "two"))  # replaced before it starts
        third = service.request(request_for(document, "three"))
        assert not service.idle()
    finally:
        release.set()
    qtbot.waitUntil(lambda: len(results) == 2 and service.idle(), timeout=30_000)
    assert [result.request.serial for result in results] == [first, third]
    assert [result.request.content["headline"] for result in results] == ["one", "three"]


def test_photos_and_logos_are_decoded_once_while_only_text_changes(
    document: TemplateDocument, service: RenderService, monkeypatch: pytest.MonkeyPatch
) -> None:
    resolved: list[object] = []
    real = module.resolve_assets

    def counted(*args: object, **kwargs: object) -> object:
        resolved.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "resolve_assets", counted)
    service.render_now(request_for(document, "Первый"))
    service.render_now(request_for(document, "Второй"))
    assert len(resolved) == 1
    moved = dataclasses.replace(request_for(document), kit=dataclasses.replace(document.kit))
    service.render_now(moved)  # another brand kit: resolved again
    assert len(resolved) == 2


def test_failures_are_reported_with_a_message(
    qtbot: QtBot,
    document: TemplateDocument,
    service: RenderService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def missing(*_args: object, **_kwargs: object) -> object:
        raise RenderError("photo.jpg: no such file (slot photo)")

    monkeypatch.setattr(module, "render", missing)
    with qtbot.waitSignal(service.failed, timeout=30_000) as failed:
        service.request(request_for(document))
    assert failed.args == ["photo.jpg: no such file (slot photo)"]

    def broken(*_args: object, **_kwargs: object) -> object:
        raise ValueError("bad value")

    monkeypatch.setattr(module, "render", broken)
    with qtbot.waitSignal(service.failed, timeout=30_000) as failed:
        service.request(request_for(document))
    assert failed.args == ["cannot render: ValueError: bad value"]
    qtbot.waitUntil(service.idle, timeout=5_000)


def test_stop_ends_the_render_thread(
    qtbot: QtBot, document: TemplateDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = module.render

    def spy(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "render", spy)
    service = RenderService()
    with qtbot.waitSignal(service.rendered, timeout=30_000):
        service.request(request_for(document))
    service.stop()
    assert threads and not threads[0].is_alive()
