"""More behaviours found by the differential audit (tools/tf_audit.py) against TensorFlow 2.21.
Expected values were printed by TF itself (or are NumPy references where noted)."""

import numpy as np
import pytest

import fasttf as tf
from fasttf.framework.errors import InvalidArgumentError

# --- conversion ---------------------------------------------------------------------------------


def test_convert_to_tensor_of_a_variable_is_a_snapshot():
    v = tf.Variable([1, 2])
    t = tf.convert_to_tensor(v)
    assert not isinstance(t, tf.Variable)
    v.assign([5, 6])
    np.testing.assert_array_equal(t.numpy(), [1, 2])
    assert repr(t) == "<tf.Tensor: shape=(2,), dtype=int32, numpy=array([1, 2], dtype=int32)>"


def test_convert_to_tensor_of_a_variable_keeps_the_gradient():
    v = tf.Variable([1., 2.])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.convert_to_tensor(v) * 3.)
    np.testing.assert_array_equal(tape.gradient(y, v).numpy(), [3., 3.])


@pytest.mark.parametrize("code", [
    "tf.constant(7) * 1.0", "tf.constant([3]) ** 2.0",
    "tf.constant(2.0, tf.int32)", "tf.Variable(1.0, dtype=tf.int32)",
    "tf.maximum(tf.constant(3), 1.0)", "tf.convert_to_tensor(10., tf.int32)",
    "tf.linspace(0, 10., 5)",
])
def test_a_python_float_never_becomes_an_integer_tensor(code):
    # TF: "Cannot convert 1.0 to EagerTensor of dtype int32", even for integral floats
    with pytest.raises(TypeError):
        eval(code)


def test_conversions_tf_allows():
    assert tf.cast(1.0, tf.int32).numpy() == 1
    assert tf.convert_to_tensor(np.float32(2.), tf.int32).numpy() == 2
    e = tf.constant([], tf.int32)
    assert e.dtype == tf.int32 and e.shape == (0,)
    x = tf.linspace(0., 10, 3)  # stop takes start's dtype
    assert x.dtype == tf.float32
    np.testing.assert_array_equal(x.numpy(), [0., 5., 10.])


# --- shapes, concat, stack, where ---------------------------------------------------------------


def test_concat_of_one_value_returns_it_whatever_the_axis():
    assert tf.concat([[1]], 1).numpy().tolist() == [1]
    assert tf.concat([tf.constant(1)], 0).numpy() == 1
    with pytest.raises(InvalidArgumentError):
        tf.concat([], 0)


def test_stack_of_nothing_is_an_empty_float_tensor():
    t = tf.stack([])
    assert t.dtype == tf.float32 and t.shape == (0,)


def test_where_needs_a_rank():
    with pytest.raises(InvalidArgumentError):
        tf.where(True)


def test_reshape_of_an_empty_tensor_with_minus_one_and_zero():
    # TF leaves zeros out of both products: (0, 3) -> [-1, 0] is (3, 0)
    assert tf.reshape(tf.zeros([0, 3]), [-1, 0]).shape == (3, 0)
    assert tf.reshape(tf.zeros([2, 0, 3]), [-1, 0]).shape == (6, 0)
    assert tf.reshape(tf.zeros([0, 3]), [-1, 2]).shape == (0, 2)
    assert tf.reshape(tf.zeros([0]), [-1, 0]).shape == (1, 0)
    assert tf.reshape(tf.zeros([0]), [-1, 0, 2]).shape == (0, 0, 2)
    assert tf.reshape(tf.zeros([0, 0, 3]), [-1, 0, 2]).shape == (1, 0, 2)


def test_argmax_of_bools():
    assert tf.math.argmax([True, False]).numpy() == 0
    assert tf.math.argmin([True, False]).numpy() == 1


# --- indexing -----------------------------------------------------------------------------------


