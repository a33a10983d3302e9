"""Data sets for the book, and the two reshaping helpers every chapter needs.

Convention used everywhere in nnlib: **examples are columns**.  A data set of
``m`` examples with ``n_x`` features is an array ``X`` of shape ``(n_x, m)``;
example ``i`` is the column ``X[:, i]``.  Targets are ``Y`` of shape ``(1, m)``
for a single output (or ``(C, m)`` one-hot columns for ``C`` classes).

MNIST is read from the four original IDX files (LeCun et al.), each checked
against its MD5 (of the decompressed bytes) before a pixel is used.
"""

import gzip
import hashlib
import os
import struct
import urllib.request
import zlib
from pathlib import Path

import numpy as np

from . import _validate as v

MNIST_FILES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}

# MD5 of the decompressed IDX files.
MNIST_MD5 = {
    "train-images-idx3-ubyte": "6bbc9ace898e44ae57da46a324031adb",
    "train-labels-idx1-ubyte": "a25bea736e30d166cdddb491f175f624",
    "t10k-images-idx3-ubyte": "2646ac647ad5339dbf082846283269ea",
    "t10k-labels-idx1-ubyte": "27ae3e4e09519cfbb04c329615203637",
}

MNIST_MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)

DOWNLOAD_TIMEOUT = 10  # seconds per network operation

# IDX type codes (third byte of the magic number); all values are big-endian.
_IDX_DTYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


class CorruptFileError(ValueError):
    """A data file exists but is damaged: bad gzip, wrong checksum or bad IDX header."""


class MNISTNotFoundError(FileNotFoundError):
    """The MNIST files are neither on disk nor downloadable."""


# --- IDX parsing -----------------------------------------------------------

def _gunzip(raw, name):
    """Decompress gzip bytes, turning every failure into a CorruptFileError."""
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as err:
        raise CorruptFileError(f"{name}: not a valid gzip file ({err}); "
                               "it is probably truncated - delete it and try again") from err


def _read_bytes(path):
    """Raw (decompressed) content of a file; ``.gz`` files are gunzipped."""
    raw = Path(path).read_bytes()
    return _gunzip(raw, str(path)) if str(path).endswith(".gz") else raw


def read_idx(path_or_bytes, name=None):
    """Parse an IDX file and return its contents as a NumPy array.

    The IDX format is a 4-byte magic number ``0, 0, type, ndim``, then
    ``ndim`` big-endian uint32 dimension sizes, then the values in C order.
    ``path_or_bytes`` is a path (``.gz`` is decompressed) or raw (maybe gzip)
    bytes; ``name`` is for error messages. A header that does not match the
    payload length raises :class:`CorruptFileError` naming the file.
    """
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        raw = bytes(path_or_bytes)
        name = name or "<IDX bytes>"
        if raw[:2] == b"\x1f\x8b":
            raw = _gunzip(raw, name)
    else:
        name = name or str(path_or_bytes)
        raw = _read_bytes(path_or_bytes)

    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in _IDX_DTYPES:
        raise CorruptFileError(f"{name}: not an IDX file (bad magic number {raw[:4].hex()!r})")
    dtype, ndim, header_len = np.dtype(_IDX_DTYPES[raw[2]]), raw[3], 4 + 4 * raw[3]
    if len(raw) < header_len:
        raise CorruptFileError(f"{name}: IDX header truncated")
    shape = struct.unpack(f">{ndim}I", raw[4:header_len])
    expected, actual = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize, len(raw) - header_len
    if actual != expected:
        raise CorruptFileError(f"{name}: IDX header promises shape {shape} = {expected} bytes "
                               f"of data but the file holds {actual} bytes (truncated?)")
    data = np.frombuffer(raw, dtype=dtype, offset=header_len).reshape(shape)
    return data.astype(dtype.newbyteorder("="))  # native byte order, writable copy


def _read_checked(path, md5):
    """Read an IDX file after checking the MD5 of its decompressed bytes."""
    raw = _read_bytes(path)
    digest = hashlib.md5(raw, usedforsecurity=False).hexdigest()
    if md5 is not None and digest != md5:
        raise CorruptFileError(f"{path}: checksum mismatch (MD5 {digest}, expected {md5}); "
                               "the file is damaged or not the original - delete it and retry")
    return read_idx(raw, name=str(path))


