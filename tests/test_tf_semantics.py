"""Behaviours found by the differential audit (tools/tf_audit.py) against TensorFlow 2.21: each
expected value below was printed by TF itself and is written here as a literal."""

import subprocess
import sys

import numpy as np
import pytest

import fasttf as tf

# --- printing -----------------------------------------------------------------------------------

TF_REPRS = [
    # a 0-d tensor's repr shows the Python value of its item (all float64 digits of a float32)
    ("tf.exp(2.)", "<tf.Tensor: shape=(), dtype=float32, numpy=7.389056205749512>"),
    ("tf.constant(True)", "<tf.Tensor: shape=(), dtype=bool, numpy=True>"),
    ("tf.constant(7)", "<tf.Tensor: shape=(), dtype=int32, numpy=7>"),
    ("tf.Variable(2.5)", "<tf.Variable 'Variable:0' shape=() dtype=float32, numpy=2.5>"),
    # summarised arrays carry NumPy 2's shape=... as TF's repr does
    ("tf.constant(np.arange(1001))", "<tf.Tensor: shape=(1001,), dtype=int64, numpy=array("
                                     "[   0,    1,    2, ...,  998,  999, 1000], shape=(1001,))>"),
    ("tf.linspace(0, 10, 5)", "<tf.Tensor: shape=(5,), dtype=float64, numpy=array("
                              "[ 0. ,  2.5,  5. ,  7.5, 10. ])>"),
    ("tf.reduce_all([])", "<tf.Tensor: shape=(), dtype=bool, numpy=True>"),
    ("tf.matmul([[1, 2]], [[3], [4]])",
     "<tf.Tensor: shape=(1, 1), dtype=int32, numpy=array([[11]], dtype=int32)>"),
    ("tf.linalg.diag([[1., 2.], [3., 4.]])",
     "<tf.Tensor: shape=(2, 2, 2), dtype=float32, numpy=\narray([[[1., 0.],\n        [0., 2.]],"
     "\n\n       [[3., 0.],\n        [0., 4.]]], dtype=float32)>"),
    ("tf.linalg.diag_part(tf.reshape(tf.range(6), [2, 3]))",
     "<tf.Tensor: shape=(2,), dtype=int32, numpy=array([0, 4], dtype=int32)>"),
    ("tf.linalg.band_part(tf.reshape(tf.range(9.), [3, 3]), -1, 0)",
     "<tf.Tensor: shape=(3, 3), dtype=float32, numpy=\narray([[0., 0., 0.],\n       [3., 4., 0.],"
     "\n       [6., 7., 8.]], dtype=float32)>"),
    ("tf.linalg.band_part(tf.ones([3, 4]), 1, 0)",
     "<tf.Tensor: shape=(3, 4), dtype=float32, numpy=\narray([[1., 0., 0., 0.],\n"
     "       [1., 1., 0., 0.],\n       [0., 1., 1., 0.]], dtype=float32)>"),
    ("tf.math.in_top_k([1, 0, 2], [[0.1, 0.9, 0.], [0.5, 0.5, 0.], [0.2, 0.3, 0.5]], 1)",
     "<tf.Tensor: shape=(3,), dtype=bool, numpy=array([ True,  True,  True])>"),
    ("tf.nn.embedding_lookup(tf.reshape(tf.range(6.), [3, 2]), [[2, 0]])",
     "<tf.Tensor: shape=(1, 2, 2), dtype=float32, numpy=\narray([[[4., 5.],\n        [0., 1.]]],"
     " dtype=float32)>"),
    ("tf.nn.top_k([[1., 3.], [4., 2.]], 1).indices",
     "<tf.Tensor: shape=(2, 1), dtype=int32, numpy=\narray([[1],\n       [0]], dtype=int32)>"),
]


@pytest.mark.parametrize("code,expected", TF_REPRS, ids=[c for c, _ in TF_REPRS])
def test_repr_matches_tensorflow(code, expected):
    assert repr(eval(code)) == expected


def test_numpy_of_a_scalar_is_a_numpy_scalar():
    value = tf.constant(3.).numpy()
    assert type(value) is np.float32 and repr(value) == "np.float32(3.0)"
    assert type(tf.Variable(1).numpy()) is np.int32
    assert np.asarray(tf.constant(2.)).shape == ()          # __array__ still gives an ndarray
    assert type(tf.constant([3.]).numpy()) is np.ndarray


def test_format_uses_the_numpy_value():
    assert "{}".format(tf.constant([1.5, 2.])) == "[1.5 2. ]"
    assert "{:.2f}".format(tf.constant(2.4303575)) == "2.43"
    assert "{}".format(tf.constant(2.4303575)) == "2.4303574562072754"


# --- reductions and ops ---------------------------------------------------------------------

def test_duplicate_reduction_axes_are_rejected():
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.reduce_sum([[1, 2], [3, 4]], axis=(0, 0))
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.reduce_mean(tf.ones([2, 3]), axis=[1, -1])
    assert int(tf.reduce_sum([[1, 2], [3, 4]], axis=[0, 1])) == 10


def test_int_matmul_is_exact():
    a = tf.constant([[1, 2], [3, 4]], tf.int64)
    b = tf.constant([[2 ** 40], [1]], tf.int64)
    out = tf.matmul(a, b)
    assert out.dtype == tf.int64
    np.testing.assert_array_equal(out.numpy(), [[2 ** 40 + 2], [3 * 2 ** 40 + 4]])
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.matmul([[1, 2]], tf.constant([[3.], [4.]]))   # int32 @ float32 does not mix


def test_in_top_k_counts_ties_as_in_and_nonfinite_as_out():
    # the 0.5/0.5 tie for k=1: both classes count as in the top 1 (TF: True)
    np.testing.assert_array_equal(
        tf.math.in_top_k([1, 0], [[0.5, 0.5], [float("nan"), 1.]], 1).numpy(), [True, False])


# --- training engine -----------------------------------------------------------------------

def test_fit_reiterates_a_finite_dataset_every_epoch():
    x = np.random.default_rng(0).normal(size=(32, 3)).astype(np.float32)
    ds = tf.data.Dataset.from_tensor_slices((x, x[:, :1])).batch(8)
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(ds, epochs=4, validation_data=ds, validation_freq=2, verbose=0)
    assert len(history.history["loss"]) == 4
    assert len(history.history["val_loss"]) == 2
    assert int(model.optimizer.iterations.numpy()) == 16


# --- import ------------------------------------------------------------------------------------

def test_import_is_light_and_keras_is_an_attribute():
    code = ("import sys, fasttf as tf\n"
            "heavy = [m for m in ('fasttf.keras', 'fasttf.summary', 'h5py') if m in sys.modules]\n"
            "assert not heavy, heavy\n"
            "assert tf.keras.layers.Dense and tf.losses.mse and tf.metrics.Mean\n"
            "assert tf.optimizers.Adam and tf.summary.scalar and tf.train.Checkpoint\n"
            "assert 'keras' in dir(tf)\n"
            "from fasttf.keras import layers\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_python_scalars_only_from_0d_tensors():
    with pytest.raises(TypeError):
        float(tf.constant([1.]))            # TF: TypeError, even with one element
    with pytest.raises(TypeError):
        int(tf.constant([[1]]))
    assert int(tf.constant(3)) == 3 and float(tf.Variable(2.5)) == 2.5
    assert bool(tf.constant([1])) is True    # truth of a one-element tensor is allowed


def test_random_normal_needs_a_float_dtype():
    with pytest.raises(TypeError):
        tf.random.normal([2], dtype=tf.int32)
