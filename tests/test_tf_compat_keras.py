"""tf.keras behaving as TensorFlow 2.21's (Keras 3) where users see it, while keeping what the
Keras-2-era notes rely on. Expected values are what TF 2.21 gives for the same code."""

import numpy as np
import pytest

import fasttf as tf

keras = tf.keras


@pytest.fixture(autouse=True)
def fresh_names():
    """Default names restart ('dense', 'functional', ...) as in a fresh process."""
    keras.backend.clear_session()


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


# --- models: shapes, configs, cloning ----------------------------------------------------

def _dense_ones(units=2, inputs=3):
    return keras.Sequential([keras.Input((inputs,)),
                             keras.layers.Dense(units, kernel_initializer="ones")])


def test_functional_input_and_output_shapes_before_any_call():
    inp = keras.Input((4,))
    model = keras.Model(inp, [keras.layers.Dense(1)(inp), keras.layers.Dense(2)(inp)])
    assert model.input_shape == (None, 4) and model.output_shape == [(None, 1), (None, 2)]
    a, b = keras.Input((2,)), keras.Input((3,))
    model = keras.Model([a, b], keras.layers.Concatenate()([a, b]))
    assert model.input_shape == [(None, 2), (None, 3)] and model.output_shape == (None, 5)


def test_sequential_config_lists_the_input_layer_and_round_trips_built():
    model = _dense_ones()
    config = model.get_config()
    assert [spec["class_name"] for spec in config["layers"]] == ["InputLayer", "Dense"]
    assert tuple(config["build_input_shape"]) == (None, 3)
    again = keras.Sequential.from_config(config)
    assert again.built and again.count_params() == 8
    assert keras.models.clone_model(model).count_params() == 8


def test_functional_clone_and_json_round_trip():
    inp = keras.Input((4,))
    model = keras.Model(inp, keras.layers.Dense(3)(inp))
    clone = keras.models.clone_model(model)
    assert clone.count_params() == 15 and clone.output_shape == (None, 3)
    seq = _dense_ones()
    restored = keras.models.model_from_json(seq.to_json())
    assert restored.count_params() == 8 and restored.input_shape == (None, 3)


def test_layer_repr_is_keras3_form():
    assert repr(keras.layers.Dense(2, name="d")) == "<Dense name=d, built=False>"


# --- training loop -----------------------------------------------------------------------

def test_accuracy_is_chosen_by_shapes_even_with_mse():
    model = keras.Sequential([keras.Input((2,)),
                              keras.layers.Dense(2, kernel_initializer="ones")])
    model.compile(optimizer="sgd", loss="mse", metrics=["accuracy"])
    logs = model.evaluate(np.array([[1., 1.], [-1., -1.]]), np.array([[1., 0.], [0., 1.]]),
                          verbose=0, return_dict=True)
    assert logs["accuracy"] == 0.5   # categorical accuracy (argmax), as TF


def test_accuracy_sparse_labels_of_lower_rank():
    model = keras.Sequential([keras.Input((3,)),
                              keras.layers.Dense(3, kernel_initializer="ones")])
    model.compile(optimizer="sgd", loss="mse", metrics=["acc"])
    model.evaluate(np.eye(3, dtype="float32"), np.array([0, 0, 0]), verbose=0)
    assert type(model.metrics[0]).__name__ == "SparseCategoricalAccuracy"


def test_history_loss_is_float32_mean_of_batches():
    model = _dense_ones()
    x = np.arange(12, dtype="float32").reshape(4, 3) / 10.
    y = np.array([[0., 1.], [1., 0.], [0., 1.], [1., 0.]], "float32")
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    history = model.fit(x, y, epochs=1, batch_size=2, verbose=0, shuffle=False)
    loss = history.history["loss"][0]
    assert isinstance(loss, float) and loss == float(np.float32(loss))
    np.testing.assert_allclose(loss, 2.4623727798461914, rtol=1e-6)   # TF 2.21