# --- Finding and downloading MNIST -----------------------------------------

def cache_dir():
    """``$XDG_CACHE_HOME/nnlib/mnist``, or ``~/.cache/nnlib/mnist``."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "nnlib" / "mnist"


def _search_dirs(data_dir):
    """The directories to look in, in order, each with a description."""
    env = os.environ.get("NNLIB_DATA")
    dirs = [(data_dir, "data_dir argument"), (env, "$NNLIB_DATA"), (cache_dir(), "cache")]
    return [(Path(d), why) for d, why in dirs if d]


def _find(filename, dirs):
    """First existing ``filename`` or ``filename.gz`` in ``dirs``, else None."""
    for directory, _ in dirs:
        for candidate in (directory / filename, directory / (filename + ".gz")):
            if candidate.is_file():
                return candidate
    return None


def _fetch(url, timeout=DOWNLOAD_TIMEOUT):
    """Download ``url`` and return its bytes (separate so tests can replace it)."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def _download(filename, dest_dir, failures):
    """Try every mirror for ``filename.gz``; keep it (renamed from a temporary name)
    only once its checksum is right. Returns its path, or None: see ``failures``."""
    for mirror in MNIST_MIRRORS:
        url = mirror + filename + ".gz"
        try:
            raw = _fetch(url)
            digest = hashlib.md5(_gunzip(raw, url), usedforsecurity=False).hexdigest()
            if digest != MNIST_MD5[filename]:
                raise CorruptFileError(f"checksum mismatch (MD5 {digest})")
        except Exception as err:  # network errors, HTTP errors, bad data: try the next mirror
            failures.append((url, f"{type(err).__name__}: {err}"))
            continue
        dest_dir.mkdir(parents=True, exist_ok=True)
        target = dest_dir / (filename + ".gz")
        tmp = target.with_name(target.name + ".part")
        tmp.write_bytes(raw)
        os.replace(tmp, target)
        return target
    return None


def _not_found_message(missing, dirs, download, failures):
    lines = ["Could not find the MNIST file(s): " + ", ".join(f"{f}[.gz]" for f in missing),
             "Looked in:"] + [f"  {directory}  ({why})" for directory, why in dirs]
    if not download:
        lines.append("Downloading was disabled (download=False).")
    elif failures:
        lines += ["Download failed from:"] + [f"  {url}: {reason}" for url, reason in failures]
    lines.append("To work offline, put the four MNIST files (plain or .gz) in a folder and "
                 "call load_mnist(data_dir='/path/to/mnist') or set NNLIB_DATA=/path/to/mnist.")
    return "\n".join(lines)


def load_mnist(data_dir=None, dtype=np.float32, download=True):
    """Load MNIST as column matrices: ``(X_train, y_train), (X_test, y_test)``.

    ``X_train`` has shape ``(784, 60000)``: each column is one 28x28 image
    flattened row by row, scaled to ``[0, 1]`` (pixel / 255) in ``dtype``.
    ``y_train`` has shape ``(60000,)``, int64 labels 0-9; the test set has
    10,000 examples.  Use :func:`one_hot` to turn labels into ``(10, m)`` targets.

    Each file is looked for (plain or ``.gz``) in ``data_dir``, then
    ``$NNLIB_DATA``, then the cache directory (see :func:`cache_dir`).  Files
    found nowhere are downloaded into the cache when ``download`` is true.
    Every file's MD5 is verified, so damaged files raise
    :class:`CorruptFileError`; missing ones raise :class:`MNISTNotFoundError`.
    """
    dtype = v.dtype_arg(dtype)
    v.flag(download, "download")
    if data_dir is not None and not isinstance(data_dir, (str, os.PathLike)):
        raise TypeError(f"data_dir must be a folder path or None, got {data_dir!r}")
    dirs = _search_dirs(data_dir)
    paths, missing, failures = {}, [], []
    for key, filename in MNIST_FILES.items():
        path = _find(filename, dirs)
        if path is None and download and not missing:  # after one failure, stop trying
            path = _download(filename, cache_dir(), failures)
        if path is None:
            missing.append(filename)
        paths[key] = path
    if missing:
        raise MNISTNotFoundError(_not_found_message(missing, dirs, download, failures))

    arrays = {key: _read_checked(path, MNIST_MD5.get(MNIST_FILES[key]))
              for key, path in paths.items()}
    result = []
    for split in ("train", "test"):
        images, labels = arrays[split + "_images"], arrays[split + "_labels"]
        if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
            raise CorruptFileError(f"{paths[split + '_images']} / {paths[split + '_labels']}: "
                                   f"images {images.shape} and labels {labels.shape} do not match")
        X = flatten(images).astype(dtype, order="C") / np.asarray(255, dtype=dtype)
        result.append((X, labels.astype(np.int64)))
    return tuple(result)


