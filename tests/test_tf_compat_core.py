"""The core tensor API behaves as TensorFlow 2.21: creation and conversion, dtype rules, the
exception classes raised on bad input, indexing, and the tf.math / tf.nn / tf.random functions
TF users call. Values are the ones TF 2.21 gives (checked against it when written)."""

import math

import numpy as np
import pytest

import fasttf as tf

IAE = tf.errors.InvalidArgumentError


# ---------------------------------------------------------------------------------------------
# exception classes: an op refusing a dtype raises InvalidArgumentError (also a TypeError)


@pytest.mark.parametrize("call", [
    lambda: tf.sqrt(4),
    lambda: tf.exp(tf.constant([1, 2])),
    lambda: tf.reduce_sum([True, True]),
    lambda: tf.one_hot([1.], 3),
    lambda: tf.gather([1, 2], [0.]),
    lambda: tf.constant([1.]) & tf.constant([1.]),
    lambda: tf.nn.softmax([1, 2]),
    lambda: tf.nn.sigmoid([1, 2]),
    lambda: tf.math.is_nan([1, 2]),
    lambda: tf.norm([3, 4]),
    lambda: tf.reduce_sum([1, 2], 0.5),
    lambda: tf.concat([[1], [2]], 0.5),
    lambda: tf.pad([1, 2], [[0.5, 1]]),
    lambda: tf.math.segment_sum([1., 2.], [0., 1.]),
    lambda: tf.linalg.inv([[1, 2], [3, 4]]),
    lambda: tf.constant([1, 2]) + 1.5,
    lambda: tf.add(2, 1.5),
    lambda: tf.add(1, tf.constant(1.)),
    lambda: tf.constant([1]) + tf.constant([1.]),
    lambda: tf.matmul([[1, 2]], [[3., 4.]]),
    lambda: tf.math.add_n([[1, 2], [1., 2.]]),
    lambda: tf.where(tf.constant([1., 0.]), 1., 2.),
    lambda: tf.math.logical_and(tf.constant([1]), tf.constant([0])),
    lambda: tf.nn.sigmoid_cross_entropy_with_logits(labels=[1, 0], logits=[2., -1.]),
    lambda: tf.math.lgamma([1, 2]),
])
def test_dtype_refusals_are_invalid_argument_errors_and_type_errors(call):
    with pytest.raises(IAE) as info:
        call()
    assert isinstance(info.value, TypeError) and isinstance(info.value, ValueError)
    assert type(info.value).__name__ == "InvalidArgumentError"


@pytest.mark.parametrize("call", [
    lambda: tf.constant([1, 2]) * 1.5,
    lambda: 1.5 + tf.constant([1, 2]),
    lambda: tf.constant([1, 2]) - 1.5,
    lambda: tf.subtract(2, 1.5),
    lambda: tf.constant(1.5, tf.int32),
    lambda: tf.constant(1, tf.bool),
    lambda: tf.constant([1, 0], tf.bool),
    lambda: tf.reduce_all([1, 0]),
    lambda: tf.math.logical_and([1], [0]),
    lambda: tf.where([1, 0], [1, 2], [3, 4]),
    lambda: tf.concat([[1], [2.]], 0),
    lambda: tf.stack([[1], [2.]], axis=1),
    lambda: tf.argmax([1., 2.], axis=0.5),
    lambda: tf.math.cumsum([1, 2], axis=0.5),
    lambda: tf.math.reduce_std([1, 2]),
])
def test_conversion_failures_are_plain_type_errors(call):
    with pytest.raises(TypeError) as info:
        call()
    assert not isinstance(info.value, IAE)


def test_comparison_operators():
    with pytest.raises(TypeError):
        tf.constant(3) == 3.0
    with pytest.raises(TypeError):
        tf.constant(3) != 3.0
    with pytest.raises(TypeError):
        tf.constant([1, 2]) == [1.5, 1]
    with pytest.raises(IAE):
        tf.constant(3) == tf.constant(3.)
    assert (tf.constant(3) == None) is False  # noqa: E711 - TF's __eq__ with None
    assert (tf.constant(3) != None) is True  # noqa: E711
    # shapes that do not broadcast: a scalar bool tensor, as TF's Equal
    ne = tf.constant([1, 2]) == tf.constant([1, 2, 3])
    assert isinstance(ne, tf.Tensor) and ne.dtype == tf.bool and ne.shape == () and not ne
    assert bool(tf.constant([1, 2]) != [1, 2, 3])
    np.testing.assert_array_equal(tf.constant([1., 2.]) == 1, [True, False])


