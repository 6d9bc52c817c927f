"""tf.keras behaving as TensorFlow 2.21's (Keras 3) where users see it, while keeping what the
Keras-2-era notes rely on. Expected values are what TF 2.21 gives for the same code."""

import numpy as np
import pytest

import fasttf as tf

keras = tf.keras


# --- keras.utils --------------------------------------------------------------------------

def test_to_categorical_numpy_is_float64_tensor_stays_float32():
    out = keras.utils.to_categorical([0, 2, 1])
    assert out.dtype == np.float64
    np.testing.assert_array_equal(out, [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    assert keras.utils.to_categorical(np.array([[1], [2]]), 3).shape == (2, 3)
    t = keras.utils.to_categorical(tf.constant([0, 1]), 3)
    assert t.dtype == tf.float32 and t.numpy().tolist() == [[1, 0, 0], [0, 1, 0]]


def test_normalize_numpy_and_tensor():
    out = keras.utils.normalize(np.array([[3., 4.], [0., 0.]]))
    np.testing.assert_allclose(out, [[0.6, 0.8], [0., 0.]])
    assert out.dtype == np.float64
    # axis=0 on NumPy input: Keras 3 expands the norm on the last axis (`axis or -1`)
    np.testing.assert_allclose(keras.utils.normalize(np.array([[3., 4.], [1., 0.]]), axis=0),
                               [[0.9486833, 1.26491106], [0.25, 0.]])
    np.testing.assert_allclose(keras.utils.normalize(np.array([3., 4.])), [[0.6, 0.8]])
    np.testing.assert_allclose(keras.utils.normalize(np.array([[3., 4.]]), order=1),
                               [[3 / 7, 4 / 7]])
    t = keras.utils.normalize([[3., 4.]])
    assert isinstance(t, tf.Tensor) and t.dtype == tf.float32
    np.testing.assert_allclose(t.numpy(), [[0.6, 0.8]], rtol=1e-6)
    np.testing.assert_array_equal(keras.utils.normalize(tf.constant([[0., 0.]])).numpy(), [[0, 0]])


def test_pad_sequences():
    out = keras.utils.pad_sequences([[1, 2], [3]])
    assert out.dtype == np.int32 and out.tolist() == [[1, 2], [0, 3]]
    seq = keras.preprocessing.sequence.pad_sequences
    assert seq([[1, 2], [3]], maxlen=3, padding="post").tolist() == [[1, 2, 0], [3, 0, 0]]
    assert keras.utils.pad_sequences([[1, 2, 3]], maxlen=2).tolist() == [[2, 3]]
    assert keras.utils.pad_sequences([[1, 2, 3]], maxlen=2, truncating="post",
                                     value=9).tolist() == [[1, 2]]
    assert keras.utils.pad_sequences([[1.5]], maxlen=2, dtype="float32").tolist() == [[0, 1.5]]
    with pytest.raises(ValueError):
        keras.utils.pad_sequences([[1]], padding="middle")
    with pytest.raises(ValueError):
        keras.utils.pad_sequences([1, 2])


def test_custom_objects_registry_reaches_load_model(tmp_path):
    class Twice(keras.layers.Layer):
        def call(self, x):
            return x * 2.

    model = keras.Sequential([keras.Input((2,)), Twice()])
    path = str(tmp_path / "m.keras")
    model.save(path)
    with keras.utils.custom_object_scope({"Twice": Twice}):
        loaded = keras.models.load_model(path)
    assert loaded(tf.ones([1, 2])).numpy().tolist() == [[2., 2.]]
    assert "Twice" not in keras.utils.get_custom_objects()


def test_backend_helpers():
    assert keras.backend.is_keras_tensor(keras.Input((2,)))
    assert not keras.backend.is_keras_tensor(tf.ones([2]))
    out = keras.backend.cast_to_floatx(np.array([1, 2]))
    assert out.dtype == np.float32 and out.tolist() == [1., 2.]


# --- activations --------------------------------------------------------------------------

def test_relu_accepts_both_slope_spellings_and_gives_plus_zero_below_threshold():
    x = tf.constant([-1., 3.])
    assert keras.activations.relu(x, negative_slope=0.5).numpy().tolist() == [-0.5, 3.]
    assert keras.activations.relu(x, alpha=0.5).numpy().tolist() == [-0.5, 3.]
    out = keras.activations.relu(x, threshold=2.).numpy()
    assert out.tolist() == [0., 3.] and not np.signbit(out[0])


def test_hard_sigmoid_is_keras3_relu6_form_and_new_activations():
    x = tf.constant([-3., 0., 1.])
    np.testing.assert_allclose(keras.activations.hard_sigmoid(x).numpy(), [0., 0.5, 2 / 3],
                               rtol=1e-6)
    np.testing.assert_allclose(keras.activations.hard_silu(x).numpy(), [0., 0., 2 / 3], rtol=1e-6)
    np.testing.assert_allclose(keras.activations.get("mish")(tf.constant([1.])).numpy(),
                               [0.86509836], rtol=1e-6)
    np.testing.assert_allclose(keras.activations.log_sigmoid(tf.constant([0.])).numpy(),
                               [-0.6931472], rtol=1e-6)
    assert keras.activations.hard_tanh(tf.constant([-2., 0.5])).numpy().tolist() == [-1., 0.5]


# --- symbolic tensors and variables ------------------------------------------------------

def test_input_dtype_is_a_name_that_still_acts_as_a_dtype():
    inp = keras.Input(shape=(3,))
    assert isinstance(inp.dtype, str) and str(inp.dtype) == "float32"
    assert inp.dtype == "float32" and inp.dtype == tf.float32 and tf.float32 == inp.dtype
    assert inp.dtype.name == "float32" and inp.dtype.is_floating
    assert keras.Input((2,), dtype="int32").dtype == "int32"
    assert inp.dtype != "int32"


def test_weight_path_is_keras3_name_kept_keras2():
    dense = keras.layers.Dense(2, name="fc")
    dense.build((None, 3))
    assert dense.kernel.name == "fc/kernel:0" and dense.kernel.path == "fc/kernel"
    assert dense.bias.path == "fc/bias"
