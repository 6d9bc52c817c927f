"""TF 2.21 behaviour of the runtime areas: tf.data, tf.Variable, GradientTape, tf.function,
tf.Module, name scopes, tf.nest, control flow, tf.print and tf.config. Each expected value is
what TensorFlow 2.21 gives for the same code."""

import os

import numpy as np
import pytest

import fasttf as tf


# -- tf.Variable --------------------------------------------------------------------------------

def test_assign_returns_an_unread_variable_printed_as_tf():
    v = tf.Variable([1., 2.])
    r = v.assign_add([1., 1.])
    assert repr(r) == ("<tf.Variable 'UnreadVariable' shape=(2,) dtype=float32, "
                       "numpy=array([2., 3.], dtype=float32)>")
    assert r.name == "UnreadVariable" and isinstance(r, tf.Variable)
    assert type(r).__name__ == "_UnreadVariable"
    assert v.assign([5., 5.], read_value=False) is None
    v.assign([2., 3.])
    # assign* on the result write through to the variable
    r.assign_add([1., 1.]).assign_sub([0.5, 0.5])
    np.testing.assert_array_equal(v.numpy(), [2.5, 3.5])
    assert repr(tf.Variable(1.).assign_sub(0.5)) == (
        "<tf.Variable 'UnreadVariable' shape=() dtype=float32, numpy=0.5>")
    w = tf.Variable([1., 2., 3.])
    assert w[1].assign(9.).name == "UnreadVariable"
    np.testing.assert_array_equal(w.numpy(), [1., 9., 3.])
    assert float(tf.Variable(1.).assign_add(1.) + 1.) == 3.0


def test_variable_constructor_rules():
    assert tf.Variable(1., name="w:0").name == "w:0:0"
    assert [tf.Variable(1., name="w").name for _ in range(2)] == ["w:0", "w:0"]
    with pytest.raises(ValueError):  # a tensor keeps its dtype
        tf.Variable(tf.constant(1.5), dtype=tf.float64)
    assert tf.Variable([1, 2], dtype=tf.float32).dtype == tf.float32  # a list converts
    with pytest.raises(ValueError):
        tf.Variable([1., 2.], shape=[3])
    v = tf.Variable(1.)
    assert str(v.synchronization) == "VariableSynchronization.AUTO"
    assert repr(v.aggregation) == "<VariableAggregation.NONE: 0>"
    assert v.synchronization == tf.VariableSynchronization.AUTO
    assert not tf.Variable(1., synchronization=tf.VariableSynchronization.ON_READ,
                           aggregation=tf.VariableAggregation.SUM).trainable
    with pytest.raises(RuntimeError):
        v += 1.
    with pytest.raises(RuntimeError):
        v -= 1.


def test_variable_scatter_and_sparse_read():
    v = tf.Variable([1., 2.])
    assert v.scatter_nd_sub([[1]], [9.]).numpy().tolist() == [1., -7.]
    assert v.scatter_nd_update([[0]], [4.]).name == "UnreadVariable"
    np.testing.assert_array_equal(v.numpy(), [4., -7.])

    class Slices:  # what tf.IndexedSlices offers
        values, indices = tf.constant([5.]), tf.constant([1])

    w = tf.Variable([1., 2., 3.])
    np.testing.assert_array_equal(w.scatter_add(Slices()).numpy(), [1., 7., 3.])
    np.testing.assert_array_equal(w.scatter_sub(Slices()).numpy(), [1., 2., 3.])
    np.testing.assert_array_equal(w.scatter_update(Slices()).numpy(), [1., 5., 3.])
    with pytest.raises(TypeError):
        w.scatter_update([1, 2])
    np.testing.assert_array_equal(w.sparse_read([0, 2]).numpy(), [1., 3.])
    np.testing.assert_array_equal(w.gather_nd([[0], [2]]).numpy(), [1., 3.])


# -- name scopes and tf.Module ------------------------------------------------------------------