def test_fit_before_compile_raises_value_error_that_is_also_runtime_error():
    model = _dense_ones()
    with pytest.raises(ValueError, match="compile"):
        model.fit(np.ones((2, 3)), np.ones((2, 2)), verbose=0)
    with pytest.raises(RuntimeError):
        model.evaluate(np.ones((2, 3)), np.ones((2, 2)), verbose=0)


# --- optimizers and callbacks ------------------------------------------------------------

def test_optimizer_default_names_are_keras3_snake_case_and_unique():
    keras.backend.clear_session()
    assert keras.optimizers.SGD().name == "sgd"
    assert keras.optimizers.SGD(0.1).name == "sgd_1"
    assert keras.optimizers.AdamW().name == "adam_w"
    assert keras.optimizers.RMSprop().name == "rm_sprop"
    assert keras.optimizers.Adam(name="mine").get_config()["name"] == "mine"


def test_early_stopping_keeps_its_arguments():
    cb = keras.callbacks.EarlyStopping()
    assert (cb.monitor, cb.patience, cb.min_delta, cb.mode, cb.baseline,
            cb.restore_best_weights) == ("val_loss", 0, 0, "auto", None, False)


# --- summary(): the Keras 3 table (conftest sets an 80-column terminal) -------------------

def _summary(model, **kwargs):
    lines = []
    model.summary(print_fn=lines.append, **kwargs)
    assert len(lines) == 1   # Keras 3 hands print_fn the whole text at once
    return lines[0]


def test_summary_sequential_table_and_optimizer_params():
    model = keras.Sequential([keras.layers.Dense(2)])
    assert _summary(model).splitlines()[4] == (
        "│ dense (Dense)                   │ ?                      │   0 (unbuilt) │")
    model.compile("adam", "mse")
    model.fit(np.ones((2, 3)), np.ones((2, 2)), verbose=0)
    assert _summary(model) == """\
Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ dense (Dense)                   │ (None, 2)              │             8 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 26 (108.00 B)
 Trainable params: 8 (32.00 B)
 Non-trainable params: 0 (0.00 B)
 Optimizer params: 18 (76.00 B)
"""


def test_summary_wraps_words_and_line_length_positions():
    model = keras.Sequential([keras.Input((3,)), keras.layers.BatchNormalization()])
    rows = _summary(model).splitlines()
    assert rows[4:6] == [
        "│ batch_normalization             │ (None, 3)              │            12 │",
        "│ (BatchNormalization)            │                        │               │"]
    assert " Non-trainable params: 6 (24.00 B)" in rows
    narrow = _summary(model, line_length=60, positions=[0.5, 0.8, 1.0]).splitlines()
    assert narrow[1] == "┏" + "━" * 29 + "┳" + "━" * 16 + "┳" + "━" * 11 + "┓"


def test_summary_functional_connections_and_ellipsis():
    inp = keras.Input((2, 2, 3), name="a_really_long_input_name_here")
    a = keras.layers.Conv2D(4, 1, name="conv_a")(inp)
    b = keras.layers.Conv2D(4, 1, name="conv_b")(inp)
    model = keras.Model(inp, keras.layers.Add(name="add")([a, b]))
    text = _summary(model)
    assert text.startswith('Model: "functional"\n')
    rows = text.splitlines()
    assert rows[2] == ("┃ Layer (type)        ┃ Output Shape      ┃    Param # ┃ Connected to"
                       "      ┃")
    assert rows[4] == ("│ a_really_long_inpu… │ (None, 2, 2, 3)   │          0 │ -"
                       "                 │")
    assert "│ add (Add)           │ (None, 2, 2, 4)   │          0 │ conv_a[0][0],     │" in rows
    trainable = _summary(model, show_trainable=True).splitlines()
    assert trainable[2].endswith("┃ Trai… ┃")