def test_python_ints_wrap_into_narrow_integer_dtypes():
    assert tf.constant(300, tf.uint8).numpy() == 44
    assert tf.constant(-1, tf.uint8).numpy() == 255
    assert tf.constant(2 ** 31, tf.int32).numpy() == -2 ** 31
    assert tf.constant([300, 1], tf.uint8).numpy().tolist() == [44, 1]
    assert tf.convert_to_tensor([-1], tf.uint8).numpy().tolist() == [255]
    assert (tf.constant([1, 2], tf.uint8) + 300).numpy().tolist() == [45, 46]
    assert (tf.constant([1], tf.int8) + 200).numpy().tolist() == [-55]
    assert (tf.constant([1], tf.int32) + 2 ** 40).numpy().tolist() == [1]
    assert tf.constant(True, tf.int32).numpy() == 1
    assert tf.constant(np.array([2, 0]), tf.bool).numpy().tolist() == [True, False]


def test_pad_of_bools_with_the_default_constant():
    np.testing.assert_array_equal(tf.pad(tf.constant([True]), [[1, 1]]), [False, True, False])
    with pytest.raises(TypeError):
        tf.pad(tf.constant([True]), [[1, 1]], constant_values=1)


# ---------------------------------------------------------------------------------------------
# indexing and list inputs


def test_list_key_is_a_tuple_of_indices():
    x = tf.reshape(tf.range(6), [2, 3])
    assert int(x[[1, 2]]) == 5
    np.testing.assert_array_equal(x[[1]], [3, 4, 5])
    with pytest.raises(IAE):
        tf.range(10)[[1, 2]]


def test_bool_scalar_key_is_refused_as_a_scalar_mask():
    with pytest.raises(ValueError, match="mask cannot be scalar"):
        tf.range(3)[True]
    with pytest.raises(ValueError):
        tf.range(3)[tf.constant(True)]


def test_stack_and_concat_infer_list_dtypes_as_tf():
    s = tf.stack([1, 2.5])
    assert s.dtype == tf.float32 and s.numpy().tolist() == [1., 2.5]
    assert tf.stack([[1], [2.]]).dtype == tf.float32
    assert tf.stack([[1], tf.constant([2.])]).dtype == tf.float32
    assert tf.concat([[1.], [2]], 0).numpy().tolist() == [1., 2.]
    e = tf.stack([])
    assert e.dtype == tf.float32 and e.shape == (0,)
    with pytest.raises(IndexError):
        tf.stack([], axis=1)


def test_matmul_with_lists():
    assert tf.matmul([[1, 2]], [[3], [4]]).numpy().tolist() == [[11]]
    r = tf.matmul([[1., 2.]], [[3], [4]])
    assert r.dtype == tf.float32 and r.numpy().tolist() == [[11.]]


def test_add_n_converts_each_input_by_itself():
    assert tf.math.add_n([[1, 2], [3, 4]]).numpy().tolist() == [4, 6]


def test_reduce_axes_and_logical_inputs():
    assert tf.reduce_all([]).numpy() == True  # noqa: E712 - TF: [] converts to bool here
    assert tf.reduce_any([True, False]).numpy() == True  # noqa: E712
    assert tf.reduce_sum([[1, 2], [3, 4]], axis=np.int64(1)).numpy().tolist() == [3, 7]
    assert tf.reduce_sum([[1, 2], [3, 4]], axis=tf.constant([0, 1])).numpy() == 10
    assert tf.argmax([[1., 5.], [7., 2.]], axis=np.int32(1)).numpy().tolist() == [1, 0]


def test_function_names_are_tf_names():
    assert tf.math.reduce_sum.__name__ == "reduce_sum"
    assert tf.add.__name__ == "add"
    assert tf.math.is_nan.__name__ == "is_nan"