def test_name_scopes_nest_and_name_variables():
    with tf.name_scope("a"):
        with tf.name_scope("b") as scope:
            assert scope == "a/b/"
        assert tf.Variable(1., name="v").name == "a/v:0"
        with tf.name_scope("top/") as scope:
            assert scope == "top/"
    assert tf.Variable(1., name="v").name == "v:0"


def test_module_name_scope_and_names():
    class M(tf.Module):
        def __init__(self):
            super().__init__(name="outer")
            with self.name_scope:
                self.v = tf.Variable(1., name="v")

        @tf.Module.with_name_scope
        def make(self):
            return tf.Variable(2., name="made")

    m = M()
    assert m.v.name == "outer/v:0" and m.name_scope.name == "outer/"
    assert m.make().name == "outer/made:0"
    with pytest.raises(ValueError):
        tf.Module(name="bad name")


# -- GradientTape -------------------------------------------------------------------------------

def test_tape_never_entered_raises_runtime_error():
    with pytest.raises(RuntimeError):
        tf.GradientTape().gradient(tf.Variable(3.), tf.Variable(3.))


# -- tf.data ------------------------------------------------------------------------------------

def test_dataset_type_names_as_tf():
    assert type(tf.data.Dataset.range(3)).__name__ == "_RangeDataset"
    assert type(tf.data.Dataset.range(3).shuffle(2)).__name__ == "_ShuffleDataset"
    assert type(tf.data.Dataset.from_tensor_slices([1])).__name__ == "_TensorSliceDataset"
    assert repr(tf.data.Dataset.range(3).batch(2)) == (
        "<_BatchDataset element_spec=TensorSpec(shape=(None,), dtype=tf.int64, name=None)>")


def test_dataset_functions_raise_type_error_on_dtype_mismatch():
    with pytest.raises(TypeError):  # int32 initial state, int64 elements
        tf.data.Dataset.range(3).reduce(0, lambda s, x: s + x)
    with pytest.raises(TypeError):
        list(tf.data.Dataset.range(3).map(lambda x: x + tf.constant(1)))
    assert int(tf.data.Dataset.range(4).reduce(np.int64(0), lambda s, x: s + x)) == 6


def test_rebatch_with_a_list_of_sizes_cycles_over_the_stream():
    ds = tf.data.Dataset.range(10).batch(4).rebatch([1, 2])
    assert [b.tolist() for b in ds.as_numpy_iterator()] == [[0], [1, 2], [3], [4, 5], [6],
                                                            [7, 8], [9]]
    assert [b.tolist() for b in tf.data.Dataset.range(8).batch(4).rebatch([1, 3])
            .as_numpy_iterator()] == [[0], [1, 2, 3], [4], [5, 6, 7]]


def test_group_by_window_counter_random_single_element():
    ds = tf.data.Dataset.range(9).group_by_window(lambda x: x % 3, lambda k, w: w.batch(2),
                                                  window_size=2)
    assert [b.tolist() for b in ds.as_numpy_iterator()] == [[0, 3], [1, 4], [2, 5], [6], [7],
                                                            [8]]
    assert repr(ds) == ("<_GroupByWindowDataset element_spec=TensorSpec(shape=(None,), "
                        "dtype=tf.int64, name=None)>")
    keys = tf.data.Dataset.range(9).group_by_window(
        lambda x: x % 3, lambda k, w: w.map(lambda v: v * 0 + k), window_size=5)
    assert list(keys.as_numpy_iterator()) == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    counter = tf.data.Dataset.counter(5, 2, tf.int32)
    assert list(counter.take(3).as_numpy_iterator()) == [5, 7, 9]
    assert int(tf.data.Dataset.counter().cardinality()) == tf.data.INFINITE_CARDINALITY
    rnd = tf.data.Dataset.random(seed=1)
    assert rnd.element_spec == tf.TensorSpec([], tf.int64)
    assert list(rnd.take(3).as_numpy_iterator()) == list(rnd.take(3).as_numpy_iterator())
    single = tf.data.Dataset.from_tensors((1, {"a": 2.})).get_single_element()
    assert int(single[0]) == 1 and float(single[1]["a"]) == 2.0
    assert int(tf.data.experimental.get_single_element(tf.data.Dataset.from_tensors(3))) == 3
    with pytest.raises(tf.errors.InvalidArgumentError, match="more than one"):
        tf.data.Dataset.range(2).get_single_element()
    with pytest.raises(tf.errors.InvalidArgumentError, match="empty"):
        tf.data.Dataset.range(0).get_single_element()


