"""Content-addressed file storage outside the web root: ``root/ab/cd/<sha256>``."""

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class StoredFile:
    """A file kept in the store, with its checked type and cleaned name."""

    sha256: str
    size: int
    mime: str
    filename: str


class FileStore:
    """Keep files by the SHA-256 of their content; the same bytes are stored once."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        """Return where the file with this hash lives (it may not exist)."""
        if not _SHA256.match(sha256 or ""):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        """Tell whether the file with this hash is stored."""
        return self.path(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        """Open the stored file for reading in binary mode."""
        return self.path(sha256).open("rb")

    def put_bytes(self, data: bytes) -> str:
        """Store ``data`` and return its SHA-256."""
        sha256 = hashlib.sha256(data).hexdigest()
        if not self.exists(sha256):
            tmp = self.temp_path()
            tmp.write_bytes(data)
            self.commit(tmp, sha256)
        return sha256

    def temp_path(self) -> Path:
        """Return a new empty file in the store's own temp folder (same filesystem)."""
        tmp_dir = self.root / "tmp"
        tmp_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=tmp_dir, prefix="upload-")
        os.close(fd)
        return Path(name)

    def commit(self, tmp: Path, sha256: str) -> Path:
        """Move a finished temp file into place under its hash, atomically."""
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            tmp.unlink(missing_ok=True)
        else:
            os.chmod(tmp, 0o640)
            os.replace(tmp, target)
        return target
