"""Documents: safe uploads, hidden-data checks, text extraction, redaction and PDF rendering.

This package works on bytes, streams, paths and plain dicts only: no Flask request, no database.
Services call it and record the outcome. Import the submodules you need; nothing is loaded here.
"""