def test_keras3_default_names_for_inputs_and_functional_models():
    keras.backend.clear_session()
    assert keras.Input((2,))._keras_history[0].name == "input_layer"
    inp = keras.Input((2,))
    assert inp._keras_history[0].name == "input_layer_1"
    assert keras.Model(inp, keras.layers.Dense(1)(inp)).name == "functional"


def test_sequential_first_call_builds_with_open_batch():
    model = keras.Sequential([keras.layers.Dense(2)])
    model(tf.ones([5, 3]))
    assert model.built and model.input_shape == (None, 3) and model.output_shape == (None, 2)


# --- fit/evaluate output ------------------------------------------------------------------

def _compiled_model():
    model = _dense_ones()
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="categorical_crossentropy",
                  metrics=["mae", "accuracy"])
    x = np.arange(24, dtype="float32").reshape(8, 3) / 10.
    y = np.array([[0., 1.], [1., 0.]] * 4, "float32")
    return model, x, y


def test_logs_and_history_sorted_by_name_lists_in_compile_order():
    model, x, y = _compiled_model()
    history = model.fit(x, y, epochs=1, batch_size=4, verbose=0, shuffle=False,
                        validation_data=(x, y))
    assert list(history.history) == ["accuracy", "loss", "mae", "val_accuracy", "val_loss",
                                     "val_mae"]
    logs = model.evaluate(x, y, verbose=0, return_dict=True)
    assert list(logs) == ["accuracy", "loss", "mae"]
    values = model.evaluate(x, y, verbose=0)
    assert values == [logs["loss"], logs["mae"], logs["accuracy"]]   # loss, then compile order
    np.testing.assert_allclose(values, [0.6822812, 3.0331435, 0.5], rtol=1e-6)   # TF 2.21
    assert model.train_on_batch(x, y)[1:] == [pytest.approx(3.0331435, rel=1e-6), 0.5]


def test_fit_verbose2_line_and_predict_line(capsys):
    import re
    model, x, y = _compiled_model()
    model.fit(x, y, epochs=2, batch_size=4, verbose=2, shuffle=False)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Epoch 1/2" and lines[2] == "Epoch 2/2"
    assert re.fullmatch(r"2/2 - \d+s - \d+(us|ms|s)/step - accuracy: 0\.5000 - loss: 0\.6929 - "
                        r"mae: 3\.0375", lines[1]), lines[1]
    model.predict(x, verbose=2)
    assert re.fullmatch(r"1/1 - \d+s - \d+(us|ms|s)/step\n", capsys.readouterr().out)


# --- constraints and layer configs -------------------------------------------------------

def test_constraints_module():
    w = tf.constant([[3., 4.], [0., 1.]])
    np.testing.assert_allclose(keras.constraints.MaxNorm(2.)(w).numpy(),
                               [[2., 1.9402851], [0., 0.48507127]], rtol=1e-6)
    np.testing.assert_allclose(keras.constraints.UnitNorm()(w).numpy(),
                               [[1., 0.9701425], [0., 0.24253562]], rtol=1e-6)
    assert keras.constraints.NonNeg()(tf.constant([-1., 2.])).numpy().tolist() == [0., 2.]
    assert keras.constraints.MinMaxNorm().get_config() == {
        "min_value": 0.0, "max_value": 1.0, "rate": 1.0, "axis": 0}
    assert type(keras.constraints.get("max_norm")).__name__ == "MaxNorm"
    with pytest.raises(ValueError):
        keras.constraints.get("bogus")


def test_constraint_applies_after_each_update_and_round_trips_in_config():
    layer = keras.layers.Dense(1, kernel_initializer="ones", kernel_constraint="non_neg")
    model = keras.Sequential([keras.Input((1,)), layer])
    model.compile(optimizer=keras.optimizers.SGD(10.), loss="mse")
    model.fit(np.ones((1, 1)), np.full((1, 1), -5.), verbose=0)
    assert layer.kernel.numpy().min() >= 0
    config = layer.get_config()
    assert config["kernel_constraint"]["class_name"] == "NonNeg"
    assert type(keras.layers.Dense.from_config(config).kernel_constraint).__name__ == "NonNeg"


