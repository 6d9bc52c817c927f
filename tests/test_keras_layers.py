"""tf.keras layers: outputs against NumPy references, gradients, weights and bad inputs."""

import numpy as np
import pytest

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers
from helpers import assert_close, check_grad

rng = np.random.default_rng(0)
needs_conv = pytest.mark.skipif(not hasattr(tf.nn, "conv2d"), reason="tf.nn.conv2d not landed")
needs_pool = pytest.mark.skipif(not hasattr(tf.nn, "max_pool2d"), reason="pooling not landed")


def setup_function():
    keras.backend.clear_session()


def test_dense_matches_numpy_and_names_variables():
    x = rng.standard_normal((4, 5)).astype(np.float32)
    fc = layers.Dense(3, activation="relu")
    out = fc(x)
    assert fc.kernel.name == "dense/kernel:0" and fc.bias.name == "dense/bias:0"
    ref = np.maximum(x @ fc.kernel.numpy() + fc.bias.numpy(), 0)
    assert_close(out, ref)
    assert layers.Dense(2).name == "dense_1"
    assert [v.name for v in fc.trainable_variables] == ["dense/kernel:0", "dense/bias:0"]


def test_dense_rank3_and_gradient_float64():
    fc = layers.Dense(3, dtype="float64")
    x = rng.standard_normal((2, 4, 5))
    fc(x)
    assert_close(fc(x), x @ fc.kernel.numpy() + fc.bias.numpy())
    check_grad(lambda t: fc(t), [x])


def test_dense_input_spec_error_message():
    fc = layers.Dense(2)
    fc(np.zeros((2, 4), np.float32))
    with pytest.raises(ValueError, match=r'Input 0 of layer "dense" is incompatible with the '
                                         r"layer: expected axis -1 of input shape to have value "
                                         r"4, but received input with shape \(2, 3\)"):
        fc(np.zeros((2, 3), np.float32))
    with pytest.raises(ValueError, match="min_ndim=2"):
        layers.Dense(2)(np.zeros((3,), np.float32))


def test_unknown_activation_raises():
    with pytest.raises(ValueError, match="Unknown activation function: 'nope'"):
        layers.Dense(2, activation="nope")


def test_set_weights_checks_count_and_shapes():
    fc = layers.Dense(2)
    fc(np.zeros((1, 3), np.float32))
    with pytest.raises(ValueError, match='layer "dense" with a weight list of length 1'):
        fc.set_weights([np.zeros((3, 2))])
    with pytest.raises(ValueError, match=r"weight shape \(3, 2\) is not compatible with provided "
                                         r"weight shape \(2, 2\)"):
        fc.set_weights([np.zeros((2, 2)), np.zeros(2)])
    fc.set_weights([np.ones((3, 2)), np.arange(2.0)])
    assert_close(fc(np.ones((1, 3), np.float32)), np.array([[3.0, 4.0]], np.float32))
    assert fc.count_params() == 8


def test_activation_layers():
    x = np.linspace(-3, 3, 12).reshape(3, 4).astype(np.float32)
    assert_close(layers.ReLU()(x), np.maximum(x, 0))
    assert_close(layers.ReLU(max_value=1.0)(x), np.clip(x, 0, 1))
    assert_close(layers.LeakyReLU(alpha=0.2)(x), np.where(x > 0, x, 0.2 * x))
    assert_close(layers.LeakyReLU(negative_slope=0.1)(x), np.where(x > 0, x, 0.1 * x))
    assert_close(layers.LeakyReLU()(x), np.where(x > 0, x, 0.3 * x))
    assert_close(layers.ELU()(x), np.where(x > 0, x, np.expm1(x)), rtol=1e-5, atol=1e-6)
    e = np.exp(x - x.max(-1, keepdims=True))
    assert_close(layers.Softmax()(x), e / e.sum(-1, keepdims=True))
    prelu = layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25))
    assert_close(prelu(x), np.where(x > 0, x, 0.25 * x))
    assert prelu.alpha.shape == (4,)
    # the notes' 7.1 example
    assert_close(layers.Softmax(axis=-1)(tf.constant([2.0, 1.0, 0.1])),
                 np.array([0.6590012, 0.24243298, 0.09856589], np.float32))


def test_activation_gradients():
    x = rng.standard_normal((3, 4))
    for layer in (layers.LeakyReLU(0.2, dtype="float64"), layers.ELU(dtype="float64"),
                  layers.Softmax(dtype="float64"), layers.PReLU(dtype="float64")):
        check_grad(lambda t, layer=layer: layer(t), [x])