# ---------------------------------------------------------------------------------------------
# tf.nn


def test_embedding_lookup_list_params_are_shards():
    # a list of lists is a list of 1-D shards, split by TF 2's "div" strategy
    r = tf.nn.embedding_lookup([[1., 2.], [3., 4.]], [1, 1])
    assert r.shape == (2,) and r.numpy().tolist() == [2., 2.]
    shards = [tf.constant([[1., 2.], [3., 4.]]), tf.constant([[5., 6.]])]
    np.testing.assert_array_equal(tf.nn.embedding_lookup(shards, [[2, 0]]),
                                  [[[5., 6.], [1., 2.]]])
    np.testing.assert_array_equal(
        tf.nn.embedding_lookup([tf.constant([1., 2., 3.]), tf.constant([5., 6.])], [4, 0, 3]),
        [6., 1., 5.])
    with pytest.raises(IAE):
        tf.nn.embedding_lookup(shards, [7])


def test_embedding_lookup_max_norm_clips_rows():
    params = tf.constant([[1., 2.], [3., 4.]])
    np.testing.assert_allclose(tf.nn.embedding_lookup(params, [[1, 0]], max_norm=3.),
                               [[[1.8, 2.4], [1., 2.]]], rtol=1e-6)
    x = tf.Variable(params)
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.nn.embedding_lookup(x, [1], max_norm=1.))
    assert tape.gradient(y, x) is not None


def test_batch_normalization_accepts_lists():
    # TF fails on lists here only by accident (list + float in its Python code); lists are
    # accepted as any other array-like.
    r = tf.nn.batch_normalization(tf.constant([[1., 2.], [3., 4.]]), mean=[2., 3.],
                                  variance=[1., 1.], offset=[0., 1.], scale=[2., 1.],
                                  variance_epsilon=0.)
    np.testing.assert_allclose(r, [[-2., 0.], [2., 2.]])


# ---------------------------------------------------------------------------------------------
# special functions, segment products, cumulative logsumexp


def test_lgamma_digamma_polygamma_zeta_values():
    np.testing.assert_allclose(tf.math.lgamma([1., 2., 3., 0.5, -0.5, 100.]),
                               [0., 0., math.log(2.), 0.5723649, 1.2655121, 359.13420537],
                               rtol=1e-6, atol=1e-6)
    assert np.isinf(tf.math.lgamma([0., -1.]).numpy()).all()
    lg = tf.math.lgamma(tf.constant([2.5], tf.float64))
    assert lg.dtype == tf.float64 and abs(lg.numpy()[0] - math.lgamma(2.5)) < 1e-14
    np.testing.assert_allclose(tf.math.digamma([1., 2., 0.5, -0.5, 30.]),
                               [-0.5772157, 0.4227843, -1.9635100, 0.0364900, 3.3844385],
                               rtol=1e-5)
    assert np.isnan(tf.math.digamma([0., -1.]).numpy()).all()
    np.testing.assert_allclose(tf.math.polygamma(1., [1., 2., 0.5]),
                               [np.pi ** 2 / 6, np.pi ** 2 / 6 - 1, np.pi ** 2 / 2], rtol=1e-6)
    np.testing.assert_allclose(tf.math.zeta([2., 3.], [1., 2.]),
                               [np.pi ** 2 / 6, 1.2020569 - 1.], rtol=1e-6)
    z = tf.math.zeta([1., 0.5], [1., 1.]).numpy()
    assert np.isinf(z[0]) and np.isnan(z[1])


def _grad(f, x):
    x = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = f(x)
    return tape.gradient(y, x).numpy()


def test_special_function_gradients():
    np.testing.assert_allclose(_grad(lambda x: tf.reduce_sum(tf.math.lgamma(x)), [1.5, 3.]),
                               [0.03648997, 0.9227843], rtol=1e-5)
    np.testing.assert_allclose(_grad(lambda x: tf.reduce_sum(tf.math.digamma(x)), [1.5, 3.]),
                               [0.9348022, 0.39493406], rtol=1e-5)
    np.testing.assert_allclose(_grad(lambda x: tf.reduce_sum(tf.math.zeta(2., x)), [1.5, 3.]),
                               [-0.8287967, -0.1541138], rtol=1e-5)