def test_filter_predicate_checked_when_built():
    with pytest.raises(ValueError, match="tf.bool"):
        tf.data.Dataset.range(4).filter(lambda x: x)
    assert list(tf.data.Dataset.range(4).filter(lambda x: x > 1).as_numpy_iterator()) == [2, 3]


# -- tf.function --------------------------------------------------------------------------------

def test_function_python_prints_only_when_tf_would_trace(capsys):
    @tf.function
    def f(x):
        print("tracing", x.shape if isinstance(x, tf.Tensor) else x)
        tf.print("running")
        return x

    f(tf.constant([1]))
    f(tf.constant([2]))       # same shape and dtype: TF's cached graph
    f(tf.constant([1, 2]))    # new shape: traced again
    f(1)
    f(1.0)                    # 1 == 1.0: the same Python-value key, as in TF
    f(2)
    out, err = capsys.readouterr()
    assert out == "tracing (1,)\ntracing (2,)\ntracing 1\ntracing 2\n"
    assert err.count("running") == 6  # tf.print runs on every call
    assert f.experimental_get_tracing_count() == 4


def test_function_signature_traces_once_and_executing_eagerly_is_false_inside(capsys):
    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
    def g(x):
        print("trace")
        return tf.executing_eagerly()

    assert bool(g(tf.constant([1.]))) is False and bool(g(tf.constant([1., 2.]))) is False
    assert capsys.readouterr().out == "trace\n"
    assert tf.executing_eagerly()
    tf.config.run_functions_eagerly(True)
    try:
        assert g(tf.constant([1.])) is True  # the Python value itself, as TF
    finally:
        tf.config.run_functions_eagerly(False)


def test_function_dtype_clash_is_a_type_error_and_concrete_function_signature():
    @tf.function
    def f(x):
        return x + tf.constant(1.)

    with pytest.raises(TypeError):
        f(tf.constant(1))

    @tf.function
    def double(x):
        return x * 2

    c = double.get_concrete_function(tf.TensorSpec([None], tf.float32))
    assert c.structured_input_signature == (
        (tf.TensorSpec(shape=(None,), dtype=tf.float32, name="x"),), {})
    np.testing.assert_array_equal(c(tf.constant([1., 2.])).numpy(), [2., 4.])


# -- tf.print -----------------------------------------------------------------------------------

def test_print_to_a_file_stream_appends_tf_text(tmp_path):
    path = tmp_path / "out.txt"
    tf.print(tf.reshape(tf.range(8), [2, 2, 2]), output_stream="file://%s" % path)
    tf.print("a", 1, tf.constant([1.5, 2.]), sep=",", end="|", output_stream="file://%s" % path)
    assert path.read_text() == "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]\na,1,[1.5 2]|"
    with pytest.raises(ValueError):
        tf.print(1, output_stream="nowhere")


# -- tf.nest ------------------------------------------------------------------------------------

def test_nest_structure_checks_as_tf():
    with pytest.raises(TypeError):
        tf.nest.assert_same_structure([1, 2], (3, 4))
    tf.nest.assert_same_structure([1, 2], (3, 4), check_types=False)
    with pytest.raises(ValueError):
        tf.nest.assert_same_structure({"a": 1}, {"b": 1})
    with pytest.raises(ValueError):
        tf.nest.assert_same_structure([1, 2], [3])
    with pytest.raises(TypeError):
        tf.nest.map_structure(lambda x, y: x + y, [1, 2], (3, 4))
    assert tf.nest.map_structure(lambda x, y: x + y, [1, 2], (3, 4), check_types=False) == [4, 6]
    assert tf.nest.flatten({"b": 1, "a": 2}.items()) == ["b", 1, "a", 2]


