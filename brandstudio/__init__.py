"""Brandstudio: an offline studio for branded social-media images."""

__version__ = "0.1.0"