# --- Small data sets -------------------------------------------------------

def make_flower(m=400, noise=0.2, seed=1):
    """The planar "flower": two classes of interleaved petals, not linearly separable.

    For class ``j`` in {0, 1} we take ``m/2`` angles
    ``t = linspace(3.12 j, 3.12 (j+1)) + noise * randn`` and radii
    ``r = 4 sin(4t) + noise * randn``; the points are ``(r sin t, r cos t)``.
    Returns ``X`` of shape ``(2, m)`` and ``Y`` of shape ``(1, m)`` (ints 0/1).
    """
    m = v.integer(m, "m", minimum=2, maximum=10**7)
    noise = v.number(noise, "noise", low=0, high=100)
    rng = np.random.default_rng(v.seed(seed))
    X = np.zeros((2, m))
    Y = np.zeros((1, m), dtype=np.int64)
    sizes = (m // 2, m - m // 2)
    start = 0
    for j, n in enumerate(sizes):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + noise * rng.standard_normal(n)
        r = 4 * np.sin(4 * t) + noise * rng.standard_normal(n)
        X[:, start:start + n] = np.vstack([r * np.sin(t), r * np.cos(t)])
        Y[0, start:start + n] = j
        start += n
    return X, Y


STUDY_HOURS_COLUMNS = ("Study Hrs", "Sleep Hrs", "Quiz", "Exam")
STUDY_HOURS = (
    (12, 6, 78, 93),
    (22, 6.5, 24, 68),
    (115, 4, 100, 95),
    (31, 9, 67, 75),
    (0, 10, 58, 51),
    (5, 8, 78, 60),
    (92, 6, 82, 89),
    (57, 8, 91, 97),
)


def load_study_hours():
    """The notes' table of 8 students as columns.

    Returns ``X`` of shape ``(3, 8)`` - rows are study hours, sleep hours and
    the quiz score as a fraction - and ``Y`` of shape ``(1, 8)``, the exam
    score as a fraction.  The raw table is ``STUDY_HOURS``.
    """
    table = np.array(STUDY_HOURS, dtype=float).T  # (4, 8): one row per column name
    X = table[:3].copy()
    X[2] /= 100
    Y = table[3:] / 100
    return X, Y


# --- Reshaping helpers -----------------------------------------------------

def flatten(images):
    """Turn ``m`` images of shape ``(h, w)`` or ``(h, w, c)`` into columns.

    The input has shape ``(m, h, w)`` or ``(m, h, w, c)``; the result has
    shape ``(h*w*c, m)`` and column ``i`` is ``images[i].ravel()``.
    """
    images = np.asarray(images)
    v.array(images, "images")              # numbers, not empty, finite
    if images.ndim < 3:
        raise ValueError(f"flatten expects a stack of images of shape (m, h, w) or (m, h, w, c), "
                         f"got shape {images.shape}; a single image needs a leading axis: img[None]")
    return images.reshape(images.shape[0], -1).T


def one_hot(y, num_classes=None, dtype=np.float64):
    """One-hot columns: labels ``y`` of shape ``(m,)`` or ``(1, m)`` -> ``(C, m)`` array.

    Column ``i`` is all zeros except a 1 in row ``y[i]``.  ``C`` defaults to
    ``max(y) + 1``.  Labels must be whole numbers in ``0 .. C-1``.
    """
    dtype = v.dtype_arg(dtype)
    if num_classes is not None:
        num_classes = v.integer(num_classes, "num_classes", 1, v.MAX_CLASSES)
    y = v.labels(y, "y", num_classes)
    if num_classes is None:
        num_classes = int(y.max()) + 1
    Y = np.zeros((num_classes, y.size), dtype=dtype)
    Y[y, np.arange(y.size)] = 1
    return Y
