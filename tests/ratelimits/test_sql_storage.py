"""The database storage for `limits`: fixed windows, atomic under many writers at once."""

import threading

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from foi.extensions import db


class Clock:
    def __init__(self, t: float = 1_800_000_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


def _storage(clock=None):
    return storage_from_string("foi+sql://", engine=db.engine, clock=clock or Clock())


def test_the_scheme_is_registered_and_counts_a_window(app):
    clock = Clock()
    storage = _storage(clock)
    assert storage.check()
    assert [storage.incr("k", 60) for _ in range(3)] == [1, 2, 3]
    assert storage.get("k") == 3
    assert storage.get_expiry("k") == clock.t + 60


def test_a_new_window_starts_when_the_old_one_has_ended(app):
    clock = Clock()
    storage = _storage(clock)
    storage.incr("k", 60)
    storage.incr("k", 60)
    clock.t += 59
    assert storage.get("k") == 2
    clock.t += 1
    assert storage.get("k") == 0
    assert storage.incr("k", 60) == 1
    assert storage.get_expiry("k") == clock.t + 60


def test_clear_and_reset_forget_counters(app):
    storage = _storage()
    storage.incr("a", 60)
    storage.incr("b", 60, amount=5)
    storage.clear("a")
    assert storage.get("a") == 0 and storage.get("b") == 5
    assert storage.reset() == 1
    assert storage.get("b") == 0


def test_the_fixed_window_strategy_refuses_the_hit_past_the_limit(app):
    limiter = FixedWindowRateLimiter(_storage())
    item = parse("3/hour")
    assert [limiter.hit(item, "reset", "203.0.113.1") for _ in range(5)] == [True] * 3 + [False] * 2
    assert limiter.hit(item, "reset", "203.0.113.2")


def test_many_writers_at_once_lose_no_hit(app):
    storage = _storage()  # each thread takes its own connection from the app's pool
    threads, per_thread = 6, 25
    barrier = threading.Barrier(threads)
    seen: list[int] = []

    def hammer():
        with app.app_context():
            barrier.wait()
            for _ in range(per_thread):
                seen.append(storage.incr("shared", 3600))

    workers = [threading.Thread(target=hammer) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert storage.get("shared") == threads * per_thread
    # Every hit saw its own count: no two writers read the same number.
    assert sorted(seen) == list(range(1, threads * per_thread + 1))
