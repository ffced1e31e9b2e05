"""Check ZIP containers before we accept them: bombs, nested archives and what is inside."""

import zipfile
from pathlib import PurePosixPath

from . import sniff
from . import types as t
from .errors import UploadRejected
from .filenames import split_extension
from .policy import UploadPolicy

_RATIO_FLOOR = 2**20  # small entries may compress well without being a bomb


class _Budget:
    """Count declared unpacked bytes across a ZIP and the office files inside it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0


def check_zip(zf: zipfile.ZipFile, filename: str, policy: UploadPolicy, *, plain: bool) -> None:
    """Raise ``UploadRejected`` unless ``zf`` is safe to keep.

    ``plain`` is true for a ZIP archive (every entry must be an allowed document) and false
    for a ZIP-based office file (only the bomb checks apply).
    """
    budget = _Budget(policy.max_unpacked_bytes)
    _check_sizes(zf, filename, policy, budget)
    if plain:
        _check_entries(zf, filename, policy, budget)


def _check_sizes(zf: zipfile.ZipFile, filename: str, policy: UploadPolicy, budget: _Budget) -> None:
    infos = zf.infolist()
    if len(infos) > policy.max_zip_entries:
        raise UploadRejected("zip_bomb", filename, detail=f"{len(infos)} files inside")
    offsets: set[int] = set()
    for info in infos:
        # Entries sharing one block of data are the trick of "overlapping" zip bombs.
        if info.header_offset in offsets:
            raise UploadRejected("zip_bomb", filename, detail="overlapping entries")
        offsets.add(info.header_offset)
        budget.used += info.file_size
        if budget.used > budget.limit:
            raise UploadRejected(
                "zip_bomb", filename, detail=f"more than {budget.limit // 2**20} MB unpacked"
            )
        if info.file_size > _RATIO_FLOOR and info.file_size > policy.max_compression_ratio * max(
            info.compress_size, 1
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise UploadRejected(
                "zip_bomb", filename, detail=f"“{info.filename}” is compressed {ratio} times"
            )


def _check_entries(
    zf: zipfile.ZipFile, filename: str, policy: UploadPolicy, budget: _Budget
) -> None:
    for info in zf.infolist():
        if info.is_dir():
            continue
        inner = info.filename
        path = PurePosixPath(inner.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or ":" in path.parts[0]:
            raise UploadRejected("corrupt", filename, detail=f"unsafe name “{inner}” inside")
        if info.flag_bits & 0x1:
            raise UploadRejected(
                "type_not_allowed", filename, detail="it is protected by a password"
            )
        _, ext = split_extension(path.name)
        try:
            with zf.open(info) as member:
                head = member.read(sniff.HEAD_BYTES)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise UploadRejected("corrupt", filename, detail=f"“{inner}”") from exc
        if sniff.is_archive_head(head) or ext.lower() in t.ARCHIVE_EXTENSIONS:
            if not (
                head.startswith(sniff.ZIP_MAGICS)
                and _inner_office(zf, info, filename, policy, budget)
            ):
                raise UploadRejected("nested_archive", filename, detail=path.name)
            continue
        if not _head_allowed(head, ext):
            what = sniff.describe_refused(head) or "a file of an unknown type"
            raise UploadRejected(
                "type_not_allowed", filename, detail=f"“{path.name}” inside is {what}"
            )


def _inner_office(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, filename: str, policy: UploadPolicy, budget: _Budget
) -> bool:
    """Tell whether an entry is an office document (itself a ZIP), checking it for bombs."""
    try:
        with zf.open(info) as member, zipfile.ZipFile(member) as inner:
            if sniff.sniff_zip(inner) not in t.OFFICE_ZIPS:
                return False
            _check_sizes(inner, filename, policy, budget)
            return True
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        return False


def _head_allowed(head: bytes, ext: str) -> bool:
    """Tell whether the first bytes of an entry belong to an allowed document type."""
    if not head:
        return True
    if sniff.sniff_magic(head):
        return True
    if head.startswith(sniff.OLE_MAGIC):
        return ext.lower() in (".doc", ".xls")
    if sniff.describe_refused(head):
        return False
    return _looks_textual(head)


def _looks_textual(head: bytes) -> bool:
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls * 100 <= len(head)