# -- control flow and tf.config -----------------------------------------------------------------

def test_while_loop_case_and_switch_case_errors_as_tf():
    with pytest.raises(TypeError):  # the body must return the list of loop variables
        tf.while_loop(lambda i: i < 5, lambda i: i + 1, [tf.constant(0)])
    with pytest.raises(ValueError):
        tf.while_loop(lambda i: i < 5, lambda i: (i + 1, 2), [0])
    with pytest.raises(ValueError):
        tf.while_loop(lambda i: i < 5, lambda i: i + 1, tf.constant(0))
    assert [int(v) for v in tf.while_loop(lambda i: i < 2, lambda i: [i + 1], (0,))] == [2]
    assert int(tf.case([(tf.constant(True), lambda: 1), (tf.constant(True), lambda: 2)],
                       exclusive=True)) == 1
    with pytest.raises(tf.errors.InvalidArgumentError, match="None of conditions"):
        tf.case([(tf.constant(False), lambda: 1)])
    with pytest.raises(TypeError):
        tf.switch_case(tf.constant(1.), [lambda: 10, lambda: 20])


def test_config_optimizer_and_tf32_flags():
    tf.config.optimizer.set_jit(True)
    assert tf.config.optimizer.get_jit() == "autoclustering"
    tf.config.optimizer.set_jit(False)
    assert tf.config.optimizer.get_jit() == ""
    assert tf.config.experimental.tensor_float_32_execution_enabled() is True
    tf.config.experimental.enable_tensor_float_32_execution(False)
    assert tf.config.experimental.tensor_float_32_execution_enabled() is False
    tf.config.experimental.enable_tensor_float_32_execution(True)


# -- checkpoints, SavedModel, summaries ---------------------------------------------------------

class _Scaler(tf.Module):
    def __init__(self):
        super().__init__()
        self.v = tf.Variable([1., 2.])
        self._hidden = tf.Variable(3.)
        self.parts = [tf.Variable(4.), {"k": tf.Variable(5.)}]
        self.note = "not saved"

    @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
    def __call__(self, x):
        return x * self.v[0] + self._hidden


def test_checkpoint_tracks_modules_with_tf_keys(tmp_path):
    m = _Scaler()
    assert [float(np.sum(v.numpy())) for v in m.variables] == [3., 4., 5., 3.]
    ck = tf.train.Checkpoint(m=m, step=tf.Variable(3))
    path = ck.save(str(tmp_path / "c"))
    assert os.path.basename(path) == "c-1"
    assert [n for n, _ in tf.train.list_variables(path)] == [
        "_CHECKPOINTABLE_OBJECT_GRAPH", "m/_hidden/.ATTRIBUTES/VARIABLE_VALUE",
        "m/parts/0/.ATTRIBUTES/VARIABLE_VALUE", "m/parts/1/k/.ATTRIBUTES/VARIABLE_VALUE",
        "m/v/.ATTRIBUTES/VARIABLE_VALUE", "save_counter/.ATTRIBUTES/VARIABLE_VALUE",
        "step/.ATTRIBUTES/VARIABLE_VALUE"]
    assert tf.train.load_variable(path, "step/.ATTRIBUTES/VARIABLE_VALUE") == 3
    with pytest.raises(tf.errors.NotFoundError):
        tf.train.load_variable(path, "nope")
    m.v.assign([0., 0.])
    status = tf.train.Checkpoint(m=m).restore(path)
    assert type(status).__name__ == "CheckpointLoadStatus"
    np.testing.assert_array_equal(m.v.numpy(), [1., 2.])
    status.assert_existing_objects_matched()
    with pytest.raises(AssertionError):  # `step` in the file matched nothing
        status.assert_consumed()
    with pytest.raises(AssertionError):  # w has no value in the file: left alone
        tf.train.Checkpoint(w=tf.Variable(1.)).restore(path).assert_consumed()
    with pytest.raises(ValueError, match="incompatible"):
        tf.train.Checkpoint(step=tf.Variable([1, 2])).restore(path)
    with pytest.raises(tf.errors.NotFoundError):
        tf.train.Checkpoint(v=tf.Variable(1.)).restore(str(tmp_path / "missing"))
    with pytest.raises(ValueError):
        tf.train.Checkpoint(v=1)
    assert type(tf.train.Checkpoint().restore(None)).__name__ == "InitializationOnlyStatus"