def test_a_bool_tensor_index_is_a_boolean_mask():
    np.testing.assert_array_equal(tf.range(10)[tf.constant([True, False] * 5)].numpy(),
                                  [0, 2, 4, 6, 8])
    np.testing.assert_array_equal(
        tf.reshape(tf.range(6), [2, 3])[tf.constant([True, False])].numpy(), [[0, 1, 2]])
    np.testing.assert_array_equal(tf.range(3)[np.array([True, False, True])].numpy(), [0, 2])


def test_bad_slices_raise_invalid_argument():
    with pytest.raises(InvalidArgumentError):
        tf.range(10)[::0]
    with pytest.raises(InvalidArgumentError):
        tf.constant(5)[0]
    with pytest.raises(InvalidArgumentError):
        tf.constant([1, 2])[0, 0]


def test_sliced_assignment_on_variables():
    v = tf.Variable([1., 2., 3.])
    assert v[1].assign(9.).name == "UnreadVariable"
    np.testing.assert_array_equal(v.numpy(), [1., 9., 3.])
    v[0:2].assign([5., 6.])
    np.testing.assert_array_equal(v.numpy(), [5., 6., 3.])
    v[::2].assign([7., 8.])
    np.testing.assert_array_equal(v.numpy(), [7., 6., 8.])
    v[0:2].assign(1.)  # broadcast
    np.testing.assert_array_equal(v.numpy(), [1., 1., 8.])
    v[tf.constant(1)].assign(4)
    np.testing.assert_array_equal(v.numpy(), [1., 4., 8.])
    w = tf.Variable([[1, 2], [3, 4]])
    w[:, 1].assign([7, 8])
    w[1, 1].assign(0)
    np.testing.assert_array_equal(w.numpy(), [[1, 7], [3, 0]])


def test_sliced_assignment_errors():
    v = tf.Variable([1., 2., 3.])
    with pytest.raises(ValueError):  # float64 tensor into a float32 variable
        v[0:2].assign(tf.constant([1., 2.], tf.float64))
    with pytest.raises(InvalidArgumentError):
        v[0:2].assign([1., 2., 3.])
    with pytest.raises(AttributeError):  # a constant's slice has no assign
        tf.constant([1., 2.])[0].assign(1.)
    assert hasattr(v[0], "assign") and not hasattr(tf.constant([1.])[0], "assign")
    np.testing.assert_array_equal(v.numpy(), [1., 2., 3.])


def test_slices_of_variables_still_differentiate():
    v = tf.Variable([1., 2., 3.])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(v[1:] * 2.)
    np.testing.assert_array_equal(tape.gradient(y, v).numpy(), [0., 2., 2.])


# --- composites: roll, repeat, sequence_mask ----------------------------------------------------


def test_roll():
    np.testing.assert_array_equal(tf.roll([0, 1, 2, 3, 4], shift=2, axis=0).numpy(),
                                  [3, 4, 0, 1, 2])
    np.testing.assert_array_equal(tf.roll([0, 1, 2, 3, 4], shift=-1, axis=0).numpy(),
                                  [1, 2, 3, 4, 0])
    np.testing.assert_array_equal(
        tf.roll([[1, 2, 3], [4, 5, 6]], shift=[1, -1], axis=[0, 1]).numpy(),
        [[5, 6, 4], [2, 3, 1]])
    np.testing.assert_array_equal(tf.roll([1, 2, 3], shift=7, axis=0).numpy(), [3, 1, 2])
    x = tf.Variable([1., 2., 3.])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.roll(x, 1, 0) * [1., 2., 3.])
    np.testing.assert_array_equal(tape.gradient(y, x).numpy(), [2., 3., 1.])


def test_repeat():
    np.testing.assert_array_equal(tf.repeat([1, 2, 3], 2).numpy(), [1, 1, 2, 2, 3, 3])
    np.testing.assert_array_equal(tf.repeat([[1, 2], [3, 4]], repeats=[1, 2], axis=0).numpy(),
                                  [[1, 2], [3, 4], [3, 4]])
    np.testing.assert_array_equal(tf.repeat([[1, 2], [3, 4]], 2, axis=1).numpy(),
                                  [[1, 1, 2, 2], [3, 3, 4, 4]])
    np.testing.assert_array_equal(tf.repeat([[1, 2], [3, 4]], 2).numpy(),
                                  [1, 1, 2, 2, 3, 3, 4, 4])
    np.testing.assert_array_equal(tf.repeat(3, 2).numpy(), [3, 3])
    with pytest.raises(InvalidArgumentError):
        tf.repeat([1, 2], [1, 2, 3])