def test_normalization_and_conv_config_keys():
    bn = keras.layers.BatchNormalization().get_config()
    assert bn["axis"] == -1 and bn["gamma_initializer"]["class_name"] == "Ones"
    assert {"beta_regularizer", "gamma_constraint", "moving_variance_initializer"} <= set(bn)
    assert keras.layers.LayerNormalization().get_config()["axis"] == -1
    assert keras.layers.LayerNormalization(axis=[1, 2]).get_config()["axis"] == [1, 2]
    conv = keras.layers.Conv2D(3, 3).get_config()
    assert conv["kernel_constraint"] is None and conv["activity_regularizer"] is None
    emb = keras.layers.Embedding(10, 3).get_config()
    assert emb["embeddings_regularizer"] is None and emb["embeddings_constraint"] is None


# --- callbacks, metrics.get, schedules ---------------------------------------------------

def test_model_checkpoint_messages_and_best_starts_none(tmp_path, capsys):
    model = _dense_ones()
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    x, y = np.arange(12, dtype="float32").reshape(4, 3) / 10., np.ones((4, 2), "float32")
    path = str(tmp_path / "best.weights.h5")
    cb = keras.callbacks.ModelCheckpoint(path, save_weights_only=True, save_best_only=True,
                                         monitor="loss", verbose=1)
    assert cb.best is None
    model.fit(x, y, epochs=1, verbose=0, callbacks=[cb])
    assert capsys.readouterr().out == (
        "\nEpoch 1: loss improved from None to 1.43500, saving model to %s\n"
        "\nEpoch 1: finished saving model to %s\n" % (path, path))
    plain = str(tmp_path / "m_{epoch:02d}.keras")
    model.fit(x, y, epochs=1, verbose=0,
              callbacks=[keras.callbacks.ModelCheckpoint(plain, verbose=1)])
    saved = str(tmp_path / "m_01.keras")
    assert capsys.readouterr().out == ("\nEpoch 1: saving model to %s\n\nEpoch 1: finished "
                                       "saving model to %s\n" % (saved, saved))


def test_metrics_get_gives_objects_and_compile_keeps_the_given_name():
    assert type(keras.metrics.get("accuracy")).__name__ == "Accuracy"
    mae = keras.metrics.get("mae")
    assert type(mae).__name__ == "MeanAbsoluteError" and mae.name == "mean_absolute_error"
    model = _dense_ones()
    model.compile(optimizer="sgd", loss="mse", metrics=["mae", "mse"])
    logs = model.evaluate(np.ones((2, 3)), np.zeros((2, 2)), verbose=0, return_dict=True)
    assert logs == {"loss": 9.0, "mae": 3.0, "mse": 9.0}


def test_cosine_decay_in_float32_as_tf():
    schedule = keras.optimizers.schedules.CosineDecay(1., 10)
    assert float(schedule(5)) == float(np.float32(0.49999997))
    assert float(schedule(10)) == 0.0


# --- additions: focal losses, IoU, Lion, integer inputs ----------------------------------

def test_binary_and_categorical_focal_crossentropy():
    y_true, y_pred = tf.constant([[1.], [0.]]), tf.constant([[0.8], [0.1]])
    loss = keras.losses.BinaryFocalCrossentropy(gamma=2.)
    np.testing.assert_allclose(float(loss(y_true, y_pred)), 0.004989673, rtol=1e-5)   # TF 2.21
    balanced = keras.losses.BinaryFocalCrossentropy(from_logits=True, apply_class_balancing=True)
    np.testing.assert_allclose(float(balanced(y_true, tf.constant([[1.], [-2.]]))), 0.0035085925,
                               rtol=1e-4)
    assert loss.get_config()["alpha"] == 0.25 and loss.name == "binary_focal_crossentropy"
    cfl = keras.losses.CategoricalFocalCrossentropy()(tf.constant([[0., 1.]]),
                                                      tf.constant([[0.3, 0.7]]))
    np.testing.assert_allclose(float(cfl), 0.0080253, rtol=1e-4)


