"""Sections 4 to 9 of the course notes (seed/000_d549901c371d0626.txt), snippet by snippet, run
under `import fasttf as tf` with obvious typos fixed (a missing parenthesis, `net(iter(...))` for
`next(iter(...))`, tanh's stray alpha, a tab in an indented block). Small generated data stands
in for MNIST and make_moons; the real MNIST runs only in @pytest.mark.slow tests.

Deterministic prints are asserted as TensorFlow 2.21 prints them. Two deliberate differences
follow the notes' era (Keras 2, as DESIGN.md asks): weight names are `dense/kernel:0` (Keras 3
says `kernel`) and a subclassed model's build() creates its weights (summary() shows them)."""

import glob
import os
import re

import numpy as np
import pytest

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers

MNIST = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "datasets", "mnist.npz")
needs_mnist = pytest.mark.skipif(not os.path.exists(MNIST),
                                 reason="real MNIST (../shared/datasets/mnist.npz) not here")


@pytest.fixture(autouse=True)
def fresh_names():
    """Layer names restart at `dense` in each test, as in a fresh notebook."""
    tf.keras.backend.clear_session()
    tf.random.set_seed(1234)


def fake_mnist(n, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, size=(n,), dtype=np.uint8)
    return x, y


# --- 4. tf.data -------------------------------------------------------------------------------

@pytest.mark.slow
@needs_mnist
def test_4_1_load_data_real_mnist():
    (x, y), (x_test, y_test) = tf.keras.datasets.mnist.load_data(os.path.abspath(MNIST))
    assert (x.shape, y.shape) == ((60000, 28, 28), (60000,))
    assert (x_test.shape, y_test.shape) == ((10000, 28, 28), (10000,))
    assert x.dtype == np.uint8 and y.max() == 9


def test_4_2_from_tensor_slices_prints_like_tf(capsys):
    x = tf.random.normal([600, 28, 28])
    y = tf.random.uniform([600], maxval=9, minval=0, dtype=tf.int32)
    train_db = tf.data.Dataset.from_tensor_slices((x, y))
    print(train_db)
    assert capsys.readouterr().out == (
        "<_TensorSliceDataset element_spec=(TensorSpec(shape=(28, 28), dtype=tf.float32, "
        "name=None), TensorSpec(shape=(), dtype=tf.int32, name=None))>\n")
    assert len(train_db) == 600


def test_4_3_shuffle_and_batch(capsys):
    x = tf.random.normal([600, 28, 28])
    y = tf.random.uniform([600], maxval=9, minval=0, dtype=tf.int32)
    train_db = tf.data.Dataset.from_tensor_slices((x, y))
    train_db = train_db.shuffle(buffer_size=1000)
    train_db = train_db.batch(20)
    print(train_db)
    assert capsys.readouterr().out == (
        "<_BatchDataset element_spec=(TensorSpec(shape=(None, 28, 28), dtype=tf.float32, "
        "name=None), TensorSpec(shape=(None,), dtype=tf.int32, name=None))>\n")
    seen = []
    for xb, yb in train_db:
        assert (xb.shape, yb.shape) == ((20, 28, 28), (20,))
        seen.append(yb.numpy())
    assert len(seen) == 30
    # shuffling permutes the samples: the labels are the same multiset
    np.testing.assert_array_equal(np.sort(np.concatenate(seen)), np.sort(y.numpy()))


def preprocess_4_4(x, y):
    x = tf.cast(x, dtype=tf.float32)
    x = tf.reshape(x, [-1, 28 * 28])
    y = tf.cast(y, dtype=tf.int32)
    y = tf.one_hot(y, depth=10)
    return x, y


def test_4_4_map():
    x, y = fake_mnist(50)
    train_db = tf.data.Dataset.from_tensor_slices((x, y))
    train_db = train_db.map(preprocess_4_4)
    for xe, ye in train_db:
        assert xe.shape == (1, 784) and xe.dtype == tf.float32
        assert ye.shape == (10,) and ye.dtype == tf.float32
        np.testing.assert_array_equal(xe.numpy()[0], x[0].reshape(-1).astype(np.float32))
        assert int(tf.argmax(ye)) == y[0]
        break
    assert str(train_db.element_spec) == (
        "(TensorSpec(shape=(1, 784), dtype=tf.float32, name=None), "
        "TensorSpec(shape=(10,), dtype=tf.float32, name=None))")


