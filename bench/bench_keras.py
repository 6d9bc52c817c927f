"""End-to-end training speed on MNIST, one epoch each, the same TF-2 code run by fasttf and (when
importable) TensorFlow, interleaved in one run, plus the same models in PyTorch when importable:

  mlp   Keras fit: Flatten, Dense 256 relu, Dense 128 relu, Dense 10 (logits); Adam; batch 128;
        SparseCategoricalCrossentropy(from_logits=True)
  cnn   Keras fit: Conv2D 32x3 relu, MaxPool, Conv2D 64x3 relu, MaxPool, Flatten, Dense 128 relu,
        Dense 10 (logits); same optimizer and loss
  loop  the notes' handwritten GradientTape loop (section 4.6): 784-256-10 MLP, batch 100,
        tf.data from_tensor_slices -> shuffle(1000) -> batch -> map(preprocess), RMSprop with an
        ExponentialDecay schedule built once, CategoricalCrossentropy(from_logits=True)

The Keras models (and their PyTorch twins) start from the same NumPy-drawn weights, so the
test accuracies compare the training engines, not the luck of the initial draw.

Prints seconds per epoch, the ratio to TensorFlow, the test accuracy, and for the loop the
mean time of one tape step (forward + gradient + apply_gradients, without the input pipeline).

Run with TensorFlow beside it:
  PYTHONPATH=python VENV/bin/python bench/bench_keras.py [--threads N]
        [--only mlp,cnn,loop] [--repeats R] [--seeds N]
(VENV: a virtualenv with tensorflow, and torch if wanted; neither is a dependency of fasttf.)
"""

import argparse
import os
import sys
import time

MNIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                     "datasets", "mnist.npz")


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=0, help="threads for every library (0: all)")
    p.add_argument("--only", default="mlp,cnn,loop")
    p.add_argument("--repeats", type=int, default=1, help="epochs timed per library (best kept)")
    p.add_argument("--no-torch", action="store_true")
    p.add_argument("--seeds", type=int, default=1,
                   help="train with seeds 0..N-1 and report the mean test accuracy (one epoch's "
                        "accuracy moves by about a point with the shuffle order alone); the time "
                        "is seed 0's")
    return p.parse_args()


ARGS = parse_args()
if ARGS.threads:
    os.environ["OMP_NUM_THREADS"] = str(ARGS.threads)  # before any OpenMP runtime loads
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402


# ---- the workloads, written once as TF-2 code against the module `tf` -----------------------
def set_seed(tf, seed):
    tf.keras.utils.set_random_seed(seed)


def mlp_model(tf):
    layers = tf.keras.layers
    return tf.keras.Sequential([layers.Flatten(input_shape=(28, 28)),
                                layers.Dense(256, activation="relu"),
                                layers.Dense(128, activation="relu"), layers.Dense(10)])


def cnn_model(tf):
    layers = tf.keras.layers
    return tf.keras.Sequential([layers.Conv2D(32, 3, activation="relu", input_shape=(28, 28, 1)),
                                layers.MaxPooling2D(), layers.Conv2D(64, 3, activation="relu"),
                                layers.MaxPooling2D(), layers.Flatten(),
                                layers.Dense(128, activation="relu"), layers.Dense(10)])


def initial_weights(shapes, seed=0):
    """Keras-layout weights, glorot-uniform kernels and zero biases, drawn with NumPy so that
    every library starts from the same point: one epoch's test accuracy moves by more than a
    point with the initial draw alone, which would drown the comparison of the engines."""
    rng = np.random.default_rng(seed)
    weights = []
    for shape in shapes:
        if len(shape) == 1:
            weights.append(np.zeros(shape, np.float32))
            continue
        receptive = int(np.prod(shape[:-2])) if len(shape) > 2 else 1
        fan_in, fan_out = shape[-2] * receptive, shape[-1] * receptive
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        weights.append(rng.uniform(-limit, limit, shape).astype(np.float32))
    return weights


def shared_initial_weights(model):
    model.set_weights(initial_weights([w.shape for w in model.get_weights()]))


