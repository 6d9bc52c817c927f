"""Recurrent layers (SimpleRNN, LSTM, GRU, RNN, cells, Bidirectional, TimeDistributed):
outputs against float64 NumPy references of Keras' cell equations, gradients against central
differences, Keras' weight shapes and parameter counts, configs, training and saving."""

import numpy as np
import pytest

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers
from helpers import assert_close, check_grad

rng = np.random.default_rng(0)


def setup_function():
    keras.backend.clear_session()


# -- NumPy references (Keras 3 equations, gate orders LSTM i f c o, GRU z r h) -------------
def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def np_simple_step(x, states, kernel, recurrent, bias):
    h = np.tanh(x @ kernel + states[0] @ recurrent + bias)
    return h, [h]


def np_lstm_step(x, states, kernel, recurrent, bias):
    h, c = states
    z = x @ kernel + h @ recurrent + bias
    i, f, g, o = np.split(z, 4, axis=-1)
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(g)
    h = sigmoid(o) * np.tanh(c)
    return h, [h, c]


def np_gru_step(x, states, kernel, recurrent, bias, reset_after=True):
    h = states[0]
    units = h.shape[-1]
    if reset_after:
        xz, xr, xh = np.split(x @ kernel + bias[0], 3, axis=-1)
        rz, rr, rh = np.split(h @ recurrent + bias[1], 3, axis=-1)
        z, r = sigmoid(xz + rz), sigmoid(xr + rr)
        hh = np.tanh(xh + r * rh)
    else:
        xz, xr, xh = np.split(x @ kernel + bias, 3, axis=-1)
        z = sigmoid(xz + h @ recurrent[:, :units])
        r = sigmoid(xr + h @ recurrent[:, units:2 * units])
        hh = np.tanh(xh + (r * h) @ recurrent[:, 2 * units:])
    h = z * h + (1 - z) * hh
    return h, [h]


def np_rnn(step, x, states, weights, go_backwards=False, mask=None):
    """Keras' backend.rnn: masked steps keep states and repeat the previous output."""
    order = range(x.shape[1])[::-1] if go_backwards else range(x.shape[1])
    outputs, previous = [], np.zeros_like(states[0])
    for t in order:
        out, new = step(x[:, t], states, *weights)
        if mask is not None:
            keep = mask[:, t:t + 1]
            new = [np.where(keep, n, s) for n, s in zip(new, states)]
            out = np.where(keep, out, previous)
        previous, states = out, new
        outputs.append(out)
    return np.stack(outputs, 1), states


def weights_of(layer):
    return [w.numpy().astype(np.float64) for w in layer.weights]


# -- forward values ---------------------------------------------------------------------------
@pytest.mark.parametrize("make,step,n_states", [
    (lambda: layers.SimpleRNN(4, return_sequences=True, return_state=True, dtype="float64"),
     np_simple_step, 1),
    (lambda: layers.LSTM(4, return_sequences=True, return_state=True, dtype="float64"),
     np_lstm_step, 2),
    (lambda: layers.GRU(4, return_sequences=True, return_state=True, dtype="float64"),
     np_gru_step, 1),
])
def test_layers_match_numpy_cell_equations(make, step, n_states):
    x = rng.standard_normal((3, 5, 2))
    layer = make()
    layer(x)
    # Non-zero biases, so that every bias term is checked.
    layer.set_weights([w + rng.standard_normal(w.shape) * 0.3 for w in layer.get_weights()])
    out = layer(x)
    assert len(out) == 1 + n_states
    zeros = [np.zeros((3, 4))] * n_states
    seq, states = np_rnn(step, x, zeros, weights_of(layer))
    assert_close(out[0], seq, rtol=1e-10, atol=1e-12)
    for got, expected in zip(out[1:], states):
        assert_close(got, expected, rtol=1e-10, atol=1e-12)


def test_gru_without_reset_after_matches_numpy():
    x = rng.standard_normal((2, 4, 3))
    gru = layers.GRU(5, reset_after=False, dtype="float64")
    gru(x)
    assert gru.cell.bias.shape == (15,)
    gru.set_weights([w + 0.2 for w in gru.get_weights()])
    _, (h,) = np_rnn(lambda x, s, k, r, b: np_gru_step(x, s, k, r, b, reset_after=False),
                     x, [np.zeros((2, 5))], weights_of(gru))
    assert_close(gru(x), h, rtol=1e-10, atol=1e-12)