def test_4_5_epochs_and_repeat():
    x, y = fake_mnist(50)
    train_db = tf.data.Dataset.from_tensor_slices((x, y)).batch(20)
    steps = []
    for epoch in range(2):  # noqa: B007  (the notes' loop, verbatim)
        for step, (xb, yb) in enumerate(train_db):  # noqa: B007
            pass
        steps.append(step)
    assert steps == [2, 2]   # 50 // 20 + 1 batches per epoch
    train_db = train_db.repeat(20)
    print(len(train_db))
    assert len(train_db) == 60


def preprocess_4_6(x, y):
    x = tf.cast(x, tf.float32)
    x = tf.reshape(x, [-1, 28 * 28])
    x = x / 255
    y = tf.cast(y, dtype=tf.int64)
    y = tf.one_hot(y, depth=10)
    return x, y


def run_4_6(x, y, epochs, capsys):
    batch_size = 100
    train_db = tf.data.Dataset.from_tensor_slices((x, y))
    train_db = train_db.shuffle(1000)
    train_db = train_db.batch(batch_size)
    train_db = train_db.map(preprocess_4_6)

    test_db = tf.data.Dataset.from_tensor_slices((x, y))
    test_db = test_db.batch(100)
    test_db = test_db.map(preprocess_4_6)

    w1 = tf.Variable(tf.random.truncated_normal(shape=[28 * 28, 100], stddev=0.1))
    b1 = tf.Variable(tf.random.truncated_normal(shape=(100, ), stddev=0.1))
    w2 = tf.Variable(tf.random.truncated_normal(shape=(w1.shape[1], 10), stddev=0.1))
    b2 = tf.Variable(tf.random.truncated_normal(shape=(10, ), stddev=0.1))

    def train(x):
        h1 = x @ w1 + b1
        h1 = tf.nn.relu(h1)
        h2 = h1 @ w2 + b2
        h2 = tf.nn.relu(h2)
        return h2

    losses = []
    for epoch in range(epochs):
        for step, (x, y) in enumerate(train_db):
            with tf.GradientTape() as tape:
                out = train(x)
                loss_obj = tf.losses.CategoricalCrossentropy(from_logits=True)
                loss = loss_obj(y, out)
            grads = tape.gradient(loss, [w1, b1, w2, b2])
            initial_learning_rate = 1e-4
            lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(
                initial_learning_rate=initial_learning_rate,
                decay_steps=100000,
                decay_rate=0.96,
                staircase=True
            )
            optimizer = tf.keras.optimizers.RMSprop(learning_rate=lr_schedule)
            optimizer.apply_gradients(zip(grads, [w1, b1, w2, b2]))
            losses.append(float(loss))
            if step % 20 == 0:
                pred = tf.argmax(out, axis=1)
                y = tf.argmax(y, axis=1)
                correct = tf.equal(y, pred)
                correct_rate = tf.reduce_sum(tf.cast(correct, tf.int32) / batch_size)
                assert correct_rate.dtype == tf.float64   # int32 / int is TF's truediv
                print("current epoch: {}, current step: {}, loss: {}, aac: {}%".format(
                    epoch, step, loss, round(correct_rate.numpy(), 3) * 100))

    rates = []
    for step, (x, y) in enumerate(test_db):
        out = train(x)
        pred = tf.argmax(out, axis=1)
        y = tf.argmax(y, axis=1)
        correct = tf.equal(y, pred)
        correct_rate = tf.reduce_sum(tf.cast(correct, tf.int32) / batch_size)
        rates.append(float(correct_rate))
        print(" current step: {}, aac: {}%".format(step, round(correct_rate.numpy(), 3) * 100))
    return losses, rates, capsys.readouterr().out


