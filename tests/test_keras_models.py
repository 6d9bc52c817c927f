"""Sequential, subclassed and functional models: structure, summary, weights (notes 5.2, 7)."""

import numpy as np
import pytest

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers
from helpers import assert_close


def setup_function():
    keras.backend.clear_session()


SEQUENTIAL_SUMMARY = """\
Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ dense (Dense)                   │ (4, 3)                 │            15 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ re_lu (ReLU)                    │ (4, 3)                 │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense_1 (Dense)                 │ (4, 3)                 │            12 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ re_lu_1 (ReLU)                  │ (4, 3)                 │             0 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 27 (108.00 B)
 Trainable params: 27 (108.00 B)
 Non-trainable params: 0 (0.00 B)
"""


def test_notes_7_2_sequential_build_summary_and_names():
    network = keras.Sequential([])
    for _ in range(2):
        network.add(layers.Dense(3))
        network.add(layers.ReLU())
    network.build(input_shape=(4, 4))
    lines = []
    network.summary(print_fn=lines.append)   # Keras 3 hands print_fn the whole table
    assert lines == [SEQUENTIAL_SUMMARY]
    assert [(p.name, tuple(p.shape)) for p in network.trainable_variables] == [
        ("dense/kernel:0", (4, 3)), ("dense/bias:0", (3,)),
        ("dense_1/kernel:0", (3, 3)), ("dense_1/bias:0", (3,))]


def test_notes_5_2_sequential_forward():
    x = tf.random.normal([100, 784])
    model = keras.Sequential([layers.Dense(256, activation=tf.nn.relu),
                              layers.Dense(64, activation=tf.nn.relu),
                              layers.Dense(10, activation=None)])
    out = model(x)
    assert out.shape == (100, 10)
    h = x.numpy()
    for layer, act in zip(model.layers, (True, True, False)):
        h = h @ layer.kernel.numpy() + layer.bias.numpy()
        h = np.maximum(h, 0) if act else h
    assert_close(out, h, rtol=1e-4, atol=1e-4)


def test_notes_7_7_subclassed_model_build_summary():
    class MyModel(keras.Model):
        def __init__(self):
            super().__init__()
            self.fc1 = layers.Dense(256)
            self.fc2 = layers.Dense(128)
            self.fc3 = layers.Dense(64)
            self.fc4 = layers.Dense(32)
            self.fc5 = layers.Dense(10)

        def call(self, inputs, training=None, mask=None):
            x = self.fc1(inputs)
            x = self.fc2(x)
            x = self.fc3(x)
            x = self.fc4(x)
            return self.fc5(x)

    model = MyModel()
    model.build(input_shape=(None, 28 * 28))
    lines = []
    model.summary(print_fn=lines.append)
    text = "\n".join(lines)
    assert 'Model: "my_model"' in text
    # build() creates the weights (the notes rely on it; Keras 3 leaves them unbuilt)
    assert "│ dense (Dense)                   │ (None, 256)            │       200,960 │" in text
    assert " Total params: 244,522 (955.16 KB)" in text
    assert " Non-trainable params: 0 (0.00 B)" in text
    y = model(inputs=tf.random.normal(shape=[10, 28 * 28]))
    assert y.shape == (10, 10)
    assert model.trainable_variables[0].name == "my_model/dense/kernel:0"


def test_sequential_pop_and_get_set_weights():
    model = keras.Sequential([layers.Dense(4, input_shape=(3,)), layers.Dense(2)])
    assert model.built and model.output_shape == (None, 2)
    weights = model.get_weights()
    assert [w.shape for w in weights] == [(3, 4), (4,), (4, 2), (2,)]
    new = [np.full_like(w, 0.5) for w in weights]
    model.set_weights(new)
    assert all((w == 0.5).all() for w in model.get_weights())
    with pytest.raises(ValueError, match="weight list of length 1"):
        model.set_weights(new[:1])
    popped = model.pop()
    assert popped.name == "dense_1" and len(model.layers) == 1


def test_functional_multi_input_output_and_shared_layer():
    a = keras.Input(shape=(3,), name="a")
    b = keras.Input(shape=(3,), name="b")
    shared = layers.Dense(4, name="shared")
    ha, hb = shared(a), shared(b)
    merged = layers.Concatenate()([ha, hb])
    out1 = layers.Dense(1, name="out1")(merged)
    out2 = layers.Add(name="out2")([ha, hb])
    model = keras.Model(inputs=[a, b], outputs=[out1, out2])
    assert out1.shape == (None, 1) and merged.shape == (None, 8)
    xa = np.random.default_rng(1).standard_normal((5, 3)).astype(np.float32)
    xb = np.random.default_rng(2).standard_normal((5, 3)).astype(np.float32)
    y1, y2 = model([xa, xb])
    k, bias = shared.kernel.numpy(), shared.bias.numpy()
    ra, rb = xa @ k + bias, xb @ k + bias
    assert_close(y2, ra + rb, rtol=1e-5, atol=1e-5)
    d = model.get_layer("out1")
    assert_close(y1, np.concatenate([ra, rb], -1) @ d.kernel.numpy() + d.bias.numpy(),
                 rtol=1e-5, atol=1e-5)
    assert len(model.trainable_weights) == 4
    lines = []
    model.summary(print_fn=lines.append)
    text = "\n".join(lines)
    assert "Connected to" in text and "shared[0][0]" in text and "shared[1][0]" in text
    assert " Total params: 25 (100.00 B)" in text and "Model: \"functional\"" in text
    with pytest.raises(ValueError, match="expects 2 input"):
        model(xa)


def test_functional_sequential_like_summary_and_disconnected_graph():
    inputs = keras.Input(shape=(784,))
    x = layers.Dense(64, activation="relu")(inputs)
    outputs = layers.Dense(10)(x)
    model = keras.Model(inputs, outputs, name="mnist_model")
    lines = []
    model.summary(print_fn=lines.append)
    rows = lines[0].splitlines()
    assert rows[4] == "│ input_layer (InputLayer)        │ (None, 784)            │             0 │"
    assert "│ dense (Dense)                   │ (None, 64)             │        50,240 │" in rows
    assert " Total params: 50,890 (198.79 KB)" in rows
    other = keras.Input(shape=(2,))
    with pytest.raises(ValueError, match="Graph disconnected"):
        keras.Model(other, outputs)


def test_clear_session_resets_names():
    layers.Dense(1)
    keras.backend.clear_session()
    assert layers.Dense(1).name == "dense"


def test_load_model_placeholder():
    with pytest.raises((NotImplementedError, OSError, IOError, ValueError)):
        keras.models.load_model("/nonexistent/model.h5")


def test_functional_layers_follow_keras_order_for_branching_graphs():
    # Keras lists layers by depth, then by first meeting from the outputs; Keras 3 weight
    # files address layers by that position. Order printed by TF 2.21 for this graph.
    import fasttf as tf
    L = tf.keras.layers
    inp = tf.keras.Input((8,))
    a = L.Dense(4, name="main1")(inp)
    a = L.Dense(4, name="main2")(a)
    s = L.Dense(4, name="shortcut")(inp)
    x = L.Add(name="add")([s, a])
    b = L.Dense(3, name="side")(inp)
    out = L.Concatenate(name="cat")([x, b])
    model = tf.keras.Model(inp, out)
    assert [layer.name for layer in model.layers][1:] == [
        "main1", "shortcut", "main2", "add", "side", "cat"]
