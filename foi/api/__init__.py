"""The public JSON API (read-only): published requests only."""
