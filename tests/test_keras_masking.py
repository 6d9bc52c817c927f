"""Keras masks carried between layers (Keras 3 semantics): a layer that computes a mask
attaches it to its output (`_keras_mask`), the next layer receives it as `mask=` when its call
takes one, layers that support masking pass it on (or transform it), the others drop it with
a warning, and losses and metrics weigh the masked entries out."""

import gc
import os
import warnings

import numpy as np
import pytest

import fasttf as tf
from fasttf.framework import keras_mask
from helpers import assert_close

keras = tf.keras
layers = keras.layers


def _padded_tokens():
    tokens = np.array([[3, 5, 2, 0, 0, 0],
                       [7, 0, 0, 0, 0, 0],
                       [1, 2, 3, 4, 5, 6],
                       [4, 4, 9, 1, 0, 0]])
    return tokens, tokens != 0


def test_embedding_mask_rides_on_the_output_and_through_dense():
    tokens, valid = _padded_tokens()
    embedded = layers.Embedding(10, 3, mask_zero=True)(tokens)
    np.testing.assert_array_equal(embedded._keras_mask.numpy(), valid)
    dense = layers.Dense(2)(embedded)  # supports masking: passes it on
    np.testing.assert_array_equal(dense._keras_mask.numpy(), valid)
    with pytest.raises(AttributeError, match="_keras_mask"):
        tf.constant([1.0])._keras_mask  # as TF: no attribute without a mask


def test_rnn_after_masked_embedding_equals_each_sequence_without_its_padding():
    # A masked step keeps the states, so with trailing padding the last output is the one
    # the unpadded prefix gives: the implicit mask must reach the LSTM.
    tokens, valid = _padded_tokens()
    model = keras.Sequential([keras.Input((6,)), layers.Embedding(10, 3, mask_zero=True),
                              layers.LSTM(4)])
    out = model(tokens).numpy()
    embedding, lstm = model.layers
    for i, row in enumerate(tokens):
        prefix = tf.constant(row[valid[i]][None])
        expected = lstm(embedding(prefix)).numpy()[0]
        assert_close(out[i], expected, rtol=1e-5, atol=1e-6)
    unmasked = keras.Sequential([keras.Input((6,)), layers.Embedding(10, 3), layers.LSTM(4)])
    unmasked.set_weights(model.get_weights())
    assert not np.allclose(unmasked(tokens).numpy()[:2], out[:2])  # padding would change it


def test_masking_layer_zeroes_masked_steps_and_feeds_the_mask_on():
    x = np.random.default_rng(0).standard_normal((3, 5, 2)).astype("float32")
    x[0, 2:] = 0
    x[1, 1] = 0
    x[2, 3, 0] = 0  # one feature zero: the step stays
    masked = layers.Masking()(x)
    keep = np.any(x != 0, axis=-1)
    np.testing.assert_array_equal(masked._keras_mask.numpy(), keep)
    assert_close(masked, x * keep[..., None])
    other = layers.Masking(mask_value=1.5)
    assert other.get_config()["mask_value"] == 1.5
    rnn = layers.SimpleRNN(3)
    implicit = rnn(layers.Masking()(x)).numpy()
    assert_close(implicit, rnn(x, mask=tf.constant(keep)).numpy(), rtol=1e-6, atol=1e-7)


def test_global_average_pooling_1d_averages_the_unmasked_steps_only():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 4, 2))
    mask = np.array([[1, 1, 0, 0], [1, 0, 1, 0], [1, 1, 1, 1]], bool)
    pool = layers.GlobalAveragePooling1D(dtype="float64")
    expected = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
    assert_close(pool(x, mask=tf.constant(mask)), expected)
    assert_close(pool(x), x.mean(1))
    first = layers.GlobalAveragePooling1D(data_format="channels_first", dtype="float64")
    xt = x.transpose(0, 2, 1)
    assert_close(first(xt, mask=tf.constant(mask)), expected)
    assert pool.compute_mask(x, tf.constant(mask)) is None


def test_merge_masks_combine_as_in_keras():
    tokens, valid = _padded_tokens()
    a = layers.Embedding(10, 2, mask_zero=True)(tokens)
    b = layers.Embedding(10, 2, mask_zero=True)(tokens[:, ::-1].copy())
    added = layers.Add()([a, b])
    np.testing.assert_array_equal(added._keras_mask.numpy(), valid | valid[:, ::-1])
    joined = layers.Concatenate()([a, b])  # concatenated along features: any() per step
    np.testing.assert_array_equal(joined._keras_mask.numpy(), valid | valid[:, ::-1])
    unmasked = tf.constant(np.ones((4, 6, 2), "float32"))
    with pytest.raises(AttributeError):  # one input without a mask: Add gives none
        layers.Add()([a, unmasked])._keras_mask
    partly = layers.Concatenate()([a, unmasked])  # Concatenate counts it as all valid
    np.testing.assert_array_equal(partly._keras_mask.numpy(), np.ones((4, 6), bool))
    assert layers.Dot(axes=-1).compute_mask([a, b], [a._keras_mask, b._keras_mask]) is None
    with pytest.raises(ValueError, match="should be a list"):
        layers.Add().compute_mask([a, b], a._keras_mask)


def test_a_layer_without_masking_support_drops_the_mask_with_a_warning():
    tokens, _ = _padded_tokens()
    embedded = layers.Embedding(10, 2, mask_zero=True)(tokens)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        flat = layers.Flatten()(embedded)
    assert any("does not support masking" in str(w.message) for w in caught)
    with pytest.raises(AttributeError):
        flat._keras_mask
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no mask, no warning
        layers.Flatten()(tf.constant(np.ones((2, 3, 2), "float32")))