def test_mean_iou():
    metric = keras.metrics.MeanIoU(num_classes=3)
    metric.update_state([0, 1, 2, 2], [0, 2, 2, 1])
    np.testing.assert_allclose(float(metric.result()), 0.44444442, rtol=1e-6)
    assert metric.name == "mean_io_u" and metric.total_cm.numpy().tolist() == [
        [1, 0, 0], [0, 0, 1], [0, 1, 1]]
    metric.reset_state()
    assert float(metric.result()) == 0.0


def test_lion_optimizer():
    v = tf.Variable([1., 2.])
    opt = keras.optimizers.Lion(learning_rate=0.1)
    for _ in range(3):
        opt.apply_gradients([(tf.constant([1., -2.]), v)])
    np.testing.assert_allclose(v.numpy(), [0.7, 2.3], rtol=1e-6)
    assert opt.name == "lion" and opt.get_config()["beta_2"] == 0.99


def test_dense_and_conv_accept_integer_inputs():
    out = keras.layers.Dense(2, kernel_initializer="ones")(tf.ones([2, 3], tf.int32))
    assert out.dtype == tf.float32 and out.numpy().tolist() == [[3., 3.], [3., 3.]]
    conv = keras.layers.Conv2D(1, 1, kernel_initializer="ones")(tf.ones([1, 2, 2, 1], tf.int32))
    assert conv.dtype == tf.float32


def test_weightless_layers_are_built_from_the_start_as_keras3():
    assert keras.layers.Dropout(0.5).built and keras.layers.MaxPooling2D().built
    assert keras.layers.ReLU().built and keras.layers.Activation("relu").built
    assert not keras.layers.Dense(2).built and not keras.layers.Flatten().built
    with pytest.raises(ValueError):   # the input spec is still checked on the first call
        keras.layers.MaxPooling2D()(tf.ones([2, 3]))
    keras.backend.clear_session()

    class Net(keras.Model):
        def __init__(self):
            super().__init__()
            self.d1, self.drop = keras.layers.Dense(4), keras.layers.Dropout(0.5)

        def call(self, x):
            return self.drop(self.d1(x))

    net = Net()
    rows = _summary(net).splitlines()
    assert rows[4] == "│ dense (Dense)                   │ ?                      │   0 (unbuilt) │"
    assert rows[6] == "│ dropout (Dropout)               │ ?                      │             0 │"
    net(tf.ones([3, 5]))
    rows = _summary(net).splitlines()
    assert rows[4] == "│ dense (Dense)                   │ (3, 4)                 │            24 │"
    assert rows[6] == "│ dropout (Dropout)               │ ?                      │             0 │"


def test_multi_output_models_log_each_output_loss():
    inp = keras.Input((3,), name="a")
    model = keras.Model(inp, [
        keras.layers.Dense(1, name="o1", kernel_initializer="ones")(inp),
        keras.layers.Dense(2, name="o2", kernel_initializer="ones")(inp)])
    model.compile("sgd", loss={"o1": "mse", "o2": "mae"}, metrics={"o1": ["mae"], "o2": ["mse"]},
                  loss_weights={"o1": 1., "o2": 0.5})
    x = np.arange(24, dtype="float32").reshape(8, 3) / 10.
    targets = [np.ones((8, 1)), np.zeros((8, 2))]
    logs = model.evaluate(x, targets, verbose=0, return_dict=True)
    assert list(logs) == ["loss", "o1_loss", "o1_mae", "o2_loss", "o2_mse"]
    np.testing.assert_allclose([logs[k] for k in logs], [11.98, 10.255, 2.625, 3.45, 16.155],
                               rtol=1e-6)   # TF 2.21; o2_loss unweighted, loss weighted
    assert model.metrics_names == ["loss", "o1_loss", "o2_loss", "o1_mae", "o2_mse"]
    values = model.evaluate(x, targets, verbose=0)
    np.testing.assert_allclose(values, [11.98, 10.255, 3.45, 2.625, 16.155], rtol=1e-6)
    history = model.fit(x, targets, verbose=0)
    assert sorted(history.history) == ["loss", "o1_loss", "o1_mae", "o2_loss", "o2_mse"]


