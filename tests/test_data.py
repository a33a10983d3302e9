import gzip
import hashlib
import os
import re
import struct
from pathlib import Path

import numpy as np
import pytest

import nnlib.data as data
from nnlib.data import (CorruptFileError, MNISTNotFoundError, flatten, load_mnist,
                        load_study_hours, make_flower, one_hot, read_idx)


def idx_bytes(array):
    """Encode a uint8 array in the IDX format: magic 0,0,0x08,ndim; dims; payload."""
    array = np.asarray(array, dtype=np.uint8)
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.tobytes()


# Tiny fake MNIST: 3 training and 2 test images of 4x4 pixels.
RNG = np.random.default_rng(0)
FAKE = {
    "train-images-idx3-ubyte": RNG.integers(0, 256, (3, 4, 4)),
    "train-labels-idx1-ubyte": np.array([5, 0, 4]),
    "t10k-images-idx3-ubyte": RNG.integers(0, 256, (2, 4, 4)),
    "t10k-labels-idx1-ubyte": np.array([7, 2]),
}
FAKE_BYTES = {name: idx_bytes(a) for name, a in FAKE.items()}
FAKE_MD5 = {name: hashlib.md5(b).hexdigest() for name, b in FAKE_BYTES.items()}


def write_fake_mnist(directory, gz=True):
    directory.mkdir(parents=True, exist_ok=True)
    for name, raw in FAKE_BYTES.items():
        if gz:
            (directory / (name + ".gz")).write_bytes(gzip.compress(raw))
        else:
            (directory / name).write_bytes(raw)
    return directory


@pytest.fixture
def fake_env(tmp_path, monkeypatch):
    """Fake checksums, an empty cache, no $NNLIB_DATA and no network."""
    monkeypatch.setattr(data, "MNIST_MD5", FAKE_MD5)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("NNLIB_DATA", raising=False)

    def no_network(url, timeout=None):
        raise OSError(f"no network in tests ({url})")
    monkeypatch.setattr(data, "_fetch", no_network)
    return tmp_path


# ----------------------------------------------------------------- read_idx

def test_read_idx_parses_bytes_paths_and_gzip(tmp_path):
    array = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    raw = idx_bytes(array)
    np.testing.assert_array_equal(read_idx(raw), array)
    (tmp_path / "a-idx3-ubyte").write_bytes(raw)
    (tmp_path / "a-idx3-ubyte.gz").write_bytes(gzip.compress(raw))
    np.testing.assert_array_equal(read_idx(tmp_path / "a-idx3-ubyte"), array)
    np.testing.assert_array_equal(read_idx(str(tmp_path / "a-idx3-ubyte.gz")), array)
    np.testing.assert_array_equal(read_idx(gzip.compress(raw)), array)


def test_read_idx_big_endian_int32():
    raw = bytes([0, 0, 0x0C, 1]) + struct.pack(">I", 3) + struct.pack(">3i", 1, -2, 70000)
    np.testing.assert_array_equal(read_idx(raw), [1, -2, 70000])


def test_wrong_magic_is_reported_with_file_name(tmp_path):
    path = tmp_path / "bad-magic-idx1-ubyte"
    path.write_bytes(b"\x12\x34" + idx_bytes(np.zeros(3))[2:])
    with pytest.raises(CorruptFileError, match="bad-magic-idx1-ubyte.*magic"):
        read_idx(path)


def test_truncated_payload_is_reported_with_file_name(tmp_path):
    path = tmp_path / "short-idx3-ubyte"
    path.write_bytes(idx_bytes(np.zeros((2, 4, 4)))[:-5])
    with pytest.raises(CorruptFileError, match="short-idx3-ubyte.*truncated"):
        read_idx(path)


def test_bad_gzip_is_reported_with_file_name(tmp_path):
    path = tmp_path / "cut-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(idx_bytes(np.zeros((5, 4, 4))))[:20])
    with pytest.raises(CorruptFileError, match="cut-idx3-ubyte.gz.*gzip"):
        read_idx(path)


# --------------------------------------------------------------- load_mnist

