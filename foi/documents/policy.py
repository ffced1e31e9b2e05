"""Limits for uploads, in one small value object that configuration can build."""

from dataclasses import dataclass


@dataclass(frozen=True)
class UploadPolicy:
    """How much and what we accept; every limit can be set from configuration."""

    max_file_bytes: int = 25 * 2**20
    max_request_bytes: int = 100 * 2**20
    # A ZIP (or ZIP-based office file) may not unpack to more than this in total ...
    max_unpacked_bytes: int = 512 * 2**20
    # ... nor hold an entry larger than 1 MB that is compressed more than this many times.
    max_compression_ratio: int = 100
    max_zip_entries: int = 10_000
    max_pdf_pages: int = 5_000
    chunk_bytes: int = 2**16