def test_go_backwards_mask_and_initial_state():
    x = rng.standard_normal((3, 6, 2))
    mask = np.array([[1, 1, 1, 0, 0, 0], [1, 0, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0]], bool)
    h0, c0 = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
    lstm = layers.LSTM(4, return_sequences=True, return_state=True, go_backwards=True,
                       dtype="float64")
    seq, h, c = lstm(x, initial_state=[h0, c0], mask=mask)
    ref_seq, (ref_h, ref_c) = np_rnn(np_lstm_step, x, [h0, c0], weights_of(lstm),
                                     go_backwards=True, mask=mask)
    assert_close(seq, ref_seq, rtol=1e-10, atol=1e-12)
    assert_close(h, ref_h, rtol=1e-10, atol=1e-12)
    assert_close(c, ref_c, rtol=1e-10, atol=1e-12)
    # A fully masked sample keeps its initial state.
    assert_close(c.numpy()[2], c0[2])


def test_zero_output_for_mask():
    x = rng.standard_normal((1, 3, 2)).astype(np.float32)
    rnn = layers.SimpleRNN(2, return_sequences=True, zero_output_for_mask=True)
    out = rnn(x, mask=np.array([[True, False, True]]))
    assert np.all(out.numpy()[0, 1] == 0) and np.any(out.numpy()[0, 2] != 0)


def test_rnn_wrapper_runs_cells_and_stacks():
    x = rng.standard_normal((2, 4, 3)).astype(np.float32)
    lstm = layers.LSTM(5)
    rnn = layers.RNN(layers.LSTMCell(5))
    rnn(x)
    lstm(x)
    rnn.set_weights(lstm.get_weights())
    assert_close(rnn(x), lstm(x))
    stacked = layers.RNN([layers.LSTMCell(5), layers.GRUCell(3)], return_state=True)
    out, lstm_states, gru_states = stacked(x)
    assert out.shape == (2, 3) and len(lstm_states) == 2 and len(gru_states) == 1
    assert_close(out, gru_states[0])
    assert stacked.count_params() == 4 * (3 * 5 + 5 * 5 + 5) + 3 * (5 * 3 + 3 * 3) + 2 * 9


