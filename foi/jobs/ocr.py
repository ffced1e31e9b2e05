"""Read a scanned upload with OCR (issue 18): job kind ``ocr``, arguments ``{"document_id": ...}``.

Queued by ``foi.services.ocr.documents_ocr_enqueue`` after an upload commits. Running twice is
harmless: a file no longer waiting is left as it is, and the PDF is stored by its hash. A job
that raises is not run again (foi.jobs.worker): its file is marked "unreadable" first, so that
the uploader is not left looking at "reading" for ever.
"""

import logging

from foi.jobs.kinds import JobRun, job_kind
from foi.services.ocr import document_ocr, document_ocr_failed

log = logging.getLogger("foi.jobs")


@job_kind("ocr")
def ocr_document(run: JobRun) -> dict:
    run.progress("ocr", 0.0)
    document_id = int(run.args["document_id"])
    try:
        result = document_ocr(document_id)
    except Exception:
        document_ocr_failed(document_id)
        raise  # the job fails with the reason, for the administrators' jobs page
    log.info("document %s: OCR %s, %d characters", document_id, result.state, result.chars)
    return {"state": result.state, "chars": result.chars}