def test_saved_model_of_a_module_round_trips(tmp_path):
    m = _Scaler()
    tf.saved_model.save(m, str(tmp_path))
    assert tf.saved_model.contains_saved_model(str(tmp_path))
    loaded = tf.saved_model.load(str(tmp_path))
    np.testing.assert_array_equal(loaded(tf.constant([3., 4.])).numpy(), [6., 7.])
    assert loaded.v is not m.v and loaded.v.numpy().tolist() == [1., 2.]
    assert float(loaded.parts[1]["k"]) == 5.0 and not hasattr(loaded, "note")
    with pytest.raises(ValueError):
        tf.saved_model.save(object(), str(tmp_path / "x"))

    class Local(tf.Module):  # not importable: found through this process's exports
        def __init__(self):
            super().__init__()
            self.w = tf.Variable(2.)

        @tf.function
        def double(self, x):
            return x * self.w

    tf.saved_model.save(Local(), str(tmp_path / "local"))
    assert float(tf.saved_model.load(str(tmp_path / "local")).double(tf.constant(3.))) == 6.0


def test_summary_ops_return_bool_tensors(tmp_path):
    writer = tf.summary.create_file_writer(str(tmp_path))
    assert type(writer).__name__ == "_ResourceSummaryWriter"
    with writer.as_default():
        written = tf.summary.scalar("loss", 0.5, step=1)
        assert isinstance(written, tf.Tensor) and written.dtype == tf.bool and bool(written)
        with tf.summary.record_if(False):
            assert not bool(tf.summary.scalar("loss", 0.5, step=2))
    assert not bool(tf.summary.scalar("loss", 0.5, step=1))  # no default writer


# -- seeded shuffles give TF's order ------------------------------------------------------------

def _order(ds):
    return [int(x) for x in ds.as_numpy_iterator()]


def test_shuffle_with_an_op_seed_gives_tf_order():
    tf.random.set_seed(None)
    ds = tf.data.Dataset.range(10).shuffle(10, seed=42)
    assert _order(ds) == [5, 9, 6, 4, 7, 1, 2, 8, 3, 0]
    assert _order(ds) == [3, 7, 6, 5, 8, 4, 0, 1, 9, 2]  # reshuffled, as TF's second epoch
    fixed = tf.data.Dataset.range(10).shuffle(10, seed=42, reshuffle_each_iteration=False)
    assert _order(fixed) == _order(fixed) == [2, 0, 7, 8, 9, 3, 6, 4, 1, 5]
    assert _order(tf.data.Dataset.range(10).shuffle(3, seed=7)) == [1, 2, 0, 3, 6, 4, 8, 5, 7, 9]
    assert _order(tf.data.Dataset.range(4).shuffle(4, seed=7).repeat(2)) == [0, 2, 1, 3, 1, 0,
                                                                             3, 2]
    assert _order(tf.data.Dataset.range(4).repeat(2).shuffle(4, seed=7)) == [0, 0, 2, 3, 1, 2,
                                                                             1, 3]
    # rows of in-memory arrays take the vectorised path: the same order
    rows = tf.data.Dataset.from_tensor_slices(np.arange(10)).shuffle(10, seed=42,
                                                                     reshuffle_each_iteration=False)
    assert [int(b) for b in np.concatenate(list(rows.batch(4).as_numpy_iterator()))] == [
        2, 0, 7, 8, 9, 3, 6, 4, 1, 5]


