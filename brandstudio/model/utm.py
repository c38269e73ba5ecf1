"""UTM tags on QR links: which network a post is for, and the link tagged for it.

A QR code's link says where a visitor came from when it carries ``utm_source`` (the network,
from the preset) and the campaign's own ``utm_medium``, ``utm_campaign`` and ``utm_content``.
Tagging keeps everything else in the link as written: the other query parameters (byte for
byte, in their order), the fragment, and any payload that is not an http(s) link (``tel:``,
``mailto:``, plain text) is left alone. Pure functions, no I/O.
"""

from __future__ import annotations

from typing import Annotated, Final
from urllib.parse import quote, unquote_plus, urlsplit

from pydantic import StringConstraints

from brandstudio.model._record import record

UtmValue = Annotated[str, StringConstraints(min_length=1, max_length=100)]
"""One UTM tag's value as written (1-100 characters); percent-encoded when tagged."""

NETWORKS: Final[dict[str, str]] = {
    "instagram": "instagram",
    "facebook": "facebook",
    "x": "x",
    "linkedin": "linkedin",
    "pinterest": "pinterest",
    "youtube": "youtube",
    "vk": "vk",
    "ok": "ok",
    "telegram": "telegram",
    "tiktok": "tiktok",
}
"""The first word of a preset id (before the first ``-``) -> the ``utm_source`` value."""

UTM_KEYS: Final = ("utm_source", "utm_medium", "utm_campaign", "utm_content")
"""The tags ``tag_url`` sets, in the order it appends them."""


@record
class UtmSettings:
    """What a QR layer adds to its link besides the network (``utm_source``): each tag is
    set when not None, and an existing tag of that name in the link is then replaced."""

    campaign: UtmValue | None = None
    medium: UtmValue | None = "social"
    content: UtmValue | None = None


def network_of(preset_id: str) -> str | None:
    """The ``utm_source`` for posts at ``preset_id`` (``vk-post`` -> ``vk``), or None for a
    preset of no known network."""
    return NETWORKS.get(preset_id.split("-", 1)[0])


def tag_url(
    url: str, *, source: str, medium: str | None, campaign: str | None, content: str | None
) -> str:
    """``url`` with ``utm_source`` and every other tag that is not None set (replacing any
    already there), appended after the query parameters it keeps as written; the fragment
    stays last. Anything but an http(s) link with a host comes back unchanged."""
    if not is_web_link(url):
        return url
    tags = dict(zip(UTM_KEYS, (source, medium, campaign, content), strict=True))
    wanted = {key: value for key, value in tags.items() if value is not None}
    rest, hash_mark, fragment = url.partition("#")
    base, _, query = rest.partition("?")
    kept = [part for part in query.split("&") if part and _key(part) not in wanted]
    added = [f"{key}={quote(value, safe='')}" for key, value in wanted.items()]
    return f"{base}?{'&'.join(kept + added)}{hash_mark}{fragment}"


def utm_url(url: str, preset_id: str, settings: UtmSettings) -> str:
    """``url`` tagged for a post at ``preset_id`` with ``settings``; unchanged when the preset
    is of no known network or ``url`` is not an http(s) link."""
    source = network_of(preset_id)
    if source is None:
        return url
    return tag_url(
        url,
        source=source,
        medium=settings.medium,
        campaign=settings.campaign,
        content=settings.content,
    )


def is_web_link(text: str) -> bool:
    """Whether ``text`` is an http or https link with a host (what a phone opens in a
    browser, and what UTM tags mean anything to), with no space around it."""
    try:
        parts = urlsplit(text)
    except ValueError:  # a malformed host such as "http://[::1"
        return False
    return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc) and text == text.strip()


def _key(parameter: str) -> str:
    return unquote_plus(parameter.partition("=")[0])


def qr_payload(value: str, settings: UtmSettings | None, preset_id: str | None) -> str:
    """What a QR code encodes: ``value`` tagged for the network of ``preset_id`` when the
    layer has UTM ``settings`` (the template's own canvas and unknown sizes: as written)."""
    if settings is None or preset_id is None:
        return value
    return utm_url(value, preset_id, settings)
