"""The kit file: a plain header, then the payload sealed with AES-256-GCM.

Layout (big-endian), 96 bytes of header, all of it authenticated as AAD::

    magic      6  b"MZKIT\\x1a"
    format     2  file format version (FORMAT_VERSION)
    kind       1  1 = export (office → laptop), 2 = return (laptop → office)
    kit id    16  UUID of this file (a return gets a new one each time)
    source    16  installation that wrote the file
    home      16  the office installation the kit belongs to
    log2 n     1  scrypt cost; r, p: 1 byte each
    salt      16
    nonce     12
    length     8  bytes of ciphertext that follow (tag included)

The key is scrypt(passphrase, salt). The header can be read without the passphrase (to refuse a
kit of another database early); changing any byte of it, or of the ciphertext, fails the tag.
"""

from __future__ import annotations

import os
import struct
import uuid
from dataclasses import dataclass
from enum import IntEnum

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from mzdesk.core.kits.errors import KitDamaged, KitTooNew

MAGIC = b"MZKIT\x1a"
FORMAT_VERSION = 1
_HEADER = struct.Struct(">6sHB16s16s16sBBB16s12sQ")
HEADER_SIZE = _HEADER.size
TAG_SIZE = 16
DEFAULT_LOG_N = 17  # 128 MiB, ~0.25 s here: OWASP's scrypt minimum for passwords
MIN_LOG_N = 10  # tests use cheap keys; a real kit never goes below the default
MAX_LOG_N = 20
SCRYPT_R = 8
SCRYPT_P = 1


class KitKind(IntEnum):
    EXPORT = 1
    RETURN = 2


@dataclass(frozen=True)
class KitHeader:
    kind: KitKind
    kit_id: uuid.UUID
    source: uuid.UUID
    home: uuid.UUID
    format_version: int = FORMAT_VERSION
    log_n: int = DEFAULT_LOG_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    salt: bytes = b""
    nonce: bytes = b""
    length: int = 0

    def pack(self) -> bytes:
        return _HEADER.pack(
            MAGIC,
            self.format_version,
            int(self.kind),
            self.kit_id.bytes,
            self.source.bytes,
            self.home.bytes,
            self.log_n,
            self.r,
            self.p,
            self.salt,
            self.nonce,
            self.length,
        )


def installation_uuid(installation_id: str) -> uuid.UUID:
    """An installation id (a UUID in text) as the 16 bytes the header carries."""
    try:
        return uuid.UUID(installation_id)
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"mzdesk-installation:{installation_id}")


def _key(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**log_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(
    plaintext: bytes,
    passphrase: str,
    *,
    kind: KitKind,
    kit_id: uuid.UUID,
    source: uuid.UUID,
    home: uuid.UUID,
    log_n: int = DEFAULT_LOG_N,
) -> bytes:
    if not passphrase:
        raise KitDamaged("the passphrase is empty", german="Die Passphrase ist leer.")
    if not MIN_LOG_N <= log_n <= MAX_LOG_N:
        raise ValueError(f"scrypt cost 2**{log_n} outside 2**{MIN_LOG_N}..2**{MAX_LOG_N}")
    header = KitHeader(
        kind=kind,
        kit_id=kit_id,
        source=source,
        home=home,
        log_n=log_n,
        salt=os.urandom(16),
        nonce=os.urandom(12),
        length=len(plaintext) + TAG_SIZE,
    )
    packed = header.pack()
    key = _key(passphrase, header.salt, header.log_n, header.r, header.p)
    return packed + AESGCM(key).encrypt(header.nonce, plaintext, packed)


def read_header(data: bytes) -> KitHeader:
    """The header, checked for what can be checked without the passphrase."""
    if len(data) < len(MAGIC) or data[: len(MAGIC)] != MAGIC:
        raise KitDamaged(
            "not an mzdesk event kit (unknown file type)",
            german="Das ist keine mzdesk-Veranstaltungsmappe (unbekannter Dateityp).",
        )
    if len(data) < HEADER_SIZE:
        raise KitDamaged(
            f"the kit file is truncated ({len(data)} bytes, the header alone has {HEADER_SIZE})",
            german="Die Mappen-Datei ist unvollständig (abgeschnitten).",
        )
    fields = _HEADER.unpack_from(data)
    (_magic, version, kind, kit_id, source, home, log_n, r, p, salt, nonce, length) = fields
    if version > FORMAT_VERSION:
        raise KitTooNew(
            f"the kit was written by a newer mzdesk (file format {version}, this one reads "
            f"{FORMAT_VERSION}); update mzdesk",
            german="Die Mappe stammt von einer neueren mzdesk-Version. Bitte mzdesk aktualisieren.",
        )
    if version < 1 or kind not in (1, 2) or not MIN_LOG_N <= log_n <= MAX_LOG_N or r < 1 or p < 1:
        raise KitDamaged(
            "the kit file is damaged (invalid header)",
            german="Die Mappen-Datei ist beschädigt (ungültiger Kopf).",
        )
    actual = len(data) - HEADER_SIZE
    if actual < length:
        raise KitDamaged(
            f"the kit file is truncated ({actual} of {length} bytes after the header)",
            german="Die Mappen-Datei ist unvollständig (abgeschnitten).",
        )
    if actual > length:
        raise KitDamaged(
            f"the kit file is damaged ({actual - length} unexpected bytes at the end)",
            german="Die Mappen-Datei ist beschädigt (unerwartete Daten am Ende).",
        )
    return KitHeader(
        kind=KitKind(kind),
        kit_id=uuid.UUID(bytes=kit_id),
        source=uuid.UUID(bytes=source),
        home=uuid.UUID(bytes=home),
        format_version=version,
        log_n=log_n,
        r=r,
        p=p,
        salt=salt,
        nonce=nonce,
        length=length,
    )


def unseal(data: bytes, passphrase: str) -> tuple[KitHeader, bytes]:
    """The header and the plaintext; wrong passphrase or any changed byte: :class:`KitDamaged`."""
    header = read_header(data)
    key = _key(passphrase, header.salt, header.log_n, header.r, header.p)
    try:
        plaintext = AESGCM(key).decrypt(header.nonce, data[HEADER_SIZE:], data[:HEADER_SIZE])
    except InvalidTag:
        raise KitDamaged(
            "the kit cannot be decrypted: wrong passphrase, or the file was changed or damaged",
            german="Die Mappe lässt sich nicht entschlüsseln: falsche Passphrase, oder die "
            "Datei wurde verändert oder ist beschädigt.",
        ) from None
    return header, plaintext