def test_shuffle_under_a_global_seed_gives_tf_order():
    try:
        tf.random.set_seed(0)
        assert _order(tf.data.Dataset.range(10).shuffle(10, seed=42)) == [9, 4, 7, 0, 2, 5, 3,
                                                                          8, 6, 1]
        ds = tf.data.Dataset.range(10).shuffle(5)  # op seed drawn as TF's eager context does
        assert _order(ds) == [3, 5, 6, 4, 1, 7, 8, 9, 0, 2]
        assert _order(tf.data.Dataset.range(10).shuffle(5)) == [4, 2, 0, 3, 8, 6, 5, 7, 1, 9]
    finally:
        tf.random.set_seed(None)


def test_assert_cardinality_and_gradient_of_a_source_itself(tmp_path):
    ds = tf.data.Dataset.range(3).apply(tf.data.experimental.assert_cardinality(5))
    assert int(ds.cardinality()) == 5 and type(ds).__name__ == "_AssertCardinalityDataset"
    with pytest.raises(tf.errors.FailedPreconditionError, match="only 3 elements"):
        list(ds)
    with pytest.raises(tf.errors.FailedPreconditionError, match="at least 6 elements"):
        list(tf.data.Dataset.range(7).apply(tf.data.experimental.assert_cardinality(5)))
    x = tf.Variable(3.)
    with tf.GradientTape() as tape:
        pass
    assert float(tape.gradient(x, x)) == 1.0


def test_print_structures_as_tf(tmp_path):
    path = tmp_path / "p.txt"
    stream = "file://%s" % path
    tf.print([tf.constant(1), "x", 2.5], output_stream=stream)
    tf.print({"b": tf.constant([1, 2]), "a": 3}, output_stream=stream)
    tf.print("plain", np.array([1.5, 2.5]), output_stream=stream)
    assert path.read_text() == ("[1, 'x', 2.5]\n{'a': 3, 'b': [1 2]}\n"
                                "plain array([1.5, 2.5])\n")


def test_bucket_by_sequence_length_save_load(tmp_path):
    ds = tf.data.Dataset.range(1, 8).map(lambda x: tf.fill([x], x))
    buckets = ds.bucket_by_sequence_length(lambda x: tf.shape(x)[0], bucket_boundaries=[3, 5],
                                           bucket_batch_sizes=[2, 2, 2])
    assert [b.tolist() for b in buckets.as_numpy_iterator()] == [
        [[1, 0], [2, 2]], [[3, 3, 3, 0], [4, 4, 4, 4]], [[5, 5, 5, 5, 5, 0], [6] * 6],
        [[7] * 7]]
    padded = ds.bucket_by_sequence_length(lambda x: tf.shape(x)[0], [3, 5], [2, 2, 2],
                                          pad_to_bucket_boundary=True)
    assert next(padded.as_numpy_iterator()).tolist() == [[1, 0], [2, 2]]
    with pytest.raises(tf.errors.InvalidArgumentError):
        list(padded)  # length 7 is past the last boundary
    tf.data.Dataset.range(5).map(lambda x: (x, tf.cast(x, tf.float32) * 2.)).save(str(tmp_path))
    loaded = tf.data.Dataset.load(str(tmp_path))
    assert type(loaded).__name__ == "_LoadDataset" and int(loaded.cardinality()) == 5
    assert loaded.element_spec == (tf.TensorSpec([], tf.int64), tf.TensorSpec([], tf.float32))
    assert [(int(a), float(b)) for a, b in loaded.as_numpy_iterator()] == [
        (0, 0.), (1, 2.), (2, 4.), (3, 6.), (4, 8.)]
    with pytest.raises(tf.errors.NotFoundError):
        tf.data.Dataset.load(str(tmp_path / "missing"))