def keras_fit(tf, build, data, seed=0):
    """One epoch of model.fit; returns (seconds of the fit, test accuracy, None)."""
    x_train, y_train, x_test, y_test = data
    set_seed(tf, seed)
    model = build(tf)
    shared_initial_weights(model)
    model.compile(optimizer="adam",
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    start = time.perf_counter()
    model.fit(x_train, y_train, batch_size=128, epochs=1, verbose=0)
    seconds = time.perf_counter() - start
    _, acc = model.evaluate(x_test, y_test, batch_size=512, verbose=0)
    return seconds, float(acc), None


def handwritten_loop(tf, data, seed=0):
    """The notes' section 4.6 loop (hidden width 256, the optimizer built once). Returns
    (seconds of the epoch, test accuracy, mean seconds of one tape step)."""
    x, y, x_val, y_val = data

    def preprocess(x, y):
        x = tf.cast(x, tf.float32)
        x = tf.reshape(x, [-1, 28 * 28])
        x = x / 255
        y = tf.cast(y, dtype=tf.int64)
        y = tf.one_hot(y, depth=10)
        return x, y

    set_seed(tf, seed)
    batch_size = 100
    train_db = tf.data.Dataset.from_tensor_slices((x, y))
    train_db = train_db.shuffle(1000)
    train_db = train_db.batch(batch_size)
    train_db = train_db.map(preprocess)
    test_db = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(1000).map(preprocess)

    w1 = tf.Variable(tf.random.truncated_normal(shape=[28 * 28, 256], stddev=0.1))
    b1 = tf.Variable(tf.random.truncated_normal(shape=(256,), stddev=0.1))
    w2 = tf.Variable(tf.random.truncated_normal(shape=(w1.shape[1], 10), stddev=0.1))
    b2 = tf.Variable(tf.random.truncated_normal(shape=(10,), stddev=0.1))

    def train(x):
        h1 = x @ w1 + b1
        h1 = tf.nn.relu(h1)
        h2 = h1 @ w2 + b2
        h2 = tf.nn.relu(h2)
        return h2

    lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(
        initial_learning_rate=1e-4, decay_steps=100000, decay_rate=0.96, staircase=True)
    optimizer = tf.keras.optimizers.RMSprop(learning_rate=lr_schedule)
    loss_obj = tf.losses.CategoricalCrossentropy(from_logits=True)

    step_seconds = 0.0
    steps = 0
    start = time.perf_counter()
    for step, (x, y) in enumerate(train_db):
        t0 = time.perf_counter()
        with tf.GradientTape() as tape:
            out = train(x)
            loss = loss_obj(y, out)
        grads = tape.gradient(loss, [w1, b1, w2, b2])
        optimizer.apply_gradients(zip(grads, [w1, b1, w2, b2]))
        step_seconds += time.perf_counter() - t0
        steps += 1
        if step % 20 == 0:
            pred = tf.argmax(out, axis=1)
            y = tf.argmax(y, axis=1)
            correct = tf.equal(y, pred)
            correct_rate = tf.reduce_sum(tf.cast(correct, tf.int32) / batch_size)
            correct_rate.numpy()
    seconds = time.perf_counter() - start

    correct, total = 0, 0
    for x, y in test_db:
        pred = tf.argmax(train(x), axis=1)
        correct += int(tf.reduce_sum(tf.cast(tf.equal(tf.argmax(y, axis=1), pred), tf.int32)))
        total += int(y.shape[0])
    return seconds, correct / total, step_seconds / max(steps, 1)


# ---- PyTorch: the same models and optimizer settings -----------------------------------------
KERAS_SHAPES = {"mlp": [(784, 256), (256,), (256, 128), (128,), (128, 10), (10,)],
                "cnn": [(3, 3, 1, 32), (32,), (3, 3, 32, 64), (64,), (1600, 128), (128,),
                        (128, 10), (10,)]}


def load_keras_weights(torch, model, kind):
    """The Keras models' initial weights in PyTorch's layouts: conv kernels HWIO -> OIHW, dense
    kernels transposed, and the first dense layer of the CNN reordered from Keras' HWC
    flattening to PyTorch's CHW."""
    arrays = iter(initial_weights(KERAS_SHAPES[kind]))
    for module in model:
        if not hasattr(module, "weight"):
            continue
        kernel, bias = next(arrays), next(arrays)
        if kernel.ndim == 4:
            kernel = kernel.transpose(3, 2, 0, 1)
        elif kind == "cnn" and kernel.shape[0] == 1600:
            kernel = kernel.reshape(5, 5, 64, -1).transpose(2, 0, 1, 3).reshape(1600, -1).T
        else:
            kernel = kernel.T
        with torch.no_grad():
            module.weight.copy_(torch.from_numpy(np.ascontiguousarray(kernel)))
            module.bias.copy_(torch.from_numpy(bias))


def torch_fit(torch, kind, data, seed=0):
    nn = torch.nn
    x_train, y_train, x_test, y_test = data
    torch.manual_seed(seed)
    if kind == "mlp":
        model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128),
                              nn.ReLU(), nn.Linear(128, 10))
        to_input = lambda a: a  # noqa: E731
    else:
        model = nn.Sequential(nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
                              nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                              nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10))
        to_input = lambda a: a.reshape(-1, 1, 28, 28)  # noqa: E731  (NCHW, PyTorch's layout)
    load_keras_weights(torch, model, kind)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    xt, yt = torch.from_numpy(x_train), torch.from_numpy(y_train.astype(np.int64))
    start = time.perf_counter()
    perm = torch.randperm(len(xt))
    for i in range(0, len(xt), 128):
        idx = perm[i:i + 128]
        xb, yb = to_input(xt[idx]), yt[idx]
        opt.zero_grad(set_to_none=True)
        out = model(xb)
        loss = loss_fn(out, yb)
        loss.backward()
        opt.step()
        (out.argmax(1) == yb).float().mean()  # Keras' per-batch accuracy, for parity
    seconds = time.perf_counter() - start
    with torch.no_grad():
        pred = model(to_input(torch.from_numpy(x_test))).argmax(1).numpy()
    return seconds, float((pred == y_test).mean()), None