def test_segment_products():
    assert tf.math.unsorted_segment_prod([2., 3., 4.], [0, 0, 1], 3).numpy().tolist() == \
        [6., 4., 1.]
    r = tf.math.unsorted_segment_prod([2, 3, 4], [0, 0, 1], 2)
    assert r.dtype == tf.int32 and r.numpy().tolist() == [6, 4]
    np.testing.assert_array_equal(tf.math.segment_prod([[1., 2.], [3., 4.], [5., 6.]], [0, 0, 1]),
                                  [[3., 8.], [5., 6.]])
    # TF's gradient: the product of the other elements of the segment, zeros included
    g = _grad(lambda x: tf.reduce_sum(tf.math.unsorted_segment_prod(x, [0, 0, 1, 1, 1, 2], 3)
                                      * tf.constant([1., 2., 3.])), [2., 0., 4., 0., 5., 3.])
    np.testing.assert_array_equal(g, [0., 2., 0., 40., 0., 3.])


def test_cumulative_logsumexp():
    np.testing.assert_allclose(tf.math.cumulative_logsumexp([0., 0., 0.]),
                               [0., math.log(2.), math.log(3.)], rtol=1e-6)
    np.testing.assert_allclose(tf.math.cumulative_logsumexp([-1000., 0.]), [-1000., 0.])
    r = tf.math.cumulative_logsumexp([[1., 2.], [3., -1000.]], axis=1, exclusive=True).numpy()
    assert np.isneginf(r[:, 0]).all() and r[:, 1].tolist() == [1., 3.]
    np.testing.assert_allclose(
        tf.math.cumulative_logsumexp([1., 2., 3.], exclusive=True, reverse=True)[:2],
        [np.logaddexp(2., 3.), 3.], rtol=1e-6)
    g = _grad(lambda x: tf.reduce_sum(tf.math.cumulative_logsumexp(x) *
                                      tf.constant([1., -2., 3.])), [1., 2., 3.])
    np.testing.assert_allclose(g, [0.73220885, -0.72793174, 1.9957225], rtol=1e-5)


# ---------------------------------------------------------------------------------------------
# tf.random.poisson / gamma


def test_random_poisson_and_gamma_shapes_and_dtypes():
    assert tf.random.poisson([3], [2., 5.]).shape == (3, 2)
    assert tf.random.poisson([3], tf.constant(2., tf.float64)).dtype == tf.float32
    assert tf.random.poisson([3], 2., dtype=tf.int64).dtype == tf.int64
    assert tf.random.poisson([2], 0.).numpy().tolist() == [0., 0.]
    assert tf.random.gamma([2], [[1.], [2.]], beta=[3., 4., 5.]).shape == (2, 2, 3)
    assert tf.random.gamma([2], 1., dtype=tf.float64).dtype == tf.float64
    with pytest.raises(TypeError):
        tf.random.gamma([2], 1., dtype=tf.int32)
    with pytest.raises(IAE):
        tf.random.poisson([2], 1., dtype=tf.bool)


def test_random_poisson_and_gamma_follow_the_seed_and_the_distribution():
    tf.random.set_seed(3)
    a = tf.random.poisson([50], 3.)
    tf.random.set_seed(3)
    b = tf.random.poisson([50], 3.)
    np.testing.assert_array_equal(a, b)
    g = tf.random.gamma([20000], 3., beta=2., seed=1).numpy()
    assert abs(g.mean() - 1.5) < 0.05 and (g > 0).all()


# ---------------------------------------------------------------------------------------------
# smaller TF behaviours


def test_one_hot_on_and_off_values_must_agree():
    with pytest.raises(TypeError, match="on_value"):
        tf.one_hot([1], 3, on_value=1., off_value=0)
    r = tf.one_hot([1], 3, off_value=2)
    assert r.dtype == tf.int32 and r.numpy().tolist() == [[2, 1, 2]]
    assert tf.one_hot([1], 3, on_value=1.).dtype == tf.float32


