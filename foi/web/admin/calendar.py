"""Administrators keep the calendar of extra days off and working days (placeholder)."""