def torch_loop(torch, data, seed=0):
    x, y, x_val, y_val = data
    torch.manual_seed(seed)
    nn = torch.nn
    w1 = nn.Parameter(torch.nn.init.trunc_normal_(torch.empty(784, 256), std=0.1, a=-0.2, b=0.2))
    b1 = nn.Parameter(torch.nn.init.trunc_normal_(torch.empty(256), std=0.1, a=-0.2, b=0.2))
    w2 = nn.Parameter(torch.nn.init.trunc_normal_(torch.empty(256, 10), std=0.1, a=-0.2, b=0.2))
    b2 = nn.Parameter(torch.nn.init.trunc_normal_(torch.empty(10), std=0.1, a=-0.2, b=0.2))
    params = [w1, b1, w2, b2]
    # Keras RMSprop: rho 0.9, eps 1e-7 outside the sqrt; torch's eps sits outside it too.
    opt = torch.optim.RMSprop(params, lr=1e-4, alpha=0.9, eps=1e-7)

    def train(xb):
        return torch.relu(torch.relu(xb @ w1 + b1) @ w2 + b2)

    xt, yt = torch.from_numpy(x), torch.from_numpy(y.astype(np.int64))
    step_seconds, steps = 0.0, 0
    start = time.perf_counter()
    perm = torch.randperm(len(xt))
    for i in range(0, len(xt), 100):
        idx = perm[i:i + 100]
        xb = xt[idx].float().reshape(-1, 784) / 255
        yb = torch.nn.functional.one_hot(yt[idx], 10).float()
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)
        out = train(xb)
        loss = torch.nn.functional.cross_entropy(out, yb)
        loss.backward()
        opt.step()
        step_seconds += time.perf_counter() - t0
        steps += 1
    seconds = time.perf_counter() - start
    with torch.no_grad():
        pred = train(torch.from_numpy(x_val).float().reshape(-1, 784) / 255).argmax(1).numpy()
    return seconds, float((pred == y_val).mean()), step_seconds / steps


