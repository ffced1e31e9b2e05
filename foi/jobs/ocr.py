"""Read a scanned upload with OCR (issue 18): job kind ``ocr``, arguments ``{"document_id": ...}``.

Queued by ``foi.services.ocr.documents_ocr_enqueue`` after an upload commits. Running twice is
harmless: a file no longer waiting is left as it is, and the PDF is stored by its hash.
"""

import logging

from foi.jobs.kinds import JobRun, job_kind
from foi.services.ocr import document_ocr

log = logging.getLogger("foi.jobs")


@job_kind("ocr")
def ocr_document(run: JobRun) -> dict:
    run.progress("ocr", 0.0)
    document_id = int(run.args["document_id"])
    result = document_ocr(document_id)
    log.info("document %s: OCR %s, %d characters", document_id, result.state, result.chars)
    return {"state": result.state, "chars": result.chars}
