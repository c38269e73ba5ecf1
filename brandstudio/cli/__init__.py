"""The command line: the same engine as the studio, without a window."""
