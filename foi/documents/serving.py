"""Headers for serving a stored file: always a download, never run or shown by the browser."""

from urllib.parse import quote

from . import types as t

# Types a browser could render or execute are served as opaque bytes or plain text.
_SAFE_INLINE_MIME = {t.TEXT: "text/plain; charset=utf-8", t.CSV: "text/csv; charset=utf-8"}


def download_headers(filename: str, mime: str) -> dict[str, str]:
    """Return the HTTP headers to send a stored file as an attachment with a safe type."""
    content_type = _SAFE_INLINE_MIME.get(mime) or (
        mime if mime in t.ALLOWED else "application/octet-stream"
    )
    ascii_name = (
        "".join(ch if 32 <= ord(ch) < 127 and ch not in '"\\;' else "_" for ch in filename)
        or "file"
    )
    return {
        "Content-Type": content_type,
        "Content-Disposition": f'attachment; filename="{ascii_name}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-transform",
    }
