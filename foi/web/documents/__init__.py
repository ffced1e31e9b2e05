"""Documents: official PDFs to download, review of held files, redaction, annual reports."""

from flask import Blueprint

bp = Blueprint("documents", __name__, url_prefix="/documents")

# The views register their routes on ``bp``, so they are imported once it exists.
from foi.web.documents import views  # noqa: E402,F401