def test_4_6_handwritten_training_loop(capsys):
    x, y = fake_mnist(300)
    losses, rates, out = run_4_6(x, y, 1, capsys)
    assert len(losses) == 3 and all(np.isfinite(losses))
    lines = out.splitlines()
    # "{}".format(tensor) formats the NumPy value, as TF: a float32 scalar shows all its digits
    assert re.fullmatch(r"current epoch: 0, current step: 0, loss: [0-9]\.[0-9]{8,}, "
                        r"aac: [0-9.]+%", lines[0]), lines[0]
    assert len(lines) == 1 + 3 and lines[1].startswith(" current step: 0, aac: ")
    assert all(0 <= r <= 1 for r in rates)


@pytest.mark.slow
@needs_mnist
def test_4_6_handwritten_training_loop_real_mnist(capsys):
    with np.load(MNIST) as f:
        x, y = f["x_train"][:6000], f["y_train"][:6000]
    losses, rates, _ = run_4_6(x, y, 2, capsys)
    assert np.mean(losses[-10:]) < np.mean(losses[:10])
    assert np.mean(rates) > 0.5


# --- 5. networks ------------------------------------------------------------------------------

def test_5_2_dense_by_hand():
    x = tf.random.normal([2, 784])
    w1 = tf.Variable(tf.random.truncated_normal([784, 256], stddev=0.1))
    b1 = tf.Variable(tf.zeros([256]))
    o1 = tf.matmul(x, w1) + b1
    o1 = tf.nn.relu(o1)
    assert o1.shape == (2, 256)
    np.testing.assert_allclose(o1.numpy(), np.maximum(x.numpy() @ w1.numpy(), 0), rtol=1e-4,
                               atol=1e-5)
    assert np.abs(w1.numpy()).max() <= 0.2   # truncated at two standard deviations


def test_5_2_dense_layer(capsys):
    x = tf.random.normal([4, 28 * 28])
    fc = tf.keras.layers.Dense(512, activation=tf.nn.relu)
    h1 = fc(x)
    assert h1.shape == (4, 512)
    print(fc.kernel)
    print(fc.bias)
    print(fc.trainable_variables)
    out = capsys.readouterr().out
    assert out.startswith("<tf.Variable 'dense/kernel:0' shape=(784, 512) dtype=float32, "
                          "numpy=\narray([[")
    assert ("<tf.Variable 'dense/bias:0' shape=(512,) dtype=float32, numpy=\narray([0., 0., "
            in out)
    assert out.count("<tf.Variable") == 4
    assert [v.name for v in fc.trainable_variables] == ["dense/kernel:0", "dense/bias:0"]


def test_5_2_sequential():
    x = tf.random.normal([100, 784])
    model = tf.keras.Sequential([
        tf.keras.layers.Dense(256, activation=tf.nn.relu),
        tf.keras.layers.Dense(64, activation=tf.nn.relu),
        tf.keras.layers.Dense(10, activation=None)
    ])
    out = model(x)
    assert out.shape == (100, 10)
    assert model.count_params() == 784 * 256 + 256 + 256 * 64 + 64 + 64 * 10 + 10


LINSPACE_6 = ("tf.Tensor(\n[-6.        -4.6666665 -3.3333333 -2.        -0.6666665  0.666667\n"
              "  2.         3.333334   4.666667   6.       ], shape=(10,), dtype=float32)\n")


def test_5_4_activations_print_as_tf(capsys):
    x = tf.linspace(-6., 6., 10)
    print(x)
    print(tf.nn.relu(x))
    print(tf.nn.leaky_relu(x, alpha=0.2))
    assert capsys.readouterr().out == LINSPACE_6 + (
        "tf.Tensor(\n[0.       0.       0.       0.       0.       0.666667 2.       3.333334\n"
        " 4.666667 6.      ], shape=(10,), dtype=float32)\n"
        "tf.Tensor(\n[-1.2        -0.93333334 -0.6666667  -0.4        -0.13333331  0.666667\n"
        "  2.          3.333334    4.666667    6.        ], shape=(10,), dtype=float32)\n")


