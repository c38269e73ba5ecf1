"""Stamping photos: logos and text marks composited onto a decoded photo (``stamp`` command)."""
