"""Attention, normalization-extra and preprocessing layers: NumPy float64 references, tape
gradients against central differences, TF 2.21's weight shapes / names / parameter counts, and
the errors TF raises. Fixtures written by real Keras 3 load and predict what Keras predicted."""

import os

import numpy as np
import pytest

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers
from helpers import assert_close, check_grad

rng = np.random.default_rng(0)


def setup_function():
    keras.backend.clear_session()


def _softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


# -- MultiHeadAttention ----------------------------------------------------------------------
def _mha_reference(layer, q, v, mask=None):
    """Float64 NumPy multi-head attention with the layer's weights (Keras 3's equations)."""
    wq, bq, wk, bk, wv, bv, wo, bo = [w.astype(np.float64) for w in layer.get_weights()]
    query = np.einsum("btd,dnh->btnh", q, wq) + bq
    key = np.einsum("bsd,dnh->bsnh", v, wk) + bk
    value = np.einsum("bsd,dnh->bsnh", v, wv) + bv
    scores = np.einsum("bsnh,btnh->bnts", key, query / np.sqrt(layer.key_dim))
    if mask is not None:
        scores = np.where(mask[:, None], scores, -1e9)
    probs = _softmax(scores)
    return np.einsum("bnhv,bvnk->bhnk", probs, value).reshape(q.shape[0], q.shape[1], -1) \
        @ wo.reshape(-1, wo.shape[-1]) + bo, probs


def test_multi_head_attention_weights_match_tf():
    mha = layers.MultiHeadAttention(num_heads=2, key_dim=4)
    out = mha(np.zeros((2, 3, 8), np.float32), np.zeros((2, 5, 6), np.float32))
    assert out.shape == (2, 3, 8)
    assert [(w.path, tuple(w.shape)) for w in mha.weights] == [
        ("multi_head_attention/query/kernel", (8, 2, 4)),
        ("multi_head_attention/query/bias", (2, 4)),
        ("multi_head_attention/key/kernel", (6, 2, 4)),
        ("multi_head_attention/key/bias", (2, 4)),
        ("multi_head_attention/value/kernel", (6, 2, 4)),
        ("multi_head_attention/value/bias", (2, 4)),
        ("multi_head_attention/attention_output/kernel", (2, 4, 8)),
        ("multi_head_attention/attention_output/bias", (8,))]
    assert mha.count_params() == 256  # as TF 2.21 counts it
    other = layers.MultiHeadAttention(2, 4, value_dim=3, output_shape=7, use_bias=False)
    other(np.zeros((2, 3, 8), np.float32), np.zeros((2, 5, 6), np.float32))
    assert [tuple(w.shape) for w in other.weights] == [(8, 2, 4), (6, 2, 4), (6, 2, 3), (2, 3, 7)]
    assert other.count_params() == 190


def test_multi_head_attention_matches_numpy_with_masks():
    mha = layers.MultiHeadAttention(num_heads=2, key_dim=3, dtype="float64")
    q, v = rng.standard_normal((2, 4, 5)), rng.standard_normal((2, 6, 5))
    mask = rng.random((2, 4, 6)) > 0.3
    out, scores = mha(q, v, attention_mask=mask, return_attention_scores=True)
    ref, probs = _mha_reference(mha, q, v, mask)
    assert_close(scores, np.where(mask[:, None], probs, 0))
    assert_close(out, ref)
    causal = mha(q, q, use_causal_mask=True)
    assert_close(causal, _mha_reference(mha, q, q, np.tril(np.ones((4, 4), bool))[None]
                                        .repeat(2, 0))[0])


def test_multi_head_attention_gradients_and_config_round_trip():
    mha = layers.MultiHeadAttention(num_heads=2, key_dim=2, dtype="float64")
    q, v = rng.standard_normal((1, 3, 4)), rng.standard_normal((1, 2, 4))
    mha(q, v)
    check_grad(lambda a, b: mha(a, b), [q, v])
    clone = layers.MultiHeadAttention.from_config(mha.get_config())
    clone(q, v)
    clone.set_weights(mha.get_weights())
    assert_close(clone(q, v), mha(q, v).numpy())
    assert mha.get_config()["attention_axes"] == (1,)


