"""Use cases.

Each public function is one transaction: it checks permission, does the work, writes the
event, enqueues e-mail in the outbox and commits, or raises a DomainError.
"""