def test_keras_tensor_repr_and_names_as_keras3():
    a = keras.Input((3,))
    assert repr(a) == ("<KerasTensor shape=(None, 3), dtype=float32, sparse=False, "
                       "ragged=False, name=keras_tensor>")
    assert keras.Input((3,), name="x").name == "x"
    out = keras.layers.Dense(2)(a)
    assert out.name == "keras_tensor_1" and repr(out).startswith("<KerasTensor shape=(None, 2),")


def test_csv_logger_columns_as_keras3(tmp_path):
    model = _dense_ones()
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", metrics=["mae"])
    path = str(tmp_path / "a.csv")
    logger = keras.callbacks.CSVLogger(path, separator=";", append=True)
    x, y = np.ones((4, 3), "float32"), np.ones((4, 2), "float32")
    model.fit(x, y, epochs=1, verbose=0, callbacks=[logger])
    model.fit(x, y, epochs=1, verbose=0, callbacks=[logger])
    assert open(path).read().replace("\r", "") == (
        "epoch;loss;mae;val_loss;val_mae\n"
        "0;4.0;2.0;NA;NA\n0;1.440000057220459;1.2000000476837158;NA;NA\n")   # TF 2.21


def test_compile_config_round_trip():
    model = _dense_ones()
    assert not model.compiled and model.get_compile_config() is None
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mae"])
    config = model.get_compile_config()
    assert model.compiled
    assert {k: config[k] for k in ("loss", "metrics", "loss_weights", "run_eagerly")} == {
        "loss": "mse", "metrics": ["mae"], "loss_weights": None, "run_eagerly": False}
    assert config["optimizer"]["class_name"] == "Adam"
    assert config["optimizer"]["config"]["learning_rate"] == pytest.approx(0.01)
    other = _dense_ones()
    other.compile_from_config(config)
    assert type(other.optimizer).__name__ == "Adam"
    assert other.evaluate(np.ones((2, 3)), np.zeros((2, 2)), verbose=0) == [9.0, 3.0]


def test_metric_default_names_unique_where_keras3_makes_them_so():
    assert [keras.metrics.Precision().name for _ in range(2)] == ["precision", "precision_1"]
    assert [keras.metrics.AUC().name for _ in range(2)] == ["auc", "auc_1"]
    assert [keras.metrics.Mean().name for _ in range(2)] == ["mean", "mean"]
    assert keras.metrics.Recall(name="r").name == "r"


def test_dice_and_tversky_losses():
    y_true = tf.constant([[0., 1., 1.], [1., 0., 1.]])
    y_pred = tf.constant([[0.2, 0.7, 0.4], [0.9, 0.3, 0.6]])
    np.testing.assert_allclose(float(keras.losses.Dice()(y_true, y_pred)), 0.26760566, rtol=1e-6)
    np.testing.assert_allclose(float(keras.losses.Dice(axis=-1)(y_true, y_pred)), 0.27192983,
                               rtol=1e-6)
    tversky = keras.losses.Tversky(alpha=0.3, beta=0.7, axis=-1)
    np.testing.assert_allclose(float(tversky(y_true, y_pred)), 0.23253584, rtol=1e-6)
    assert keras.losses.Tversky().get_config() == {
        "name": "tversky", "reduction": "sum_over_batch_size", "alpha": 0.5, "beta": 0.5,
        "axis": None}