class MinimalCell(layers.Layer):
    """The Keras guide's cell: any object with state_size and call(inputs, states)."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = units

    def build(self, input_shape):
        self.kernel = self.add_weight("kernel", (input_shape[-1], self.units))
        self.recurrent_kernel = self.add_weight("recurrent_kernel", (self.units, self.units))

    def call(self, inputs, states):
        h = tf.matmul(inputs, self.kernel) + tf.matmul(states[0], self.recurrent_kernel)
        return h, [h]


def test_rnn_with_a_user_cell_and_its_gradient():
    x = rng.standard_normal((2, 3, 2))
    rnn = layers.RNN(MinimalCell(3, dtype="float64"), return_sequences=True, dtype="float64")
    out = rnn(x)
    k, r = weights_of(rnn)
    h, expected = np.zeros((2, 3)), []
    for t in range(3):
        h = x[:, t] @ k + h @ r
        expected.append(h)
    assert_close(out, np.stack(expected, 1))
    check_grad(lambda t: rnn(t), [x])


# -- weights and parameter counts as TF gives them ---------------------------------------------
@pytest.mark.parametrize("make,shapes,count", [
    (lambda: layers.LSTM(4), [(3, 16), (4, 16), (16,)], 128),
    (lambda: layers.GRU(4), [(3, 12), (4, 12), (2, 12)], 108),
    (lambda: layers.GRU(4, reset_after=False), [(3, 12), (4, 12), (12,)], 96),
    (lambda: layers.SimpleRNN(4), [(3, 4), (4, 4), (4,)], 32),
    (lambda: layers.LSTM(4, use_bias=False), [(3, 16), (4, 16)], 112),
    (lambda: layers.Bidirectional(layers.LSTM(4)), [(3, 16), (4, 16), (16,)] * 2, 256),
])
def test_weight_shapes_and_param_counts(make, shapes, count):
    layer = make()
    layer(np.zeros((2, 5, 3), np.float32))
    assert [tuple(w.shape) for w in layer.weights] == shapes
    assert layer.count_params() == count


def test_variable_names_initializers_and_forget_bias():
    lstm = layers.LSTM(4)
    lstm(np.zeros((2, 3, 3), np.float32))
    assert [w.name for w in lstm.weights] == [
        "lstm/lstm_cell/kernel:0", "lstm/lstm_cell/recurrent_kernel:0", "lstm/lstm_cell/bias:0"]
    bias = lstm.cell.bias.numpy()
    assert np.all(bias[4:8] == 1) and np.all(bias[:4] == 0) and np.all(bias[8:] == 0)
    rk = lstm.cell.recurrent_kernel.numpy()  # orthogonal: rows orthonormal for (4, 16)
    assert_close(rk @ rk.T, np.eye(4), atol=1e-5)
    assert lstm.units == 4 and lstm.recurrent_activation is keras.activations.sigmoid


# -- gradients ---------------------------------------------------------------------------------
def _weight_gradient_check(layer, x, eps=1e-6):
    """Tape gradients of sum(out * probe) w.r.t. every weight against central differences."""
    probe = rng.standard_normal(tuple(layer(x).shape))

    def loss():
        return float(np.sum(layer(x).numpy() * probe))

    with tf.GradientTape() as tape:
        total = tf.reduce_sum(layer(x) * tf.constant(probe))
    grads = tape.gradient(total, layer.trainable_weights)
    for variable, grad in zip(layer.trainable_weights, grads):
        value = variable.numpy()
        numeric = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            for sign in (1, -1):
                shifted = value.copy()
                shifted[index] += sign * eps
                variable.assign(shifted)
                numeric[index] += sign * loss() / (2 * eps)
        variable.assign(value)
        np.testing.assert_allclose(grad.numpy(), numeric, rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("make", [
    lambda: layers.LSTM(2, return_sequences=True, dtype="float64"),
    lambda: layers.GRU(2, go_backwards=True, dtype="float64"),
    lambda: layers.GRU(2, reset_after=False, dtype="float64"),
    lambda: layers.SimpleRNN(2, return_sequences=True, dtype="float64"),
])
def test_gradients_match_central_differences(make):
    x = rng.standard_normal((2, 3, 2))
    layer = make()
    layer(x)
    layer.set_weights([w + 0.1 * rng.standard_normal(w.shape) for w in layer.get_weights()])
    check_grad(lambda t: layer(t), [x])
    _weight_gradient_check(layer, tf.constant(x))


def test_gradient_through_mask_and_bidirectional():
    x = rng.standard_normal((2, 4, 2))
    mask = np.array([[1, 1, 0, 0], [1, 1, 1, 1]], bool)
    lstm = layers.LSTM(2, return_sequences=True, dtype="float64")
    check_grad(lambda t: lstm(t, mask=tf.constant(mask)), [x])
    bi = layers.Bidirectional(layers.GRU(2, return_sequences=True, dtype="float64"),
                              dtype="float64")
    check_grad(lambda t: bi(t), [x])


# -- wrappers ----------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["concat", "sum", "mul", "ave", None])
def test_bidirectional_merge_modes(mode):
    x = rng.standard_normal((2, 4, 3))
    bi = layers.Bidirectional(layers.LSTM(3, return_sequences=True, dtype="float64"),
                              merge_mode=mode, dtype="float64")
    out = bi(x)
    n = len(bi.forward_layer.weights)
    forward, _ = np_rnn(np_lstm_step, x, [np.zeros((2, 3))] * 2, weights_of(bi)[:n])
    backward, _ = np_rnn(np_lstm_step, x, [np.zeros((2, 3))] * 2, weights_of(bi)[n:],
                         go_backwards=True)
    backward = backward[:, ::-1]  # re-aligned with the forward time axis
    expected = {"concat": lambda: np.concatenate([forward, backward], -1),
                "sum": lambda: forward + backward, "mul": lambda: forward * backward,
                "ave": lambda: (forward + backward) / 2}
    if mode is None:
        assert_close(out[0], forward)
        assert_close(out[1], backward)
    else:
        assert_close(out, expected[mode]())
    assert bi.forward_layer.name.startswith("forward_") and bi.backward_layer.go_backwards


def test_bidirectional_states_and_backward_layer():
    x = rng.standard_normal((2, 4, 3)).astype(np.float32)
    bi = layers.Bidirectional(layers.GRU(3, return_state=True),
                              backward_layer=layers.GRU(3, return_state=True, go_backwards=True,
                                                        activation="relu"))
    out, forward_h, backward_h = bi(x)
    assert out.shape == (2, 6)
    assert_close(out, np.concatenate([forward_h.numpy(), backward_h.numpy()], -1))
    assert bi.backward_layer.activation is keras.activations.relu
    with pytest.raises(ValueError, match="go_backwards"):
        layers.Bidirectional(layers.GRU(3), backward_layer=layers.GRU(3))


def test_time_distributed_dense():
    x = rng.standard_normal((2, 5, 3)).astype(np.float32)
    td = layers.TimeDistributed(layers.Dense(4))
    out = td(x)
    kernel, bias = td.get_weights()
    assert out.shape == (2, 5, 4) and td.count_params() == 16
    assert_close(out, x @ kernel + bias)


# -- models: fit, summary, save / load -------------------------------------------------------
def _sequence_model():
    return keras.Sequential([
        layers.Input((6, 3)),
        layers.Bidirectional(layers.LSTM(4, return_sequences=True)),
        layers.GRU(4),
        layers.Dense(1)])


def test_fit_lowers_the_loss_and_summary_counts():
    x = rng.standard_normal((32, 6, 3)).astype(np.float32)
    y = x.sum(axis=(1, 2))[:, None].astype(np.float32) * 0.1
    model = _sequence_model()
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    history = model.fit(x, y, epochs=8, batch_size=16, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert model.count_params() == 2 * 4 * (3 * 4 + 4 * 4 + 4) + 3 * (8 * 4 + 4 * 4 + 8) + 5
    lines = []
    model.summary(print_fn=lines.append)
    text = "\n".join(lines)
    assert "Bidirectional" in text and "256" in text and "168" in text


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_save_and_load_round_trip(tmp_path, suffix):
    x = rng.standard_normal((4, 6, 3)).astype(np.float32)
    model = _sequence_model()
    expected = model.predict(x, verbose=0)
    path = str(tmp_path / ("model" + suffix))
    model.save(path)
    restored = keras.models.load_model(path)
    assert_close(restored.predict(x, verbose=0), expected)
    assert [type(l).__name__ for l in restored.layers] == ["Bidirectional", "GRU", "Dense"]


def _without_names(value):
    if isinstance(value, dict):
        return {k: _without_names(v) for k, v in value.items() if k != "name"}
    if isinstance(value, (list, tuple)):
        return [_without_names(v) for v in value]
    return value


def test_config_round_trips():
    for layer in [layers.LSTM(3, return_sequences=True, dropout=0.1, unit_forget_bias=False),
                  layers.GRU(2, reset_after=False, go_backwards=True),
                  layers.SimpleRNN(2, activation="relu"),
                  layers.RNN([layers.LSTMCell(2), layers.GRUCell(3)]),
                  layers.Bidirectional(layers.GRU(2), merge_mode="sum"),
                  layers.TimeDistributed(layers.Dense(2))]:
        config = layer.get_config()
        clone = type(layer).from_config(config)
        assert _without_names(clone.get_config()) == _without_names(config)
    assert layers.LSTM(3).get_config()["recurrent_initializer"]["class_name"] in (
        "Orthogonal", "OrthogonalInitializer")


# -- states, dropout, bad inputs -------------------------------------------------------------
def test_stateful_carries_and_resets_states():
    x = rng.standard_normal((2, 3, 2)).astype(np.float32)
    model = keras.Sequential([layers.Input((3, 2), batch_size=2),
                              layers.LSTM(3, stateful=True)])
    first, second = model(x).numpy(), model(x).numpy()
    assert not np.allclose(first, second)
    lstm = model.layers[0]
    assert len(lstm.weights) == 3 and [tuple(s.shape) for s in lstm.states] == [(2, 3)] * 2
    lstm.reset_states()
    assert_close(model(x), first)
    with pytest.raises(ValueError, match="batch size"):
        model(np.zeros((3, 3, 2), np.float32))


def test_dropout_only_in_training():
    x = rng.standard_normal((4, 5, 3)).astype(np.float32)
    for layer in [layers.LSTM(3, dropout=0.5, recurrent_dropout=0.5),
                  layers.GRU(3, dropout=0.5), layers.SimpleRNN(3, recurrent_dropout=0.5)]:
        inference = layer(x).numpy()
        assert_close(layer(x, training=False), inference)
        assert not np.allclose(layer(x, training=True).numpy(), inference)


@pytest.mark.parametrize("call", [
    lambda: layers.LSTM(3)(np.zeros((2, 3), np.float32)),
    lambda: layers.GRU(3)(np.zeros((2, 3, 4, 5), np.float32)),
    lambda: layers.RNN(layers.LSTMCell(3))(np.zeros((2, 3), np.float32)),
    lambda: layers.LSTM(0),
    lambda: layers.Bidirectional(layers.LSTM(3), merge_mode="max"),
    lambda: layers.Bidirectional("lstm"),
    lambda: layers.TimeDistributed(layers.Dense(2))(np.zeros((2, 3), np.float32)),
    lambda: layers.LSTM(3)(np.zeros((2, 4, 3), np.float32),
                           initial_state=[np.zeros((2, 3), np.float32)]),
    lambda: layers.LSTM(3)(np.zeros((2, 4, 3), np.float32), mask=np.ones((2, 5), bool)),
    lambda: layers.RNN(object()),
])
def test_bad_inputs_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize("make", [
    lambda: layers.LSTM(3, dropout=0.5, recurrent_dropout=0.5),
    lambda: layers.GRU(3, dropout=0.5, recurrent_dropout=0.5),
    lambda: layers.GRU(3, dropout=0.5, recurrent_dropout=0.5, reset_after=False),
    lambda: layers.SimpleRNN(3, dropout=0.5, recurrent_dropout=0.5),
])
def test_per_gate_dropout_paths_compute_the_cell(make):
    """With masks of ones, training (one matmul per gate, Keras' implementation 1) gives
    what inference gives."""
    x = rng.standard_normal((2, 4, 3)).astype(np.float32)
    layer = make()
    inference = layer(x).numpy()
    cell = layer.cell
    ones = lambda like, rate: [tf.ones(like.shape)] * cell._mask_count \
        if cell._mask_count else tf.ones(like.shape)  # noqa: E731
    cell._create_dropout_mask = ones
    assert_close(layer(x, training=True), inference, rtol=1e-5, atol=1e-6)


def test_compute_mask_as_keras():
    mask = tf.constant(np.array([[True, False]]))
    assert layers.LSTM(2, return_sequences=True).compute_mask(None, mask) is mask
    assert layers.LSTM(2).compute_mask(None, mask) is None
    assert layers.GRU(2, return_sequences=True, return_state=True).compute_mask(
        None, mask) == [mask, None]
    bi = layers.Bidirectional(layers.LSTM(2, return_sequences=True), merge_mode=None)
    assert bi.compute_mask(None, mask) == [mask, mask]
    assert layers.TimeDistributed(layers.Dense(2)).compute_mask(None, mask) is mask


def test_edge_shapes():
    assert layers.LSTM(3)(np.zeros((0, 4, 2), np.float32)).shape == (0, 3)
    assert layers.GRU(3, return_sequences=True)(np.zeros((0, 4, 2), np.float32)).shape == \
        (0, 4, 3)
    out = layers.LSTM(3, time_major=True, return_sequences=True)(np.ones((4, 2, 2), np.float32))
    assert out.shape == (4, 2, 3)
    # Keras 2's call form: layer([x, h0, c0])
    x, h0 = np.ones((2, 4, 2), np.float32), np.ones((2, 3), np.float32)
    lstm = layers.LSTM(3)
    assert_close(lstm([x, h0, h0]), lstm(x, initial_state=[h0, h0]))
    with pytest.raises(TypeError):
        layers.Bidirectional(layers.Dense(3))


def test_summary_lists_the_outputs_of_return_state():
    inp = layers.Input((4, 3))
    model = keras.Model(inp, layers.LSTM(3, return_state=True, return_sequences=True)(inp))
    lines = []
    model.summary(print_fn=lines.append)
    text = " ".join(lines)
    assert "[(None, 4, 3), (None," in text and "84" in text


def test_regularizers_give_tf_losses():
    lstm = layers.LSTM(3, kernel_regularizer="l2",
                       recurrent_regularizer=keras.regularizers.l1(0.1), bias_regularizer="l2")
    lstm(np.zeros((2, 4, 3), np.float32))
    lstm.set_weights([np.full(w.shape, 0.3, np.float32) for w in lstm.get_weights()])
    # Values TF 2.21 gives: l2 default 0.01 * 0.09 * 36, l1 0.1 * 0.3 * 36, 0.01 * 0.09 * 12
    assert_close([float(v) for v in lstm.losses], [0.0324, 1.08, 0.0108], rtol=1e-5)


def test_embedding_mask_passed_explicitly():
    """fasttf does not carry masks from layer to layer: pass Embedding's mask to the RNN."""
    ids = np.array([[3, 1, 0, 0], [2, 2, 2, 1]], np.int32)
    embedding = layers.Embedding(5, 2, mask_zero=True)
    gru = layers.GRU(3)
    padded = gru(embedding(ids), mask=embedding.compute_mask(ids)).numpy()
    # The padded sample ends as if it had only its two real steps.
    short = gru(embedding(ids[:1, :2])).numpy()
    assert_close(padded[:1], short, rtol=1e-5, atol=1e-6)