def test_5_4_sigmoid_and_tanh_values():
    # The notes' printed sigmoid is a copy of relu's output; the real values are these.
    x = tf.linspace(-6., 6., 10)
    xs = x.numpy().astype(np.float64)
    np.testing.assert_allclose(tf.nn.sigmoid(x).numpy(), 1 / (1 + np.exp(-xs)), rtol=1e-6)
    np.testing.assert_allclose(tf.nn.tanh(x).numpy(), np.tanh(xs), rtol=1e-6)
    np.testing.assert_allclose(tf.tanh(x).numpy(), [
        -0.99998784, -0.99982315, -0.9974579, -0.9640276, -0.58278286, 0.58278316,
        0.9640276, 0.99745804, 0.99982315, 0.99998784], rtol=1e-6)
    with pytest.raises(TypeError):
        tf.nn.tanh(x, alpha=0.2)   # the notes' typo: tanh takes no alpha, in TF too


def test_5_5_softmax(capsys):
    x = tf.linspace(0., 5., 5)
    print(x)
    assert capsys.readouterr().out == (
        "tf.Tensor([0.   1.25 2.5  3.75 5.  ], shape=(5,), dtype=float32)\n")
    s = tf.nn.softmax(x)
    assert s.shape == (5,) and s.dtype == tf.float32
    np.testing.assert_allclose(s.numpy(), [0.00481679, 0.01681226, 0.05868054, 0.20481521,
                                           0.7148753], rtol=1e-6)


def _np_cce_logits(y, z):
    z = z - z.max(-1, keepdims=True)
    return -(y * (z - np.log(np.exp(z).sum(-1, keepdims=True)))).sum(-1)


def test_5_5_cross_entropy_function_and_class(capsys):
    z = tf.random.normal([2, 10])
    y_onehot = tf.constant([1, 3])
    y_onehot = tf.one_hot(y_onehot, depth=10)
    print(y_onehot)
    loss = tf.keras.losses.categorical_crossentropy(y_onehot, z, from_logits=True)
    assert loss.shape == (2,) and loss.dtype == tf.float32
    expected = _np_cce_logits(y_onehot.numpy().astype(np.float64), z.numpy().astype(np.float64))
    np.testing.assert_allclose(loss.numpy(), expected, rtol=1e-5)
    mean = tf.reduce_mean(loss)
    assert mean.shape == ()
    assert capsys.readouterr().out == (
        "tf.Tensor(\n[[0. 1. 0. 0. 0. 0. 0. 0. 0. 0.]\n [0. 0. 0. 1. 0. 0. 0. 0. 0. 0.]], "
        "shape=(2, 10), dtype=float32)\n")

    criterion = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
    loss2 = criterion(y_onehot, z)
    np.testing.assert_allclose(float(tf.reduce_mean(loss2)), expected.mean(), rtol=1e-5)


def test_5_6_mse():
    output = tf.random.normal([2, 10])
    y_onehot = tf.constant([1, 3])
    y_onehot = tf.one_hot(y_onehot, depth=10)
    loss = tf.keras.losses.MSE(y_onehot, output)
    assert loss.shape == (2,)
    expected = ((y_onehot.numpy() - output.numpy()) ** 2).mean(-1)
    np.testing.assert_allclose(loss.numpy(), expected, rtol=1e-5)
    np.testing.assert_allclose(float(tf.reduce_mean(loss)), expected.mean(), rtol=1e-5)
    assert str(tf.keras.losses.MSE(y_onehot, tf.zeros([2, 10]))) == (
        "tf.Tensor([0.1 0.1], shape=(2,), dtype=float32)")


# --- 6. backpropagation -----------------------------------------------------------------------

