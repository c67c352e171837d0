"""Decryption of HWP 5 distribution (배포용) documents: the ViewText/SectionN streams.

The scheme, as published by the hwp-foss group and implemented by hwplib and hwp.js: the stream starts with a
DISTRIBUTE_DOC_DATA record whose 256-byte payload is XOR-masked with an MSVC `rand()` sequence seeded by its first
four bytes; the AES-128 key is 16 bytes at offset 4 + (seed & 0xF) of the unmasked payload, and the rest of the
stream is AES-128-ECB ciphertext of the (usually deflated) record stream.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

HWPTAG_DISTRIBUTE_DOC_DATA = 16 + 12
_PAYLOAD = 256


class DistributionError(ValueError):
    """The ViewText stream does not hold a well-formed distribution header."""


def _msvc_rand(seed: int) -> Iterator[int]:
    state = seed & 0xFFFFFFFF
    while True:
        state = (state * 214013 + 2531011) & 0xFFFFFFFF
        yield (state >> 16) & 0x7FFF


def distribution_key(payload: bytes) -> bytes:
    """The AES key hidden in a DISTRIBUTE_DOC_DATA payload (256 bytes)."""
    if len(payload) < _PAYLOAD:
        raise DistributionError(f"distribution header has {len(payload)} bytes, expected {_PAYLOAD}")
    data = bytearray(payload[:_PAYLOAD])
    rand = _msvc_rand(struct.unpack_from("<I", data, 0)[0])
    mask = 0
    run = 0
    for i in range(_PAYLOAD):
        if run == 0:
            mask = next(rand) & 0xFF
            run = (next(rand) & 0xF) + 1
        if i >= 4:
            data[i] ^= mask
        run -= 1
    offset = 4 + (data[0] & 0xF)
    return bytes(data[offset : offset + 16])


def decrypt_view_text(stream: bytes) -> bytes:
    """The plain (still possibly deflated) record stream of one ViewText section."""
    if len(stream) < 4 + _PAYLOAD:
        raise DistributionError("ViewText stream shorter than its distribution header")
    header = struct.unpack_from("<I", stream, 0)[0]
    tag, size = header & 0x3FF, header >> 20
    if tag != HWPTAG_DISTRIBUTE_DOC_DATA or size != _PAYLOAD:
        raise DistributionError(f"ViewText starts with record tag {tag} size {size}, not DISTRIBUTE_DOC_DATA")
    key = distribution_key(stream[4 : 4 + _PAYLOAD])
    body = stream[4 + _PAYLOAD :]
    body = body[: len(body) - len(body) % 16]
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()
    return decryptor.update(body) + decryptor.finalize()
