"""Metrics against NumPy: running means with sample weights, accuracies, top-k, confusion
metrics (Precision/Recall/AUC), reset, lookup, and the notes' sections 8.1 and 8.2."""

import numpy as np
import pytest

import fasttf as tf
from fasttf.keras import metrics
from helpers import assert_close

RNG = np.random.default_rng(2)


def test_notes_mean_meter():
    loss = tf.random.normal([6])
    meter = tf.metrics.Mean()
    meter.update_state(loss)
    result = meter.result()
    assert result.dtype == tf.float32 and result.shape == ()
    assert_close(result, loss.numpy().mean(), rtol=1e-6)
    meter.reset_states()
    assert float(meter.result()) == 0.0
    meter.update_state([1.0, 2.0])
    meter.update_state(6.0)
    assert float(meter.result()) == 3.0


def test_notes_accuracy_meter():
    acc = tf.metrics.Accuracy()
    hits = 0
    for _ in range(10000):
        y = tf.argmax(tf.random.normal([2]))
        y_pred = tf.argmax(tf.random.normal([2]))
        hits += int(y.numpy() == y_pred.numpy())
        acc.update_state(y, y_pred)
    assert_close(acc.result(), np.float32(hits / 10000), rtol=1e-6)
    assert 0.45 < float(acc.result()) < 0.55


def test_mean_with_sample_weight_and_rank2_values():
    values = RNG.standard_normal((4, 3)).astype(np.float32)
    w = np.array([1.0, 0.0, 2.0, 0.5], np.float32)
    m = metrics.Mean()
    m.update_state(values, sample_weight=w)
    expected = (values.mean(1) * w).sum() / w.sum()
    assert_close(m.result(), expected, rtol=1e-6)
    s = metrics.Sum()
    s.update_state(values, sample_weight=w)
    assert_close(s.result(), (values.sum(1) * w).sum(), rtol=1e-6)
    assert [v.name for v in m.variables] == ["total:0", "count:0"]


def test_accuracies():
    probs = RNG.uniform(size=(6, 4)).astype(np.float32)
    labels = np.array([0, 1, 2, 3, 0, 1])
    onehot = np.eye(4, dtype=np.float32)[labels]
    hits = (probs.argmax(1) == labels).astype(np.float32)
    assert_close(metrics.sparse_categorical_accuracy(labels, probs), hits)
    assert_close(metrics.sparse_categorical_accuracy(labels[:, None], probs), hits)
    assert_close(metrics.categorical_accuracy(onehot, probs), hits)
    m = metrics.SparseCategoricalAccuracy()
    m.update_state(labels, probs, sample_weight=np.arange(6.0))
    assert_close(m.result(), (hits * np.arange(6)).sum() / 15, rtol=1e-6)
    c = metrics.CategoricalAccuracy()
    c.update_state(onehot, probs)
    assert_close(c.result(), hits.mean(), rtol=1e-6)
    b = metrics.BinaryAccuracy(threshold=0.3)
    y = RNG.integers(0, 2, (6, 4)).astype(np.float32)
    b.update_state(y, probs)
    assert_close(b.result(), ((probs > 0.3) == y).mean(), rtol=1e-6)
    assert_close(metrics.binary_accuracy(y, probs), ((probs > 0.5) == y).astype(np.float32))


def test_top_k():
    preds = np.array([[0.1, 0.5, 0.4, 0.0], [0.7, 0.1, 0.1, 0.1], [0.2, 0.2, 0.3, 0.3]],
                     np.float32)
    labels = np.array([2, 3, 0])
    # row 0: label 2 is second; row 1: label 3 ties with two others below 0.7 (in top 2);
    # row 2: label 0 has two larger scores
    assert_close(metrics.sparse_top_k_categorical_accuracy(labels, preds, k=2),
                 np.float32([1, 1, 0]))
    assert_close(metrics.top_k_categorical_accuracy(np.eye(4)[labels], preds, k=1),
                 np.float32([0, 0, 0]))
    m = metrics.SparseTopKCategoricalAccuracy(k=3)
    m.update_state(labels, preds)
    assert_close(m.result(), np.float32(1.0))


def test_regression_metrics():
    y = RNG.standard_normal((5, 3)).astype(np.float32)
    p = RNG.standard_normal((5, 3)).astype(np.float32)
    for cls, ref in [(metrics.MeanSquaredError, ((y - p) ** 2).mean()),
                     (metrics.MeanAbsoluteError, np.abs(y - p).mean()),
                     (metrics.RootMeanSquaredError, np.sqrt(((y - p) ** 2).mean()))]:
        m = cls()
        m.update_state(y[:2], p[:2])
        m.update_state(y[2:], p[2:])
        assert_close(m.result(), ref, rtol=1e-5)