def test_sequence_mask():
    np.testing.assert_array_equal(tf.sequence_mask([1, 3, 2], 5).numpy(),
                                  np.arange(5) < np.array([[1], [3], [2]]))
    m = tf.sequence_mask([1, 3, 2])
    assert m.dtype == tf.bool and m.shape == (3, 3)
    f = tf.sequence_mask([2, 0], 3, dtype=tf.float32)
    assert f.dtype == tf.float32
    np.testing.assert_array_equal(f.numpy(), [[1., 1., 0.], [0., 0., 0.]])
    assert tf.sequence_mask([[1, 2]], 3).shape == (1, 2, 3)


# --- segment ops, bincount, confusion_matrix ----------------------------------------------------


def test_segment_reductions():
    np.testing.assert_array_equal(tf.math.segment_sum([1, 2, 3, 4], [0, 0, 1, 1]).numpy(), [3, 7])
    np.testing.assert_allclose(tf.math.segment_mean([1., 2., 3., 4.], [0, 0, 0, 1]).numpy(),
                               [2., 4.])
    np.testing.assert_array_equal(
        tf.math.segment_max([[1, 5], [3, 2], [0, 9]], [0, 0, 1]).numpy(), [[3, 5], [0, 9]])
    np.testing.assert_array_equal(
        tf.math.unsorted_segment_sum([1, 2, 3, 4], [1, 0, 1, 3], num_segments=4).numpy(),
        [2, 4, 0, 4])
    # empty segments: lowest / highest value of the dtype, as TF
    np.testing.assert_array_equal(
        tf.math.unsorted_segment_max([1., 2., 3.], [0, 0, 2], 3).numpy(),
        [2., np.finfo(np.float32).min, 3.])
    np.testing.assert_array_equal(tf.math.unsorted_segment_min([1, 2, 3], [0, 0, 2], 3).numpy(),
                                  [1, np.iinfo(np.int32).max, 3])
    np.testing.assert_allclose(tf.math.unsorted_segment_mean([1., 2., 3.], [0, 0, 1], 2).numpy(),
                               [1.5, 3.])
    with pytest.raises(InvalidArgumentError):
        tf.math.unsorted_segment_sum([1, 2], [0, 2], 2)
    with pytest.raises(InvalidArgumentError):
        tf.math.segment_sum([1, 2], [1, 0])


def test_unsorted_segment_sum_gradient():
    x = tf.Variable([1., 2., 3.])
    with tf.GradientTape() as tape:
        y = tf.reduce_sum(tf.math.unsorted_segment_sum(x, [1, 0, 1], 2) * [10., 20.])
    np.testing.assert_array_equal(tape.gradient(y, x).numpy(), [20., 10., 20.])


def test_bincount():
    np.testing.assert_array_equal(tf.math.bincount([1, 1, 3]).numpy(), [0, 2, 0, 1])
    np.testing.assert_array_equal(tf.math.bincount([1, 1, 3], minlength=6).numpy(),
                                  [0, 2, 0, 1, 0, 0])
    np.testing.assert_array_equal(tf.math.bincount([1, 2], maxlength=2).numpy(), [0, 1])
    w = tf.math.bincount([0, 1, 1], weights=[0.5, 1., 2.])
    assert w.dtype == tf.float32
    np.testing.assert_array_equal(w.numpy(), [0.5, 3.])
    e = tf.math.bincount(tf.constant([], tf.int32))
    assert e.dtype == tf.int32 and e.shape == (0,)


