"""Bulk work: worker processes, resumable output folders, reports; stamp and data merge."""
