"""Benchmarks (``make bench``) and what only they use: a settings module and
URLconf adding the load benchmark's yardstick view. Production code never
imports this package (an import-linter contract)."""