def test_confusion_matrix():
    np.testing.assert_array_equal(
        tf.math.confusion_matrix([0, 1, 2, 1], [0, 2, 2, 1]).numpy(),
        [[1, 0, 0], [0, 1, 1], [0, 0, 1]])
    np.testing.assert_array_equal(tf.math.confusion_matrix([0, 1], [1, 1], num_classes=3).numpy(),
                                  [[0, 1, 0], [0, 1, 0], [0, 0, 0]])


# --- tf.function, KerasTensor shapes ------------------------------------------------------------


def test_tf_function_runs_eagerly():
    @tf.function
    def double(x):
        return x * 2

    out = double(3)  # Python results come back as tensors, as from a traced function
    assert isinstance(out, tf.Tensor) and out.numpy() == 6
    assert tf.executing_eagerly()

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
    def total(x):
        return tf.reduce_sum(x)

    assert total([1., 2., 3.]).numpy() == 6.
    with pytest.raises(TypeError):
        total(tf.constant([[1.]]))

    class Model:
        scale = 3.

        @tf.function
        def __call__(self, x):
            return x * self.scale

    assert Model()(tf.constant(2.)).numpy() == 6.


def test_keras_input_shape_is_a_tuple_that_still_answers_tensorshape_calls():
    inp = tf.keras.Input(shape=(3,))
    assert isinstance(inp.shape, tuple) and inp.shape == (None, 3)
    assert repr(inp.shape) == "(None, 3)" and str(inp.shape) == "(None, 3)"
    assert inp.shape.as_list() == [None, 3] and inp.shape.rank == 2 and inp.shape[-1] == 3
    out = tf.keras.layers.Dense(4)(inp)
    assert out.shape == (None, 4)


# --- small composites: values printed by TF ------------------------------------------------------


def test_round_keeps_integers_and_rounds_halves_to_even():
    r = tf.round([1, 2])
    assert r.dtype == tf.int32 and r.numpy().tolist() == [1, 2]
    np.testing.assert_array_equal(tf.round([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]).numpy(),
                                  [-2., -2., -0., 0., 2., 2.])


def test_polyval_and_accumulate_n():
    assert tf.math.polyval([1, 2, 3], 2).numpy() == 11
    z = tf.math.polyval([], 2.)
    assert z.dtype == tf.float32 and z.numpy() == 0.
    np.testing.assert_array_equal(
        tf.math.polyval([tf.constant([1., 2.]), tf.constant([3., 4.])],
                        tf.constant([2., 3.])).numpy(), [5., 10.])
    np.testing.assert_array_equal(tf.math.accumulate_n([[1, 2], [3, 4]]).numpy(), [4, 6])


def test_unique_with_counts():
    y, idx, count = tf.unique_with_counts([1, 1, 2])
    assert (y.numpy().tolist(), idx.numpy().tolist(), count.numpy().tolist()) == \
        ([1, 2], [0, 0, 1], [2, 1])
    assert count.dtype == tf.int32


def test_broadcast_shapes():
    assert tf.broadcast_static_shape(tf.TensorShape([None, 1]),
                                     tf.TensorShape([1, 3])).as_list() == [None, 3]
    d = tf.broadcast_dynamic_shape([2, 1], [1, 3])
    assert d.dtype == tf.int32 and d.numpy().tolist() == [2, 3]
    with pytest.raises(ValueError):
        tf.broadcast_static_shape(tf.TensorShape([2]), tf.TensorShape([3]))


def test_nn_loss_helpers():
    assert tf.nn.compute_average_loss([[1., 2.], [3., 4.]]).numpy() == 5.
    assert tf.nn.compute_average_loss([1., 2.], sample_weight=[1., 0.]).numpy() == 0.5
    assert tf.nn.compute_average_loss([1., 3.], global_batch_size=4).numpy() == 1.
    i = tf.nn.compute_average_loss(tf.constant([1, 2]))
    assert i.dtype == tf.float64 and i.numpy() == 1.5
    assert tf.nn.scale_regularization_loss([2., 3.]).numpy() == 5.
    z = tf.nn.zero_fraction([0, 1])
    assert z.dtype == tf.float32 and z.numpy() == 0.5
    np.testing.assert_array_equal(tf.nn.crelu([[-1., 2.]], axis=0).numpy(), [[0., 2.], [1., 0.]])
    mean, var = tf.nn.normalize_moments(2., [4.], [20.], None)
    assert mean.numpy().tolist() == [2.] and var.numpy().tolist() == [6.]
    assert tf.nn.in_top_k([0, 1], [[0.9, 0.1], [0.9, 0.1]], 1).numpy().tolist() == [True, False]


