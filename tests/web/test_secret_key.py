"""An instance started without FOI_SECRET_KEY signs with its own random key; production refuses."""

import multiprocessing
import stat

import pytest
from itsdangerous import BadSignature

from foi import create_app
from foi.secret_key import instance_secret_key


def _app(tmp_path, database_url, name="development", **config):
    return create_app(
        name, SQLALCHEMY_DATABASE_URI=database_url, INSTANCE_DIR=str(tmp_path), **config
    )


def test_a_development_instance_makes_a_private_random_key_once_and_keeps_it(
    tmp_path, database_url, monkeypatch
):
    monkeypatch.delenv("FOI_SECRET_KEY", raising=False)
    first = _app(tmp_path, database_url, SECRET_KEY="")
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert first.config["SECRET_KEY"] == key_file.read_text().strip()
    assert len(first.config["SECRET_KEY"]) >= 64
    # Restarted, it signs with the same key: sessions and e-mailed links survive.
    assert (
        _app(tmp_path, database_url, SECRET_KEY="").config["SECRET_KEY"]
        == first.config["SECRET_KEY"]
    )
    # Another instance has another key: a cookie signed for one is worthless on the other.
    other = _app(tmp_path / "other", database_url, SECRET_KEY="")
    assert other.config["SECRET_KEY"] != first.config["SECRET_KEY"]


def test_a_cookie_signed_by_another_development_instance_is_refused(tmp_path, database_url):
    mine = _app(tmp_path / "mine", database_url, SECRET_KEY="")
    theirs = _app(tmp_path / "theirs", database_url, SECRET_KEY="")
    forged = theirs.session_interface.get_signing_serializer(theirs).dumps({"_user_id": "1"})
    with pytest.raises(BadSignature):
        mine.session_interface.get_signing_serializer(mine).loads(forged)


def _key_in(folder, results):
    results.put(instance_secret_key(folder))


def test_workers_starting_at_once_agree_on_one_key(tmp_path):
    results = multiprocessing.get_context("spawn").Queue()
    workers = [
        multiprocessing.get_context("spawn").Process(target=_key_in, args=(tmp_path, results))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    keys = {results.get(timeout=60) for _ in workers}
    for worker in workers:
        worker.join()
    assert len(keys) == 1 and keys == {(tmp_path / "secret_key").read_text().strip()}
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]  # no leftovers


@pytest.mark.parametrize("key", ["", "dev-only-not-secret", "test-secret"])
def test_production_refuses_to_start_without_a_real_secret_key(tmp_path, database_url, key):
    with pytest.raises(RuntimeError, match="FOI_SECRET_KEY"):
        _app(tmp_path, database_url, "production", SECRET_KEY=key)
    assert not (tmp_path / "secret_key").exists()  # and never makes one of its own


def test_production_starts_with_the_key_it_is_given(tmp_path, database_url):
    app = _app(tmp_path, database_url, "production", SECRET_KEY="k" * 64)
    assert app.config["SECRET_KEY"] == "k" * 64
