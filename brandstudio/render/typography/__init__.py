"""Typography for Russian and English text before it is laid out (issue 16): quotes, dashes,
the ellipsis and no-break spaces, leaving URLs, e-mails, handles, hashtags and keep-words alone.

Imports nothing from the rest of Brandstudio; see docs/design/0013-typography.md.
"""

from __future__ import annotations

from brandstudio.render.typography.engine import LANGUAGES, detect_language, typeset

__all__ = ["LANGUAGES", "detect_language", "typeset"]
