"""Tooltips that show untrusted text (file names, layer names, EXIF) exactly as it is."""

from __future__ import annotations

import html


def plain_tip(text: str) -> str:
    """A tooltip showing ``text`` exactly: Qt guesses rich text from what a tooltip holds, so
    text that looks like HTML (a layer name from a stranger's file) is escaped."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