def test_dataset_scan_and_unique():
    ds = tf.data.Dataset.range(4).scan(tf.constant(0, tf.int64), lambda s, x: (s + x, s + x))
    assert list(ds.as_numpy_iterator()) == [0, 1, 3, 6]
    pairs = tf.data.Dataset.from_tensor_slices(([1, 2], [3, 4]))
    out = pairs.scan(0, lambda s, ab: (s + ab[0], s + ab[1]))  # the element is one argument
    assert list(out.as_numpy_iterator()) == [3, 5]
    assert list(tf.data.Dataset.from_tensor_slices([3, 1, 3, 2, 1]).unique()
                .as_numpy_iterator()) == [3, 1, 2]
    with pytest.raises(TypeError):
        tf.data.Dataset.from_tensor_slices([1., 2.]).unique()


def test_rescaling_and_gaussian_layers():
    out = tf.keras.layers.Rescaling(1. / 255)(tf.constant([[0, 255]], tf.uint8))
    assert out.dtype == tf.float32
    np.testing.assert_allclose(out.numpy(), [[0., 1.]])
    np.testing.assert_array_equal(
        tf.keras.layers.Rescaling([1., 2.], offset=-1.)(tf.constant([[1., 1.]])).numpy(), [[0., 1.]])
    x = tf.ones([2, 3])
    assert tf.keras.layers.GaussianNoise(0.5)(x, training=False) is x
    noisy = tf.keras.layers.GaussianNoise(0.5, seed=1)(tf.zeros([1000]), training=True).numpy()
    assert 0.4 < noisy.std() < 0.6
    dropped = tf.keras.layers.GaussianDropout(0.5, seed=1)(tf.ones([1000]), training=True).numpy()
    assert 0.9 < dropped.mean() < 1.1 and 0.8 < dropped.std() < 1.2  # N(1, rate / (1 - rate))


def test_divide_no_nan_of_integers_is_float64():
    r = tf.math.divide_no_nan(1, 0)
    assert r.dtype == tf.float64 and r.numpy() == 0.
    np.testing.assert_array_equal(tf.math.divide_no_nan([1, 3], [0, 2]).numpy(), [0., 1.5])


# --- graph-era API run eagerly: control flow, config, debugging, Module, TensorArray, print ----


def test_cond_while_loop_map_fn():
    assert tf.cond(tf.constant(True), lambda: 1, lambda: 2) == 1  # returned as is, as TF
    assert tf.cond(False, lambda: tf.constant(1.), lambda: tf.constant(2.)).numpy() == 2.
    out = tf.while_loop(lambda i, s: i < 3, lambda i, s: (i + 1, s + i),
                        (tf.constant(0), tf.constant(10)))
    assert isinstance(out, tuple) and [int(v) for v in out] == [3, 13]
    single = tf.while_loop(lambda i: i < 3, lambda i: [i + 1], [0])
    assert isinstance(single, list) and isinstance(single[0], tf.Tensor) and int(single[0]) == 3
    assert int(tf.while_loop(lambda i: i < 100, lambda i: (i + 1,), (0,),
                             maximum_iterations=5)[0]) == 5
    np.testing.assert_array_equal(tf.map_fn(lambda x: x * 2, tf.constant([1, 2, 3])).numpy(),
                                  [2, 4, 6])
    a, b = tf.map_fn(lambda x: (x, x * 2), tf.constant([1, 2]),
                     fn_output_signature=(tf.int32, tf.int32))
    assert a.numpy().tolist() == [1, 2] and b.numpy().tolist() == [2, 4]


