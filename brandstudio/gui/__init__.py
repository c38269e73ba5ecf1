"""The studio window (Qt). The only package that imports PySide6."""
