"""A released photo is published without where it was taken, by whom, with which camera."""

import html
import io

import pytest
from PIL import Image, ImageOps

from foi.extensions import db
from foi.models import Document
from tests.documents.factories import photo, plain_photo
from tests.documents.test_photos import metadata_left, red_and_blue
from tests.documents_web.helpers import agency_files, answer_with_files, in_english
from tests.documents_web.test_review import people, publish  # noqa: F401 (fixture)
from tests.factories import file_request

pytestmark = pytest.mark.db

FILES = [("JPEG", "site.jpg"), ("PNG", "site.png"), ("TIFF", "site.tif"), ("WEBP", "site.webp")]


def answer_and_publish(people, login, name, data):  # noqa: F811
    req = file_request(people["citizen"], people["agency"])
    client = login(people["officer"])
    assert answer_with_files(client, req, {name: data}).status_code == 302
    in_english(login(people["coordinator"]))
    publish(client, req)
    (doc,) = agency_files(req)
    return client, req, doc


@pytest.mark.parametrize(("fmt", "name"), FILES)
def test_photo_with_gps_is_held_and_the_review_page_says_what_will_be_removed(
    people,  # noqa: F811
    login,
    fmt,
    name,
):
    client, req, doc = answer_and_publish(people, login, name, photo(fmt, orientation=6))
    assert not doc.public
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 404

    page = html.unescape(client.get(f"/documents/files/{doc.id}/review").get_data(as_text=True))
    assert "Found in the picture's metadata" in page
    assert "GPS position (where the photo was taken)" in page and "40.40930, 49.86700" in page
    assert "Camera make, model or serial number" in page and "Canon EOS 5D Mark IV" in page
    assert "Artist, author or owner name" in page and "Leyla Hasanova" in page
    assert "Will be removed on publication:" in page
    assert "Publish without the metadata" in page

    done = client.post(f"/documents/files/{doc.id}/review/release", data={"release-checked": "y"})
    assert done.status_code == 302

    # Anyone, signed out, downloads the archive's copy: no metadata, the picture upright.
    client.post("/logout")
    public = client.get(f"/r/{req.reference}/files/{doc.id}")
    assert public.status_code == 200
    served = public.data
    assert metadata_left(served) == {}
    assert b"Leyla" not in served and b"Canon" not in served
    with (
        Image.open(io.BytesIO(served)) as img,
        Image.open(io.BytesIO(photo(fmt, orientation=6))) as o,
    ):
        seen = ImageOps.exif_transpose(o)
        assert img.format == o.format
        assert img.size == seen.size == (20, 40)
        assert red_and_blue(img) == red_and_blue(seen) == ("?", "top")


def test_the_agency_and_the_requester_keep_the_original(people, login):  # noqa: F811
    original = photo("JPEG")
    client, req, doc = answer_and_publish(people, login, "site.jpg", original)
    client.post(f"/documents/files/{doc.id}/review/release", data={"release-checked": "y"})
    assert client.get(f"/officer/requests/{req.reference}/files/{doc.id}").data == original
    login(people["citizen"])
    assert client.get(f"/my/requests/{req.reference}/files/{doc.id}").data == original
    stored = db.session.get(Document, doc.id)
    assert stored.public_sha256 and stored.public_sha256 != stored.sha256


def test_photo_without_metadata_is_published_at_once_and_still_saved_again(people, login):  # noqa: F811
    original = plain_photo("PNG") + b"trailing bytes nobody sees"
    client, req, doc = answer_and_publish(people, login, "plan.png", original)
    assert doc.public and not doc.held_reason
    served = client.get(f"/r/{req.reference}/files/{doc.id}").data
    assert served != original and b"trailing" not in served
    with Image.open(io.BytesIO(served)) as img:
        assert img.size == (40, 20) and red_and_blue(img) == ("left", "?")


def test_photo_that_cannot_be_saved_again_is_held_not_published(people, login, monkeypatch):  # noqa: F811
    from foi.documents import photos

    def broken(path, mime):
        raise OSError("encoder missing")

    monkeypatch.setattr(photos, "photo_without_metadata", broken)
    client, req, doc = answer_and_publish(people, login, "plan.png", plain_photo("PNG"))
    assert not doc.public and "unanalysable" in doc.held_reason
    assert client.get(f"/r/{req.reference}/files/{doc.id}").status_code == 404
    refused = client.post(
        f"/documents/files/{doc.id}/review/release", data={"release-checked": "y"}
    )
    assert refused.status_code == 422
    assert "could not be saved again without its metadata" in refused.get_data(as_text=True)
    assert not db.session.get(Document, doc.id).public
