"""Read and check the agency directory CSV (the admin import and the demo data share this parser).

The file is UTF-8 (a byte-order mark is allowed) with a header row. Required columns: ``slug``,
``name_az``, ``name_en``, ``kind``, ``topics``. Optional columns: ``name_ru``, ``description_az``,
``description_en``, ``description_ru``, ``keywords``, ``website``, ``email``, ``notes``. Any
other column is an error, so that a typo in a header is caught rather than silently dropped.
List cells (``topics``, ``keywords``) are separated by semicolons; keywords follow the matching
rules of :mod:`foi.agency_suggest`.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from foi.agency_suggest import AgencyProfile, parse_keyword
from foi.topics import TOPICS, topic_words

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # in typing from Python 3.13

KINDS = ("ministry", "committee", "service", "agency")
REQUIRED_COLUMNS = ("slug", "name_az", "name_en", "kind", "topics")
OPTIONAL_COLUMNS = (
    "name_ru",
    "description_az",
    "description_en",
    "description_ru",
    "keywords",
    "website",
    "email",
    "notes",
)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_EMAIL = re.compile(r"[^@\s;,]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_WEBSITE = re.compile(r"https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/\S*)?")
_MAX_SLUG = 64


class AgencyCsvError(ValueError):
    """A row (or the header) of an agency CSV file is invalid."""

    def __init__(self, line_no: int, message: str) -> None:
        super().__init__(f"line {line_no}: {message}")
        self.line_no = line_no
        self.message = message


@dataclass(frozen=True)
class AgencyRow:
    """One checked row of the agency directory."""

    slug: str
    name_az: str
    name_en: str
    name_ru: str
    kind: str
    description_az: str
    description_en: str
    description_ru: str
    topics: tuple[str, ...]
    keywords: tuple[str, ...]
    website: str
    email: str
    notes: str
    line_no: int

    def name(self, lang: str) -> str:
        """Return the name in ``lang``, falling back to Azerbaijani."""
        return {"en": self.name_en, "ru": self.name_ru}.get(lang) or self.name_az

    def profile(self, agency_id: int) -> AgencyProfile:
        """Return the routing profile of this agency under the database id ``agency_id``."""
        return AgencyProfile(
            agency_id=agency_id,
            name=self.name_az,
            keywords=self.keywords,
            topics=topic_words(self.topics),
        )


def _split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def _check_row(record: dict[str, str], line_no: int, seen: dict[str, int]) -> AgencyRow:
    """Return the checked row or raise AgencyCsvError naming the first problem."""

    def fail(message: str) -> AgencyCsvError:
        slug = record.get("slug", "").strip()
        where = f" (agency '{slug}')" if slug else ""
        return AgencyCsvError(line_no, message + where)

    for column in REQUIRED_COLUMNS:
        if not record.get(column, "").strip():
            raise fail(f"the column '{column}' is empty; it is required")
    slug = record["slug"].strip()
    if not _SLUG.fullmatch(slug) or len(slug) > _MAX_SLUG:
        raise fail(
            f"slug {slug!r} is not valid: use lower-case ASCII letters, digits and single "
            f"hyphens, at most {_MAX_SLUG} characters"
        )
    if slug in seen:
        raise fail(f"duplicate slug {slug!r}, already used on line {seen[slug]}")
    kind = record["kind"].strip()
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")
    topics = _split_list(record["topics"])
    unknown = [code for code in topics if code not in TOPICS]
    if unknown:
        raise fail(f"unknown topic {unknown[0]!r}; known topics are defined in foi/topics.py")
    if not topics:
        raise fail("the column 'topics' lists no topic")
    keywords = _split_list(record.get("keywords", ""))
    for keyword in keywords:
        if "=" in keyword.rstrip("=") or parse_keyword(keyword) is None:
            raise fail(f"keyword {keyword!r} is not valid: write letters, '=' only at the end")
    website = record.get("website", "").strip()
    if website and not _WEBSITE.fullmatch(website):
        raise fail(f"website {website!r} is not an http:// or https:// address")
    email = record.get("email", "").strip()
    if email and not _EMAIL.fullmatch(email):
        raise fail(f"e-mail address {email!r} is not valid")
    return AgencyRow(
        slug=slug,
        name_az=record["name_az"].strip(),
        name_en=record["name_en"].strip(),
        name_ru=record.get("name_ru", "").strip(),
        kind=kind,
        description_az=record.get("description_az", "").strip(),
        description_en=record.get("description_en", "").strip(),
        description_ru=record.get("description_ru", "").strip(),
        topics=tuple(dict.fromkeys(topics)),
        keywords=tuple(dict.fromkeys(keywords)),
        website=website,
        email=email,
        notes=record.get("notes", "").strip(),
        line_no=line_no,
    )


def _check_header(header: list[str]) -> list[str]:
    names = [name.strip() for name in header]
    if len(names) == 1 and ";" in names[0]:
        raise AgencyCsvError(
            1, "the header has one column with ';' in it: save the file as comma-separated CSV"
        )
    if "" in names:
        raise AgencyCsvError(1, f"header cell {names.index('') + 1} is empty")
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
    for name in names:
        if name not in known:
            raise AgencyCsvError(
                1,
                f"unknown column {name!r}; known columns: "
                f"{', '.join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)}",
            )
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise AgencyCsvError(1, f"column {min(duplicates)!r} appears twice")
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        raise AgencyCsvError(1, f"missing required column {missing[0]!r}")
    return names


def _parse(stream: IO[str]) -> list[AgencyRow]:
    reader = csv.reader(stream)
    try:
        header = next(reader, None)
        if header is None:
            raise AgencyCsvError(1, "the file is empty; expected a header row")
        columns = _check_header(header)
        rows: list[AgencyRow] = []
        seen: dict[str, int] = {}
        line_no = reader.line_num
        for cells in reader:
            line_no, start = reader.line_num, line_no + 1
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, often at the end of a hand-edited file
            if len(cells) != len(columns):
                raise AgencyCsvError(
                    start,
                    f"expected {len(columns)} cells, found {len(cells)} "
                    "(check for a missing quote or a stray comma)",
                )
            row = _check_row(dict(zip(columns, cells)), start, seen)
            seen[row.slug] = start
            rows.append(row)
    except csv.Error as exc:
        raise AgencyCsvError(reader.line_num, f"malformed CSV: {exc}") from None
    except UnicodeDecodeError:
        raise AgencyCsvError(
            reader.line_num + 1, "the file is not UTF-8 text; save it as UTF-8 CSV"
        ) from None
    return rows


def load_agencies_csv(stream_or_path: str | os.PathLike | IO[str] | IO[bytes]) -> list[AgencyRow]:
    """Read and check an agency CSV from a path or an open text or binary stream.

    Raises AgencyCsvError with the line number and a readable reason on the first bad row.
    """
    if isinstance(stream_or_path, (str, os.PathLike)):
        with open(stream_or_path, encoding="utf-8-sig", newline="") as stream:
            return _parse(stream)
    given = stream_or_path
    if _is_binary(given):
        text = io.TextIOWrapper(given, encoding="utf-8-sig", newline="")
        try:
            return _parse(text)
        finally:
            text.detach()  # leave the caller's stream open
    return _parse(_strip_bom(given))


def _is_binary(stream: IO[str] | IO[bytes]) -> TypeIs[IO[bytes]]:
    """Whether the stream yields bytes: an upload, or a file opened with "rb"."""
    return isinstance(stream, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(
        stream, "mode", ""
    )


def _strip_bom(stream: IO[str]) -> IO[str]:
    """Return ``stream`` positioned after a leading byte-order mark, if it has one."""
    first = stream.read(1)
    if first == "\ufeff":
        return stream
    return io.StringIO(first + stream.read())
