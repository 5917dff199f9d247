"""Subcommands of the hz-extract command line, one module each."""
