"""E-mail: an outbox table written inside each use case's transaction, and a sender."""