def test_lambda_passes_a_mask_only_when_told_how():
    tokens, valid = _padded_tokens()
    embedded = layers.Embedding(10, 2, mask_zero=True)(tokens)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain = layers.Lambda(lambda x: x * 2)(embedded)
    with pytest.raises(AttributeError):
        plain._keras_mask
    kept = layers.Lambda(lambda x: x * 2, mask=lambda inputs, mask: mask)(embedded)
    np.testing.assert_array_equal(kept._keras_mask.numpy(), valid)


def test_masked_loss_and_metric_average_over_the_valid_steps():
    rng = np.random.default_rng(2)
    tokens, valid = _padded_tokens()
    logits = rng.standard_normal((4, 6, 3)).astype("float32")
    labels = rng.integers(0, 3, (4, 6))
    y_pred = tf.constant(logits)
    keras_mask.set_keras_mask(y_pred, tf.constant(valid))
    log_probs = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    per_step = -np.take_along_axis(log_probs, labels[..., None], -1)[..., 0]
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    assert_close(loss(labels, y_pred), per_step[valid].mean(), rtol=1e-5)
    summed = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction="sum")
    assert_close(summed(labels, y_pred), per_step[valid].sum(), rtol=1e-5)
    weights = rng.uniform(0.5, 2, (4, 6)).astype("float32")
    expected = (per_step * weights * valid).sum() / valid.sum()
    assert_close(loss(labels, y_pred, sample_weight=weights), expected, rtol=1e-5)
    accuracy = keras.metrics.SparseCategoricalAccuracy()
    accuracy.update_state(labels, y_pred)
    hits = logits.argmax(-1) == labels
    assert_close(accuracy.result(), hits[valid].mean(), rtol=1e-6)


def test_fit_and_evaluate_weigh_padded_steps_out():
    tokens, valid = _padded_tokens()
    labels = np.random.default_rng(3).integers(0, 3, (4, 6))
    inputs = keras.Input((6,))
    hidden = layers.LSTM(4, return_sequences=True)(
        layers.Embedding(10, 3, mask_zero=True)(inputs))
    model = keras.Model(inputs, layers.Dense(3)(hidden))
    model.compile(optimizer="sgd", metrics=["accuracy"],
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    logits = model.predict(tokens, verbose=0)
    log_probs = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    per_step = -np.take_along_axis(log_probs, labels[..., None], -1)[..., 0]
    loss, accuracy = model.evaluate(tokens, labels, verbose=0)
    assert_close(loss, per_step[valid].mean(), rtol=1e-5)
    assert_close(accuracy, (logits.argmax(-1) == labels)[valid].mean(), rtol=1e-6)
    history = model.fit(tokens, labels, epochs=1, batch_size=4, verbose=0)
    assert_close(history.history["loss"][0], per_step[valid].mean(), rtol=1e-5)


def test_mask_table_entries_die_with_their_tensors():
    before = len(keras_mask._MASKS)
    x = tf.constant([1.0, 2.0])
    x._keras_mask = tf.constant([True, False])
    assert len(keras_mask._MASKS) == before + 1
    del x._keras_mask
    with pytest.raises(AttributeError):
        x._keras_mask
    x._keras_mask = tf.constant([True, True])
    del x
    gc.collect()
    assert len(keras_mask._MASKS) == before


def test_keras3_masking_fixture_loads_and_predicts_like_keras(tmp_path):
    """Made by tests/fixtures/make_attention_fixtures.py with TF 2.21 / Keras 3: Masking and
    Embedding(mask_zero=True) into LSTM / GRU, Add of two masks, masked average."""
    from test_saving_interop import FIXTURES, unpack
    model = keras.models.load_model(unpack("k3_layers_masking.keras", tmp_path))
    data = np.load(os.path.join(FIXTURES, "k3_layers_masking.npz"))
    x = [data["x0"], data["x1"]]
    assert_close(model.predict(x, verbose=0), data["pred"], rtol=1e-4, atol=1e-5)
    # Keras writes the masks' computation as op nodes (not_equal, any, logical_or); fasttf
    # rebuilds them as layers and writes them back the same way.
    ops = sorted({type(layer).__name__ for layer in model.layers
                  if type(layer).__module__.startswith("keras.src.ops")})
    assert ops == ["Any", "LogicalOr", "NotEqual"]
    model.save(str(tmp_path / "again.keras"))
    again = keras.models.load_model(str(tmp_path / "again.keras"))
    assert_close(again.predict(x, verbose=0), data["pred"], rtol=1e-4, atol=1e-5)


def test_an_unknown_keras_op_node_is_a_clear_error():
    from fasttf.keras.saving import model_config
    from fasttf.keras.saving.errors import SavingError
    spec = {"module": "keras.src.ops.nn", "class_name": "Fold", "config": {"name": "fold"}}
    with pytest.raises(SavingError, match="Unknown operation 'Fold'"):
        model_config.deserialize_layer(spec)
    node = model_config.deserialize_layer(
        {"module": "keras.src.ops.numpy", "class_name": "Any",
         "config": {"name": "any", "axis": -1, "keepdims": False}})
    np.testing.assert_array_equal(node(tf.constant([[True, False], [False, False]])).numpy(),
                                  [True, False])
    assert node.get_config() == {"name": "any", "axis": -1, "keepdims": False}


def test_a_model_takes_a_masked_input_and_its_layers_carry_the_mask_on():
    tokens, valid = _padded_tokens()
    embedded = layers.Embedding(10, 3, mask_zero=True)(tokens)
    inner = keras.Sequential([keras.Input((6, 3)), layers.Dense(2)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a model supports a masked input
        out = inner(embedded)
    np.testing.assert_array_equal(out._keras_mask.numpy(), valid)
