"""Clean the names people give their files, so they are safe to store, show and download."""

import mimetypes
import re
import unicodedata

from .types import ALLOWED

MAX_NAME_CHARS = 120
_RESERVED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def clean_filename(name: str, default: str = "file") -> str:
    """Return ``name`` reduced to a safe base name, keeping letters of every script (ə, ş, ж).

    Directory parts (``../``, ``C:\\``) are dropped, control and format characters (including
    right-to-left overrides that disguise extensions) are removed, characters Windows refuses
    become ``_``, and the result never starts with a dot.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))
    name = _RESERVED.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    stem, ext = split_extension(name)
    if stem.lower() in _WINDOWS_DEVICES:
        stem = f"_{stem}"
    if len(stem) + len(ext) > MAX_NAME_CHARS:
        stem = stem[: MAX_NAME_CHARS - len(ext)].rstrip(" .")
    name = stem + ext
    return name if stem else default + ext


def split_extension(name: str) -> tuple[str, str]:
    """Split ``name`` into stem and extension when the tail looks like a real file extension."""
    match = _EXTENSION.search(name)
    if not match or match.start() == 0:
        return name, ""
    ext = match.group(0)
    known = {e for ft in ALLOWED.values() for e in ft.extensions}
    if ext.lower() in known or mimetypes.guess_type("x" + ext.lower())[0]:
        return name[: match.start()], ext
    return name, ""


def name_for_type(name: str, mime: str) -> str:
    """Return the cleaned ``name`` whose extension matches the detected type ``mime``."""
    name = clean_filename(name)
    filetype = ALLOWED[mime]
    stem, ext = split_extension(name)
    if ext.lower() in filetype.extensions:
        return stem + ext.lower()
    return stem.rstrip(" .") + filetype.extension if stem else "file" + filetype.extension