def test_multi_head_attention_bad_arguments_raise_like_tf():
    with pytest.raises(ValueError, match="num_heads"):
        layers.MultiHeadAttention(num_heads=0, key_dim=2)
    with pytest.raises(ValueError, match="key_dim"):
        layers.MultiHeadAttention(num_heads=2, key_dim=-1)
    with pytest.raises(ValueError, match="except the last one, must be equal"):
        layers.MultiHeadAttention(2, 2)(np.zeros((1, 2, 3)), np.zeros((1, 2, 3)),
                                       np.zeros((1, 3, 3)))


def test_multi_head_attention_trains_in_a_functional_model_and_reloads(tmp_path):
    inp = keras.Input((5, 8))
    x = layers.MultiHeadAttention(2, 4)(inp, inp)
    x = layers.LayerNormalization()(layers.Add()([x, inp]))
    model = keras.Model(inp, layers.Dense(1)(layers.GlobalAveragePooling1D()(x)))
    model.compile("adam", "mse")
    x_train = rng.standard_normal((16, 5, 8)).astype(np.float32)
    history = model.fit(x_train, np.ones((16, 1), np.float32), epochs=3, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    model.save(str(tmp_path / "mha.keras"))
    loaded = keras.models.load_model(str(tmp_path / "mha.keras"))
    assert_close(loaded.predict(x_train, verbose=0), model.predict(x_train, verbose=0))


# -- Attention / AdditiveAttention / EinsumDense ---------------------------------------------
def test_dot_and_concat_attention_match_numpy():
    q, v = rng.standard_normal((2, 3, 4)), rng.standard_normal((2, 5, 4))
    v_mask = np.array([[1, 1, 0, 1, 1], [1, 0, 1, 0, 0]], bool)
    dot = layers.Attention(use_scale=True, dtype="float64")
    out, w = dot([q, v], mask=[None, v_mask], return_attention_scores=True)
    scores = np.where(v_mask[:, None], q @ v.transpose(0, 2, 1), -1e9)
    assert_close(w, _softmax(scores))
    assert_close(out, _softmax(scores) @ v)
    assert [x.path for x in dot.weights] == ["attention/scale"] and dot.count_params() == 1
    concat = layers.Attention(score_mode="concat", dtype="float64")
    ref = np.tanh(q[:, :, None] + v[:, None]).sum(-1)
    assert_close(concat([q, v]), _softmax(ref) @ v)
    assert concat.count_params() == 1
    causal = layers.Attention(dtype="float64")([q[:, :3], q[:, :3]], use_causal_mask=True)
    s = np.where(np.tril(np.ones((3, 3), bool)), q @ q.transpose(0, 2, 1), -1e9)
    assert_close(causal, _softmax(s) @ q)


def test_additive_attention_matches_numpy_and_has_gradients():
    q, v = rng.standard_normal((2, 3, 4)), rng.standard_normal((2, 5, 4))
    add = layers.AdditiveAttention(dtype="float64")
    add([q, v])
    scale = add.scale.numpy()
    assert add.count_params() == 4
    ref = (np.tanh(q[:, :, None] + v[:, None]) * scale).sum(-1)
    assert_close(add([q, v]), _softmax(ref) @ v)
    check_grad(lambda a, b: add([a, b]), [q[:1, :2], v[:1, :3]])


def test_attention_bad_inputs_raise_value_error():
    with pytest.raises(ValueError, match="score_mode"):
        layers.Attention(score_mode="nope")
    with pytest.raises(ValueError, match="must be called on a list of inputs"):
        layers.Attention()(np.zeros((1, 2, 3), np.float32))
    with pytest.raises(ValueError, match="length 2 or 3"):
        layers.Attention()([np.zeros((1, 2, 3), np.float32)])


def test_einsum_dense_shapes_values_and_errors():
    layer = layers.EinsumDense("abc,cde->abde", output_shape=(None, 2, 4), bias_axes="de",
                               dtype="float64")
    x = rng.standard_normal((2, 3, 5))
    out = layer(x)
    assert [tuple(w.shape) for w in layer.weights] == [(5, 2, 4), (2, 4)]
    assert layer.count_params() == 48
    assert_close(out, np.einsum("abc,cde->abde", x, layer.kernel.numpy()) + layer.bias.numpy())
    ell = layers.EinsumDense("...b,bc->...c", output_shape=4, bias_axes="c")
    assert ell(np.zeros((2, 3, 5), np.float32)).shape == (2, 3, 4) and ell.count_params() == 24
    check_grad(lambda t: layer(t), [x[:1, :2]])
    with pytest.raises(ValueError, match="Invalid einsum equation"):
        layers.EinsumDense("abc", 3)


# -- normalization extras --------------------------------------------------------------------
def test_unit_normalization_matches_numpy_and_keeps_zero_rows_finite():
    x = rng.standard_normal((3, 4))
    x[1] = 0
    out = layers.UnitNormalization(dtype="float64")(x)
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    assert_close(out, np.where(norms > 0, x / np.maximum(norms, 1e-300), 0))
    check_grad(lambda t: layers.UnitNormalization(dtype="float64")(t), [x[::2]])
    with pytest.raises(TypeError):
        layers.UnitNormalization(axis="last")


def test_group_normalization_matches_numpy_and_tf_shapes():
    x = rng.standard_normal((2, 3, 6))
    gn = layers.GroupNormalization(groups=3, dtype="float64")
    out = gn(x)
    g = x.reshape(2, 3, 3, 2)
    ref = (g - g.mean((1, 3), keepdims=True)) / np.sqrt(g.var((1, 3), keepdims=True) + 1e-3)
    assert_close(out, ref.reshape(x.shape))
    assert [(w.path, tuple(w.shape)) for w in gn.weights] == [
        ("group_normalization/gamma", (6,)), ("group_normalization/beta", (6,))]
    check_grad(lambda t: gn(t), [x[:1, :2]])
    instance = layers.GroupNormalization(groups=-1)
    instance(np.zeros((1, 2, 4), np.float32))
    assert instance.get_config()["groups"] == 4
    with pytest.raises(ValueError, match="must be a multiple"):
        layers.GroupNormalization(groups=4)(np.zeros((1, 6), np.float32))
    with pytest.raises(ValueError, match="cannot be more than"):
        layers.GroupNormalization(groups=8)(np.zeros((1, 6), np.float32))
    with pytest.raises(ValueError, match="groups"):
        layers.GroupNormalization(groups=0)


def test_identity_passes_inputs_through():
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    assert_close(layers.Identity()(x), x)
    assert layers.Identity().get_config()["trainable"] is True


# -- image preprocessing ---------------------------------------------------------------------
def _affine_reference(image, matrix, fill_value=0.0):
    """Bilinear sampling with constant fill, one pixel at a time (TF's projective transform):
    output (x, y) reads the input at (a0 x + a1 y + a2, b0 x + b1 y + b2)."""
    h, w, c = image.shape
    a0, a1, a2, b0, b1, b2 = matrix[:6]
    out = np.zeros_like(image, dtype=np.float64)

    def read(r, q):
        return image[r, q] if 0 <= r < h and 0 <= q < w else np.full(c, fill_value)
    for y in range(h):
        for x in range(w):
            sx, sy = a0 * x + a1 * y + a2, b0 * x + b1 * y + b2
            x0, y0 = int(np.floor(sx)), int(np.floor(sy))
            fx, fy = sx - x0, sy - y0
            out[y, x] = ((1 - fy) * ((1 - fx) * read(y0, x0) + fx * read(y0, x0 + 1))
                         + fy * ((1 - fx) * read(y0 + 1, x0) + fx * read(y0 + 1, x0 + 1)))
    return out


def test_random_rotation_zoom_translation_match_the_sampling_reference():
    image = rng.uniform(0, 1, (1, 5, 6, 2))
    angle = np.deg2rad(36.0)
    cx, cy = 2.5, 2.0
    rot = [np.cos(angle), -np.sin(angle), 0, np.sin(angle), np.cos(angle), 0]
    rot[2] = cx - cx * rot[0] - cy * rot[1]
    rot[5] = cy - cx * rot[3] - cy * rot[4]
    layer = layers.RandomRotation((0.1, 0.1), fill_mode="constant", fill_value=0.5,
                                  dtype="float64")
    assert_close(layer(image), _affine_reference(image[0], rot, 0.5)[None], atol=1e-5)
    zoom = layers.RandomZoom((-0.5, -0.5), fill_mode="constant", dtype="float64")
    assert_close(zoom(image), _affine_reference(image[0], [0.5, 0, 1.25, 0, 0.5, 1.0])[None],
                 atol=1e-6)
    shift = layers.RandomTranslation((0.4, 0.4), (0.5, 0.5), fill_mode="constant",
                                     dtype="float64")
    expected = np.zeros_like(image)
    expected[:, 2:, 3:] = image[:, :3, :3]
    assert_close(shift(image), expected)
    check_grad(lambda t: layer(t), [image[:, :3, :4, :1]])


def test_fill_modes_extend_the_image_like_tf():
    row = np.arange(4, dtype=np.float32).reshape(1, 1, 4, 1)
    shift = {m: layers.RandomTranslation(0, (0.5, 0.5), fill_mode=m, interpolation="nearest")
             for m in ("reflect", "wrap", "nearest", "constant")}
    assert shift["reflect"](row).numpy().ravel().tolist() == [1, 0, 0, 1]
    assert shift["wrap"](row).numpy().ravel().tolist() == [2, 3, 0, 1]
    assert shift["nearest"](row).numpy().ravel().tolist() == [0, 0, 0, 1]
    assert shift["constant"](row).numpy().ravel().tolist() == [0, 0, 0, 1]


def test_augmentations_are_identity_outside_training_and_seeded():
    images = rng.uniform(0, 255, (3, 6, 6, 3)).astype(np.float32)
    for layer in (layers.RandomFlip(), layers.RandomRotation(0.2), layers.RandomZoom(0.2),
                  layers.RandomTranslation(0.2, 0.2), layers.RandomContrast(0.3),
                  layers.RandomBrightness(0.3), layers.RandomCrop(6, 6)):
        assert_close(layer(images, training=False), images)
    a = layers.RandomRotation(0.3, seed=7)(images).numpy()
    assert_close(layers.RandomRotation(0.3, seed=7)(images), a)
    assert not np.allclose(a, images)
    flipped = layers.RandomFlip("horizontal", seed=1)(images).numpy()
    for out, image in zip(flipped, images):
        assert np.array_equal(out, image) or np.array_equal(out, image[:, ::-1])
    model = keras.Sequential([keras.Input((6, 6, 3)), layers.RandomFlip(seed=2)])
    assert_close(model.predict(images, verbose=0), images)


def test_contrast_brightness_crop_and_resize_values():
    images = rng.uniform(0, 255, (2, 4, 5, 3)).astype(np.float64)
    mean = images.mean((1, 2), keepdims=True)
    # The draw is U(1 - factor[0], 1 + factor[1]): (-0.5, 0.5) fixes it at 1.5.
    contrast = layers.RandomContrast((-0.5, 0.5), dtype="float64")
    assert_close(contrast(images), np.clip((images - mean) * 1.5 + mean, 0, 255))
    assert layers.RandomContrast(0.5).factor == (0, 0.5)  # Keras 3 bounds a number to [0, 1]
    bright = layers.RandomBrightness((0.1, 0.1), dtype="float64")
    assert_close(bright(images), np.clip(images + 25.5, 0, 255))
    assert_close(layers.CenterCrop(2, 3, dtype="float64")(images), images[:, 1:3, 1:4])
    assert layers.RandomCrop(3, 3)(images).shape == (2, 3, 3, 3)
    assert layers.Resizing(8, 10)(images).shape == (2, 8, 10, 3)
    ids = np.arange(16, dtype=np.uint8).reshape(1, 4, 4, 1)
    assert layers.Resizing(2, 2)(ids).dtype == tf.uint8  # integer images keep their dtype
    assert_close(layers.Resizing(2, 2, interpolation="nearest")(ids.astype(np.float32)),
                 ids[:, 1::2, 1::2].astype(np.float32))
    with pytest.raises(ValueError, match="factor"):
        layers.RandomRotation(2.0)
    with pytest.raises(ValueError, match="unknown mode"):
        layers.RandomFlip("diagonal")
    with pytest.raises(NotImplementedError, match="fill_mode"):
        layers.RandomZoom(0.1, fill_mode="mirror")
    with pytest.raises(ValueError, match="rank 3 or 4"):
        layers.RandomContrast(0.1)(np.zeros((2, 3), np.float32))


# -- Normalization / Discretization / CategoryEncoding ---------------------------------------
def test_normalization_adapts_on_arrays_and_datasets():
    data = rng.standard_normal((40, 3)) * [1.0, 2.0, 3.0] + [0.0, 1.0, -1.0]
    norm = layers.Normalization(dtype="float64")
    norm.adapt(data)
    assert_close(norm(data), (data - data.mean(0)) / data.std(0))
    assert [(w.path, tuple(w.shape), w.dtype.name) for w in norm.weights] == [
        ("normalization/mean", (3,), "float64"), ("normalization/variance", (3,), "float64"),
        ("normalization/count", (), "int64")]
    assert norm.count_params() == 7 and not norm.trainable_weights
    streamed = layers.Normalization(axis=None, dtype="float64")
    streamed.adapt(tf.data.Dataset.from_tensor_slices(data).batch(7))
    assert_close(streamed.adapt_mean.numpy(), data.mean(), rtol=1e-12)
    assert_close(streamed.adapt_variance.numpy(), data.var(), rtol=1e-12)
    inverted = layers.Normalization(mean=[1.0, 2.0], variance=[4.0, 9.0], invert=True)
    assert_close(inverted(np.ones((1, 2), np.float32)), np.array([[3.0, 5.0]], np.float32))
    assert layers.Normalization.from_config(inverted.get_config()).invert is True
    with pytest.raises(ValueError, match="both `mean` and `variance`"):
        layers.Normalization(mean=1.0)


def test_discretization_and_category_encoding_match_tf():
    x = np.array([[-1.0, 0.0, 0.5, 1.0, 3.0]])
    bins = layers.Discretization(bin_boundaries=[0.0, 1.0, 2.0])
    out = bins(x)
    assert out.dtype == tf.int32 and out.numpy().tolist() == [[0, 1, 1, 2, 3]]
    assert layers.Discretization(bin_boundaries=[0.0, 1.0], output_mode="one_hot")(
        np.array([-1.0, 0.5, 2.0])).numpy().tolist() == np.eye(3).tolist()
    quantiles = layers.Discretization(num_bins=4)
    quantiles.adapt(np.arange(100, dtype=np.float32))
    assert len(quantiles.bin_boundaries) == 3
    assert np.allclose(quantiles.bin_boundaries, [24.0, 49.0, 74.0], atol=1.0)
    enc = layers.CategoryEncoding(num_tokens=4, output_mode="count")
    assert enc(np.array([[0, 1, 1], [3, 3, 5]])).numpy().tolist() == [[1, 2, 0, 0], [0, 0, 0, 2]]
    assert enc(np.array([[0, 1, 1]]), count_weights=np.array([[0.5, 1, 2]])).numpy() \
        .tolist() == [[0.5, 3.0, 0, 0]]
    one_hot = layers.CategoryEncoding(num_tokens=3, output_mode="one_hot")
    assert one_hot(np.array([[2], [0]])).numpy().tolist() == [[0, 0, 1], [1, 0, 0]]
    multi = layers.CategoryEncoding(num_tokens=3)
    assert multi(np.array([0, 2])).numpy().tolist() == [1, 0, 1]  # rank 1: one sample
    with pytest.raises(tf.errors.InvalidArgumentError):
        multi(np.array([-1, 2]))
    with pytest.raises(ValueError, match="num_tokens"):
        layers.CategoryEncoding()
    with pytest.raises(ValueError, match="either `num_bins` or `bin_boundaries`"):
        layers.Discretization()


# -- files written by Keras 3 ----------------------------------------------------------------
@pytest.mark.parametrize("name", ["attn", "images"])
def test_keras3_fixture_loads_and_predicts_like_keras(tmp_path, name):
    """Made by tests/fixtures/make_attention_fixtures.py with TF 2.21 / Keras 3."""
    from test_saving_interop import FIXTURES, unpack
    model = keras.models.load_model(unpack("k3_layers_%s.keras" % name, tmp_path))
    data = np.load(os.path.join(FIXTURES, "k3_layers_%s.npz" % name))
    x = data["x"] if "x" in data else [data["x0"], data["x1"]]
    assert_close(model.predict(x, verbose=0), data["pred"], rtol=1e-4, atol=1e-5)
    model.save(str(tmp_path / "again.keras"))
    again = keras.models.load_model(str(tmp_path / "again.keras"))
    assert_close(again.predict(x, verbose=0), data["pred"], rtol=1e-4, atol=1e-5)


def test_category_encoding_truncates_float_ids_and_rejects_nan():
    enc = layers.CategoryEncoding(num_tokens=3, output_mode="one_hot")
    assert enc(np.array([0.5, 1.7])).numpy().tolist() == [[1, 0, 0], [0, 1, 0]]
    with pytest.raises(tf.errors.InvalidArgumentError):
        layers.CategoryEncoding(3)(np.array([np.nan, 1.0]))


# -- IntegerLookup ---------------------------------------------------------------------------
def test_integer_lookup_maps_tokens_like_tf():
    lookup = layers.IntegerLookup(vocabulary=[12, 36, 1138, 42])
    out = lookup(np.array([[12, 1138, 42], [42, 1000, 36]]))
    assert out.dtype == tf.int64 and out.numpy().tolist() == [[1, 3, 4], [4, 0, 2]]
    assert lookup.get_vocabulary() == [-1, 12, 36, 1138, 42] and lookup.vocabulary_size() == 5
    adapted = layers.IntegerLookup()
    adapted.adapt(np.array([[12, 1138, 42], [42, 1000, 36], [36, 36, 5]]))
    # most frequent first, ties broken by the larger token
    assert adapted.get_vocabulary() == [-1, 36, 42, 1138, 1000, 12, 5]
    two_oov = layers.IntegerLookup(vocabulary=[12, 36], mask_token=0, num_oov_indices=2)
    assert two_oov(np.array([0, 12, 7, 8, 36])).numpy().tolist() == [0, 3, 2, 1, 4]
    multi = layers.IntegerLookup(vocabulary=[12, 36], mask_token=0, output_mode="multi_hot")
    assert multi(np.array([[0, 12, 7], [36, 36, 0]])).numpy().tolist() == [[1, 1, 0],
                                                                           [0, 0, 1]]
    inverse = layers.IntegerLookup(vocabulary=[12, 36], mask_token=0, invert=True)
    assert inverse(np.array([0, 1, 2, 3, 5])).numpy().tolist() == [0, -1, 12, 36, -1]
    clone = layers.IntegerLookup.from_config(adapted.get_config())
    assert clone.get_vocabulary() == adapted.get_vocabulary()


def test_integer_lookup_bad_arguments_raise():
    with pytest.raises(ValueError, match="num_oov_indices"):
        layers.IntegerLookup(num_oov_indices=-1)
    with pytest.raises(ValueError, match="repeated term"):
        layers.IntegerLookup(vocabulary=[1, 1])
    with pytest.raises(ValueError, match="must be `'int'` when `invert`"):
        layers.IntegerLookup(invert=True, output_mode="count")
    with pytest.raises(tf.errors.InvalidArgumentError, match="num_oov_indices=0"):
        layers.IntegerLookup(vocabulary=[1], num_oov_indices=0)(np.array([5]))
    with pytest.raises(ValueError, match="Cannot adapt"):
        layers.IntegerLookup(vocabulary=[1]).adapt(np.array([1, 2]))


def test_keras2_spellings_attention_causal_and_experimental_preprocessing():
    q = rng.standard_normal((1, 3, 2))
    causal = layers.Attention(causal=True, dtype="float64")
    assert_close(causal([q, q]), layers.Attention(dtype="float64")([q, q], use_causal_mask=True)
                 .numpy())
    assert layers.Attention.from_config(causal.get_config()).causal is True
    old = layers.experimental.preprocessing
    assert old.RandomFlip is layers.RandomFlip and old.Normalization is layers.Normalization
    assert layers.experimental.EinsumDense is layers.EinsumDense
