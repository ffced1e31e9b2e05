"""The upload rejection and its plain-words messages for citizens and officers."""

from flask_babel import lazy_gettext as _

# Every message says what is wrong and what to do. Each is a function of the values so that
# translators see whole sentences and the text is looked up only when it is rendered.
MESSAGES = {
    "too_large": lambda **v: _(
        "The file “%(filename)s” is larger than %(limit)s. Please send a smaller file, "
        "or split it into several parts.",
        **v,
    ),
    "request_too_large": lambda **v: _(
        "Together, your files are larger than %(limit)s. Please remove a file or send "
        "the rest in a second message.",
        **v,
    ),
    "empty": lambda **v: _("The file “%(filename)s” is empty. Please choose the file again.", **v),
    "type_not_allowed": lambda **v: _(
        "The file “%(filename)s” is of a type we cannot accept%(detail)s. Please send a PDF, "
        "an image (PNG, JPEG, GIF, WebP, TIFF), an office document (Word, Excel, "
        "OpenDocument), a CSV or plain-text file, or a ZIP of these.",
        **v,
    ),
    "type_mismatch": lambda **v: _(
        "The file “%(filename)s” looks like more than one kind of file at once%(detail)s, "
        "so we cannot open it safely. Please save it again as an ordinary PDF, image or "
        "document and send that.",
        **v,
    ),
    "corrupt": lambda **v: _(
        "The file “%(filename)s” is damaged or incomplete and cannot be opened%(detail)s. "
        "Please check that it opens on your computer and send it again.",
        **v,
    ),
    "zip_bomb": lambda **v: _(
        "The file “%(filename)s” would unpack to far more data than its size suggests%(detail)s, "
        "so we cannot accept it. Please send the documents themselves, or a smaller set.",
        **v,
    ),
    "nested_archive": lambda **v: _(
        "The ZIP file “%(filename)s” contains another archive (%(detail)s). Please unpack it "
        "and send the documents themselves, or one ZIP holding only documents.",
        **v,
    ),
}


def human_size(n: int) -> str:
    """Return ``n`` bytes as a short human size (25 MB, 512 KB)."""
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= size:
            value = n / size
            whole = value >= 10 or value.is_integer()
            return f"{value:.0f} {unit}" if whole else f"{value:.1f} {unit}"
    return f"{n} B"


class UploadRejected(Exception):
    """An upload that is refused, with a ``code`` for programs and a ``message`` for people."""

    def __init__(
        self, code: str, filename: str = "", *, limit: int | None = None, detail: str = ""
    ) -> None:
        self.code = code
        self.filename = filename
        self.limit = limit
        self.detail = detail
        super().__init__(f"{code}: {filename} {detail}".strip())

    @property
    def message(self):
        """Return the lazily translated message (a ``LazyString``; ``str()`` it to render)."""
        detail = self.detail
        if detail and self.code not in ("nested_archive",):
            detail = f" ({detail})"
        return MESSAGES[self.code](
            filename=self.filename or "?",
            limit=human_size(self.limit) if self.limit is not None else "",
            detail=detail,
        )
