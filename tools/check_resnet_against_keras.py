"""Checks fasttf's keras.applications.ResNet50 against real Keras (not part of the test suite).

Run with an interpreter that has TensorFlow installed, fasttf on the path:

    PYTHONPATH=python VENV/bin/python tools/check_resnet_against_keras.py

It compares, for include_top False and True: layer names, classes, order, output shapes and
parameter counts; then saves the TF model's weights (Keras 3 `.weights.h5` and, when tf_keras is
installed, a legacy Keras 2 `.h5` like Keras' pretrained files), loads them into fasttf's model
(through `load_weights` and through `ResNet50(weights=path)`) and compares the outputs on a
random input (max abs difference must be < 1e-4).
"""

import os
import sys
import tempfile

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import tensorflow as tf_  # noqa: E402

import fasttf as ft  # noqa: E402

TOL = 1e-4


def layer_table(model, keras3):
    rows = []
    for layer in model.layers:
        if keras3 and type(layer).__name__ == "InputLayer":
            shape = tuple(layer.batch_shape)
        else:
            shape = tuple(layer.output.shape) if keras3 else tuple(
                layer._inbound_nodes[-1].outputs.shape.dims) if layer._inbound_nodes else None
        if type(layer).__name__ == "InputLayer" and not keras3:
            shape = tuple(layer._batch_input_shape)
        rows.append((layer.name, type(layer).__name__, shape, int(layer.count_params())))
    return rows


def compare_tables(tf_model, ft_model):
    a, b = layer_table(tf_model, True), layer_table(ft_model, False)
    problems = []
    if len(a) != len(b):
        problems.append("layer count: keras %d, fasttf %d" % (len(a), len(b)))
    for i, (ra, rb) in enumerate(zip(a, b)):
        if i == 0:  # input layer names differ (input_layer vs input_1): compare shapes only
            ra, rb = ra[2:], rb[2:]
        if ra != rb:
            problems.append("layer %d: keras %s, fasttf %s" % (i, ra, rb))
    if tf_model.count_params() != ft_model.count_params():
        problems.append("params: keras %d, fasttf %d" % (tf_model.count_params(),
                                                         ft_model.count_params()))
    return problems


def max_diff(tf_model, ft_model, x):
    expected = tf_model(x, training=False).numpy()
    got = ft_model(ft.constant(x), training=False).numpy()
    assert expected.shape == got.shape, (expected.shape, got.shape)
    return float(np.max(np.abs(expected - got))), float(np.max(np.abs(expected)))


def randomize_bn_stats(model):
    # Pretrained-like BN statistics, so the check exercises moving mean / variance too.
    rng = np.random.default_rng(0)
    for layer in model.layers:
        if type(layer).__name__ == "BatchNormalization":
            n = layer.moving_mean.shape[0]
            layer.moving_mean.assign(rng.normal(0, 0.1, n).astype("float32"))
            layer.moving_variance.assign(rng.uniform(0.5, 1.5, n).astype("float32"))
            layer.gamma.assign(rng.uniform(0.5, 1.0, n).astype("float32"))
            layer.beta.assign(rng.normal(0, 0.1, n).astype("float32"))


def check(include_top, tmp):
    label = "include_top=%s" % include_top
    input_shape = None if include_top else (64, 64, 3)
    # Logits (no softmax) on top, so the comparison is not flattened by 1000-way softmax.
    kw = dict(include_top=include_top, input_shape=input_shape, classifier_activation=None)
    tf_model = tf_.keras.applications.ResNet50(weights=None, **kw)
    ft_model = ft.keras.applications.ResNet50(weights=None, **kw)
    problems = compare_tables(tf_model, ft_model)
    print("[%s] architecture: %s" % (label, "OK (%d layers, %d params)" % (
        len(ft_model.layers), ft_model.count_params()) if not problems else problems[:10]))
    randomize_bn_stats(tf_model)
    size = 224 if include_top else 64
    x = np.random.default_rng(1).normal(0, 1, (2, size, size, 3)).astype("float32")
    ok = not problems

    path = os.path.join(tmp, "tf_%d.weights.h5" % include_top)
    tf_model.save_weights(path)
    ft_model.load_weights(path)
    diff, scale = max_diff(tf_model, ft_model, x)
    print("[%s] Keras 3 .weights.h5 via load_weights: max |diff| %.3g (max |y| %.3g)"
          % (label, diff, scale))
    ok &= diff < TOL * max(1.0, scale)

    fresh = ft.keras.applications.ResNet50(weights=path, **kw)
    diff, _ = max_diff(tf_model, fresh, x)
    print("[%s] ResNet50(weights=<.weights.h5>): max |diff| %.3g" % (label, diff))
    ok &= diff < TOL * max(1.0, scale)

    try:
        import tf_keras
    except ImportError:
        print("[%s] tf_keras not installed: legacy .h5 check skipped" % label)
        return ok
    legacy = tf_keras.applications.ResNet50(weights=None, **kw)
    randomize_bn_stats(legacy)
    legacy_path = os.path.join(tmp, "legacy_%d.h5" % include_top)
    legacy.save_weights(legacy_path)  # Keras 2 layout, as Keras' pretrained files
    fresh = ft.keras.applications.ResNet50(weights=legacy_path, **kw)
    diff, scale = max_diff(legacy, fresh, x)
    print("[%s] ResNet50(weights=<legacy tf_keras .h5>): max |diff| %.3g (max |y| %.3g)"
          % (label, diff, scale))
    ok &= diff < TOL * max(1.0, scale)
    return ok


def main():
    # Default input (None, None, 3): symbolic shapes must keep None like Keras'.
    problems = compare_tables(tf_.keras.applications.ResNet50(weights=None, include_top=False),
                              ft.keras.applications.ResNet50(weights=None, include_top=False))
    print("[input_shape=None] architecture: %s" % ("OK" if not problems else problems[:10]))
    ok = not problems
    with tempfile.TemporaryDirectory() as tmp:
        ok &= check(False, tmp)
        ok &= check(True, tmp)
    print("ALL OK" if ok else "MISMATCH")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
