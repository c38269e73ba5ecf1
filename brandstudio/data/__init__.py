"""Data files shipped inside the package (network presets)."""