def test_f1_fbeta_and_r2_scores():
    y_true = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]], "float32")
    y_pred = np.array([[0.1, 0.8, 0.1], [0.5, 0.4, 0.1], [0.3, 0.3, 0.4], [0.6, 0.3, 0.1]],
                      "float32")
    expected = {None: [0.66666657, 0.66666657, 0.9999998], "micro": 0.74999994,
                "macro": 0.7777777, "weighted": 0.7499999}   # TF 2.21
    for average, value in expected.items():
        metric = keras.metrics.F1Score(average=average)
        metric.update_state(y_true, y_pred)
        np.testing.assert_allclose(metric.result().numpy(), value, rtol=1e-6)
    fbeta = keras.metrics.FBetaScore(beta=2.0, average="macro")
    fbeta.update_state(y_true, y_pred, sample_weight=[1., 2., 1., 0.5])
    np.testing.assert_allclose(float(fbeta.result()), 0.88888884, rtol=1e-6)
    with pytest.raises(ValueError):
        keras.metrics.FBetaScore(beta=2)
    r2 = keras.metrics.R2Score()
    r2.update_state(np.array([[1.], [2.], [3.]]), np.array([[1.], [2.5], [2.]]))
    np.testing.assert_allclose(float(r2.result()), 0.375, rtol=1e-6)
    per_column = keras.metrics.R2Score(class_aggregation=None)
    per_column.update_state(np.array([[1., 2.], [2., 1.], [3., 5.]]),
                            np.array([[1., 2.5], [2.5, 1.], [2., 4.]]), sample_weight=[1., 2., 1.])
    np.testing.assert_allclose(per_column.result().numpy(), [0.25, 0.88372093], rtol=1e-6)


def test_ftrl_optimizer():
    expected = {(): [0.47733963, 1.9141941, -0.31210098],   # TF 2.21
                (("l1_regularization_strength", 0.1), ("l2_regularization_strength", 0.2)):
                    [0.44911265, 1.8731172, -0.26673785],
                (("beta", 0.5), ("l2_shrinkage_regularization_strength", 0.1),
                 ("learning_rate_power", -0.7)): [0.3873537, 1.6725832, -0.15266243]}
    for options, values in expected.items():
        v = tf.Variable([1., 2., -0.5])
        opt = keras.optimizers.Ftrl(0.1, **dict(options))
        for _ in range(3):
            opt.apply_gradients([(tf.constant([1., -2., 0.3]), v)])
        np.testing.assert_allclose(v.numpy(), values, rtol=1e-5)
    with pytest.raises(ValueError, match="learning_rate_power"):
        keras.optimizers.Ftrl(learning_rate_power=0.5)


def test_regularizer_serialize_layout_as_keras3():
    assert keras.regularizers.serialize(keras.regularizers.l2(0.1)) == {
        "module": "keras.regularizers", "class_name": "L2", "config": {"l2": 0.1},
        "registered_name": None}
    restored = keras.regularizers.deserialize(keras.regularizers.serialize(
        keras.regularizers.L1L2(l1=0.1, l2=0.2)))
    assert type(restored).__name__ == "L1L2"


def test_h5_training_config_is_readable_by_tf_keras_2(tmp_path):
    import json

    import h5py
    model = _dense_ones()
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mae"])
    model.fit(np.ones((2, 3)), np.ones((2, 2)), verbose=0)
    path = str(tmp_path / "m.h5")
    model.save(path)
    with h5py.File(path, "r") as f:
        config = json.loads(f.attrs["training_config"])["optimizer_config"]["config"]
    # TF-Keras 2 builds its new optimizer from this and refuses Keras-3-only arguments
    assert config["is_legacy_optimizer"] is False
    assert "loss_scale_factor" not in config and "gradient_accumulation_steps" not in config
    reloaded = keras.models.load_model(path)
    assert type(reloaded.optimizer).__name__ == "Adam"
    assert float(reloaded.optimizer.learning_rate) == pytest.approx(0.01)
