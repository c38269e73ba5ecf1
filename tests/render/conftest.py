"""Render tests draw only with bundled fonts: a font installed on the machine running them must
not change a pixel (``BRANDSTUDIO_SYSTEM_FONTS=0`` turns system font fallback off)."""

from __future__ import annotations

import os

from brandstudio.render.system_fonts import SYSTEM_FONTS_ENV

os.environ.setdefault(SYSTEM_FONTS_ENV, "0")
