"""Benchmarks: ``make bench`` runs ``python -m benchmarks`` (never part of ``make test``)."""
