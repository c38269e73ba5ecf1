"""The Pillow render engine: assets resolved first, then a pure render to an image."""
