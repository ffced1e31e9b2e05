"""Scheduled work: idempotent sweeps run by one scheduler process."""