def test_reshape_flatten_permute_repeat():
    x = rng.standard_normal((2, 3, 4)).astype(np.float32)
    assert_close(layers.Flatten()(x), x.reshape(2, 12))
    assert_close(layers.Reshape((4, 3))(x), x.reshape(2, 4, 3))
    assert_close(layers.Reshape((-1, 2))(x), x.reshape(2, 6, 2))
    assert_close(layers.Permute((2, 1))(x), x.transpose(0, 2, 1))
    v = x[:, 0, :]
    assert_close(layers.RepeatVector(3)(v), np.repeat(v[:, None, :], 3, axis=1))
    assert_close(layers.Lambda(lambda t: t * 2)(x), x * 2)
    with pytest.raises(ValueError, match="total size of new array must be unchanged"):
        layers.Reshape((5,))(x)
    check_grad(lambda t: layers.RepeatVector(2, dtype="float64")(t), [v.astype(np.float64)])


def test_dropout_training_and_inference():
    x = np.ones((200, 50), np.float32)
    drop = layers.Dropout(0.5)
    assert_close(drop(x), x)
    out = drop(x, training=True).numpy()
    assert set(np.unique(out)) <= {0.0, 2.0}
    assert 0.4 < (out == 0).mean() < 0.6
    sp = layers.SpatialDropout2D(0.5)(np.ones((4, 3, 3, 20), np.float32), training=True).numpy()
    assert (sp == sp[:, :1, :1, :]).all()


def test_batch_normalization_train_and_inference():
    x = rng.standard_normal((8, 3)).astype(np.float32) * 2 + 1
    bn = layers.BatchNormalization()
    out = bn(x, training=True)
    mean, var = x.mean(0), x.var(0)
    assert_close(out, (x - mean) / np.sqrt(var + 1e-3), rtol=1e-4, atol=1e-5)
    assert_close(bn.moving_mean, 0.01 * mean, rtol=1e-4, atol=1e-6)
    assert_close(bn.moving_variance, 0.99 + 0.01 * var, rtol=1e-4, atol=1e-6)
    infer = bn(x)
    assert_close(infer, (x - bn.moving_mean.numpy()) / np.sqrt(bn.moving_variance.numpy() + 1e-3),
                 rtol=1e-4, atol=1e-5)
    assert [w.name for w in bn.non_trainable_weights] == [
        "batch_normalization/moving_mean:0", "batch_normalization/moving_variance:0"]
    assert len(bn.trainable_weights) == 2 and len(bn.get_weights()) == 4
    bn64 = layers.BatchNormalization(dtype="float64")
    check_grad(lambda t: bn64(t, training=True), [rng.standard_normal((5, 2))], rtol=1e-4)


def test_layer_normalization():
    x = rng.standard_normal((4, 6))
    ln = layers.LayerNormalization(dtype="float64")
    ref = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + 1e-3)
    assert_close(ln(x), ref)
    check_grad(lambda t: ln(t), [x], rtol=1e-4)


def test_embedding():
    emb = layers.Embedding(10, 4)
    ids = np.array([[1, 2], [9, 0]])
    out = emb(ids)
    assert_close(out, emb.embeddings.numpy()[ids])
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(emb(ids))
    grad = tape.gradient(loss, emb.embeddings)
    expected = np.zeros((10, 4), np.float32)
    for i in ids.ravel():
        expected[i] += 1
    assert_close(tf.convert_to_tensor(grad), expected)


def test_merge_layers():
    a = rng.standard_normal((2, 3)).astype(np.float32)
    b = rng.standard_normal((2, 3)).astype(np.float32)
    assert_close(layers.Add()([a, b]), a + b)
    assert_close(layers.Subtract()([a, b]), a - b)
    assert_close(layers.Multiply()([a, b]), a * b)
    assert_close(layers.Average()([a, b]), (a + b) / 2)
    assert_close(layers.Maximum()([a, b]), np.maximum(a, b))
    assert_close(layers.Minimum()([a, b]), np.minimum(a, b))
    assert_close(layers.Concatenate()([a, b]), np.concatenate([a, b], -1))
    assert_close(layers.Concatenate(axis=0)([a, b]), np.concatenate([a, b], 0))
    with pytest.raises(ValueError, match="list of inputs"):
        layers.Add()(a)
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    check_grad(lambda s, t: layers.Concatenate(dtype="float64")([s, t]), [a64, b64])
    check_grad(lambda s, t: layers.Multiply(dtype="float64")([s, t]), [a64, b64])