def test_boolean_mask_takes_nonzero_numbers():
    assert tf.boolean_mask([1, 2, 3], [2, 0, 1]).numpy().tolist() == [1, 3]
    assert tf.boolean_mask([1, 2, 3], [0.5, 0., 1.]).numpy().tolist() == [1, 3]


def test_sequence_mask_with_float_lengths():
    np.testing.assert_array_equal(tf.sequence_mask([1.5, 2.5]),
                                  [[True, True, False], [True, True, True]])
    assert tf.sequence_mask([], 2).shape == (0, 2)
    np.testing.assert_array_equal(tf.sequence_mask([1, 3], 4, dtype=tf.float32),
                                  [[1., 0., 0., 0.], [1., 1., 1., 0.]])


def test_bincount_of_floats_truncates():
    assert tf.math.bincount([1., 2.5]).numpy().tolist() == [0, 1, 1]
    assert tf.math.bincount([], minlength=2).numpy().tolist() == [0, 0]


def test_sorted_segment_extremes_of_empty_segments_are_zero():
    assert tf.math.segment_min([1., 5.], [1, 1]).numpy().tolist() == [0., 1.]
    assert tf.math.segment_max([1, 5], [1, 1]).numpy().tolist() == [0, 5]
    # the unsorted ops keep the dtype's extreme value
    assert tf.math.unsorted_segment_max([1, 5], [1, 1], 2).numpy().tolist() == \
        [np.iinfo(np.int32).min, 5]


def test_dtype_helpers():
    with pytest.raises(TypeError):
        tf.bool.min
    with pytest.raises(TypeError):
        tf.bool.max
    with pytest.raises(TypeError):
        tf.as_dtype(int)
    assert tf.as_dtype(float) == tf.float32 and tf.as_dtype(bool) == tf.bool
    assert tf.dtypes.cast([1.5], tf.int32).numpy().tolist() == [1]


def test_unsigned_negation_is_refused():
    with pytest.raises(IAE):
        -tf.constant([1], tf.uint8)
    with pytest.raises(IAE):
        tf.math.negative(tf.constant([2], tf.uint8))
    assert (-tf.constant([1], tf.int8)).numpy().tolist() == [-1]


def test_truth_value_of_an_empty_tensor_is_false():
    assert bool(tf.constant([])) is False
    with pytest.raises(ValueError):
        bool(tf.constant([1, 2]))


def test_half_precision_matmul_and_softmax():
    a = tf.constant([[1., 2.], [3., 4.]], tf.float16)
    r = tf.matmul(a, a)
    assert r.dtype == tf.float16 and r.numpy().tolist() == [[7., 10.], [15., 22.]]
    s = tf.nn.softmax(tf.constant([1., 2.], tf.float16))
    assert s.dtype == tf.float16
    np.testing.assert_allclose(s.numpy().astype(np.float32), [0.2689, 0.7311], atol=1e-3)
    ls = tf.nn.log_softmax(tf.constant([1., 2.], tf.bfloat16))
    assert ls.dtype == tf.bfloat16


def test_conv2d_with_fewer_filter_channels_is_grouped():
    x = tf.reshape(tf.range(64.), [1, 4, 4, 4])
    w = tf.reshape(tf.range(36.), [3, 3, 2, 2])
    y = tf.nn.conv2d(x, w, 1, "SAME")
    # group g convolves input channels 2g..2g+1 with output channel g
    expected = [tf.nn.conv2d(x[..., 2 * g:2 * g + 2], w[..., g:g + 1], 1, "SAME") for g in (0, 1)]
    np.testing.assert_allclose(y, tf.concat(expected, -1))
    assert float(y[0, 0, 0, 1]) == 3020. and float(y[0, 1, 1, 0]) == 8778.
    with pytest.raises(IAE):
        tf.nn.conv2d(tf.ones([1, 4, 4, 3]), tf.ones([3, 3, 2, 2]), 1, "VALID")
    xv = tf.Variable(x)
    with tf.GradientTape() as tape:
        s = tf.reduce_sum(tf.nn.conv2d(xv, w, 1, "VALID"))
    assert tape.gradient(s, xv).shape == (1, 4, 4, 4)