def test_6_3_chain_rule(capsys):
    x = tf.constant(1.)
    w1 = tf.constant(2.)
    b1 = tf.constant(1.)
    w2 = tf.constant(2.)
    b2 = tf.constant(1.)

    with tf.GradientTape(persistent=True) as tape:
        tape.watch([w1, b1, w2, b2])
        y1 = x * w1 + b1
        y2 = y1 * w2 + b2

    dy2_dy1 = tape.gradient(y2, [y1])[0]
    dy1_dw1 = tape.gradient(y1, [w1])[0]
    dy2_dw1 = tape.gradient(y2, [w1])[0]

    print(dy2_dy1 * dy1_dw1)
    print(dy2_dw1)
    assert capsys.readouterr().out == ("tf.Tensor(2.0, shape=(), dtype=float32)\n"
                                       "tf.Tensor(2.0, shape=(), dtype=float32)\n")
    assert repr(dy2_dw1) == "<tf.Tensor: shape=(), dtype=float32, numpy=2.0>"


# --- 7. Keras ---------------------------------------------------------------------------------

def test_7_1_softmax_layer():
    x = tf.constant([2., 1., 0.1])
    layer = layers.Softmax(axis=-1)
    out = layer(x)
    np.testing.assert_allclose(out.numpy(), [0.6590012, 0.24243298, 0.09856589], rtol=1e-6)


def build_7_2():
    layers_num = 2
    network = keras.Sequential([])
    for _ in range(layers_num):
        network.add(layers.Dense(3))
        network.add(layers.ReLU())
    network.build(input_shape=(4, 4))
    return network