def test_function_refuses_variables_created_after_its_first_call():
    class Lazy(tf.Module):
        def __init__(self):
            super().__init__()
            self.v = None

        @tf.function
        def __call__(self, x):
            if self.v is None:  # created once, on the first call: allowed, as in TF
                self.v = tf.Variable(2.)
            return self.v * x

    lazy = Lazy()
    assert [float(lazy(1.)), float(lazy(2.))] == [2.0, 4.0]
    assert float(Lazy()(3.)) == 6.0  # another instance's first call

    @tf.function
    def every_call(x):
        return tf.Variable(1.) * x

    every_call(1.)
    with pytest.raises(ValueError, match="singleton tf.Variables"):
        every_call(2.)


def test_tensor_array_element_shape_is_checked_as_tf():
    ta = tf.TensorArray(tf.float32, size=2)
    assert ta.element_shape == tf.TensorShape(None)
    ta = ta.write(0, [1., 2.])
    assert ta.element_shape == tf.TensorShape([2])
    with pytest.raises(ValueError, match="Incompatible shape"):
        ta.write(1, [1., 2., 3.])
    with pytest.raises(ValueError):
        tf.TensorArray(tf.int32, size=2, element_shape=[2]).write(0, [1, 2, 3])
    loose = tf.TensorArray(tf.float32, size=2, infer_shape=False)
    loose = loose.write(0, [1.]).write(1, [2., 3.])
    assert loose.concat().numpy().tolist() == [1., 2., 3.]
    assert tf.TensorArray(tf.float32, size=2, element_shape=[3]).stack().shape == (2, 3)


def test_python_errors_in_generators_and_py_function_become_tf_op_errors():
    def failing(kind):
        def gen():
            raise kind("boom")
            yield 1  # noqa: unreachable - makes this a generator
        return tf.data.Dataset.from_generator(gen, output_signature=tf.TensorSpec([], tf.int32))

    with pytest.raises(tf.errors.InvalidArgumentError, match="ValueError: boom"):
        list(failing(ValueError))
    with pytest.raises(tf.errors.UnknownError, match="KeyError"):
        list(failing(KeyError))
    with pytest.raises(tf.errors.UnknownError, match="ZeroDivisionError"):
        tf.py_function(lambda v: 1 / 0, [tf.constant(1.)], tf.float32)
    with pytest.raises(tf.errors.DataLossError):
        list(tf.data.Dataset.range(3).map(lambda x: tf.fill([x], x)).padded_batch(
            2, padded_shapes=[1]))
    it = tf.data.Dataset.from_tensors((1, "a")).as_numpy_iterator()
    assert type(it).__name__ == "NumpyIterator" and next(it) == (1, b"a")


def test_py_function_outputs_have_an_unknown_shape_in_element_spec():
    ds = tf.data.Dataset.range(3).map(lambda x: (x, tf.py_function(lambda y: y * 2, [x],
                                                                   tf.int64)))
    assert repr(ds.element_spec[1]) == "TensorSpec(shape=<unknown>, dtype=tf.int64, name=None)"
    assert [int(b) for _, b in ds.as_numpy_iterator()] == [0, 2, 4]

    def with_set_shape(x):
        y = tf.py_function(lambda v: tf.fill([2, 3], v), [x], tf.int64)
        y.set_shape([None, 3])
        return y

    assert tf.data.Dataset.range(3).map(with_set_shape).element_spec.shape.as_list() == [None, 3]
    ensured = tf.data.Dataset.range(3).map(
        lambda x: tf.ensure_shape(tf.py_function(lambda y: y, [x], tf.int64), []))
    assert ensured.element_spec == tf.TensorSpec([], tf.int64)
    with pytest.raises(ValueError):
        tf.constant([1., 2.]).set_shape([3])


def test_function_return_values_as_tf():
    @tf.function
    def shape_of(x):
        return x.shape

    assert shape_of(tf.zeros([2, 3])).numpy().tolist() == [2, 3]

    @tf.function
    def mixed(x):
        return "a", None, [1, 2.5]

    text, nothing, numbers = mixed(1)
    assert text.numpy() == b"a" and nothing is None
    assert [n.dtype for n in numbers] == [tf.int32, tf.float32]

    @tf.function
    def spec(x):
        return tf.TensorSpec([2])

    with pytest.raises(TypeError, match="compatible with tf.function"):
        spec(1)


