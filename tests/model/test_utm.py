"""UTM tagging: the network from the preset, the tags added, everything else kept as written."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from brandstudio.fileformat.errors import FormatError
from brandstudio.fileformat.validation import validate_as
from brandstudio.model.utm import UtmSettings, network_of, tag_url, utm_url
from brandstudio.presets import load_presets

NO_NETWORK: frozenset[str] = frozenset()
"""Shipped presets deliberately of no network (none today)."""


def _tag(url: str, **tags: str | None) -> str:
    given: dict[str, str | None] = {"medium": None, "campaign": None, "content": None}
    given.update(tags)
    source = given.pop("source", None) or "vk"
    return tag_url(url, source=source, **given)


def test_every_shipped_preset_has_its_network() -> None:
    for preset in load_presets():
        network = network_of(preset.id)
        if preset.id in NO_NETWORK:
            assert network is None, preset.id
        else:
            assert network is not None, f"{preset.id} maps to no utm_source"
            assert network in preset.id.replace("-", " ").split(), (preset.id, network)


@pytest.mark.parametrize(
    ("preset_id", "network"),
    [
        ("vk-post", "vk"),
        ("vk-cover", "vk"),
        ("instagram-story", "instagram"),
        ("x-post", "x"),
        ("ok-post", "ok"),
        ("telegram-post", "telegram"),
        ("tiktok", "tiktok"),
        ("youtube-thumbnail", "youtube"),
        ("my-banner", None),
        ("vkontakte-post", None),
        ("", None),
    ],
)
def test_network_of(preset_id: str, network: str | None) -> None:
    assert network_of(preset_id) == network


def test_tags_are_added_in_order_after_the_query() -> None:
    url = _tag("https://shop.example/p?id=7&b", medium="social", campaign="spring", content="qr")
    assert url == (
        "https://shop.example/p?id=7&b"
        "&utm_source=vk&utm_medium=social&utm_campaign=spring&utm_content=qr"
    )


def test_a_link_without_a_query_gets_one() -> None:
    assert _tag("https://vk.com/club1") == "https://vk.com/club1?utm_source=vk"
    assert _tag("http://example.org") == "http://example.org?utm_source=vk"


def test_the_query_is_kept_byte_for_byte() -> None:
    query = "q=%D0%BA%D0%BE%D1%84%D0%B5&sort=price+asc&flag&empty=&a=1;b=2"
    tagged = _tag(f"https://shop.example/search?{query}", campaign="x")
    assert tagged == f"https://shop.example/search?{query}&utm_source=vk&utm_campaign=x"


def test_the_fragment_stays_last_and_unchanged() -> None:
    tagged = _tag("https://a.example/page?x=1#section-2?not=query", medium="social")
    query = "x=1&utm_source=vk&utm_medium=social"
    assert tagged == f"https://a.example/page?{query}#section-2?not=query"
    assert _tag("https://a.example/#") == "https://a.example/?utm_source=vk#"


def test_existing_utm_tags_are_replaced_not_doubled() -> None:
    url = "https://a.example/?utm_source=old&id=3&utm_campaign=old&utm_term=kept&utm%5Fmedium=old"
    tagged = _tag(url, source="instagram", medium="social", campaign="new")
    pairs = parse_qsl(urlsplit(tagged).query)
    assert pairs == [
        ("id", "3"),
        ("utm_term", "kept"),
        ("utm_source", "instagram"),
        ("utm_medium", "social"),
        ("utm_campaign", "new"),
    ]


def test_a_tag_left_none_keeps_the_links_own() -> None:
    tagged = _tag("https://a.example/?utm_campaign=own", medium=None, campaign=None)
    assert tagged == "https://a.example/?utm_campaign=own&utm_source=vk"


def test_values_are_percent_encoded() -> None:
    tagged = _tag("https://a.example/", campaign="Весна 2026 & co", content="a=b#c")
    assert dict(parse_qsl(urlsplit(tagged).query)) == {
        "utm_source": "vk",
        "utm_campaign": "Весна 2026 & co",
        "utm_content": "a=b#c",
    }
    assert urlsplit(tagged).fragment == ""


@pytest.mark.parametrize(
    "payload",
    [
        "tel:+79991234567",
        "mailto:hello@example.org?subject=Hi",
        "WIFI:T:WPA;S:cafe;P:secret;;",
        "Просто текст",
        "vk.com/club1",
        "ftp://files.example/a",
        "https://",
        "http:///path-only",
        "http://[::1",
        " https://a.example/",
        "https://a.example/\n",
        "",
    ],
)
def test_anything_but_a_web_link_is_untouched(payload: str) -> None:
    assert _tag(payload, medium="social", campaign="c", content="d") == payload


def test_scheme_case_does_not_matter() -> None:
    assert _tag("HTTPS://A.example/x") == "HTTPS://A.example/x?utm_source=vk"


def test_utm_url_uses_the_presets_network_and_the_settings() -> None:
    settings = UtmSettings(campaign="launch", content="story")
    tagged = utm_url("https://a.example/", "instagram-story", settings)
    assert tagged == (
        "https://a.example/?utm_source=instagram&utm_medium=social"
        "&utm_campaign=launch&utm_content=story"
    )
    assert utm_url("https://a.example/", "my-banner", settings) == "https://a.example/"


def test_settings_validate_like_every_model_record() -> None:
    data = {"campaign": "spring", "medium": "qr", "content": None}
    assert validate_as(UtmSettings, data, "utm") == UtmSettings(campaign="spring", medium="qr")
    for broken in ({"campaign": ""}, {"source": "vk"}, {"medium": 3}, {"content": "x" * 101}):
        with pytest.raises(FormatError):
            validate_as(UtmSettings, broken, "utm")