# ---- driver ----------------------------------------------------------------------------------
def load_mnist():
    if not os.path.exists(MNIST):
        sys.exit("MNIST not found at %s" % MNIST)
    with np.load(MNIST) as d:
        raw = (d["x_train"], d["y_train"], d["x_test"], d["y_test"])
    x_train = (raw[0] / 255.0).astype(np.float32)
    x_test = (raw[2] / 255.0).astype(np.float32)
    return {"mlp": (x_train, raw[1], x_test, raw[3]),
            "cnn": (x_train[..., None], raw[1], x_test[..., None], raw[3]),
            "loop": raw}


def libraries():
    import fasttf
    libs = {"fasttf": fasttf}
    try:
        import tensorflow
        if ARGS.threads:
            tensorflow.config.threading.set_intra_op_parallelism_threads(ARGS.threads)
            tensorflow.config.threading.set_inter_op_parallelism_threads(ARGS.threads)
        libs["tensorflow"] = tensorflow
    except ImportError:
        print("(tensorflow not importable: fasttf only; run with a Python that has tensorflow installed)")
    if not ARGS.no_torch:
        try:
            import torch
            if ARGS.threads:
                torch.set_num_threads(ARGS.threads)
            libs["torch"] = torch
        except ImportError:
            pass
    return libs


def run_workload(name, lib_name, lib, data, seed=0):
    if lib_name == "torch":
        return (torch_loop(lib, data, seed) if name == "loop"
                else torch_fit(lib, name, data, seed))
    if name == "loop":
        return handwritten_loop(lib, data, seed)
    return keras_fit(lib, mlp_model if name == "mlp" else cnn_model, data, seed)


def mean_accuracy(name, lib_name, lib, data, first_accuracy):
    """Test accuracy averaged over seeds 0..ARGS.seeds-1 (seed 0's run is already done)."""
    accuracies = [first_accuracy] + [run_workload(name, lib_name, lib, data, seed)[1]
                                     for seed in range(1, ARGS.seeds)]
    return sum(accuracies) / len(accuracies)


TARGETS = {"mlp": 0.5, "cnn": 0.7, "loop": 0.15}  # fasttf time / TF time, from the issue


def main():
    datasets = load_mnist()
    libs = libraries()
    print("threads: %s   (loss: from_logits=True on a linear last layer)"
          % (ARGS.threads or "all (%d cores)" % os.cpu_count()))
    if ARGS.seeds > 1:
        print("test accuracy: mean over seeds 0..%d" % (ARGS.seeds - 1))
    rows = []
    for name in ARGS.only.split(","):
        results = {}
        for _ in range(ARGS.repeats):  # interleaved: each library once per round
            for lib_name, lib in libs.items():
                r = run_workload(name, lib_name, lib, datasets[name])
                best = results.get(lib_name)
                if best is None or r[0] < best[0]:
                    results[lib_name] = r
        if ARGS.seeds > 1:
            for lib_name, (seconds, acc, step) in results.items():
                acc = mean_accuracy(name, lib_name, libs[lib_name], datasets[name], acc)
                results[lib_name] = (seconds, acc, step)
        rows.append((name, results))
        tf_time = results.get("tensorflow", (None,))[0]
        for lib_name, (seconds, acc, step) in results.items():
            ratio = " %.2fx TF" % (seconds / tf_time) if tf_time else ""
            step_text = "  tape step %.2f ms" % (step * 1e3) if step is not None else ""
            print("%-5s %-10s %7.2f s%-10s  test acc %.4f%s"
                  % (name, lib_name, seconds, ratio, acc, step_text), flush=True)
    if any("tensorflow" in r for _, r in rows):
        print("\nworkload  fasttf s  TF s   ratio (target)  acc fasttf / TF    torch s")
        for name, r in rows:
            if "tensorflow" not in r:
                continue
            f, t = r["fasttf"], r["tensorflow"]
            torch_s = "%.2f" % r["torch"][0] if "torch" in r else "-"
            print("%-8s %8.2f %6.2f   %.2f (<= %.2f)    %.4f / %.4f   %s"
                  % (name, f[0], t[0], f[0] / t[0], TARGETS[name], f[1], t[1], torch_s))
            if name == "loop" and f[2] is not None and t[2] is not None:
                print("         tape step: fasttf %.3f ms, TF %.3f ms (%.2fx)"
                      % (f[2] * 1e3, t[2] * 1e3, f[2] / t[2]))


if __name__ == "__main__":
    main()
