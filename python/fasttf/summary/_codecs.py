"""Minimal PNG and WAV encoders (what tf.image.encode_png / tf.audio.encode_wav produce)."""

import struct
import zlib

import numpy as np

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_COLOR_TYPE = {1: 0, 2: 4, 3: 2, 4: 6}  # gray, gray+alpha, RGB, RGBA


def _png_chunk(kind, payload):
    crc = zlib.crc32(payload, zlib.crc32(kind)) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def encode_png(image, compression=-1):
    """PNG bytes of a uint8 array of shape [height, width, channels], channels in 1..4.

    Every row uses filter type 0 (none); zlib at its default level, like encode_png(-1)."""
    image = np.asarray(image)
    if image.dtype != np.uint8 or image.ndim != 3:
        raise ValueError(
            f"[encode_png] expected a uint8 [h, w, c] array, got {image.dtype} {image.shape}"
        )
    height, width, channels = image.shape
    if channels not in _PNG_COLOR_TYPE:
        raise ValueError(f"[encode_png] channels must be 1, 2, 3 or 4, got {channels}")
    if height == 0 or width == 0 or height >= 2**31 or width >= 2**31:
        raise ValueError(
            f"[encode_png] image size must be positive and < 2^31, got {height}x{width}"
        )
    rows = np.zeros((height, width * channels + 1), dtype=np.uint8)  # column 0: filter byte
    rows[:, 1:] = image.reshape(height, width * channels)
    header = struct.pack(">IIBBBBB", width, height, 8, _PNG_COLOR_TYPE[channels], 0, 0, 0)
    return (
        _PNG_SIGNATURE
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), compression))
        + _png_chunk(b"IEND", b"")
    )


def encode_wav(audio, sample_rate):
    """16-bit PCM WAV bytes of a float array [frames, channels] in [-1, 1] (TF scales by 2^15,
    rounds and clamps to int16, as tf.audio.encode_wav does)."""
    audio = np.asarray(audio, dtype=np.float32)
    _, channels = audio.shape
    samples = np.clip(np.round(audio * np.float32(32768.0)), -32768, 32767)
    samples = np.nan_to_num(samples).astype("<i2")
    data = samples.tobytes()
    block_align = channels * 2
    fmt = struct.pack(
        "<HHIIHH", 1, channels, sample_rate, sample_rate * block_align, block_align, 16
    )
    return (
        b"RIFF"
        + struct.pack("<I", 36 + len(data))
        + b"WAVE"
        + b"fmt "
        + struct.pack("<I", len(fmt))
        + fmt
        + b"data"
        + struct.pack("<I", len(data))
        + data
    )
