"""A request's life as pure rules: its states and the moves between them (``states``).

Pure like ``foi.law``: no Flask, no SQLAlchemy, no clock, so every rule is unit-tested without
an app or a database. Models, services, views and templates all read the same definitions.
"""
