"""OCR tests read real scans with Debian's Tesseract: `make test` installs it (`make ocr`)."""

import pytest

from foi.documents.ocr import ocr_missing


@pytest.fixture
def tesseract():
    """Skip the test, saying why, when this machine has no OCR; `make test` installs it."""
    why = ocr_missing()
    if why:
        pytest.skip(f"OCR is not installed here ({why}); `make ocr` installs it")