def test_load_fake_mnist_from_data_dir(fake_env):
    write_fake_mnist(fake_env / "mine", gz=False)
    (X, y), (Xt, yt) = load_mnist(data_dir=fake_env / "mine")
    assert X.shape == (16, 3) and Xt.shape == (16, 2)
    assert X.dtype == np.float32 and y.dtype == np.int64
    np.testing.assert_allclose(X[:, 1], FAKE["train-images-idx3-ubyte"][1].ravel() / 255, rtol=1e-6)
    np.testing.assert_array_equal(y, [5, 0, 4])
    np.testing.assert_array_equal(yt, [7, 2])
    X64 = load_mnist(data_dir=fake_env / "mine", dtype=np.float64)[0][0]
    assert X64.dtype == np.float64


def test_checksum_mismatch_is_reported_and_not_loaded(fake_env, monkeypatch):
    directory = write_fake_mnist(fake_env / "mine")
    bad = dict(FAKE_MD5, **{"t10k-labels-idx1-ubyte": "0" * 32})
    monkeypatch.setattr(data, "MNIST_MD5", bad)
    with pytest.raises(CorruptFileError, match="t10k-labels-idx1-ubyte.gz.*checksum"):
        load_mnist(data_dir=directory)


def test_search_order_data_dir_then_env_then_cache(fake_env, monkeypatch):
    first, env, cache = fake_env / "first", fake_env / "env", data.cache_dir()
    assert cache == fake_env / "cache" / "nnlib" / "mnist"
    for directory in (first, env, cache):
        write_fake_mnist(directory)
    monkeypatch.setenv("NNLIB_DATA", str(env))
    # Poison one file in each location we expect to be skipped or used, and
    # see which one load_mnist trips over.
    for directory in (first, env, cache):
        (directory / "train-labels-idx1-ubyte.gz").write_bytes(b"corrupt " + directory.name.encode())
    with pytest.raises(CorruptFileError, match=re.escape(str(first))):
        load_mnist(data_dir=first)
    with pytest.raises(CorruptFileError, match=re.escape(str(env))):
        load_mnist()
    monkeypatch.delenv("NNLIB_DATA")
    with pytest.raises(CorruptFileError, match=re.escape(str(cache))):
        load_mnist()


def test_missing_file_falls_back_to_next_location(fake_env, monkeypatch):
    partial, env = fake_env / "partial", write_fake_mnist(fake_env / "env")
    write_fake_mnist(partial)
    os.remove(partial / "t10k-images-idx3-ubyte.gz")
    monkeypatch.setenv("NNLIB_DATA", str(env))
    (X, y), (Xt, yt) = load_mnist(data_dir=partial)
    assert Xt.shape == (16, 2)


def test_offline_and_nothing_present_gives_clear_error(fake_env):
    with pytest.raises(MNISTNotFoundError) as info:
        load_mnist(data_dir=fake_env / "nowhere")
    message = str(info.value)
    assert "nowhere" in message and str(data.cache_dir()) in message
    assert all(m in message for m in data.MNIST_MIRRORS)  # every mirror was tried
    assert "NNLIB_DATA" in message and "load_mnist(data_dir=" in message
    assert isinstance(info.value, FileNotFoundError)


def test_download_false_never_touches_network(fake_env, monkeypatch):
    monkeypatch.setattr(data, "_fetch", lambda *a, **k: pytest.fail("network used"))
    with pytest.raises(MNISTNotFoundError, match="download=False"):
        load_mnist(download=False)


def test_download_verifies_before_keeping(fake_env, monkeypatch):
    calls = []

    def fake_fetch(url, timeout=None):
        calls.append(url)
        if url.startswith(data.MNIST_MIRRORS[0]):
            return b"garbage from a broken mirror"
        return gzip.compress(FAKE_BYTES[Path(url).name[:-3]])
    monkeypatch.setattr(data, "_fetch", fake_fetch)
    (X, y), _ = load_mnist()
    np.testing.assert_array_equal(y, [5, 0, 4])
    assert len(calls) == 8  # each file: the broken mirror, then the good one
    assert sorted(p.name for p in data.cache_dir().iterdir()) == sorted(n + ".gz" for n in FAKE)


