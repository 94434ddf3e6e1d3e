"""An encrypted file format for backups: AES-256-GCM in 1 MiB chunks, key from scrypt.

Layout (all integers big-endian)::

    magic   8 bytes  b"MZDSEAL\\x00"
    version 1 byte   1
    log2 N  1 byte   scrypt cost (15: N = 32768), r 1 byte (8), p 1 byte (1)
    chunk   4 bytes  plaintext bytes per chunk (1 MiB)
    salt    16 bytes scrypt salt
    prefix  7 bytes  random nonce prefix
    then chunks: AES-256-GCM(ciphertext + 16-byte tag) of each plaintext chunk

Each chunk's 12-byte nonce is ``prefix + counter (4 bytes) + last flag (1 byte)`` and the
header is its associated data (the STREAM construction): chunks cannot be reordered, dropped
or the file truncated without the decryption failing, and the header cannot be altered.
A wrong passphrase and a damaged file both fail on the first chunk: one error for both.
Memory stays at one chunk whatever the file size.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Protocol

from mzdesk.core.errors import MzdeskError
from mzdesk.core.files import open_private

MAGIC = b"MZDSEAL\x00"
VERSION = 1
CHUNK = 1 << 20
_HEADER = struct.Struct(">8sBBBBI16s7s")
HEADER_SIZE = _HEADER.size
TAG = 16


class Readable(Protocol):
    """What :func:`seal_stream` reads from: ``read(n)`` returns n bytes, fewer only at the end."""

    def read(self, size: int = -1, /) -> bytes: ...


class SealedError(MzdeskError):
    """The file is not sealed, or the passphrase is wrong, or it was damaged."""


@dataclass(frozen=True)
class Header:
    log_n: int
    r: int
    p: int
    chunk: int
    salt: bytes
    prefix: bytes

    def pack(self) -> bytes:
        return _HEADER.pack(
            MAGIC, VERSION, self.log_n, self.r, self.p, self.chunk, self.salt, self.prefix
        )


def is_sealed(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def _key(passphrase: str, header: Header) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not passphrase:
        raise SealedError("the passphrase is empty", german="Die Passphrase ist leer.")
    kdf = Scrypt(salt=header.salt, length=32, n=1 << header.log_n, r=header.r, p=header.p)
    return kdf.derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, counter: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", counter, 1 if last else 0)


def _chunks(handle: Readable, size: int) -> Iterator[tuple[bytes, bool]]:
    """Chunks of ``size`` bytes with a flag for the last one (an empty file: one empty chunk)."""
    current = handle.read(size)
    while True:
        following = handle.read(size)
        yield current, not following
        if not following:
            return
        current = following


def seal_stream(reading: Readable, writing: IO[bytes], passphrase: str, *, log_n: int = 15) -> None:
    """Encrypt everything ``reading`` yields into ``writing``, one chunk at a time: the
    plaintext never touches the disk (a pipe from pg_dump, a database image in memory)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = Header(log_n, 8, 1, CHUNK, os.urandom(16), os.urandom(7))
    packed = header.pack()
    aead = AESGCM(_key(passphrase, header))
    writing.write(packed)
    for counter, (chunk, last) in enumerate(_chunks(reading, header.chunk)):
        writing.write(aead.encrypt(_nonce(header.prefix, counter, last), chunk, packed))
    writing.flush()
    os.fsync(writing.fileno())


def seal_file(source: Path, target: Path, passphrase: str, *, log_n: int = 15) -> None:
    """Encrypt ``source`` into ``target`` (0600; written completely or not at all by the
    caller)."""
    with source.open("rb") as reading, open_private(target) as writing:
        seal_stream(reading, writing, passphrase, log_n=log_n)


def read_header(handle: BinaryIO) -> tuple[Header, bytes]:
    packed = handle.read(HEADER_SIZE)
    if len(packed) != HEADER_SIZE or not packed.startswith(MAGIC):
        raise SealedError(
            "not an encrypted mzdesk file", german="Keine verschlüsselte mzdesk-Datei."
        )
    _magic, version, log_n, r, p, chunk, salt, prefix = _HEADER.unpack(packed)
    if version != VERSION:
        raise SealedError(
            f"encrypted file format {version} is not known to this mzdesk",
            german="Unbekanntes Format der verschlüsselten Datei.",
        )
    if not (10 <= log_n <= 22 and 1 <= r <= 32 and 1 <= p <= 16 and 1024 <= chunk <= 1 << 26):
        raise SealedError(
            "damaged header of an encrypted file",
            german="Der Kopf der verschlüsselten Datei ist beschädigt.",
        )
    return Header(log_n, r, p, chunk, salt, prefix), packed


def unseal_file(source: Path, target: Path, passphrase: str) -> None:
    """Decrypt ``source`` into ``target``; :class:`SealedError` for a wrong passphrase or damage."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    with source.open("rb") as reading:
        header, packed = read_header(reading)
        aead = AESGCM(_key(passphrase, header))
        try:
            with open_private(target) as writing:
                for counter, (chunk, last) in enumerate(_chunks(reading, header.chunk + TAG)):
                    writing.write(aead.decrypt(_nonce(header.prefix, counter, last), chunk, packed))
                writing.flush()
                os.fsync(writing.fileno())
        except InvalidTag:
            raise SealedError(
                f"{source.name}: wrong passphrase, or the file is damaged or incomplete",
                german="Falsche Passphrase, oder die Datei ist beschädigt oder unvollständig.",
            ) from None