def test_data_experimental_names():
    ds = tf.data.experimental.from_list([(1, "a"), (2, "b")])
    assert repr(ds) == ("<_ListDataset element_spec=(TensorSpec(shape=(), dtype=tf.int32, "
                        "name=None), TensorSpec(shape=(), dtype=tf.string, name=None))>")
    assert list(ds.as_numpy_iterator()) == [(1, b"a"), (2, b"b")]
    batched = tf.data.Dataset.range(5).apply(tf.data.experimental.map_and_batch(
        lambda x: x * 2, 2))
    assert [b.tolist() for b in batched.as_numpy_iterator()] == [[0, 2], [4, 6], [8]]
    tf.random.set_seed(None)
    assert [int(x) for x in tf.data.Dataset.range(3).apply(
        tf.data.experimental.shuffle_and_repeat(3, 2, seed=1))] == [1, 2, 0, 1, 0, 2]
    assert [int(x) for x in tf.data.experimental.Counter().take(3)] == [0, 1, 2]
    assert tf.data.experimental.get_structure(tf.data.Dataset.range(3)) == tf.TensorSpec(
        [], tf.int64)
    assert isinstance(tf.data.Dataset.range(2).as_numpy_iterator(), tf.data.NumpyIterator)


def test_tape_reuse_errors_and_variable_format():
    x = tf.constant([1., 2.])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = x * x
    np.testing.assert_array_equal(tape.jacobian(y, x).numpy(), [[2., 0.], [0., 4.]])
    with pytest.raises(RuntimeError):
        tape.jacobian(y, x)
    v = tf.Variable([1., 2.])
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(v)
    with pytest.raises(tf.errors.InvalidArgumentError):
        tape.gradient(total, v, output_gradients=tf.constant([3., 4.]))
    assert f"{tf.Variable(1.5)}" == "<tf.Variable 'Variable:0' shape=() dtype=float32, numpy=1.5>"
    assert f"{tf.Variable(1.5):.2f}" == "1.50"


def test_batch_jacobian_of_an_unwatched_source_is_zeros():
    x = tf.ones([3, 2])
    v = tf.Variable(tf.ones([2, 4]))
    with tf.GradientTape(persistent=True) as tape:
        y = x @ v
    assert tape.jacobian(y, x) is None
    b = tape.batch_jacobian(y, x)
    assert b.shape == (3, 4, 2) and float(tf.reduce_sum(tf.abs(b))) == 0.0


def test_text_line_dataset_and_list_files(tmp_path):
    for i, text in enumerate(["a,1\nb,2\n", "c,3\r\nd,4", ""]):
        (tmp_path / ("f%d.csv" % i)).write_bytes(text.encode())
    ds = tf.data.TextLineDataset([str(tmp_path / "f0.csv"), str(tmp_path / "f1.csv")])
    assert repr(ds) == ("<TextLineDatasetV2 element_spec=TensorSpec(shape=(), dtype=tf.string, "
                        "name=None)>")
    assert list(ds.as_numpy_iterator()) == [b"a,1", b"b,2", b"c,3", b"d,4"]
    assert int(ds.cardinality()) == tf.data.UNKNOWN_CARDINALITY
    files = tf.data.Dataset.list_files(str(tmp_path / "*.csv"), shuffle=False)
    assert [os.path.basename(f) for f in files.as_numpy_iterator()] == [b"f0.csv", b"f1.csv",
                                                                        b"f2.csv"]
    assert type(tf.data.Dataset.list_files(str(tmp_path / "*.csv"))).__name__ == "_ShuffleDataset"
    with pytest.raises(tf.errors.InvalidArgumentError):
        tf.data.Dataset.list_files(str(tmp_path / "*.none"))
    with pytest.raises(tf.errors.NotFoundError):
        list(tf.data.TextLineDataset(str(tmp_path / "missing.txt")))
