"""The brand library on disk."""