def test_reshaping_layers():
    x = rng.standard_normal((2, 4, 5, 3)).astype(np.float32)
    assert_close(layers.ZeroPadding2D(((1, 2), (0, 1)))(x),
                 np.pad(x, ((0, 0), (1, 2), (0, 1), (0, 0))))
    assert_close(layers.Cropping2D(((1, 1), (2, 0)))(x), x[:, 1:3, 2:, :])
    assert_close(layers.UpSampling2D((2, 3))(x), x.repeat(2, axis=1).repeat(3, axis=2))
    x64 = x[:1, :2, :2, :2].astype(np.float64)
    check_grad(lambda t: layers.UpSampling2D(dtype="float64")(t), [x64])
    check_grad(lambda t: layers.ZeroPadding2D(dtype="float64")(t), [x64])


def test_global_pooling():
    x = rng.standard_normal((2, 4, 5, 3)).astype(np.float32)
    assert_close(layers.GlobalAveragePooling2D()(x), x.mean((1, 2)))
    assert_close(layers.GlobalMaxPooling2D()(x), x.max((1, 2)))
    assert_close(layers.GlobalAveragePooling1D()(x[:, 0]), x[:, 0].mean(1))
    assert_close(layers.GlobalMaxPooling1D()(x[:, 0]), x[:, 0].max(1))


def _conv_ref(x, w, stride=1, padding="valid"):
    kh, kw = w.shape[:2]
    if padding == "same":  # TF: pad_total = max((ceil(in / s) - 1) * s + k - in, 0)
        ph = max((-(-x.shape[1] // stride) - 1) * stride + kh - x.shape[1], 0)
        pw = max((-(-x.shape[2] // stride) - 1) * stride + kw - x.shape[2], 0)
        x = np.pad(x, ((0, 0), (ph // 2, ph - ph // 2), (pw // 2, pw - pw // 2), (0, 0)))
    n, h, wd, _ = x.shape
    oh, ow = (h - kh) // stride + 1, (wd - kw) // stride + 1
    out = np.zeros((n, oh, ow, w.shape[3]))
    for i in range(oh):
        for j in range(ow):
            patch = x[:, i * stride:i * stride + kh, j * stride:j * stride + kw, :]
            out[:, i, j, :] = np.tensordot(patch, w, axes=([1, 2, 3], [0, 1, 2]))
    return out


@needs_conv
def test_conv2d_matches_numpy_and_gradient():
    x = rng.standard_normal((2, 6, 5, 3))
    for stride, padding in ((1, "valid"), (2, "same")):
        conv = layers.Conv2D(4, 3, strides=stride, padding=padding, dtype="float64")
        out = conv(x)
        assert_close(out, _conv_ref(x, conv.kernel.numpy(), stride, padding) + conv.bias.numpy())
    conv = layers.Conv2D(2, 2, dtype="float64")
    check_grad(lambda t: conv(t), [x[:1, :3, :3, :2]])
    assert conv.kernel.shape == (2, 2, 2, 2)


@needs_pool
def test_pooling_matches_numpy():
    x = rng.standard_normal((2, 4, 6, 3)).astype(np.float32)
    ref = x.reshape(2, 2, 2, 3, 2, 3)
    assert_close(layers.MaxPooling2D()(x), ref.max((2, 4)))
    assert_close(layers.AveragePooling2D()(x), ref.mean((2, 4)))


def test_trainable_false_freezes_recursively():
    model = keras.Sequential([layers.Dense(3), layers.BatchNormalization()])
    model.build((None, 2))
    assert len(model.trainable_weights) == 4 and len(model.non_trainable_weights) == 2
    model.layers[0].trainable = False
    assert len(model.trainable_weights) == 2 and len(model.non_trainable_weights) == 4
    model.trainable = False
    assert model.trainable_weights == [] and len(model.weights) == 6
    assert all(not layer.trainable for layer in model.layers)


def test_sublayers_tracked_in_lists_and_dicts():
    class Block(layers.Layer):
        def __init__(self):
            super().__init__()
            self.stack = [layers.Dense(2), layers.Dense(2)]
            self.named = {"head": layers.Dense(1)}

        def call(self, x):
            for layer in self.stack:
                x = layer(x)
            return self.named["head"](x)

    block = Block()
    block(np.ones((1, 3), np.float32))
    assert len(block.trainable_weights) == 6
    assert block.trainable_weights[0].name == "block/dense/kernel:0"


def test_regularization_losses():
    fc = layers.Dense(2, kernel_regularizer=keras.regularizers.l2(0.1),
                      bias_regularizer="l1", kernel_initializer="ones")
    fc(np.ones((1, 3), np.float32))
    assert len(fc.losses) == 2
    assert_close(fc.losses[0], np.float32(0.1 * 6))


def test_config_roundtrip():
    fc = layers.Dense(4, activation="relu", name="d")
    clone = layers.Dense.from_config(fc.get_config())
    assert clone.units == 4 and clone.name == "d"
    assert clone.activation is keras.activations.relu