@pytest.mark.skipif(not any((Path(d) / "train-images-idx3-ubyte.gz").exists() for d in [
    os.environ.get("NNLIB_DATA", "/nonexistent"),
    Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist"]),
    reason="real MNIST files not available")
def test_real_mnist():
    real = [d for d in [os.environ.get("NNLIB_DATA", "/nonexistent"),
                        Path(__file__).resolve().parents[2] / "shared" / "data" / "mnist"]
            if (Path(d) / "train-images-idx3-ubyte.gz").exists()][0]
    (X, y), (Xt, yt) = load_mnist(data_dir=real, download=False)
    assert X.shape == (784, 60000) and Xt.shape == (784, 10000)
    assert y.shape == (60000,) and yt.shape == (10000,)
    assert X.min() == 0.0 and X.max() == 1.0
    np.testing.assert_array_equal(y[:5], [5, 0, 4, 1, 9])
    assert set(np.unique(y)) == set(range(10))


# ------------------------------------------------------------ small data sets

def test_flower_shapes_balance_and_determinism():
    X, Y = make_flower()
    assert X.shape == (2, 400) and Y.shape == (1, 400)
    assert set(np.unique(Y)) == {0, 1} and Y.sum() == 200
    X2, Y2 = make_flower()
    np.testing.assert_array_equal(X, X2)
    assert not np.array_equal(X, make_flower(seed=2)[0])
    assert np.abs(X).max() < 6  # radius 4 plus a little noise
    Xo, Yo = make_flower(m=11)
    assert Xo.shape == (2, 11) and Yo.shape == (1, 11)


def test_flower_without_noise_lies_on_the_curve():
    X, Y = make_flower(m=100, noise=0.0)
    t = np.concatenate([np.linspace(0, 3.12, 50), np.linspace(3.12, 6.24, 50)])
    r = 4 * np.sin(4 * t)
    np.testing.assert_allclose(X, np.vstack([r * np.sin(t), r * np.cos(t)]))


def test_study_hours():
    X, Y = load_study_hours()
    assert X.shape == (3, 8) and Y.shape == (1, 8)
    np.testing.assert_allclose(X[:, 0], [12, 6, 0.78])
    np.testing.assert_allclose(X[:, 2], [115, 4, 1.00])
    np.testing.assert_allclose(Y[0], [.93, .68, .95, .75, .51, .60, .89, .97])
    assert len(data.STUDY_HOURS) == 8 and all(len(row) == 4 for row in data.STUDY_HOURS)
    assert data.STUDY_HOURS_COLUMNS == ("Study Hrs", "Sleep Hrs", "Quiz", "Exam")


# ------------------------------------------------------------ flatten / one_hot

@pytest.mark.parametrize("shape", [(5, 3, 4), (5, 3, 4, 2)])
def test_flatten_keeps_examples_as_columns(shape):
    images = np.arange(np.prod(shape)).reshape(shape)
    X = flatten(images)
    assert X.shape == (np.prod(shape[1:]), 5)
    for i in range(5):
        np.testing.assert_array_equal(X[:, i], images[i].ravel())


def test_flatten_rejects_single_image():
    with pytest.raises(ValueError, match="flatten expects"):
        flatten(np.zeros((28, 28)))


def test_one_hot_round_trip():
    y = np.array([3, 0, 1, 3, 2])
    Y = one_hot(y)
    assert Y.shape == (4, 5) and Y.dtype == np.float64
    np.testing.assert_array_equal(Y.sum(axis=0), 1)
    np.testing.assert_array_equal(Y.argmax(axis=0), y)
    np.testing.assert_array_equal(one_hot(y[None, :], num_classes=10).argmax(axis=0), y)
    assert one_hot(y, num_classes=10).shape == (10, 5)
    np.testing.assert_array_equal(one_hot(np.array([1.0, 0.0])), [[0, 1], [1, 0]])


@pytest.mark.parametrize("labels, num_classes, match", [
    (np.array([0.5, 1.0]), None, "integer"),
    (np.array(["a", "b"]), None, "numeric"),
    (np.array([0, 3]), 3, r"0\.\.2"),
    (np.array([-1, 0]), None, r"0\.\."),
    (np.zeros((2, 3), dtype=int), None, "shape"),
])
def test_one_hot_errors(labels, num_classes, match):
    with pytest.raises((ValueError, TypeError), match=match):
        one_hot(labels, num_classes)
