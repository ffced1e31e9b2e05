"""The secret key of an instance started without ``FOI_SECRET_KEY`` (``make run``, a laptop).

A key written in the source would sign the sessions of every such instance alike: a cookie
forged once would open the admin pages of any of them exposed by mistake. Instead each
instance makes a random key the first time it starts and keeps it in ``instance/secret_key``
(readable by its owner only), so that sessions and e-mailed links survive a restart.
Production never gets here: it refuses to start without ``FOI_SECRET_KEY``.
"""

import os
import secrets
from pathlib import Path

FILE_NAME = "secret_key"
# Keys that were once public defaults: never good enough for production.
KNOWN_KEYS = frozenset({"dev-only-not-secret", "test-secret"})


def instance_secret_key(instance_dir: str | os.PathLike) -> str:
    """Return the key kept in ``instance_dir``, making it first if there is none.

    Two processes starting at once (gunicorn's workers) agree on one key: each writes its
    candidate to a private temporary file and links it into place, which only one can do.
    """
    folder = Path(instance_dir)
    path = folder / FILE_NAME
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        candidate = folder / f".{FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32) + "\n")
            try:
                os.link(candidate, path)  # fails if another process was first: use theirs
            except FileExistsError:
                pass
        finally:
            candidate.unlink(missing_ok=True)
    key = path.read_text().strip()
    if len(key) < 32:
        raise RuntimeError(f"{path} holds no usable key: delete it to make a new one.")
    return key