SUMMARY_7_2 = """\
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


def test_7_2_sequential_containers(capsys):
    network = keras.Sequential([
        layers.Dense(3, activation=None),
        layers.ReLU(),
        layers.Dense(2, activation=None),
        layers.ReLU()
    ])
    x = tf.random.normal([4, 3])
    out = network(x)
    assert out.shape == (4, 2)
    assert float(tf.reduce_min(out)) >= 0

    tf.keras.backend.clear_session()
    network = build_7_2()
    network.summary()
    for p in network.trainable_variables:
        print(p.name, p.shape)
    assert capsys.readouterr().out == SUMMARY_7_2 + (
        "dense/kernel:0 (4, 3)\ndense/bias:0 (3,)\ndense_1/kernel:0 (3, 3)\ndense_1/bias:0 (3,)\n")


def make_classification_db(n=64, batch=16, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 4)).astype(np.float32)
    labels = (x[:, 0] + x[:, 1] > 0).astype(np.int32) + (x[:, 2] > 1).astype(np.int32)
    y = np.eye(3, dtype=np.float32)[labels]
    return tf.data.Dataset.from_tensor_slices((x, y)).batch(batch)


def compiled_7_3():
    network = build_7_2()
    network.add(layers.Dense(3))
    network.compile(optimizer=tf.keras.optimizers.Adam(lr=0.01),
                    loss=tf.losses.CategoricalCrossentropy(from_logits=True),
                    metrics=["accuracy"])
    return network


def test_7_3_to_7_5_compile_fit_predict():
    network = compiled_7_3()
    train_db, val_db = make_classification_db(seed=0), make_classification_db(seed=1)
    history = network.fit(train_db, epochs=5, validation_data=val_db, validation_freq=2,
                          verbose=0)
    h = history.history
    assert sorted(h) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert len(h["loss"]) == 5 and len(h["val_loss"]) == 2   # validated after epochs 2 and 4
    assert h["loss"][-1] < h["loss"][0]

    db_test = make_classification_db(seed=2)
    x, y = next(iter(db_test))
    out = network.predict(x, verbose=0)
    assert isinstance(out, np.ndarray) and out.shape == (16, 3) and out.dtype == np.float32
    np.testing.assert_allclose(out, network(x).numpy(), rtol=1e-5, atol=1e-6)


def test_7_6_save_and_load(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    network = compiled_7_3()
    x, _ = next(iter(make_classification_db()))
    before = network(x).numpy()

    network.save_weights("weights.ckpt")
    fresh = compiled_7_3()
    fresh.load_weights("weights.ckpt.index")
    np.testing.assert_allclose(fresh(x).numpy(), before, rtol=1e-6)

    network.save("model.h5")
    network = keras.models.load_model("model.h5")
    network.summary()
    assert " Total params: 119 (480.00 B)\n Trainable params: 39 (156.00 B)\n" in \
        capsys.readouterr().out   # Keras 3 counts Adam's 80 variables in the total
    np.testing.assert_allclose(network(x).numpy(), before, rtol=1e-6)

    tf.saved_model.save(network, "model-savedmodel")
    network = tf.saved_model.load("model-savedmodel")
    acc_meter = tf.metrics.CategoricalAccuracy()
    assert float(acc_meter.result()) == 0.0


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
        x = self.fc5(x)
        return x


def test_7_7_subclassed_model(capsys):
    model = MyModel()
    model.build(input_shape=(None, 28 * 28))
    model.summary()
    y = model(inputs=tf.random.normal(shape=[10, 28 * 28]))
    assert y.shape == (10, 10)
    out = capsys.readouterr().out
    assert out.startswith('Model: "my_model"\n')
    for row in ["│ dense (Dense)                   │ (None, 256)            │       200,960 │",
                "│ dense_4 (Dense)                 │ (None, 10)             │           330 │"]:
        assert row in out.splitlines()
    assert (" Total params: 244,522 (955.16 KB)\n Trainable params: 244,522 (955.16 KB)\n"
            " Non-trainable params: 0 (0.00 B)\n") in out


@pytest.mark.slow
def test_7_8_resnet50_with_a_new_head(capsys):
    resnet = keras.applications.ResNet50(weights=None, include_top=False)
    x = tf.random.normal([1, 64, 64, 3])
    out = resnet(x)
    assert out.shape == (1, 2, 2, 2048)
    resnet.trainable = False
    mynet = keras.Sequential([resnet, layers.GlobalAveragePooling2D(), layers.Dense(100)])
    mynet.build(input_shape=(None, 64, 64, 3))
    mynet.summary()
    text = capsys.readouterr().out
    assert "Trainable params: 204,900" in text
    assert "Non-trainable params: 23,587,712" in text


# --- 8. metrics and TensorBoard ---------------------------------------------------------------

def test_8_1_mean_metric(capsys):
    loss = tf.random.normal([6])
    loss_meter = tf.metrics.Mean()
    loss_meter.update_state(loss)
    np.testing.assert_allclose(float(loss_meter.result()), loss.numpy().mean(), rtol=1e-5)
    loss_meter.reset_states()
    print(loss_meter.result())
    assert capsys.readouterr().out == "tf.Tensor(0.0, shape=(), dtype=float32)\n"


def test_8_2_accuracy_metric():
    acc_meter = tf.metrics.Accuracy()
    for _ in range(1000):   # the notes run 10000; the estimate only needs to be near 1/2
        y = tf.random.normal([2])
        y = tf.argmax(y)
        y_pred = tf.random.normal([2])
        y_pred = tf.argmax(y_pred)
        acc_meter.update_state(y, y_pred)
    result = acc_meter.result()
    assert result.dtype == tf.float32 and result.shape == ()
    assert abs(float(result) - 0.5) < 0.08
    exact = tf.metrics.Accuracy()
    exact.update_state([1, 2, 3], [1, 2, 0])
    assert repr(exact.result()) == (
        "<tf.Tensor: shape=(), dtype=float32, numpy=0.6666666865348816>")


def test_8_3_tensorboard_summaries(tmp_path):
    summary_writer = tf.summary.create_file_writer(str(tmp_path / "log"))
    correct_rate, step, loss = tf.constant(0.5), 3, tf.constant(1.25)
    x = tf.random.uniform([100, 784])
    y = tf.random.uniform([100], maxval=10, dtype=tf.int32)
    with summary_writer.as_default():
        tf.summary.scalar("train_acc", correct_rate, step=step)
    with summary_writer.as_default():
        tf.summary.scalar("train-loss", float(loss), step=step)
    with summary_writer.as_default():
        tf.summary.scalar("test_acc", correct_rate, step=step)
        tf.summary.image("val-onebyone-images:", tf.reshape(x, (100, 28, 28, 1)),
                         max_outputs=9, step=step)
        tf.summary.histogram("y-hist", y, step=step)
    summary_writer.flush()
    files = glob.glob(str(tmp_path / "log" / "events.out.tfevents.*"))
    assert len(files) == 1
    data = open(files[0], "rb").read()
    for tag in [b"train_acc", b"train-loss", b"test_acc", b"val-onebyone-images:", b"y-hist"]:
        assert tag in data


# --- 9. overfitting ---------------------------------------------------------------------------

def test_9_2_and_9_3_regularisation_terms():
    w1 = tf.random.normal([4, 3])
    w2 = tf.random.normal([4, 2])
    loss_reg = tf.reduce_sum(tf.math.abs(w1) + tf.math.abs(w1))
    assert loss_reg.shape == () and loss_reg.dtype == tf.float32
    np.testing.assert_allclose(float(loss_reg), 2 * np.abs(w1.numpy()).sum(), rtol=1e-5)
    loss_reg = tf.reduce_sum(tf.square(w1)) + tf.reduce_sum(tf.square(w2))
    np.testing.assert_allclose(float(loss_reg),
                               (w1.numpy() ** 2).sum() + (w2.numpy() ** 2).sum(), rtol=1e-5)


def test_9_4_dropout():
    x = tf.ones([100, 10])
    x = tf.nn.dropout(x, rate=0.5)
    values = np.unique(x.numpy())
    assert set(values.tolist()) <= {0.0, 2.0}   # kept values are scaled by 1 / (1 - rate)
    assert 0.3 < (x.numpy() == 0).mean() < 0.7
    model = keras.Sequential([layers.Dense(4)])
    model.add(layers.Dropout(rate=0.5))
    out = model(tf.ones([3, 2]))           # inference: dropout is the identity
    np.testing.assert_allclose(out.numpy(), model.layers[0](tf.ones([3, 2])).numpy())


def make_moons(n_samples, noise, rng):
    """sklearn.datasets.make_moons, for the test (sklearn is no dependency)."""
    n_out, n_in = n_samples // 2, n_samples - n_samples // 2
    outer = np.linspace(0, np.pi, n_out)
    inner = np.linspace(0, np.pi, n_in)
    x = np.vstack([np.stack([np.cos(outer), np.sin(outer)], 1),
                   np.stack([1 - np.cos(inner), 1 - np.sin(inner) - 0.5], 1)])
    y = np.hstack([np.zeros(n_out, np.int64), np.ones(n_in, np.int64)])
    return x + rng.normal(scale=noise, size=x.shape), y


def build_model_with_regularization(_lambda):
    model = tf.keras.Sequential()
    model.add(layers.Dense(8, input_dim=2, activation=tf.nn.relu))
    model.add(layers.Dense(256, activation=tf.nn.relu,
                           kernel_regularizer=tf.keras.regularizers.l2(_lambda)))
    model.add(layers.Dense(256, activation=tf.nn.relu,
                           kernel_regularizer=tf.keras.regularizers.l2(_lambda)))
    model.add(layers.Dense(256, activation=tf.nn.relu,
                           kernel_regularizer=tf.keras.regularizers.l2(_lambda)))
    model.add(layers.Dense(1, activation=tf.nn.sigmoid))
    model.compile(loss=tf.losses.binary_crossentropy, optimizer=tf.optimizers.Adam(),
                  metrics=[tf.metrics.binary_accuracy])
    return model


def test_9_5_l2_regularised_model_on_moons():
    rng = np.random.default_rng(100)
    x, y = make_moons(n_samples=400, noise=0.25, rng=rng)
    order = rng.permutation(len(x))
    x, y = x[order], y[order]
    x_train, x_test, y_train, y_test = x[:320], x[320:], y[:320], y[320:]
    model = build_model_with_regularization(_lambda=0.01)
    assert len(model.losses) == 3   # one L2 penalty per regularised kernel
    history = model.fit(x_train, y_train, epochs=3, verbose=0)
    assert len(history.history["loss"]) == 3
    assert history.history["loss"][-1] < history.history["loss"][0]
    result = model.evaluate(x_test, y_test, verbose=0)
    assert len(result) == 2 and 0 <= result[1] <= 1 and np.isfinite(result[0])
