"""Maintainer tools: execute notebooks, rerun them, sweep seeds, build the README table."""
