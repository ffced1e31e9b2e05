"""Nothing private leaks through any way of reusing the archive (issue #7, item 5)."""

import gzip

import pytest

from foi.services.archive_bulk import archive_export
from tests.archive.seed import SECRETS, build_archive


@pytest.fixture
def archive(app):
    return build_archive()


def _assert_clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"{secret!r} leaked through {where}"


def test_no_secret_reaches_any_public_channel(archive, client, tmp_path):
    first, unpublished = archive.published[0], archive.unpublished
    # Words the secrets share with public text; searching for a secret itself would only find
    # it echoed in the search box (test_secret_words_find_nothing covers that).
    searches = [
        "q=",
        "q=vergi",
        "q=büdcə",
        "q=informasiya",
        "q=siyahısı",
        f"agency={archive.agency.id}",
        "agency=vergi&sort=newest",
    ]
    urls = [
        f"/r/{first.reference}",
        f"/agencies/{archive.agency.slug}",
        f"/api/v1/requests/{first.reference}",
        "/archive/data",
        "/archive/similar?q=vergi+borcu+büdcə",
        "/",
    ]
    for args in searches:
        urls += [
            f"/archive?{args}",
            f"/archive/feed.atom?{args}",
            f"/archive/export.csv?{args}",
            f"/api/v1/requests?{args}",
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_clean(response.get_data(as_text=True), url)

    # The unpublished request exists nowhere in public.
    assert client.get(f"/api/v1/requests/{unpublished.reference}").status_code == 404
    assert client.get(f"/r/{unpublished.reference}").status_code == 404
    for url in (
        "/archive/export.csv",
        "/api/v1/requests",
        "/archive/feed.atom",
        f"/agencies/{archive.agency.slug}",
    ):
        assert unpublished.reference not in client.get(url).get_data(as_text=True), url

    path = archive_export(directory=tmp_path)
    bulk = gzip.decompress(path.read_bytes()).decode("utf-8")
    _assert_clean(bulk, "the bulk file")
    assert unpublished.reference not in bulk
    assert first.reference in bulk


def test_secret_words_find_nothing(archive, client):
    for word in ("XQ-7781", "SIRR-4417", "AZE-99887766", "Nizami"):
        body = client.get(f"/api/v1/requests?q={word}").get_json()
        assert body["total"] == 0, word
        csv_lines = client.get(f"/archive/export.csv?q={word}").get_data(as_text=True)
        assert csv_lines.count("\n") == 1, word  # the header only
