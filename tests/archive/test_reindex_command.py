"""``flask foi reindex`` rebuilds the archive's index from what is published, and only that."""

from foi.extensions import db
from foi.models import Document
from foi.models.document import FROM_AGENCY, FROM_REQUESTER
from foi.search import SearchQuery, get_backend
from foi.services.archive import archive_search
from foi.services.search_index import published_documents, search_document
from tests.archive.seed import SECRET_UNPUBLISHED, build_archive


def _file(req, source, public, text):
    db.session.add(
        Document(
            request_id=req.id,
            source=source,
            sha256="0" * 64,
            filename="fayl.txt",
            mime="text/plain",
            size=len(text),
            public=public,
            text=text,
        )
    )


def test_reindex_command_indexes_published_text_and_released_files_only(app):
    archive = build_archive()
    budget = archive.published[1]
    # A backslash stays itself (the texts are read as their bytes: no escapes).
    _file(budget, FROM_AGENCY, True, "Əlavə cədvəl: kanalizasiya xərcləri, C:\\hesabat")
    _file(budget, FROM_AGENCY, False, "Saxlanılan fayl: gizlixərc")
    _file(budget, FROM_REQUESTER, False, "Vətəndaşın əlavəsi: şəxsiyyətvəsiqəsi")
    db.session.commit()
    # What a full re-index reads is what publishing one request indexes.
    expected = {r.id: search_document(r) for r in archive.published}
    assert {d.request_id: d.decoded() for d in published_documents(batch_size=2)} == expected

    result = app.test_cli_runner().invoke(args=["foi", "reindex"])
    assert result.exit_code == 0, result.output
    assert "Building and merging the index" in result.output  # the long last step is named
    assert "3 requests indexed." in result.output

    def found(q):
        results, _ = archive_search(SearchQuery(q=q))
        return [h.request_id for h in results.hits]

    assert found("kanalizasiya") == [budget.id]
    assert found("gizlixərc") == []
    assert found("şəxsiyyətvəsiqəsi") == []
    assert found('"büdcə kəsiri"') == []  # the unpublished answer
    assert SECRET_UNPUBLISHED not in str(expected)
    assert set(found("informasiya")) == {archive.published[1].id, archive.published[2].id}


def test_reindex_can_be_handed_to_the_task_queue(app):
    from foi.jobs.worker import run_job
    from foi.models import Job

    archive = build_archive()
    with db.engine.begin() as conn:
        get_backend(conn).reindex(conn, [])  # emptied: nothing is found until the job runs
    result = app.test_cli_runner().invoke(args=["foi", "reindex", "--queue"])
    assert result.exit_code == 0, result.output
    job = db.session.scalars(db.select(Job)).one()
    assert f"Queued as job {job.id}" in result.output
    assert archive_search(SearchQuery(q="informasiya"))[0].hits == []
    # End this session's read: the job re-indexes in its own session, and PostgreSQL's TRUNCATE
    # waits for every open transaction that read the index.
    db.session.rollback()
    assert run_job(app, job.id)
    found = {h.request_id for h in archive_search(SearchQuery(q="informasiya"))[0].hits}
    assert found == {archive.published[1].id, archive.published[2].id}
