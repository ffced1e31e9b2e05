"""Photos: what a camera wrote into the file is found, and the published copy carries none of it."""

import io

import pytest
from PIL import Image, ImageOps, ImageSequence

from foi.documents.hidden import inspect_hidden
from foi.documents.photos import inspect_photo, photo_without_metadata
from foi.documents.types import JPEG, PNG, TIFF, WEBP

from . import factories as f

FORMATS = [
    ("JPEG", JPEG, "jpg"),
    ("PNG", PNG, "png"),
    ("TIFF", TIFF, "tif"),
    ("WEBP", WEBP, "webp"),
]
PERSONAL = (b"Leyla", b"Hasanova", b"Canon", b"EOS 5D")


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def metadata_left(data: bytes) -> dict:
    """Return everything Pillow reads beside the pixels of ``data``, per kind, empty when none."""
    with Image.open(io.BytesIO(data)) as img:
        exif = img.getexif()
        return {
            key: value
            for key, value in {
                "gps": dict(exif.get_ifd(f.GPS_IFD)),
                "camera": [exif.get(tag) for tag in (f.MAKE, f.MODEL) if exif.get(tag)],
                "artist": exif.get(f.ARTIST),
                "orientation": exif.get(f.ORIENTATION),
                "xmp": img.info.get("xmp") or getattr(img, "tag_v2", {}).get(700),
                "text": getattr(img, "text", {}),
                "findings": inspect_photo(io.BytesIO(data)),
            }.items()
            if value
        }


def red_and_blue(img) -> tuple[str, str]:
    """Say where the red half of the picture is: "left"/"right", "top"/"bottom"."""
    img = img.convert("RGB")
    w, h = img.size

    def red(x, y):
        r, _g, b = img.getpixel((x, y))
        return r > 200 and b < 60

    left, right, top, bottom = w // 4, 3 * w // 4, h // 4, 3 * h // 4
    horizontal = (
        "left"
        if red(left, top) and red(left, bottom)
        else "right"
        if red(right, top) and red(right, bottom)
        else "?"
    )
    vertical = (
        "top"
        if red(left, top) and red(right, top)
        else "bottom"
        if red(left, bottom) and red(right, bottom)
        else "?"
    )
    return horizontal, vertical


@pytest.mark.parametrize(("fmt", "mime", "ext"), FORMATS)
def test_gps_camera_and_artist_are_found_in_every_photo_type(tmp_path, fmt, mime, ext):
    findings = {
        x.code: x.detail for x in inspect_hidden(write(tmp_path, f"p.{ext}", f.photo(fmt)), mime)
    }
    assert findings["gps_position"] == "40.40930, 49.86700"
    assert findings["camera_model"] == "Canon EOS 5D Mark IV"
    assert "Leyla Hasanova" in findings["artist_name"]
    if fmt != "PNG":  # PNG's XMP is an iTXt chunk, reported with the text chunks' kinds
        assert "Leyla Hasanova" in findings["xmp_metadata"]


@pytest.mark.parametrize(("fmt", "mime", "ext"), FORMATS)
def test_clean_copy_has_no_metadata_and_the_same_pixels(tmp_path, fmt, mime, ext):
    original = f.photo(fmt)
    assert metadata_left(original)
    clean = photo_without_metadata(write(tmp_path, f"p.{ext}", original), mime)

    assert metadata_left(clean) == {}
    assert not [word for word in PERSONAL if word in clean]
    with Image.open(io.BytesIO(clean)) as img, Image.open(io.BytesIO(original)) as before:
        assert img.format == before.format
        assert img.size == before.size == (40, 20)
        assert red_and_blue(img) == red_and_blue(before) == ("left", "?")


@pytest.mark.parametrize(("fmt", "mime", "ext"), FORMATS)
def test_orientation_is_applied_to_the_pixels_before_exif_goes(tmp_path, fmt, mime, ext):
    # Orientation 6: the camera was turned; viewers rotate the stored picture 90° clockwise.
    original = f.photo(fmt, orientation=6)
    with Image.open(io.BytesIO(original)) as before:
        seen = ImageOps.exif_transpose(before)
    clean = photo_without_metadata(write(tmp_path, f"p.{ext}", original), mime)
    with Image.open(io.BytesIO(clean)) as img:
        assert img.getexif().get(f.ORIENTATION) is None
        assert img.size == seen.size == (20, 40)
        assert red_and_blue(img) == red_and_blue(seen) == ("?", "top")


def test_photo_without_metadata_is_not_held(tmp_path):
    for fmt, mime, ext in FORMATS:
        assert inspect_hidden(write(tmp_path, f"p.{ext}", f.plain_photo(fmt)), mime) == []


def test_bytes_after_the_picture_and_unknown_segments_are_not_copied(tmp_path):
    # A JPEG with a private APP segment and a ZIP glued after its end: both invisible to a reader.
    data = f.plain_photo("JPEG")
    segment = b"\xff\xeb" + (2 + 15).to_bytes(2, "big") + b"Leyla Hasanova\x00"
    data = data[:2] + segment + data[2:] + b"PK\x03\x04 Leyla Hasanova"
    path = write(tmp_path, "p.jpg", data)
    assert {x.code for x in inspect_photo(path)} == {"other_metadata"}
    assert b"Leyla" not in photo_without_metadata(path, JPEG)


def test_every_page_of_a_scanned_tiff_is_kept(tmp_path):
    pages = [f.photo_pixels(), f.photo_pixels().rotate(180), f.photo_pixels(30, 30)]
    buf = io.BytesIO()
    exif = Image.Exif()
    exif[f.ARTIST] = "Leyla Hasanova"
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], tiffinfo=exif)
    clean = photo_without_metadata(write(tmp_path, "scan.tif", buf.getvalue()), TIFF)
    with Image.open(io.BytesIO(clean)) as img:
        frames = [(p.size, red_and_blue(p)) for p in ImageSequence.Iterator(img)]
    assert frames == [
        ((40, 20), ("left", "?")),
        ((40, 20), ("right", "?")),
        ((30, 30), ("left", "?")),
    ]
    assert b"Leyla" not in clean


def test_transparency_and_colour_profile_are_kept(tmp_path):
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    img = Image.new("RGBA", (8, 8), (255, 0, 0, 0))
    img.paste((0, 0, 255, 255), (0, 0, 4, 8))
    buf = io.BytesIO()
    img.save(buf, "PNG", icc_profile=icc, exif=b"Exif\x00\x00" + Image.Exif().tobytes()[6:])
    clean = photo_without_metadata(write(tmp_path, "p.png", buf.getvalue()), PNG)
    with Image.open(io.BytesIO(clean)) as out:
        assert out.info.get("icc_profile") == icc
        assert out.mode == "RGBA"
        assert out.getpixel((6, 4))[3] == 0 and out.getpixel((1, 4)) == (0, 0, 255, 255)
