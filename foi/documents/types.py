"""The file types we accept, named once: MIME type, canonical extension, accepted extensions."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FileType:
    """One allowed kind of file."""

    mime: str
    extension: str
    aliases: tuple[str, ...] = ()
    label: str = ""

    @property
    def extensions(self) -> tuple[str, ...]:
        return (self.extension, *self.aliases)


PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
TIFF = "image/tiff"
DOC = "application/msword"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLS = "application/vnd.ms-excel"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
CSV = "text/csv"
TEXT = "text/plain"
ZIP = "application/zip"

ALLOWED: dict[str, FileType] = {
    t.mime: t
    for t in (
        FileType(PDF, ".pdf", label="PDF"),
        FileType(PNG, ".png", label="PNG image"),
        FileType(JPEG, ".jpg", (".jpeg", ".jpe"), label="JPEG image"),
        FileType(GIF, ".gif", label="GIF image"),
        FileType(WEBP, ".webp", label="WebP image"),
        FileType(TIFF, ".tif", (".tiff",), label="TIFF image"),
        FileType(DOC, ".doc", label="Word 97-2003 document"),
        FileType(DOCX, ".docx", label="Word document"),
        FileType(XLS, ".xls", label="Excel 97-2003 workbook"),
        FileType(XLSX, ".xlsx", label="Excel workbook"),
        FileType(ODT, ".odt", label="OpenDocument text"),
        FileType(ODS, ".ods", label="OpenDocument spreadsheet"),
        FileType(CSV, ".csv", (".tsv",), label="CSV table"),
        FileType(TEXT, ".txt", (".text", ".log", ".md"), label="plain text"),
        FileType(ZIP, ".zip", label="ZIP archive"),
    )
}

ZIP_BASED = frozenset({DOCX, XLSX, ODT, ODS, ZIP})
OFFICE_ZIPS = frozenset({DOCX, XLSX, ODT, ODS})
TEXTUAL = frozenset({CSV, TEXT})

# Extensions of archive formats: inside a ZIP these are "nested archives", never accepted.
ARCHIVE_EXTENSIONS = frozenset(
    {
        ".zip",
        ".rar",
        ".7z",
        ".tar",
        ".gz",
        ".tgz",
        ".bz2",
        ".tbz2",
        ".xz",
        ".txz",
        ".zst",
        ".lz",
        ".lzma",
        ".z",
        ".cab",
        ".arj",
        ".lzh",
        ".iso",
        ".jar",
        ".war",
        ".apk",
        ".ace",
    }
)
