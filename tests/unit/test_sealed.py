"""The encrypted backup format: round trip, wrong passphrase, truncation, tampering."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mzdesk.core.privacy import sealed


@pytest.mark.parametrize("size", [0, 1, sealed.CHUNK, sealed.CHUNK + 1, 2 * sealed.CHUNK + 7])
def test_round_trip(tmp_path: Path, size: int) -> None:
    plain = tmp_path / "plain"
    data = os.urandom(size)
    plain.write_bytes(data)
    sealed.seal_file(plain, tmp_path / "sealed", "korrekt Pferd", log_n=10)
    assert sealed.is_sealed(tmp_path / "sealed")
    sealed.unseal_file(tmp_path / "sealed", tmp_path / "back", "korrekt Pferd")
    assert (tmp_path / "back").read_bytes() == data


def _sealed(tmp_path: Path, data: bytes) -> Path:
    (tmp_path / "plain").write_bytes(data)
    sealed.seal_file(tmp_path / "plain", tmp_path / "sealed", "pass", log_n=10)
    return tmp_path / "sealed"


def test_plaintext_is_not_in_the_file(tmp_path: Path) -> None:
    path = _sealed(tmp_path, b"Qorvendashy " * 1000)
    assert b"Qorvendashy" not in path.read_bytes()


def test_wrong_passphrase_truncation_and_tampering_fail(tmp_path: Path) -> None:
    path = _sealed(tmp_path, os.urandom(sealed.CHUNK + 100))
    with pytest.raises(sealed.SealedError, match="wrong passphrase"):
        sealed.unseal_file(path, tmp_path / "out", "Pass")
    data = path.read_bytes()
    cut = tmp_path / "cut"
    cut.write_bytes(data[: sealed.HEADER_SIZE + sealed.CHUNK + sealed.TAG])  # last chunk dropped
    with pytest.raises(sealed.SealedError):
        sealed.unseal_file(cut, tmp_path / "out", "pass")
    flipped = bytearray(data)
    flipped[sealed.HEADER_SIZE + 10] ^= 1
    (tmp_path / "flipped").write_bytes(bytes(flipped))
    with pytest.raises(sealed.SealedError):
        sealed.unseal_file(tmp_path / "flipped", tmp_path / "out", "pass")
    header = bytearray(data)
    header[12] ^= 1  # the chunk size in the header (associated data of every chunk)
    (tmp_path / "header").write_bytes(bytes(header))
    with pytest.raises(sealed.SealedError):
        sealed.unseal_file(tmp_path / "header", tmp_path / "out", "pass")
    (tmp_path / "other").write_bytes(b"SQLite format 3\x00" + bytes(100))
    assert not sealed.is_sealed(tmp_path / "other")
    with pytest.raises(sealed.SealedError, match="not an encrypted"):
        sealed.unseal_file(tmp_path / "other", tmp_path / "out", "pass")