def _np_confusion(y, p, thresholds, w=None):
    w = np.ones_like(p) if w is None else np.broadcast_to(w, p.shape)
    out = []
    for t in thresholds:
        pred = p > t
        out.append([(w * (pred & y)).sum(), (w * (pred & ~y)).sum(),
                    (w * (~pred & ~y)).sum(), (w * (~pred & y)).sum()])
    return np.array(out).T  # tp, fp, tn, fn


def test_precision_recall():
    y = RNG.integers(0, 2, 50).astype(bool)
    p = RNG.uniform(size=50).astype(np.float32)
    tp, fp, tn, fn = _np_confusion(y, p, [0.5])
    prec, rec = metrics.Precision(), metrics.Recall()
    prec.update_state(y, p)
    rec.update_state(y, p)
    assert_close(prec.result(), np.float32(tp[0] / (tp[0] + fp[0])), rtol=1e-6)
    assert_close(rec.result(), np.float32(tp[0] / (tp[0] + fn[0])), rtol=1e-6)
    multi = metrics.Precision(thresholds=[0.7, 0.2])
    multi.update_state(y, p)
    tp, fp, _, _ = _np_confusion(y, p, [0.7, 0.2])
    assert_close(multi.result(), (tp / (tp + fp)).astype(np.float32), rtol=1e-6)
    # class_id and top_k
    probs = RNG.uniform(size=(8, 3)).astype(np.float32)
    labels = np.eye(3)[RNG.integers(0, 3, 8)]
    r = metrics.Recall(class_id=1)
    r.update_state(labels, probs)
    tp, _, _, fn = _np_confusion(labels[:, 1].astype(bool), probs[:, 1], [0.5])
    assert_close(r.result(), np.float32(tp[0] / max(tp[0] + fn[0], 1)), rtol=1e-6)
    top1 = metrics.Precision(top_k=1)
    top1.update_state(labels, probs)
    chosen = probs.argmax(1)
    assert_close(top1.result(), np.float32(labels[np.arange(8), chosen].mean()), rtol=1e-6)
    prec.reset_state()
    assert float(prec.result()) == 0.0


def test_auc_roc_and_pr():
    y = RNG.integers(0, 2, 200)
    p = np.clip(y * 0.3 + RNG.uniform(size=200) * 0.7, 0, 1).astype(np.float32)
    auc = metrics.AUC(num_thresholds=200)
    auc.update_state(y[:100], p[:100])
    auc.update_state(y[100:], p[100:])
    # exact ROC AUC (Mann-Whitney); 200 interpolated thresholds approximate it closely
    pos, neg = p[y == 1], p[y == 0]
    exact = ((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())
    assert abs(float(auc.result()) - exact) < 5e-3
    # the same Riemann sum written in NumPy
    thresholds = [-1e-7] + [(i + 1) / 199 for i in range(198)] + [1 + 1e-7]
    tp, fp, tn, fn = _np_confusion(y.astype(bool), p, thresholds)
    tpr, fpr = tp / (tp + fn), fp / (fp + tn)
    ref = ((fpr[:-1] - fpr[1:]) * (tpr[:-1] + tpr[1:]) / 2).sum()
    assert_close(auc.result(), np.float32(ref), rtol=1e-5)
    assert auc.true_positives.shape == (200,)
    pr = metrics.AUC(curve="PR")
    pr.update_state(y, p)
    assert 0.5 < float(pr.result()) <= 1.0
    perfect = metrics.AUC()
    perfect.update_state([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])
    assert_close(perfect.result(), np.float32(1.0), rtol=1e-6)
    with pytest.raises(ValueError):
        metrics.AUC(num_thresholds=1)
    with pytest.raises(ValueError):
        metrics.AUC(curve="XYZ")


def test_get_and_names():
    # Keras 3 (TF 2.21): a name gives an object of the matching class
    assert isinstance(metrics.get("accuracy"), metrics.Accuracy)
    assert isinstance(metrics.get("AUC"), metrics.AUC)
    assert isinstance(metrics.get("sparse_categorical_accuracy"),
                      metrics.SparseCategoricalAccuracy)
    assert metrics.SparseCategoricalAccuracy().name == "sparse_categorical_accuracy"
    assert metrics.Mean(name="loss").name == "loss"
    assert tf.metrics.binary_accuracy is metrics.binary_accuracy
    config = metrics.serialize(metrics.BinaryAccuracy(threshold=0.7))
    assert metrics.get(config).get_config()["threshold"] == 0.7
    with pytest.raises(ValueError, match="no_such_metric"):
        metrics.get("no_such_metric")


def test_bad_inputs():
    with pytest.raises(ValueError):
        metrics.Precision().update_state(np.zeros((3, 2)), np.zeros((3, 4)))
    with pytest.raises(ValueError):
        metrics.Precision(thresholds=[1.5])
    with pytest.raises(ValueError):  # incompatible shapes
        metrics.MeanSquaredError().update_state(np.zeros((2, 3)), np.zeros((2, 4)))