def test_switch_case_case_py_function_ensure_shape():
    assert tf.switch_case(tf.constant(1), [lambda: 10, lambda: 20]) == 20
    assert tf.switch_case(tf.constant(7), [lambda: 10, lambda: 20]) == 20  # out of range: last
    assert tf.switch_case(tf.constant(5), {0: lambda: 1}, default=lambda: -1) == -1
    with pytest.raises(TypeError):
        tf.switch_case(1, [lambda: 10])
    assert tf.case([(tf.constant(False), lambda: 1), (tf.constant(True), lambda: 2)],
                   default=lambda: 3) == 2
    s, d = tf.py_function(lambda x, y: (x + y, x - y), [1, 2], [tf.int32, tf.int32])
    assert (s.dtype, int(s), int(d)) == (tf.int32, 3, -1)
    doubled = tf.numpy_function(lambda x: x * 2, [np.array([1., 2.], np.float32)], tf.float32)
    assert doubled.numpy().tolist() == [2., 4.]
    assert tf.ensure_shape(tf.zeros([2, 3]), [None, 3]).shape == (2, 3)
    with pytest.raises(InvalidArgumentError):
        tf.ensure_shape(tf.zeros([2, 3]), [None, 4])
    with tf.name_scope("outer") as scope, tf.device("/CPU:0"):
        assert scope == "outer/"
    assert tf.get_logger().name == "tensorflow"


def test_config_reports_one_cpu():
    assert tf.config.list_physical_devices("GPU") == []
    (cpu,) = tf.config.list_physical_devices("CPU")
    assert (cpu.name, cpu.device_type) == ("/physical_device:CPU:0", "CPU")
    assert tf.config.list_logical_devices()[0].name == "/device:CPU:0"
    for gpu in tf.config.experimental.list_physical_devices("GPU"):
        tf.config.experimental.set_memory_growth(gpu, True)
    tf.config.run_functions_eagerly(True)
    assert tf.config.functions_run_eagerly()
    tf.config.run_functions_eagerly(False)


def test_debugging_assertions():
    assert tf.debugging.assert_equal(tf.constant(1), 1) is None
    with pytest.raises(InvalidArgumentError):
        tf.debugging.assert_equal(tf.constant([1, 2]), [1, 3])
    with pytest.raises(InvalidArgumentError):
        tf.debugging.check_numerics(tf.constant([1., float("nan")]), "bad")
    with pytest.raises(InvalidArgumentError):
        tf.debugging.assert_positive(tf.constant([-1.]))
    with pytest.raises(TypeError):
        tf.debugging.assert_type(tf.constant(1.), tf.int32)
    with pytest.raises(ValueError):
        tf.debugging.assert_rank(tf.zeros([2]), 2)
    assert tf.debugging.assert_near(tf.constant(1.), 1.0000001) is None
    with pytest.raises(InvalidArgumentError):
        tf.debugging.assert_near(tf.constant(1.), 1.1)


def test_module_default_names_follow_tf():
    # TF's camel_to_snake, acronyms included (values checked against TF 2.21).
    expected = {"HTTPServer": "http_server", "MyModule": "my_module", "Dense2D": "dense2_d",
                "ABC": "abc", "myModule": "my_module", "Conv2DTranspose": "conv2_d_transpose"}
    for cls_name, name in expected.items():
        assert type(cls_name, (tf.Module,), {})().name == name


def test_module_collects_variables_like_tf():
    class Model(tf.Module):
        def __init__(self):
            super().__init__(name="m")
            self.w = tf.Variable(1., name="w")
            self.b = tf.Variable(2., trainable=False, name="b")
            self.sub = tf.Module(name="s")
            self.sub.v = tf.Variable([3.], name="v")
            self.lst = [tf.Variable(4., name="l")]

    m = Model()
    # TF's order: own attributes sorted by name, then those of submodules
    assert [v.name for v in m.trainable_variables] == ["l:0", "w:0", "v:0"]
    assert [v.name for v in m.variables] == ["b:0", "l:0", "w:0", "v:0"]
    assert len(m.submodules) == 1 and m.name_scope.name == "m/"

    class Dense(tf.Module):
        pass

    assert Dense().name == "dense"


