"""tf.io.gfile: local files with TF's exception classes."""

import pytest

import fasttf as tf

gfile = tf.io.gfile


def test_write_read_text_and_bytes_and_iterate_lines(tmp_path):
    path = str(tmp_path / "x.txt")
    with gfile.GFile(path, "w") as f:
        f.write("hi\nthere\n")
    with gfile.GFile(path) as f:
        assert f.read() == "hi\nthere\n"
    with gfile.GFile(path, "rb") as f:
        assert f.read() == b"hi\nthere\n"
    assert list(gfile.GFile(path)) == ["hi\n", "there\n"]
    assert gfile.GFile(path).size() == 9
    assert gfile.stat(path).length == 9 and not gfile.stat(path).is_directory


def test_directories_listing_glob_walk(tmp_path):
    root = tmp_path / "g"
    gfile.makedirs(str(root / "a" / "b"))
    gfile.makedirs(str(root / "a"))  # existing: fine
    gfile.mkdir(str(root / "a"))  # existing: fine, as in TF
    (root / "x.txt").write_text("1")
    assert gfile.exists(str(root / "a")) and gfile.isdir(str(root / "a"))
    assert sorted(gfile.listdir(str(root))) == ["a", "x.txt"]
    assert gfile.glob(str(root / "*.txt")) == [str(root / "x.txt")]
    assert [(d, sorted(s), f) for d, s, f in gfile.walk(str(root))][0] == \
        (str(root), ["a"], ["x.txt"])
    assert list(gfile.walk(str(tmp_path / "missing"))) == []
    gfile.copy(str(root / "x.txt"), str(root / "y.txt"))
    gfile.rename(str(root / "y.txt"), str(root / "z.txt"))
    assert (root / "z.txt").read_text() == "1"
    gfile.remove(str(root / "z.txt"))
    gfile.rmtree(str(root))
    assert not gfile.exists(str(root))
    assert gfile.join("a", "b") == "a/b"


def test_failures_raise_tf_errors(tmp_path):
    missing = str(tmp_path / "missing")
    (tmp_path / "x").write_text("1")
    (tmp_path / "d").mkdir()
    with pytest.raises(tf.errors.NotFoundError):
        gfile.GFile(missing).read()
    with pytest.raises(tf.errors.NotFoundError):
        gfile.listdir(missing)
    with pytest.raises(tf.errors.NotFoundError):
        gfile.listdir(str(tmp_path / "x"))
    with pytest.raises(tf.errors.NotFoundError):
        gfile.rmtree(missing)
    with pytest.raises(tf.errors.NotFoundError):
        gfile.stat(missing)
    with pytest.raises(tf.errors.NotFoundError):
        gfile.mkdir(str(tmp_path / "q" / "r"))
    with pytest.raises(tf.errors.AlreadyExistsError):
        gfile.copy(str(tmp_path / "x"), str(tmp_path / "x"))
    with pytest.raises(tf.errors.AlreadyExistsError):
        gfile.rename(str(tmp_path / "x"), str(tmp_path / "d"))
    with pytest.raises(tf.errors.FailedPreconditionError):
        gfile.remove(str(tmp_path / "d"))
    with pytest.raises(tf.errors.FailedPreconditionError):
        gfile.makedirs(str(tmp_path / "x" / "y"))
    with pytest.raises(tf.errors.InvalidArgumentError):
        gfile.GFile(str(tmp_path / "x"), "z")
    with pytest.raises(tf.errors.PermissionDeniedError):
        gfile.GFile(str(tmp_path / "x")).write("a")
    assert (tmp_path / "x").read_text() == "1"