def test_tensor_array():
    ta = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
    for i in range(3):
        ta = ta.write(i, tf.constant(float(i)))
    assert ta.stack().numpy().tolist() == [0., 1., 2.] and int(ta.size()) == 3
    fixed = tf.TensorArray(tf.int32, size=2).write(0, [1, 2]).write(1, [3, 4])
    assert fixed.concat().numpy().tolist() == [1, 2, 3, 4]
    assert fixed.gather([1]).numpy().tolist() == [[3, 4]]
    with pytest.raises(tf.errors.OutOfRangeError):
        tf.TensorArray(tf.float32, size=1).write(3, 1.)
    partly = tf.TensorArray(tf.float32, size=2).write(0, [1.])
    assert partly.stack().numpy().tolist() == [[1.], [0.]]  # unwritten slots are zeros


def test_tf_initializer_names():
    assert tf.constant_initializer(3.)([2]).numpy().tolist() == [3., 3.]
    ones = tf.ones_initializer()([2], tf.int32)
    assert ones.dtype == tf.int32 and ones.numpy().tolist() == [1, 1]


def test_float64_lists_keep_double_precision():
    assert tf.constant([1 / 3], tf.float64).numpy()[0] == 1 / 3
    assert tf.Variable([0.1], dtype=tf.float64).numpy()[0] == 0.1


TF_PRINT = [  # (call, what TF 2.21 wrote to stderr)
    ("tf.print(tf.constant([1.5, 2.]))", "[1.5 2]\n"),
    ("tf.print(tf.constant(5), 'abc', [1, 2], tf.constant([[1, 2], [3, 4]]))",
     "5 abc [1, 2] [[1 2]\n [3 4]]\n"),
    ("tf.print(tf.range(20))", "[0 1 2 ... 17 18 19]\n"),
    ("tf.print(tf.constant([0.1, 1e-8, 123456.7, float('nan'), -float('inf')]))",
     "[0.1 1e-08 123456.703 nan -inf]\n"),
    ("tf.print(tf.constant([True, False]))", "[1 0]\n"),
    ("tf.print('x:', tf.constant(2.5), sep='|', end='!\\n')", "x:|2.5!\n"),
    ("tf.print(tf.constant(1.0, tf.float64), tf.constant([1 / 3], tf.float64))",
     "1 [0.33333333333333331]\n"),
    ("tf.print({'a': tf.constant(1)})", "{'a': 1}\n"),
    ("tf.print(tf.reshape(tf.range(1200), [2, 600]), summarize=2)",
     "[[0 1 ... 598 599]\n [600 601 ... 1198 1199]]\n"),
    ("tf.print([tf.constant(1), 2.5], (tf.constant([1.]),))", "[1, 2.5] ([1],)\n"),
]


@pytest.mark.parametrize("code,expected", TF_PRINT)
def test_tf_print_writes_tf_text(code, expected, capsys):
    eval(code)
    assert capsys.readouterr().err == expected


def test_linspace_between_tensors_of_endpoints():
    np.testing.assert_array_equal(tf.linspace([0., 1.], [1., 3.], 3).numpy(),
                                  [[0., 1.], [0.5, 2.], [1., 3.]])
    np.testing.assert_array_equal(tf.linspace([0., 1.], [1., 3.], 3, axis=1).numpy(),
                                  [[0., 0.5, 1.], [1., 2., 3.]])
    np.testing.assert_allclose(tf.linspace([0.], 1., 4, axis=-1).numpy(),
                               [[0., 1 / 3, 2 / 3, 1.]], rtol=1e-7)
    assert tf.linspace([0, 1], [1, 3], 3).dtype == tf.float64
