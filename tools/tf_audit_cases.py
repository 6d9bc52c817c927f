"""Cases for tools/tf_audit.py: Python source run under both libraries (see its docstring)."""

CREATION = [
    "tf.constant(1)", "tf.constant(1.)", "tf.constant(True)", "tf.constant([])",
    "tf.constant([[]])", "tf.constant(np.float64(2.5))", "tf.constant(np.int64(3))",
    "tf.constant([1, 2.5])", "tf.constant(3, dtype=tf.float32)", "tf.constant(2.7, dtype=tf.int32)",
    "tf.constant([1, 2], dtype=tf.float64)", "tf.constant(5, shape=[2, 3])",
    "tf.constant([1, 2, 3, 4, 5, 6], shape=[2, 3])", "tf.constant([1, 2], shape=[3])",
    "tf.constant([[1, 2], [3]])", "tf.constant('abc')", "tf.constant(np.zeros((2, 0)))",
    "tf.constant(np.array([1, 2], dtype=np.uint8))", "tf.constant(np.array(True))",
    "tf.constant(2**40)", "tf.constant([1, 2**40])", "tf.constant(float('nan'))",
    "tf.constant([float('inf'), -float('inf')])",
    "tf.convert_to_tensor([1, 2])", "tf.convert_to_tensor(np.array([[1, 2.], [3, 4]]))",
    "tf.convert_to_tensor(1.5, dtype=tf.float64)", "tf.convert_to_tensor([1, 2], dtype=tf.float32)",
    "tf.convert_to_tensor(1.5, dtype=tf.int32)", "tf.convert_to_tensor(tf.constant(1), tf.float32)",
    "tf.zeros([2, 3])", "tf.zeros([])", "tf.zeros([0, 3])", "tf.zeros((2,), dtype=tf.int32)",
    "tf.zeros(3)", "tf.ones([3, 4])", "tf.ones([2], tf.bool)", "tf.zeros([2], tf.bool)",
    "tf.zeros([-1])", "tf.ones(tf.constant([2, 2]))",
    "tf.zeros_like(tf.constant([[1, 2], [3, 4]]))", "tf.ones_like([1., 2.])",
    "tf.zeros_like(np.array([1, 2]))", "tf.ones_like(tf.constant([1, 2]), dtype=tf.float32)",
    "tf.fill([2, 3], 10)", "tf.fill([2], 1.5)", "tf.fill([], 7)", "tf.fill([2, 2], True)",
    "tf.fill([-1], 1)",
    "tf.range(5)", "tf.range(1, 10, delta=2)", "tf.range(1, 10, 2)", "tf.range(5.)",
    "tf.range(0, 1, 0.25)", "tf.range(10, 0, -3)", "tf.range(0)", "tf.range(5, 1)",
    "tf.range(5, dtype=tf.float32)", "tf.range(0, 5, 0)", "tf.range(2, dtype=tf.int64)",
    "tf.range(tf.constant(3))",
    "tf.linspace(-6., 6., 10)", "tf.linspace(0., 5., 5)", "tf.linspace(-8., 8, 100)[:3]",
    "tf.linspace(0., 1., 1)", "tf.linspace(0, 10., 5)", "tf.linspace(0., 10, 3)", "tf.linspace(1., 2., 0)", "tf.linspace(0, 10, 5)",
    "tf.eye(3)", "tf.eye(2, 3)", "tf.eye(2, dtype=tf.int32)", "tf.eye(2, batch_shape=[2])",
    "tf.identity([1, 2])",
    "~tf.random.normal([2, 2])", "~tf.random.normal([5, 5], mean=10, stddev=2)",
    "~tf.random.uniform([4, 4], minval=0, maxval=100)",
    "~tf.random.uniform([4], maxval=10, dtype=tf.int32)",
    "tf.random.uniform([4], dtype=tf.int32)",
    "~tf.random.uniform([2], minval=1, maxval=3, dtype=tf.int64)",
    "~tf.random.truncated_normal([3], stddev=0.1)", "~tf.random.normal([2], dtype=tf.float64)",
    "tf.random.normal([2], dtype=tf.int32)", "~tf.random.shuffle(tf.range(5))",
    "~tf.random.categorical(tf.math.log([[0.5, 0.5]]), 5)", "~tf.random.normal([])",
    "~tf.random.uniform((2, 3))", "~tf.random.uniform([0])",
    "~tf.random.uniform([3], 0, 1, tf.float64)", "~tf.random.normal(tf.constant([2, 3]))",
]

MATH = [
    "tf.constant([1, 2]) + tf.constant([3, 4])", "tf.constant([1, 2]) + 1.5",
    "tf.constant([1., 2.]) + 1", "tf.constant([1, 2]) / 2", "tf.constant([1, 2]) / tf.constant([2, 2])",
    "tf.constant([7, -7]) // 2", "tf.constant([7, -7]) % 3", "tf.constant([7., -7.]) % 3.",
    "tf.constant([1, 2]) / 0", "tf.constant([1, 2]) // 0", "tf.constant([1.]) / 0.",
    "tf.constant([1, 2], tf.int64) / 2", "tf.constant([1, 2], tf.uint8) / 2",
    "tf.constant([1.]) + tf.constant([1.], tf.float64)", "tf.constant([1]) + tf.constant([1.])",
    "tf.constant([1, 2]) * [3, 4]", "[3, 4] - tf.constant([1, 2])", "2 ** tf.constant([1, 2])",
    "tf.constant([2., 3.]) ** 2", "tf.constant([2, 3]) ** 2", "tf.constant([2, 3]) ** -1",
    "tf.constant([2., 3.]) ** 0.5", "-tf.constant([1, -2])", "abs(tf.constant([-1.5, 2.]))",
    "tf.constant([1., 2.]) @ tf.constant([[1.], [2.]])",
    "tf.constant([[1., 2.]]) @ tf.constant([[1.], [2.]])",
    "tf.pow(tf.constant([1., 2.]), 3)", "tf.pow(2, 3)", "tf.pow(2., 3.)", "tf.pow([2, 3], [2, 2])",
    "tf.sqrt(tf.constant([4., -1.]))", "tf.sqrt(4.)", "tf.sqrt(4)", "tf.sqrt(tf.constant([4, 9]))",
    "tf.exp(2.)", "tf.exp(1)", "tf.math.log(10.)", "tf.math.log([0., -1.])", "tf.math.log(10)",
    "tf.square(3)", "tf.square([1.5, 2.])", "tf.abs(tf.constant([-1, 2]))", "tf.abs(-3.)",
    "tf.negative(3)", "tf.sign([-2., 0., 3.])", "tf.round([0.5, 1.5, 2.5, -0.5])",
    "tf.math.floor([1.5, -1.5])", "tf.math.ceil([1.5, -1.5])", "tf.math.rint([0.5, 1.5])",
    "tf.math.reciprocal([2., 4.])", "tf.math.log1p([0., 1.])", "tf.math.expm1([0., 1.])",
    "tf.math.softplus([0., 1.])", "tf.math.log_sigmoid([0., 1.])", "tf.math.erf([0., 1.])",
    "tf.math.is_nan([1., float('nan')])", "tf.math.is_inf([1., float('inf')])",
    "tf.math.is_finite([1., float('inf')])", "tf.math.sigmoid([0., 100., -100.])",
    "tf.math.sin(0.5)", "tf.cos([0., 1.])", "tf.math.atan2([1.], [1.])", "tf.tanh([-6., 6.])",
    "tf.add(1, 2)", "tf.add([1, 2], 1.5)", "tf.multiply(2., 3)", "tf.subtract([1], [2])",
    "tf.divide(1, 2)", "tf.divide([1., 2.], 2)", "tf.truediv(4, 2)", "tf.math.floordiv(7, 2)",
    "tf.math.floormod(-7, 3)", "tf.math.mod(7., 2.5)", "tf.math.divide_no_nan([1., 2.], [0., 2.])",
    "tf.math.squared_difference(3., 5.)", "tf.math.add_n([[1, 2], [3, 4], [5, 6]])",
    "tf.maximum(tf.range(9), 2)", "tf.minimum(tf.range(9), 5)", "tf.maximum(1., [0., 2.])",
    "tf.maximum([1., float('nan')], 0.)", "tf.clip_by_value(tf.range(9), 5, 7)",
    "tf.clip_by_value([1., 5., 9.], 2., 6.)", "tf.clip_by_value(tf.range(3), 1.5, 2)",
    "tf.clip_by_norm([3., 4.], 1.)", "tf.clip_by_global_norm([[3., 4.]], 1.)",
    "tf.math.cumsum([1, 2, 3])", "tf.math.cumsum([1, 2, 3], reverse=True, exclusive=True)",
    "tf.math.cumprod([1, 2, 3])", "tf.math.scalar_mul(2, tf.constant([1., 2.]))",
    "tf.constant([1, 2]) + tf.constant([[1], [2], [3]])", "tf.ones([2, 3]) + tf.ones([3, 2])",
    "tf.constant(1) + tf.constant([1, 2])",
    "tf.math.reduce_sum", "tf.cast([1.7, -1.7], tf.int32)", "tf.cast([1, 0, 2], tf.bool)",
    "tf.cast([True, False], tf.float32)", "tf.cast(300, tf.uint8)", "tf.cast([1.5], tf.float16)",
    "tf.cast(tf.constant([1, 2]), 'float32')", "tf.cast([float('nan')], tf.int32)",
    "tf.cast(2**31, tf.int32)", "tf.cast([1.5, 2.5], tf.int64)", "tf.cast(1, tf.float64)",
    "tf.cast([-1], tf.uint8)", "tf.cast([1], tf.string)",
    "tf.equal([1, 2], [1, 3])", "tf.equal(tf.constant([1, 2]), 1)", "tf.not_equal(1., 2.)",
    "tf.equal(tf.constant([1]), tf.constant([1.]))",
    "tf.constant([1, 2]) == tf.constant([1, 3])", "tf.constant([1, 2]) == 1",
    "tf.constant([1, 2]) == None", "tf.constant([1, 2]) != [1, 2]", "tf.constant([1, 2]) < 2",
    "tf.constant([1., 2.]) >= 2", "tf.greater([1, 2], 1)", "tf.less_equal(1, 2)",
    "tf.logical_and([True, False], True)", "tf.logical_not(True)", "~tf.constant(True)",
    "tf.constant([True]) & tf.constant([False])", "tf.constant([True]) | False",
    "tf.constant([True]) ^ True", "tf.constant([5]) & tf.constant([3])",
    "tf.math.logical_xor([True], [True])", "tf.constant([1.]) & tf.constant([1.])",
]

REDUCE = [
    "tf.reduce_sum([[1, 2], [3, 4]])", "tf.reduce_sum([[1, 2], [3, 4]], axis=0)",
    "tf.reduce_sum([[1, 2], [3, 4]], axis=-1, keepdims=True)",
    "tf.reduce_sum([[1, 2], [3, 4]], axis=[0, 1])", "tf.reduce_sum([[1, 2], [3, 4]], axis=2)",
    "tf.reduce_sum([[1, 2], [3, 4]], axis=(0, 0))", "tf.reduce_sum([[1, 2], [3, 4]], axis=[])",
    "tf.reduce_sum(tf.zeros([0, 3]), axis=0)", "tf.reduce_sum(5)", "tf.reduce_sum([True, True])",
    "tf.reduce_sum(tf.constant([1, 2], tf.uint8))",
    "tf.reduce_mean([1, 2])", "tf.reduce_mean([1., 2.])", "tf.reduce_mean(tf.zeros([0]))",
    "tf.reduce_mean([[1., 2.], [3., 4.]], axis=1)", "tf.reduce_mean([True, False])",
    "tf.reduce_max([[1, 5], [3, 4]], axis=1)", "tf.reduce_max(tf.zeros([0]))",
    "tf.reduce_min(tf.zeros([0], tf.int32))", "tf.reduce_max([1., float('nan'), 3.])",
    "tf.reduce_min([[1., 2.], [0., 4.]])", "tf.reduce_prod([1, 2, 3])", "tf.reduce_prod([])",
    "tf.reduce_all([True, False])", "tf.reduce_any([[True, False]], axis=1)",
    "tf.reduce_all([])", "tf.reduce_all([1, 0])", "tf.math.reduce_std([1., 2., 3., 4.])",
    "tf.math.reduce_variance([[1., 2.], [3., 5.]], axis=0)", "tf.math.reduce_std([1, 2])",
    "tf.reduce_logsumexp([1., 2., 3.])", "tf.reduce_logsumexp([-float('inf')] * 2)",
    "tf.math.reduce_euclidean_norm([3., 4.])", "tf.math.count_nonzero([0, 1, 2])",
    "tf.argmax([[1, 5], [7, 2]], axis=1)", "tf.argmax([[1, 5], [7, 2]])", "tf.argmax([3, 3, 1])",
    "tf.argmin([[1, 5], [7, 2]], axis=-1)", "tf.argmax([1, 2], output_type=tf.int32)",
    "tf.argmax(tf.zeros([0]))", "tf.argmax([1., float('nan'), 2.])", "tf.argmax(5)",
    "tf.argmax([[1, 2]], axis=2)", "tf.math.argmax([True, False])",
    "tf.reduce_sum(tf.ones([2, 3]), axis=tf.constant(1))", "tf.reduce_sum([1, 2], 0.5)",
]

SHAPE = [
    "tf.reshape(tf.range(6), [2, 3])", "tf.reshape(tf.range(6), [4, -1])",
    "tf.reshape(tf.range(6), [-1, -1])", "tf.reshape(tf.range(6), [4])", "tf.reshape(5, [1, 1])",
    "tf.reshape(tf.range(6), (3, 2))", "tf.reshape(tf.zeros([0, 3]), [-1, 0])",
    "tf.reshape(tf.range(6), tf.constant([3, 2]))", "tf.reshape([1, 2], [])",
    "tf.expand_dims(tf.zeros([2, 3, 5]), axis=3).shape", "tf.expand_dims(tf.zeros([2, 3, 5]), -2).shape",
    "tf.expand_dims(tf.zeros([2]), 2)", "tf.expand_dims(tf.zeros([2]), -3)", "tf.expand_dims(1, 0)",
    "tf.squeeze(tf.zeros([1, 2, 1]))", "tf.squeeze(tf.zeros([1, 2, 1]), axis=0).shape",
    "tf.squeeze(tf.zeros([1, 2, 1]), axis=[0, -1])", "tf.squeeze(tf.zeros([1, 2, 1]), axis=1)",
    "tf.squeeze(tf.zeros([1, 2, 1]), 3)",
    "tf.transpose(tf.reshape(tf.range(6), [2, 3]))", "tf.transpose(tf.reshape(tf.range(6), [2, 3]), [1, 0])",
    "tf.transpose(tf.zeros([2, 3, 4]), perm=[2, 0, 1]).shape", "tf.transpose(tf.zeros([2, 3]), [0, 0])",
    "tf.transpose(tf.zeros([2, 3]), [0])", "tf.transpose(5)", "tf.transpose([1, 2])",
    "tf.transpose(tf.zeros([2, 3]), [-1, 0])", "tf.linalg.matrix_transpose(tf.zeros([2, 3, 4])).shape",
    "tf.tile(tf.reshape(tf.range(4), [2, 2]), multiples=[2, 3])", "tf.tile([1, 2], [0])",
    "tf.tile([1, 2], [2, 2])", "tf.tile([1, 2], [-1])",
    "tf.broadcast_to(tf.ones([3, 1]), [2, 4, 3, 6]).shape", "tf.broadcast_to([1, 2], [3, 2])",
    "tf.broadcast_to([1, 2], [3, 3])", "tf.broadcast_to(5, [2])",
    "tf.shape(tf.zeros([2, 3]))", "tf.shape(tf.zeros([2, 3]), out_type=tf.int64)", "tf.rank(tf.zeros([2, 3]))",
    "tf.size(tf.zeros([2, 3]))", "tf.shape(5)", "tf.zeros([2, 3]).shape", "tf.zeros([2, 3]).shape[0]",
    "tf.zeros([2, 3]).shape.as_list()", "tf.zeros([2, 3]).ndim", "len(tf.zeros([2, 3]))",
    "tf.zeros([2, 3]).shape == (2, 3)", "tf.zeros([2, 3]).shape == [2, 3]", "tf.TensorShape([2, None])",
    "tf.TensorShape([2, 3]).num_elements()", "tf.TensorShape(None)", "tf.TensorShape([2, 3])[1:]",
    "tf.TensorShape([2, 3]) + [4]", "tf.zeros([2, 3]).get_shape()", "str(tf.zeros([2, 3]).shape)",
    "tf.concat([tf.zeros([4, 35, 8]), tf.ones([6, 35, 8])], axis=0).shape",
    "tf.concat([[1, 2], [3]], 0)", "tf.concat([[[1]], [[2]]], axis=-1)", "tf.concat([[1], [2.]], 0)",
    "tf.concat([tf.zeros([2, 3]), tf.zeros([2, 4])], 0)", "tf.concat([], 0)", "tf.concat([[1]], 1)",
    "tf.concat([tf.zeros([0, 2]), tf.ones([1, 2])], 0)", "tf.concat([1, 2], 0)",
    "tf.stack([[1, 2], [3, 4]])", "tf.stack([[1, 2], [3, 4]], axis=1)", "tf.stack([[1, 2], [3, 4]], axis=-1)",
    "tf.stack([[1, 2], [3]])", "tf.stack([1, 2])", "tf.stack([tf.zeros([35, 8])] * 2, axis=0).shape",
    "tf.stack([[1, 2]], axis=3)", "tf.stack([])",
    "tf.split(tf.range(10), 2)", "tf.split(tf.range(10), [4, 4, 2])", "tf.split(tf.range(10), [4, -1])",
    "tf.split(tf.range(10), 3)", "tf.split(tf.range(10), [4, 4])",
    "tf.split(tf.zeros([10, 35, 8]), num_or_size_splits=2, axis=0)[0].shape",
    "tf.split(tf.reshape(tf.range(6), [2, 3]), 3, axis=1)", "tf.split(tf.range(4), 2, axis=-1)",
    "tf.unstack(tf.reshape(tf.range(6), [2, 3]))", "tf.unstack(tf.reshape(tf.range(6), [2, 3]), axis=1)",
    "tf.unstack(tf.zeros([0, 2]))", "tf.unstack(5)",
    "tf.reverse([1, 2, 3], [0])", "tf.reverse(tf.reshape(tf.range(6), [2, 3]), axis=[-1])",
    "tf.pad(tf.constant([7, 8, 1, 6]), [[0, 2]])", "tf.pad(tf.zeros([4, 28, 28, 1]), [[0, 0], [2, 2], [2, 2], [0, 0]]).shape",
    "tf.pad([[1, 2], [3, 4]], [[1, 1], [2, 0]], constant_values=9)",
    "tf.pad([[1, 2, 3], [4, 5, 6]], [[1, 1], [2, 2]], 'REFLECT')",
    "tf.pad([[1, 2, 3], [4, 5, 6]], [[1, 1], [2, 2]], 'SYMMETRIC')", "tf.pad([1, 2], [[0, -1]])",
    "tf.pad([1, 2], [[0, 1], [0, 1]])", "tf.pad([1, 2], [[3, 0]], 'REFLECT')", "tf.pad([1., 2.], [[1, 1]], constant_values=0.5)",
    "tf.pad([1, 2], [[1, 1]], mode='constant')",
    "tf.meshgrid(tf.range(3), tf.range(2))", "tf.meshgrid([1, 2], [3, 4, 5], indexing='ij')",
    "tf.one_hot([1, 3], depth=4)", "tf.one_hot([1, -1, 5], 4)", "tf.one_hot(2, 3)",
    "tf.one_hot([[0, 1]], 2, axis=0)", "tf.one_hot([0, 1], 2, on_value=5, off_value=-1)",
    "tf.one_hot([0, 1], 2, dtype=tf.int32)", "tf.one_hot(tf.constant([1, 2], tf.int64), 3)",
    "tf.one_hot([1.], 3)", "tf.one_hot([0], 3, on_value=2.)",
    "tf.sort([3, 1, 2])", "tf.sort([3., 1., 2.], direction='DESCENDING')", "tf.argsort([3, 1, 2])",
    "tf.sort([[3, 1], [0, 5]], axis=0)", "tf.argsort([1, 1, 0], stable=True)",
    "tf.math.top_k([1, 5, 3, 4], k=2)", "tf.math.top_k([1, 5, 3], k=5)", "tf.nn.top_k([[1., 3.], [4., 2.]], 1)",
    "tf.math.top_k([1, 5, 3, 4], k=2).indices", "tf.sort([1, 2], direction='UP')",
    "tf.unique([1, 2, 1, 3])", "tf.searchsorted([1, 3, 5], [2, 5])",
    "tf.where([[True, False], [False, True]])", "tf.where([True, False], [1, 2], [3, 4])",
    "tf.where(tf.constant([[True, False, True], [False, False, True], [True, True, False]]), tf.ones([3, 3]), tf.zeros([3, 3]))",
    "tf.where([True, False], 1., 0.)", "tf.where([True], [1], [1.])", "tf.where([[True], [False]], [1, 2], [3, 4])",
    "tf.where([1, 0])", "tf.where(True)", "tf.where([])",
]

INDEX = [
    "tf.reshape(tf.range(24), [2, 3, 4])[1]", "tf.reshape(tf.range(24), [2, 3, 4])[1, 2, 3]",
    "tf.reshape(tf.range(24), [2, 3, 4])[-1]", "tf.reshape(tf.range(24), [2, 3, 4])[2]",
    "tf.reshape(tf.range(24), [2, 3, 4])[:, ::2]", "tf.reshape(tf.range(24), [2, 3, 4])[..., 1:]",
    "tf.reshape(tf.range(24), [2, 3, 4])[::-1]", "tf.reshape(tf.range(24), [2, 3, 4])[:, ::-2, -1]",
    "tf.range(10)[8:2:-3]", "tf.range(10)[-3:]", "tf.range(10)[20:]", "tf.range(10)[::0]",
    "tf.range(10)[tf.newaxis, :3]", "tf.range(10)[None]", "tf.range(10)[..., None].shape",
    "tf.range(10)[1.5]", "tf.range(10)[tf.constant(3)]", "tf.range(10)[np.int64(2)]",
    "tf.range(10)[[1, 2]]", "tf.range(10)[tf.constant([True] * 10)]", "tf.constant(5)[0]",
    "tf.range(6)[-7]", "tf.reshape(tf.range(6), [2, 3])[1][2]", "tf.reshape(tf.range(6), [2, 3])[:, 1]",
    "tf.range(10)[2:8][::2]", "tf.range(10)[::-1][2]", "tf.range(10)[:-11:-1]",
    "tf.gather([[1, 2], [3, 4], [5, 6]], [2, 0])", "tf.gather([[1, 2], [3, 4]], [1], axis=1)",
    "tf.gather([1, 2, 3], [[0, 1], [2, 2]])", "tf.gather([1, 2, 3], 1)", "tf.gather([1, 2, 3], [3])",
    "tf.gather([1, 2, 3], [-1])", "tf.gather([[1, 2], [3, 4]], [0, 1], axis=-1)",
    "tf.gather([[1, 2], [3, 4]], [[0, 1], [1, 0]], axis=1, batch_dims=1)", "tf.gather([1, 2], [0.])",
    "tf.gather_nd([[1, 2], [3, 4]], [[1, 1], [0, 0]])", "tf.gather_nd([[1, 2], [3, 4]], [[1]])",
    "tf.gather_nd([[1, 2], [3, 4]], [[2, 0]])", "tf.gather_nd([[1, 2], [3, 4]], [1, 0])",
    "tf.boolean_mask([1, 2, 3], [True, False, True])",
    "tf.boolean_mask([[1, 2], [3, 4]], [False, True], axis=0)", "tf.boolean_mask([[1, 2], [3, 4]], [[True, False], [False, True]])",
    "tf.boolean_mask([1, 2, 3], [True, False])", "tf.boolean_mask([[1, 2], [3, 4]], [True, False], axis=1)",
    "tf.scatter_nd([[2], [5]], [2.2, 5.5], [8])", "tf.scatter_nd([[1], [1]], [1, 2], [3])",
    "tf.scatter_nd([[3]], [1], [3])", "tf.scatter_nd([[0, 1]], [[5, 6]], [2, 2])",
    "tf.scatter_nd(tf.constant([[0]]), [[1., 2.]], tf.constant([2, 2]))",
    "tf.tensor_scatter_nd_update([1, 2, 3], [[0], [2]], [9, 9])", "tf.tensor_scatter_nd_add([1, 2, 3], [[1]], [10])",
    "tf.tensor_scatter_nd_update([1, 2, 3], [[5]], [9])", "tf.slice(tf.range(10), [2], [3])",
    "tf.slice(tf.reshape(tf.range(6), [2, 3]), [0, 1], [-1, 2])", "tf.slice(tf.range(10), [8], [3])",
    "tf.strided_slice(tf.range(10), [1], [8], [2])",
]

LINALG = [
    "tf.matmul([[1., 2.]], [[3.], [4.]])", "tf.matmul(tf.ones([2, 3, 4]), tf.ones([4, 5])).shape",
    "tf.matmul(tf.ones([2, 3]), tf.ones([2, 3]), transpose_b=True)",
    "tf.matmul(tf.ones([2, 3]), tf.ones([4, 5]))", "tf.matmul([[1, 2]], [[3], [4]])",
    "tf.matmul(tf.ones([3]), tf.ones([3, 2]))", "tf.matmul(tf.ones([2, 3]), tf.ones([3, 2], tf.float64))",
    "tf.matmul(tf.ones([2, 1, 2, 3]), tf.ones([3, 3, 2])).shape", "tf.matmul(tf.ones([0, 3]), tf.ones([3, 2]))",
    "tf.matmul(tf.ones([2, 3]), tf.ones([2, 3]), transpose_a=True)", "tf.linalg.matmul(tf.ones([2, 2]), tf.eye(2), adjoint_b=True)",
    "tf.einsum('ij,jk->ik', tf.ones([2, 3]), tf.ones([3, 4]))", "tf.einsum('ii->', tf.eye(3))",
    "tf.einsum('i,i->', [1., 2.], [3., 4.])", "tf.einsum('bij->bji', tf.ones([2, 3, 4])).shape",
    "tf.einsum('ij->j', [[1, 2], [3, 4]])", "tf.einsum('...ij,jk->...ik', tf.ones([2, 2, 3]), tf.ones([3, 1])).shape",
    "tf.einsum('ij,jk->ik', tf.ones([2, 3]), tf.ones([4, 4]))",
    "tf.tensordot(tf.ones([2, 3]), tf.ones([3, 4]), axes=1)", "tf.tensordot([1., 2.], [3., 4.], axes=0)",
    "tf.tensordot(tf.ones([2, 3]), tf.ones([2, 3]), axes=[[0, 1], [0, 1]])",
    "tf.norm(tf.ones([2, 2]), ord=1)", "tf.norm(tf.ones([2, 2]), ord=2)", "tf.norm(tf.ones([2, 2]), ord=np.inf)",
    "tf.norm(tf.ones([2, 2]))", "tf.norm([3., 4.])", "tf.norm([[3., 4.]], axis=1)", "tf.norm([[3., 4.]], axis=1, keepdims=True)",
    "tf.norm([[1., 2.], [3., 4.]], ord='fro', axis=[0, 1])", "tf.norm([[1., 2.], [3., 4.]], ord=1, axis=[0, 1])",
    "tf.norm([[1., 2.], [3., 4.]], ord=np.inf, axis=[-2, -1])", "tf.norm([3, 4])", "tf.norm([1., -2.], ord=1)",
    "tf.norm([1., 2.], ord=3)", "tf.norm([1., 2.], ord=0)", "tf.norm([[1., 2.], [3., 4.]], ord=2, axis=[0, 1])",
    "tf.linalg.norm([3., 4.])", "tf.linalg.det([[1., 2.], [3., 4.]])", "tf.linalg.inv([[1., 2.], [3., 4.]])",
    "tf.linalg.trace(tf.eye(3))", "tf.linalg.diag([[1., 2.], [3., 4.]])",
    "tf.linalg.diag_part(tf.reshape(tf.range(6), [2, 3]))", "tf.linalg.band_part(tf.ones([3, 4]), 1, 0)",
    "tf.linalg.band_part(tf.reshape(tf.range(9.), [3, 3]), -1, 0)", "tf.linalg.band_part(tf.ones([2, 2]), 0, 0)",
    "tf.matmul(tf.constant([[1, 2]], tf.int64), tf.constant([[3], [4]], tf.int64))",
    "tf.matmul([[1, 2]], [[3., 4.]])", "tf.reduce_sum(tf.ones([2, 3]), axis=[1, -1])", "tf.linalg.diag([1, 2])", "tf.linalg.diag_part(tf.eye(2))",
    "tf.linalg.band_part(tf.ones([3, 3]), 0, -1)", "tf.linalg.l2_normalize([3., 4.])",
    "tf.math.l2_normalize([3., 4.])",
]

NN = [
    "tf.nn.relu([-1., 0., 2.])", "tf.nn.relu([-1, 2])", "tf.nn.relu6([-1., 3., 8.])",
    "tf.nn.leaky_relu([-1., 2.])", "tf.nn.leaky_relu(tf.linspace(-6., 6., 10), alpha=0.2)",
    "tf.nn.sigmoid(tf.linspace(-6., 6., 10))", "tf.nn.tanh(tf.linspace(-6., 6., 10))",
    "tf.tanh(tf.linspace(-6., 6., 10))", "tf.nn.elu([-1., 1.])", "tf.nn.selu([-1., 1.])",
    "tf.nn.gelu([-1., 1.])", "tf.nn.gelu([-1., 1.], approximate=True)", "tf.nn.silu([-1., 1.])",
    "tf.nn.swish([-1., 1.])", "tf.nn.softplus([-1., 1.])", "tf.nn.softsign([-1., 1.])",
    "tf.nn.sigmoid([1, 2])", "tf.nn.relu(3)",
    "tf.nn.softmax(tf.linspace(0., 5., 5))", "tf.nn.softmax([[1., 2.], [3., 5.]], axis=0)",
    "tf.nn.softmax([2., 1., 0.1])", "tf.nn.softmax([1, 2])", "tf.nn.softmax([1., 2.], axis=1)",
    "tf.nn.softmax([1000., 0.])", "tf.nn.softmax(tf.zeros([2, 0]))", "tf.nn.log_softmax([1., 2., 3.])",
    "tf.nn.softmax([-float('inf'), 0.])", "tf.math.softmax([1., 2.])",
    "tf.nn.softmax_cross_entropy_with_logits([[0., 1.]], [[1., 2.]])",
    "tf.nn.softmax_cross_entropy_with_logits(labels=[[0., 1.]], logits=[[1., 2.]])",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[1, 0], logits=[[1., 2.], [3., 1.]])",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[2], logits=[[1., 2.]])",
    "tf.nn.sigmoid_cross_entropy_with_logits(labels=[1., 0.], logits=[2., -1.])",
    "tf.nn.sigmoid_cross_entropy_with_logits(labels=[1, 0], logits=[2., -1.])",
    "tf.nn.moments(tf.constant([[1., 2.], [3., 6.]]), axes=[0])",
    "tf.nn.moments(tf.constant([[1., 2.], [3., 6.]]), axes=[0, 1], keepdims=True)",
    "~tf.nn.dropout(tf.ones([4, 4]), rate=0.5)", "tf.nn.dropout(tf.ones([2]), rate=0.)",
    "tf.nn.dropout(tf.ones([2]), rate=1.)", "tf.nn.dropout(tf.ones([2]), rate=1.5)",
    "tf.nn.dropout(tf.ones([2], tf.int32), rate=0.5)",
    "tf.nn.l2_loss([1., 2.])", "tf.nn.bias_add(tf.zeros([2, 3]), [1., 2., 3.])",
    "tf.nn.bias_add(tf.zeros([2, 3]), [1., 2.])",
    "tf.nn.conv2d(tf.ones([1, 4, 4, 1]), tf.ones([3, 3, 1, 2]), strides=1, padding='VALID')",
    "tf.nn.conv2d(tf.ones([1, 4, 4, 1]), tf.ones([3, 3, 1, 2]), strides=2, padding='SAME').shape",
    "tf.nn.conv2d(tf.ones([1, 4, 4, 2]), tf.ones([3, 3, 1, 2]), 1, 'VALID')",
    "tf.nn.max_pool2d(tf.reshape(tf.range(16.), [1, 4, 4, 1]), 2, 2, 'VALID')",
    "tf.nn.avg_pool2d(tf.reshape(tf.range(16.), [1, 4, 4, 1]), 2, 2, 'SAME')",
    "tf.nn.batch_normalization(tf.constant([1., 2.]), 1., 4., 0., 1., 0.)",
    "tf.nn.embedding_lookup([[1., 2.], [3., 4.]], [1, 1])", "tf.math.in_top_k([1], [[0.1, 0.9]], 1)",
    "tf.math.in_top_k([1, 0, 2], [[0.1, 0.9, 0.], [0.5, 0.5, 0.], [0.2, 0.3, 0.5]], 1)",
    "tf.math.in_top_k([0, 1], [[0.1, 0.9], [0.2, 0.8]], 2)", "tf.nn.embedding_lookup(tf.reshape(tf.range(6.), [3, 2]), [[2, 0]])",
]

GRAD = [
    """x = tf.constant(3.)
with tf.GradientTape() as t:
    t.watch(x)
    y = x * x
r = t.gradient(y, x)""",
    """x = tf.constant(3.)
with tf.GradientTape() as t:
    y = x * x
r = t.gradient(y, x)""",
    """x = tf.Variable(3.)
with tf.GradientTape() as t:
    y = x * x
r = t.gradient(y, x)""",
    """x = tf.Variable(3)
with tf.GradientTape() as t:
    y = x * x
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
z = tf.Variable(1.)
with tf.GradientTape() as t:
    y = tf.reduce_sum(x * 2.)
r = t.gradient(y, [x, z])""",
    """x = tf.Variable([1., 2.])
z = tf.Variable(1.)
with tf.GradientTape() as t:
    y = tf.reduce_sum(x * 2.)
r = t.gradient(y, [x, z], unconnected_gradients=tf.UnconnectedGradients.ZERO)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = x * x
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = x * x
r = t.gradient(y, x, output_gradients=tf.constant([1., -1.]))""",
    """x = tf.Variable(2.)
with tf.GradientTape() as t:
    y = x * x
t.gradient(y, x)
r = t.gradient(y, x)""",
    """x = tf.Variable(2.)
with tf.GradientTape(persistent=True) as t:
    y = x * x
    z = y * x
r = (t.gradient(y, x), t.gradient(z, x))""",
    """x = tf.Variable(2.)
with tf.GradientTape() as t2:
    with tf.GradientTape() as t1:
        y = x * x * x
    g = t1.gradient(y, x)
r = (g, t2.gradient(g, x))""",
    """x = tf.constant(1.)
w1 = tf.constant(2.)
b1 = tf.constant(1.)
w2 = tf.constant(2.)
b2 = tf.constant(1.)
with tf.GradientTape(persistent=True) as tape:
    tape.watch([w1, b1, w2, b2])
    y1 = x * w1 + b1
    y2 = y1 * w2 + b2
r = (tape.gradient(y2, [y1])[0], tape.gradient(y1, [w1])[0], tape.gradient(y2, [w1])[0])""",
    """x = tf.Variable([[1., 2.], [3., 4.]])
with tf.GradientTape() as t:
    y = tf.reduce_max(x, axis=1)
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 1.])
with tf.GradientTape() as t:
    y = tf.reduce_max(x)
r = t.gradient(y, x)""",
    """x = tf.Variable([0., 1., -1.])
with tf.GradientTape() as t:
    y = tf.nn.relu(x)
r = t.gradient(y, x)""",
    """x = tf.Variable([0., 4.])
with tf.GradientTape() as t:
    y = tf.sqrt(x)
r = t.gradient(y, x)""",
    """x = tf.Variable([0., 2.])
with tf.GradientTape() as t:
    y = tf.abs(x)
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2., 3.])
with tf.GradientTape() as t:
    y = tf.gather(x, [0, 0, 2])
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 5., 3.])
with tf.GradientTape() as t:
    y = tf.clip_by_value(x, 2., 4.)
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.nn.softmax(x)[0]
r = t.gradient(y, x)""",
    """x = tf.Variable([[1., 2.]])
with tf.GradientTape() as t:
    y = tf.matmul(x, tf.ones([2, 3]))
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.cast(x, tf.int32)
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.stop_gradient(x) * x
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.], trainable=False)
with tf.GradientTape() as t:
    y = x * x
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape(watch_accessed_variables=False) as t:
    y = x * x
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = x[0] * 3.
r = t.gradient(y, x)""",
    """x = tf.Variable([[1., 2.], [3., 4.]])
with tf.GradientTape() as t:
    y = tf.reduce_mean(tf.where(x > 2., x, 0.))
r = t.gradient(y, x)""",
    """x = tf.Variable(2.)
with tf.GradientTape() as t:
    y = tf.constant(3.)
r = t.gradient(y, x)""",
    """x = tf.constant([1., 2.])
with tf.GradientTape() as t:
    t.watch(x)
    y = tf.reduce_sum(x ** 2)
r = t.gradient(y, {'a': x})""",
    """x = tf.Variable(1.)
with tf.GradientTape() as t:
    y = x * 2.
r = t.watched_variables()[0].numpy()""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.reduce_sum(tf.pow(x, 2))
r = t.gradient(y, x)""",
    """x = tf.constant([1, 2])
with tf.GradientTape() as t:
    t.watch(x)
    y = x * x
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.norm(x)
r = t.gradient(y, x)""",
    """x = tf.Variable([0., 0.])
with tf.GradientTape() as t:
    y = tf.norm(x)
r = t.gradient(y, x)""",
]

VARIABLE = [
    "tf.Variable(1.)", "tf.Variable([1, 2])", "tf.Variable(tf.ones([3, 4]))", "tf.Variable(1., name='w')",
    "tf.Variable(1.).name", "tf.Variable(1., name='w').name", "tf.Variable(1.).trainable",
    "tf.Variable(1, trainable=False).trainable", "tf.Variable(1.).dtype", "tf.Variable([1., 2.]).shape",
    "tf.Variable(1., dtype=tf.float64)", "tf.Variable([1, 2], dtype=tf.float32)",
    """v = tf.Variable([1., 2.])
v.assign([3., 4.])
r = v""", """v = tf.Variable([1., 2.])
r = v.assign_add([1., 1.])""", """v = tf.Variable([1., 2.])
v.assign_sub([1., 1.])
r = v.numpy()""", """v = tf.Variable([1., 2.])
r = v.assign([1., 2., 3.])""", """v = tf.Variable([1., 2.])
r = v.assign([1, 2])""", """v = tf.Variable(1)
r = v.assign(2.5)""",
    "tf.Variable([1., 2.]) + 1", "tf.Variable([1., 2.]) * tf.constant(2.)", "tf.Variable([1., 2.])[0]",
    "tf.Variable([1., 2.]).numpy()", "tf.Variable([1., 2.]).read_value()", "tf.Variable(2.) ** 2",
    "tf.convert_to_tensor(tf.Variable([1, 2]))", "tf.Variable([[1., 2.]]) @ tf.ones([2, 1])",
    "tf.reduce_sum(tf.Variable([1., 2.]))", "str(tf.Variable(1.))", "tf.Variable(1.).value()",
    """v = tf.Variable([1., 2., 3.])
r = v[1].assign(9.)""", """v = tf.Variable([1., 2., 3.])
v.scatter_nd_update([[0]], [5.])
r = v""", "tf.Variable(1.) == 1.", "float(tf.Variable(2.5))", "int(tf.constant(3))",
    "float(tf.constant([1.]))", "bool(tf.constant(True))", "bool(tf.constant([1, 2]))",
    "tf.constant(3.).numpy()", "tf.constant([1, 2]).numpy().tolist()", "np.array(tf.constant([1., 2.]))",
    "tf.constant([[1, 2]]).numpy().dtype", "list(tf.constant([1, 2]))", "tf.constant(2.) .__index__",
    "hash(tf.Variable(1.)) is not None", "tf.constant([1, 2]).dtype.name", "tf.float32.is_floating",
    "tf.int32.max", "tf.float32.min", "tf.as_dtype('float32')", "tf.as_dtype(np.int64)", "tf.float32 == np.float32",
    "tf.constant(1.).dtype == tf.float32", "tf.dtypes.as_dtype('float64').size", "repr(tf.float32)",
    "tf.is_tensor(tf.Variable(1.))", "tf.is_tensor(1.)", "tf.constant([1.5, 2.]).__repr__()",
    "tf.constant([[1.5, 2.], [3., 4.25]])", "tf.constant(np.arange(2000.))", "tf.constant(np.arange(12.).reshape(2, 2, 3))",
    "tf.constant([1e-8, 1e8])", "tf.constant(['a', 'b'])", "tf.constant([True, False])", "tf.constant(1.23456789)",
    "tf.constant(np.float16(1.5))", "tf.constant([1, 2], tf.int64)", "tf.constant([[]], tf.float32)",
    "tf.zeros([2, 0, 3])", "tf.constant(1.5, tf.float64)", "tf.constant(np.arange(1001))",
]

KERAS = [
    "tf.keras.layers.Dense(4)(tf.ones([2, 3])).shape",
    """l = tf.keras.layers.Dense(4)
l(tf.ones([2, 3]))
r = ([w.name for w in l.weights], [w.shape for w in l.weights], l.count_params())""",
    """l = tf.keras.layers.Dense(4, use_bias=False)
l.build((None, 3))
r = (len(l.weights), l.kernel.shape)""",
    "tf.keras.layers.Dense(4)(tf.ones([3]))",
    "tf.keras.layers.Dense(4)(tf.ones([2, 5, 3])).shape",
    "tf.keras.layers.Dense(4, activation='relu').activation.__name__",
    """l = tf.keras.layers.Conv2D(filters=24, kernel_size=3)
r = (l(tf.ones([4, 38, 38, 3])).shape, l.count_params(), [w.shape for w in l.weights])""",
    "tf.keras.layers.Conv2D(8, 3, strides=2, padding='same')(tf.ones([1, 9, 9, 3])).shape",
    "tf.keras.layers.MaxPooling2D()(tf.ones([1, 9, 9, 3])).shape",
    "tf.keras.layers.MaxPool2D(3, strides=2, padding='same')(tf.ones([1, 9, 9, 3])).shape",
    "tf.keras.layers.AveragePooling2D()(tf.ones([1, 4, 4, 3])).shape",
    "tf.keras.layers.GlobalAveragePooling2D()(tf.ones([4, 7, 7, 8])).shape",
    "tf.keras.layers.Flatten()(tf.ones([2, 3, 4])).shape", "tf.keras.layers.Flatten()(tf.ones([2])).shape",
    "tf.keras.layers.Reshape((2, 6))(tf.ones([2, 3, 4])).shape",
    "tf.keras.layers.Softmax(axis=-1)(tf.constant([2., 1., 0.1]))", "tf.keras.layers.ReLU()(tf.constant([-1., 2.]))",
    "tf.keras.layers.LeakyReLU()(tf.constant([-1., 2.]))", "tf.keras.layers.LeakyReLU(alpha=0.1)(tf.constant([-1., 2.]))",
    "tf.keras.layers.LeakyReLU(negative_slope=0.1)(tf.constant([-1., 2.]))",
    "tf.keras.layers.Dropout(0.5)(tf.ones([2, 2]))", "~tf.keras.layers.Dropout(0.5)(tf.ones([2, 2]), training=True)",
    "tf.keras.layers.BatchNormalization()(tf.ones([2, 3]))",
    """l = tf.keras.layers.BatchNormalization()
l.build((None, 3))
r = ([w.name for w in l.weights], [w.trainable for w in l.weights])""",
    "tf.keras.layers.Embedding(10, 4)(tf.constant([[1, 2]])).shape",
    "tf.keras.layers.LayerNormalization()(tf.constant([[1., 2., 3.]]))",
    "tf.keras.layers.Activation('sigmoid')(tf.constant([0.]))",
    "tf.keras.layers.Add()([tf.ones([2]), tf.ones([2])])", "tf.keras.layers.Concatenate()([tf.ones([1, 2]), tf.ones([1, 3])]).shape",
    """m = tf.keras.Sequential([tf.keras.layers.Dense(3), tf.keras.layers.ReLU(), tf.keras.layers.Dense(2)])
m.build(input_shape=(4, 4))
r = ([p.name for p in m.trainable_variables], [p.shape for p in m.trainable_variables], m.count_params())""",
    """m = tf.keras.Sequential([tf.keras.layers.Dense(256, activation=tf.nn.relu), tf.keras.layers.Dense(10)])
r = m(tf.ones([100, 784])).shape""",
    """m = tf.keras.Sequential()
m.add(tf.keras.layers.Dense(8, input_dim=2))
r = (m.built, m.count_params())""",
    """m = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(2)])
r = m.output_shape""",
    """inp = tf.keras.Input(shape=(3,))
r = (inp.shape, inp.dtype)""",
    """l = tf.keras.layers.Dense(2, name='fc')
l.build((None, 3))
r = l.kernel.name""",
    "tf.keras.activations.relu(tf.constant([-1., 1.]))", "tf.keras.activations.get('tanh')(tf.constant([0.]))",
    "tf.keras.initializers.Zeros()((2,))", "tf.keras.initializers.Constant(3.)((2,))",
    "~tf.keras.initializers.GlorotUniform()((2, 3))",
]

LOSSES = [
    "tf.keras.losses.mse([[0., 1.]], [[0.5, 0.5]])", "tf.keras.losses.MSE([0., 1.], [0.5, 0.5])",
    "tf.keras.losses.mean_squared_error([[1, 0]], [[0.5, 0.5]])", "tf.losses.mse([1., 2.], [1., 1.])",
    "tf.keras.losses.mae([[0., 1.]], [[0.5, 0.]])", "tf.keras.losses.MeanSquaredError()([[0., 1.]], [[0.5, 0.5]])",
    "tf.keras.losses.MeanAbsoluteError()([[0., 1.]], [[0.5, 0.5]])",
    "tf.keras.losses.categorical_crossentropy([[0., 1.]], [[0.3, 0.7]])",
    "tf.keras.losses.categorical_crossentropy([[0., 1.]], [[1., 2.]], from_logits=True)",
    "tf.keras.losses.categorical_crossentropy([[0., 1.]], [[0., 1.]])",
    "tf.keras.losses.categorical_crossentropy([[0., 1.]], [[1., 0.]])",
    "tf.keras.losses.categorical_crossentropy([[0., 1.]], [[0.3, 0.7]], label_smoothing=0.1)",
    "tf.keras.losses.CategoricalCrossentropy(from_logits=True)([[0., 1.], [1., 0.]], [[1., 2.], [0., 3.]])",
    "tf.keras.losses.CategoricalCrossentropy()([[0., 1.]], [[0.6, 0.6]])",
    "tf.keras.losses.sparse_categorical_crossentropy([1], [[0.3, 0.7]])",
    "tf.keras.losses.sparse_categorical_crossentropy([1, 0], [[1., 2.], [3., 1.]], from_logits=True)",
    "tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)([1, 0], [[1., 2.], [3., 1.]])",
    "tf.keras.losses.SparseCategoricalCrossentropy()(tf.constant([[1], [0]]), [[0.3, 0.7], [0.6, 0.4]])",
    "tf.keras.losses.binary_crossentropy([1., 0.], [0.8, 0.1])", "tf.losses.binary_crossentropy([[1.], [0.]], [[0.8], [0.1]])",
    "tf.keras.losses.binary_crossentropy([1., 0.], [2., -1.], from_logits=True)",
    "tf.keras.losses.BinaryCrossentropy()([[1.], [0.]], [[0.8], [0.1]])",
    "tf.keras.losses.BinaryCrossentropy(from_logits=True)([[1.], [0.]], [[2.], [-1.]])",
    "tf.keras.losses.binary_crossentropy([1., 0.], [1., 0.])",
    "tf.keras.losses.Huber()([[0., 1.]], [[2., 1.]])", "tf.keras.losses.huber([[0., 1.]], [[2., 1.]])",
    "tf.keras.losses.kl_divergence([[0.5, 0.5]], [[0.9, 0.1]])", "tf.keras.losses.KLDivergence()([[0.5, 0.5]], [[0.9, 0.1]])",
    "tf.keras.losses.hinge([[1., -1.]], [[0.5, 0.5]])", "tf.keras.losses.log_cosh([[0., 1.]], [[1., 1.]])",
    "tf.keras.losses.cosine_similarity([[1., 0.]], [[1., 1.]])",
    "tf.keras.losses.MeanSquaredError(reduction='sum')([[0., 1.], [1., 1.]], [[0.5, 0.5], [1., 0.]])",
    "tf.keras.losses.MeanSquaredError(reduction='none')([[0., 1.], [1., 1.]], [[0.5, 0.5], [1., 0.]])",
    "tf.keras.losses.MeanSquaredError()([[0., 1.], [1., 1.]], [[0.5, 0.5], [1., 0.]], sample_weight=[1., 0.])",
    "tf.keras.losses.mse(tf.one_hot([1, 3], 4), tf.ones([2, 4]) * 0.5)",
    "tf.keras.losses.mse([[1, 2]], [[1., 1.]])", "tf.keras.losses.mse([[1., 2.]], [[1., 1., 1.]])",
    "tf.keras.losses.MeanSquaredError().name", "tf.keras.losses.CategoricalCrossentropy().name",
    "tf.keras.losses.get('mse')([[0., 1.]], [[0.5, 0.5]])",
]

METRICS = [
    """m = tf.metrics.Mean()
m.update_state([1., 2., 3.])
r = m.result()""", """m = tf.metrics.Mean()
r = m.result()""", """m = tf.metrics.Mean()
m.update_state([1., 2.])
m.update_state(6.)
r = m.result()""", """m = tf.metrics.Mean()
m.update_state([1., 2.])
m.reset_state()
r = m.result()""", """m = tf.metrics.Mean()
m.update_state([1., 3.], sample_weight=[1., 0.])
r = m.result()""", """m = tf.keras.metrics.Mean(name='loss')
r = (m.name, [v.name for v in m.variables])""",
    """m = tf.metrics.Accuracy()
m.update_state([1, 2, 3], [1, 2, 0])
r = m.result()""", """m = tf.metrics.Accuracy()
m.update_state(tf.argmax([0.1, 0.9]), tf.argmax([0.8, 0.2]))
r = m.result()""", """m = tf.metrics.CategoricalAccuracy()
m.update_state([[0., 1.], [1., 0.]], [[0.2, 0.8], [0.3, 0.7]])
r = m.result()""", """m = tf.metrics.SparseCategoricalAccuracy()
m.update_state([1, 0], [[0.2, 0.8], [0.3, 0.7]])
r = m.result()""", """m = tf.metrics.BinaryAccuracy()
m.update_state([1., 0.], [0.7, 0.6])
r = m.result()""", "tf.metrics.binary_accuracy([1., 0.], [0.7, 0.6])",
    "tf.keras.metrics.categorical_accuracy([[0., 1.]], [[0.2, 0.8]])",
    "tf.keras.metrics.sparse_categorical_accuracy([1], [[0.2, 0.8]])",
    """m = tf.keras.metrics.Precision()
m.update_state([0, 1, 1, 1], [1, 0, 1, 1])
r = m.result()""", """m = tf.keras.metrics.Recall()
m.update_state([0, 1, 1, 1], [1, 0, 1, 1])
r = m.result()""", """m = tf.keras.metrics.MeanSquaredError()
m.update_state([[0., 1.]], [[1., 1.]])
r = m.result()""", """m = tf.keras.metrics.Sum()
m.update_state([1., 2.])
r = m.result()""", """m = tf.keras.metrics.AUC()
m.update_state([0, 0, 1, 1], [0., 0.5, 0.3, 0.9])
r = m.result()""", """m = tf.keras.metrics.TopKCategoricalAccuracy(k=1)
m.update_state([[0., 1.]], [[0.2, 0.8]])
r = m.result()""",
]

OPTIM = [
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(learning_rate=0.1)
opt.apply_gradients([(tf.constant([1., 1.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
for _ in range(2):
    opt.apply_gradients([(tf.constant([1., 1.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
for _ in range(2):
    opt.apply_gradients([(tf.constant([1., 1.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Adam(learning_rate=0.1)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Adam(learning_rate=0.1, amsgrad=True)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.RMSprop(learning_rate=0.1)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.RMSprop(learning_rate=0.1, momentum=0.5, centered=True)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Adagrad(learning_rate=0.1)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.AdamW(learning_rate=0.1, weight_decay=0.1)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Adamax(learning_rate=0.1)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Nadam(learning_rate=0.1)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Adadelta(learning_rate=1.)
for _ in range(3):
    opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(learning_rate=0.1, clipnorm=1.)
opt.apply_gradients([(tf.constant([3., 4.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(learning_rate=0.1)
opt.apply_gradients([(tf.constant([3., 4.]), v)])
r = int(opt.iterations.numpy())""", """s = tf.keras.optimizers.schedules.ExponentialDecay(1e-4, decay_steps=100000, decay_rate=0.96, staircase=True)
r = s(200000)""", """s = tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5)
r = s(5)""", """s = tf.keras.optimizers.schedules.PiecewiseConstantDecay([10], [1., 0.5])
r = (s(5), s(15))""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(learning_rate=tf.keras.optimizers.schedules.ExponentialDecay(0.1, 1, 0.5))
opt.apply_gradients([(tf.constant([1., 1.]), v)])
opt.apply_gradients([(tf.constant([1., 1.]), v)])
r = v.numpy()""", """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(0.1)
opt.apply_gradients([(None, v)])
r = v.numpy()""", "float(tf.keras.optimizers.Adam().learning_rate)", "float(tf.keras.optimizers.SGD().learning_rate)",
    "float(tf.keras.optimizers.RMSprop().learning_rate)",
]

DATA = [
    "tf.data.Dataset.from_tensor_slices((tf.zeros([6, 28, 28]), tf.zeros([6], tf.int32)))",
    "tf.data.Dataset.from_tensor_slices([1, 2, 3])", "tf.data.Dataset.from_tensor_slices([1, 2, 3]).element_spec",
    "tf.data.Dataset.from_tensor_slices((tf.zeros([6, 28, 28]), tf.zeros([6], tf.int32))).element_spec",
    "tf.data.Dataset.from_tensor_slices({'a': [1, 2]}).element_spec",
    "list(tf.data.Dataset.from_tensor_slices([1, 2, 3]).as_numpy_iterator())",
    "list(tf.data.Dataset.range(5).batch(2).as_numpy_iterator())",
    "list(tf.data.Dataset.range(5).batch(2, drop_remainder=True).as_numpy_iterator())",
    "tf.data.Dataset.range(5).batch(2)", "tf.data.Dataset.range(5).batch(2).element_spec",
    "tf.data.Dataset.range(5).batch(2, drop_remainder=True).element_spec",
    "tf.data.Dataset.range(5)", "len(tf.data.Dataset.range(5))", "len(tf.data.Dataset.range(5).batch(2))",
    "len(tf.data.Dataset.range(5).repeat(3))", "len(tf.data.Dataset.range(5).repeat())",
    "tf.data.Dataset.range(5).cardinality()", "tf.data.Dataset.range(5).repeat().cardinality()",
    "tf.data.Dataset.range(5).filter(lambda x: x > 2).cardinality()",
    "list(tf.data.Dataset.range(5).map(lambda x: x * 2).as_numpy_iterator())",
    "tf.data.Dataset.range(5).map(lambda x: tf.cast(x, tf.float32))",
    "list(tf.data.Dataset.range(6).filter(lambda x: x % 2 == 0).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).repeat(2).as_numpy_iterator())",
    "list(tf.data.Dataset.range(10).skip(7).as_numpy_iterator())", "list(tf.data.Dataset.range(10).take(2).as_numpy_iterator())",
    "list(tf.data.Dataset.from_tensor_slices(([1, 2], [3, 4])).map(lambda a, b: a + b).as_numpy_iterator())",
    "list(tf.data.Dataset.zip((tf.data.Dataset.range(2), tf.data.Dataset.range(3))).as_numpy_iterator())",
    "list(tf.data.Dataset.range(2).concatenate(tf.data.Dataset.range(2)).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).enumerate().as_numpy_iterator())",
    "next(iter(tf.data.Dataset.range(3)))", "next(iter(tf.data.Dataset.from_tensor_slices([[1., 2.]])))",
    "next(iter(tf.data.Dataset.from_tensor_slices((np.zeros((4, 2)), np.arange(4))).batch(3)))",
    "tf.data.Dataset.from_tensor_slices((np.zeros((4, 2)), np.arange(4))).element_spec",
    "tf.data.Dataset.from_tensor_slices(np.zeros((4, 28, 28), np.uint8)).batch(2).map(lambda x: tf.cast(x, tf.float32) / 255.).element_spec",
    "sorted(list(tf.data.Dataset.range(5).shuffle(10).as_numpy_iterator()))",
    "list(tf.data.Dataset.range(7).batch(3).unbatch().as_numpy_iterator())",
    "list(tf.data.Dataset.range(4).window(2).flat_map(lambda w: w.batch(2)).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).prefetch(1).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).cache().as_numpy_iterator())",
    "tf.data.Dataset.range(3).reduce(0, lambda s, x: s + x)",
    "list(tf.data.Dataset.from_tensors([1, 2]).as_numpy_iterator())", "tf.data.Dataset.from_tensors([1, 2])",
    "list(tf.data.Dataset.range(5).padded_batch(2).as_numpy_iterator())",
    "tf.data.Dataset.from_tensor_slices([[1], [2, 3]])", "tf.data.Dataset.from_tensor_slices(([1, 2], [1]))",
    "tf.data.AUTOTUNE", "list(tf.data.Dataset.range(1, 7, 2).as_numpy_iterator())",
]

CASES = CREATION + MATH + REDUCE + SHAPE + INDEX + LINALG + NN + GRAD + VARIABLE + KERAS + LOSSES \
    + METRICS + OPTIM + DATA

EVERYDAY = [
    "[t for t in tf.constant([[1, 2], [3, 4]])]", "list(tf.constant(5))", "np.mean(tf.constant([1., 2.]))",
    "np.array([tf.constant(1.), tf.constant(2.)])", "np.square(tf.constant([2.]))", "f'{tf.constant(1.5)}'",
    "f'{tf.constant([1, 2])}'", "'%.2f' % tf.constant(1.5)", "tf.constant([1, 2]).shape[0] + 1", "tf.constant([[1.]]).T",
    "tf.constant([1.5, 2.5]).numpy().sum()", "round(tf.constant(0.123456).numpy(), 3)", "tf.constant([3, 1]).numpy().argmax()",
    "tf.reduce_sum(tf.constant([1, 2])) / 2", "tf.constant(7) // 2 * 1.0", "max(tf.constant(1.), tf.constant(2.))",
    "sum([tf.constant(1.), tf.constant(2.)])", "tf.constant([1., 2.]) * np.float32(2)", "np.float32(2) * tf.constant([1., 2.])",
    "tf.constant([1., 2.]) * np.array([2., 3.], np.float32)", "np.array([2., 3.], np.float32) + tf.constant([1., 2.])",
    "tf.constant([1., 2.]) + np.float64(1.)", "tf.constant([1, 2]) + np.int64(1)", "tf.constant(2.) > 1", "tf.constant([1., 2.]) in [1.]",
    "tf.constant(1.).shape.rank", "tf.ones([2, 3]).shape[-1]", "tf.ones([2, 3]).shape.as_list()[1:]",
    """v = tf.Variable(1.)
v.assign_add(2.)
r = v + 1""", """v = tf.Variable([1., 2.])
v = v * 2
r = v""", "tf.Variable([1., 2.]).assign([3., 4.]).numpy()", "tf.cast(tf.Variable([1.5]), tf.int32)",
    "tf.keras.layers.Dense(2)(np.ones((1, 3), np.float32)).shape", "tf.keras.layers.Dense(2)(np.ones((1, 3))).dtype",
    "tf.keras.layers.Dense(2)([[1., 2.]]).shape", "tf.nn.relu(np.array([-1., 1.]))", "tf.reduce_mean(np.array([1, 2]))",
    "tf.one_hot(np.array([1, 2], np.uint8), 3)", "tf.cast(np.array([1, 2], np.uint8), tf.float32) / 255.",
    "tf.reshape(np.arange(6), [2, 3])", "tf.concat([np.zeros((1, 2)), tf.ones([1, 2], tf.float64)], 0)",
]
CASES = CASES + EVERYDAY

# Everyday TF-2 usage, second sweep: tf.math extras, array ops with options, tf.nn, tf.image,
# tf.data pipelines, TensorShape/TensorSpec, Variables, tapes and tf.function.
MATH_MORE = [
    "tf.math.segment_sum([1, 2, 3, 4], [0, 0, 1, 1])", "tf.math.segment_mean([1., 2., 3., 4.], [0, 0, 0, 1])",
    "tf.math.segment_max([[1, 5], [3, 2], [0, 9]], [0, 0, 1])",
    "tf.math.unsorted_segment_sum([1, 2, 3, 4], [1, 0, 1, 3], num_segments=4)",
    "tf.math.unsorted_segment_max([1., 2., 3.], [0, 0, 2], 3)", "tf.math.unsorted_segment_mean([1., 2., 3.], [0, 0, 1], 2)",
    "tf.math.unsorted_segment_min([1, 2, 3], [0, 0, 2], 3)", "tf.math.unsorted_segment_prod([2., 3., 4.], [0, 0, 1], 2)",
    "tf.math.cumsum([1, 2, 3], exclusive=True)", "tf.math.cumsum([1, 2, 3], reverse=True)",
    "tf.math.cumsum([[1, 2], [3, 4]], axis=1)", "tf.math.cumsum([[1., 2.], [3., 4.]], axis=0, exclusive=True)",
    "tf.math.cumprod([1, 2, 3], exclusive=True)", "tf.math.cumprod([1., 2., 3.], reverse=True)",
    "tf.math.cumulative_logsumexp([0., 0., 0.])",
    "tf.reduce_logsumexp([[1., 2.], [3., 4.]], axis=1)", "tf.reduce_logsumexp([[0., 0.]], axis=1, keepdims=True)",
    "tf.math.top_k([3., 1., 3., 2.], k=2)", "tf.math.top_k([[1, 9, 3], [7, 2, 8]], k=1).values",
    "tf.math.top_k([1., 2.], k=0)", "tf.math.top_k([1, 5, 3, 4], k=3, sorted=True).indices",
    "tf.math.in_top_k(targets=[0, 1], predictions=[[0.9, 0.1], [0.9, 0.1]], k=1)",
    "tf.math.bincount([1, 1, 3])", "tf.math.bincount([1, 1, 3], minlength=6)", "tf.math.bincount([1, 2], maxlength=2)",
    "tf.math.bincount([0, 1, 1], weights=[0.5, 1., 2.])", "tf.math.bincount(tf.constant([], tf.int32))",
    "tf.math.confusion_matrix([0, 1, 2, 1], [0, 2, 2, 1])", "tf.math.confusion_matrix([0, 1], [1, 1], num_classes=3)",
    "tf.math.floordiv([-7, 7], 2)", "tf.math.floormod([-7, 7], [2, -2])", "tf.math.floordiv([-7., 7.5], 2.)",
    "tf.math.truncatediv([-7, 7], 2)", "tf.math.truncatemod([-7, 7], 2)", "tf.math.mod([-7, 7], 3)",
    "tf.constant([-7, 7]) % -3", "tf.constant([-7.5, 7.5]) // 2",
    "tf.math.round([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5])", "tf.round([2.4, 2.6, -2.6])", "tf.round([1, 2])",
    "tf.math.rint([-2.5, 2.5, 3.5])", "tf.math.sign([-3, 0, 2])", "tf.sign([0., -0., float('nan')])",
    "tf.math.squared_difference([1, 2], [3, 5])", "tf.math.squared_difference([1., 2.], 4.)",
    "tf.math.is_nan([float('nan'), float('inf'), 1.])", "tf.math.is_finite([float('nan'), float('inf'), 1.])",
    "tf.math.is_inf([-float('inf')])", "tf.math.is_nan([1, 2])",
    "tf.math.count_nonzero([[0, 1], [2, 0]], axis=1)", "tf.math.count_nonzero([0., 0.5, float('nan')])",
    "tf.math.count_nonzero([True, False, True])", "tf.math.count_nonzero([[1, 0]], keepdims=True)",
    "tf.reduce_all([[True, False], [True, True]], axis=1)", "tf.reduce_any([False, False])", "tf.reduce_any([])",
    "tf.math.reduce_variance([1., 2., 3., 4.])", "tf.math.reduce_std([[1., 2.], [3., 5.]], axis=1, keepdims=True)",
    "tf.math.reduce_variance([1., 2.], axis=0)",
    "tf.math.l2_normalize([[3., 4.], [0., 0.]], axis=1)", "tf.math.l2_normalize([[3., 4.], [6., 8.]], axis=0)",
    "tf.math.divide_no_nan([1., 0., -1.], [0., 0., 2.])", "tf.math.divide_no_nan(1, 0)",
    "tf.math.multiply_no_nan([float('inf'), 2.], [0., 3.])", "tf.math.xlogy([0., 1., 2.], [0., 2., 3.])",
    "tf.math.xdivy([0., 2.], [0., 4.])", "tf.math.log_sigmoid([-100., 0., 100.])",
    "tf.math.polyval([1., 2., 3.], 2.)", "tf.math.reciprocal_no_nan([0., 2.])", "tf.math.negative([1, -2])",
    "tf.math.logical_and([True, True], [True, False])", "tf.math.abs([-1, 2])", "tf.math.minimum([1, 5], [3, 2])",
    "tf.math.reduce_prod([[1., 2.], [3., 4.]], axis=0)", "tf.math.reduce_min([[1, 2], [0, 5]], axis=1, keepdims=True)",
    "tf.math.cos(tf.constant(0., tf.float64))", "tf.math.exp(tf.constant([0., 1.], tf.float64))",
    "tf.math.add_n([tf.ones([2]), tf.ones([2]), tf.ones([2])])", "tf.math.accumulate_n([[1, 2], [3, 4]])",
    "tf.math.argmax([[1, 2], [3, 0]], axis=0, output_type=tf.int32)", "tf.math.equal([1., 2.], [1., 3.])",
    "tf.math.maximum([1, 2], 3)", "tf.math.pow(2., [1., -1.])", "tf.math.sqrt([0., 16.])", "tf.math.rsqrt([4., 16.])",
    "tf.math.exp(0.)", "tf.math.log([1., float('inf')])", "tf.math.square([-3])", "tf.math.floor([-0.5, 0.5])",
    "tf.math.ceil([-0.5, 0.5])", "tf.math.softsign([2., -2.])", "tf.math.log1p([-1.])", "tf.math.sigmoid(0.)",
    "tf.math.reduce_mean([[1, 2], [3, 4]], axis=0)", "tf.math.reduce_euclidean_norm([[3., 4.], [6., 8.]], axis=1)",
    "tf.math.zeta(2., 1.)", "tf.math.lgamma([1., 2., 3.])", "tf.math.digamma([1.])", "tf.math.erfc([0.])",
    "tf.math.cumsum(tf.ones([2, 2]), axis=-1, reverse=True)",
    "tf.clip_by_norm([[3., 4.], [0., 0.]], 1., axes=[1])", "tf.clip_by_norm([0.3, 0.4], 1.)",
    "tf.linalg.global_norm([tf.constant([3.]), tf.constant([4.])])",
    "tf.clip_by_global_norm([tf.constant([3.]), tf.constant([4.])], 2.5)",
    "tf.clip_by_global_norm([tf.constant([3.]), None], 1.)",
    "tf.cast([0.5, 1.5, -0.5, -1.5, 2.5], tf.int32)", "tf.cast([1e10], tf.int32)", "tf.cast([-1.5], tf.uint8)",
    "tf.cast([1.999999], tf.float16)", "tf.cast(tf.constant([1, 2], tf.int64), tf.int32)", "tf.cast([True], tf.int64)",
    "tf.cast(tf.constant([0.1], tf.float64), tf.float32)",
    "tf.constant(7) * 1.0", "tf.constant(3) == 3.0", "tf.constant([3]) ** 2.0", "tf.constant(2.0, tf.int32)",
    "tf.Variable(1.0, dtype=tf.int32)", "tf.maximum(tf.constant(3), 1.0)", "tf.cast(1.0, tf.int32)",
    "tf.convert_to_tensor(np.float32(2.), tf.int32)", "tf.convert_to_tensor(np.float64(2.), tf.int32)",
]

ARRAY_MORE = [
    "tf.one_hot([0, 2], 3, on_value=1., off_value=0.5)", "tf.one_hot([0, 2], 3, axis=0)",
    "tf.one_hot([[0, 2], [1, 1]], 3, axis=1).shape", "tf.one_hot([0, 1], 3, on_value=True, off_value=False)",
    "tf.one_hot([0, 1], 3, on_value=1, off_value=0.)",
    "tf.gather([[1, 2, 3], [4, 5, 6]], [[2, 0], [1, 1]], batch_dims=1)",
    "tf.gather([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[1], [0]], axis=1, batch_dims=1)",
    "tf.gather_nd([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[1], [0]], batch_dims=1)",
    "tf.gather_nd([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[0, 1], [1, 0]])", "tf.gather_nd([1, 2, 3], [[0], [2]])",
    "tf.scatter_nd([[0, 0], [1, 1]], [1., 2.], [2, 2])", "tf.scatter_nd([[1]], [[1, 2]], [2, 2])",
    "tf.tensor_scatter_nd_update([[1, 2], [3, 4]], [[0, 1]], [9])",
    "tf.tensor_scatter_nd_update([[1, 2], [3, 4]], [[1]], [[7, 8]])",
    "tf.tensor_scatter_nd_add([1., 2.], [[0], [0]], [1., 1.])", "tf.tensor_scatter_nd_sub([1, 2], [[1]], [5])",
    "tf.tensor_scatter_nd_max([1, 5], [[0], [1]], [3, 3])", "tf.tensor_scatter_nd_min([1, 5], [[0], [1]], [3, 3])",
    "tf.sort([3, 1, 2], direction='DESCENDING')", "tf.argsort([3., 1., 2.], direction='DESCENDING')",
    "tf.argsort([[3, 1], [0, 5]], axis=0)", "tf.sort([2., float('nan'), 1.])", "tf.sort([[3, 1, 2]], axis=-1)",
    "tf.argsort([1, 1, 1], direction='DESCENDING', stable=True)", "tf.sort([1, 2], direction='down')",
    "tf.unique([4., 4., 1.])", "tf.unique([3, 1, 3, 2, 1]).idx", "tf.unique_with_counts([1, 1, 2])",
    "tf.unique([[1, 2]])",
    "tf.reverse([[1, 2], [3, 4]], [0, 1])", "tf.reverse([1, 2, 3], [-1])", "tf.reverse([1, 2], [1])",
    "tf.roll([0, 1, 2, 3, 4], shift=2, axis=0)", "tf.roll([0, 1, 2, 3, 4], shift=-1, axis=0)",
    "tf.roll([[1, 2, 3], [4, 5, 6]], shift=[1, -1], axis=[0, 1])", "tf.roll([1, 2, 3], shift=7, axis=0)",
    "tf.meshgrid([1, 2, 3], [4, 5])[0]", "tf.meshgrid([1, 2], [3, 4, 5], indexing='ij')[1]",
    "tf.meshgrid([1., 2.], [3., 4.], [5., 6.])[0].shape",
    "tf.repeat([1, 2, 3], 2)", "tf.repeat([[1, 2], [3, 4]], repeats=[1, 2], axis=0)",
    "tf.repeat([[1, 2], [3, 4]], 2, axis=1)", "tf.repeat([[1, 2], [3, 4]], 2)", "tf.repeat(3, 2)",
    "tf.tile([[1, 2]], [2, 1])", "tf.tile(tf.constant([[1], [2]]), tf.constant([1, 3]))",
    "tf.pad([[1, 2], [3, 4]], [[0, 0], [1, 1]], mode='REFLECT')", "tf.pad([[1, 2], [3, 4]], [[1, 0], [0, 1]], mode='SYMMETRIC')",
    "tf.pad([1, 2, 3], [[2, 2]], mode='reflect')", "tf.pad([[1.]], [[1, 1], [1, 1]], constant_values=-1.)",
    "tf.pad([1, 2], [[1, 1]], 'WRAP')",
    "tf.boolean_mask([[1, 2], [3, 4], [5, 6]], [True, False, True])",
    "tf.boolean_mask(tf.reshape(tf.range(12), [2, 3, 2]), [[True, False, True], [False, True, False]])",
    "tf.boolean_mask(tf.reshape(tf.range(12), [2, 3, 2]), [True, False, True], axis=1)",
    "tf.boolean_mask([1, 2, 3], tf.constant([1, 0, 1]) > 0)",
    "tf.sequence_mask([1, 3, 2], 5)", "tf.sequence_mask([1, 3, 2])", "tf.sequence_mask([[1, 2]], 3)",
    "tf.sequence_mask([2, 0], 3, dtype=tf.float32)", "tf.sequence_mask(2, 4)",
    "tf.range(10)[tf.constant([True, False] * 5)]", "tf.reshape(tf.range(6), [2, 3])[tf.constant([True, False])]",
    "tf.range(3)[np.array([True, False, True])]", "tf.ones([2, 2])[tf.constant([[True, False], [False, True]])]",
    "tf.constant([1, 2])[0, 0]", "tf.range(3)[True]",
    "tf.where(True)", "tf.where([[1., 0.], [0., 2.]])", "tf.where([True, False, True])",
    "tf.where(tf.constant([[True], [False]]), tf.ones([2, 3]), tf.zeros([1, 3]))",
    "tf.where([True, False], 5, tf.constant([1, 2]))",
    "tf.concat([[1]], 5)", "tf.concat([tf.constant(1)], 0)", "tf.concat([[1, 2]], -1)", "tf.concat(([1], [2, 3]), axis=0)",
    "tf.concat([[[1]], [[2]]], axis=tf.constant(0))", "tf.stack([], axis=1)", "tf.stack([1., 2.], axis=-1)",
    "tf.stack([tf.constant(1), tf.constant(2)])", "tf.stack((tf.zeros([2]), tf.ones([2])), axis=1)",
    "tf.unstack(tf.reshape(tf.range(6), [2, 3]), num=2)", "tf.split(tf.range(6), [2, 4], axis=0)[1]",
    "tf.reshape(tf.zeros([0, 3]), [0, -1]).shape", "tf.reshape(tf.zeros([0, 3]), [-1, 2]).shape",
    "tf.reshape(tf.zeros([2, 0, 3]), [-1, 0]).shape", "tf.reshape(tf.range(6), [-1])", "tf.reshape(tf.range(6), [2, -1, 3]).shape",
    "tf.expand_dims([[1, 2]], axis=1)", "tf.squeeze([[[1]]])", "tf.squeeze([[1, 2]], axis=[0])",
    "tf.shape(tf.zeros([2, 0]))", "tf.size(tf.zeros([2, 3]), out_type=tf.int64)", "tf.rank(5)",
    "tf.shape([[1, 2, 3]])", "tf.size([[]])", "tf.shape_n([tf.zeros([2]), tf.zeros([3, 1])])",
    "tf.zeros_like([[1., 2.]], dtype=tf.int32)", "tf.ones_like(tf.constant([True, False]))",
    "tf.fill([2, 2], tf.constant(1.5))", "tf.identity(tf.Variable([1, 2]))",
    "tf.linspace(0., 1., 3)[-1]", "tf.linspace([0., 1.], [1., 3.], 3)", "tf.linspace(0., 10., 5, axis=0)",
    "tf.range(3, dtype=tf.float64)", "tf.range(1.5, 4)", "tf.range(0, -3, -1)", "tf.range(tf.constant(2, tf.int64), 5)",
    "tf.eye(2, 3, dtype=tf.int32)", "tf.eye(0)", "tf.eye(2, batch_shape=[2, 1]).shape",
    "tf.searchsorted([1, 3, 5], [3], side='right')", "tf.searchsorted([[1, 3], [2, 4]], [[2], [5]])",
    "tf.strided_slice(tf.reshape(tf.range(12), [3, 4]), [0, 1], [3, 4], [2, 2])",
    "tf.slice(tf.reshape(tf.range(12), [3, 4]), tf.constant([1, 0]), [2, -1])",
    "tf.broadcast_to([[1], [2]], [2, 3])", "tf.broadcast_static_shape(tf.TensorShape([2, 1]), tf.TensorShape([1, 3]))",
    "tf.broadcast_dynamic_shape([2, 1], [1, 3])",
    "tf.convert_to_tensor(tf.Variable([1., 2.]), dtype=tf.float32)", "tf.convert_to_tensor([1, 2], dtype_hint=tf.float32)",
    "tf.convert_to_tensor([1.5], dtype_hint=tf.int32)",
]

NN_MORE = [
    "tf.nn.moments(tf.constant([1., 2., 3., 4.]), axes=[0])", "tf.nn.moments(tf.ones([2, 3, 4]), axes=[0, 1])[0].shape",
    "tf.nn.batch_normalization(tf.constant([[1., 2.], [3., 4.]]), mean=[2., 3.], variance=[1., 1.], offset=[0., 1.], scale=[2., 1.], variance_epsilon=0.)",
    "tf.nn.batch_normalization(tf.constant([1., 3.]), 2., 4., None, None, 1e-3)",
    "tf.nn.dropout(tf.ones([3]), rate=0., seed=1)", "~tf.nn.dropout(tf.ones([4, 2]), rate=0.2, noise_shape=[4, 1])",
    "tf.reduce_sum(tf.cast(tf.nn.dropout(tf.ones([1000]), rate=0.5) == 0., tf.int32)) > 300",
    "tf.reduce_max(tf.nn.dropout(tf.ones([100]), rate=0.75))",
    "tf.nn.avg_pool(tf.reshape(tf.range(16.), [1, 4, 4, 1]), 2, 2, 'VALID')",
    "tf.nn.max_pool(tf.reshape(tf.range(16.), [1, 4, 4, 1]), ksize=3, strides=1, padding='SAME').shape",
    "tf.nn.max_pool2d(tf.reshape(tf.range(16.), [1, 4, 4, 1]), 2, 2, 'VALID')",
    "tf.nn.avg_pool2d(tf.ones([1, 5, 5, 2]), 2, 2, 'SAME').shape",
    "tf.nn.avg_pool(tf.reshape(tf.range(9.), [1, 3, 3, 1]), 2, 2, 'SAME')",
    "tf.nn.max_pool1d(tf.reshape(tf.range(6.), [1, 6, 1]), 2, 2, 'VALID')",
    "tf.nn.conv1d(tf.ones([1, 5, 2]), tf.ones([3, 2, 4]), stride=1, padding='VALID')",
    "tf.nn.conv1d(tf.ones([1, 5, 2]), tf.ones([3, 2, 4]), stride=2, padding='SAME').shape",
    "tf.nn.conv2d(tf.reshape(tf.range(9.), [1, 3, 3, 1]), tf.ones([2, 2, 1, 1]), 1, 'VALID')",
    "tf.nn.conv2d(tf.ones([1, 5, 5, 1]), tf.ones([3, 3, 1, 1]), 1, 'SAME', dilations=2).shape",
    "tf.nn.conv2d(tf.ones([1, 4, 4, 1]), tf.ones([3, 3, 1, 1]), 1, [[0, 0], [1, 1], [1, 1], [0, 0]])",
    "tf.nn.depthwise_conv2d(tf.ones([1, 3, 3, 2]), tf.ones([2, 2, 2, 1]), [1, 1, 1, 1], 'VALID')",
    "tf.nn.bias_add(tf.zeros([1, 2, 2, 3]), [1., 2., 3.]).shape", "tf.nn.bias_add([[1, 2]], [1, 1])",
    "tf.nn.relu6([-6., 0., 6., 7.])", "tf.nn.elu([-100., 0.])", "tf.nn.selu([0.])", "tf.nn.silu([0., 2.])",
    "tf.nn.swish([-2.])", "tf.nn.softsign([0., 3.])", "tf.nn.log_softmax([[1., 2.], [3., 3.]], axis=0)",
    "tf.nn.log_softmax([[1., 2.], [3., 3.]], axis=-1)", "tf.nn.softmax([[1., 1.], [2., 0.]], axis=-1)",
    "tf.nn.leaky_relu([-2, 2])", "tf.nn.crelu([-1., 2.])", "tf.nn.relu(tf.constant([-1, 1], tf.int64))",
    "tf.nn.l2_normalize([[3., 4.]], axis=-1)", "tf.nn.l2_loss(tf.constant([[1., 2.], [3., 4.]]))",
    "tf.nn.softmax_cross_entropy_with_logits(labels=[[0.5, 0.5]], logits=[[1., 1.]], axis=-1)",
    "tf.nn.sparse_softmax_cross_entropy_with_logits(labels=[0], logits=[[0., 0.]])",
    "tf.nn.weighted_cross_entropy_with_logits(labels=[1., 0.], logits=[1., 1.], pos_weight=2.)",
    "tf.nn.embedding_lookup(tf.constant([[1., 2.], [3., 4.]]), [1, 0, 1])",
    "tf.nn.embedding_lookup(tf.Variable([[1., 2.], [3., 4.]]), [[1]])",
    "tf.nn.compute_average_loss([1., 2., 3.])", "tf.nn.compute_average_loss([1., 3.], global_batch_size=4)",
    "tf.nn.scale_regularization_loss(2.)", "tf.nn.in_top_k([0, 1], [[0.9, 0.1], [0.9, 0.1]], 1)",
    "tf.nn.zero_fraction([0., 1., 0., 2.])", "tf.nn.normalize_moments(2., [4.], [20.], None)",
]

IMAGE = [
    "tf.image.flip_left_right(tf.reshape(tf.range(4), [1, 2, 2, 1]))[0, :, :, 0]",
    "tf.image.flip_up_down(tf.reshape(tf.range(4), [2, 2, 1]))[:, :, 0]",
    "tf.image.resize(tf.ones([1, 4, 4, 3]), [2, 2]).shape", "tf.image.resize(tf.ones([4, 4, 1]), [8, 8]).dtype",
    "tf.image.resize(tf.reshape(tf.range(4.), [1, 2, 2, 1]), [4, 4], method='nearest')[0, :, :, 0]",
    "tf.image.resize(tf.reshape(tf.range(4.), [1, 2, 2, 1]), [4, 4])[0, :, :, 0]",
    "tf.image.per_image_standardization(tf.reshape(tf.range(8.), [2, 2, 2]))",
    "tf.image.rgb_to_grayscale(tf.ones([1, 2, 2, 3]))", "tf.image.grayscale_to_rgb(tf.ones([2, 2, 1])).shape",
    "tf.image.convert_image_dtype(tf.constant([[[0, 255]]], tf.uint8), tf.float32)",
    "tf.image.central_crop(tf.ones([4, 4, 1]), 0.5).shape", "tf.image.resize_with_crop_or_pad(tf.ones([4, 4, 1]), 2, 6).shape",
    "tf.image.adjust_brightness(tf.constant([[[0.5]]]), 0.1)", "tf.image.rot90(tf.reshape(tf.range(4), [2, 2, 1]))[:, :, 0]",
    "~tf.image.random_flip_left_right(tf.ones([2, 2, 1]), seed=1)", "tf.image.transpose(tf.zeros([2, 3, 1])).shape",
    "tf.image.crop_to_bounding_box(tf.ones([4, 4, 1]), 1, 1, 2, 2).shape", "tf.image.pad_to_bounding_box(tf.ones([2, 2, 1]), 1, 1, 4, 4)[:, :, 0]",
]

RANDOM_MORE = [
    "~tf.random.normal([2, 3], seed=1)", "~tf.random.uniform([3], 0, 10, dtype=tf.int64, seed=2)",
    "~tf.random.stateless_normal([2], seed=[1, 2])", "~tf.random.stateless_uniform([2], seed=[1, 2], minval=0, maxval=5, dtype=tf.int32)",
    "~tf.random.Generator.from_seed(1).normal([2])", "~tf.random.poisson([3], 2.)", "~tf.random.gamma([2], 1.)",
    "~tf.random.uniform([2], dtype=tf.float16)", "tf.random.uniform([2], minval=5, maxval=1, dtype=tf.int32)",
    "~tf.random.truncated_normal([2, 2], mean=1., dtype=tf.float64)", "~tf.random.categorical([[0., 0.]], 3, dtype=tf.int32)",
    "tf.random.normal([2], mean=tf.constant([1., 2.]))",
]

DATA_MORE = [
    "list(tf.data.Dataset.range(5).batch(2, drop_remainder=True).as_numpy_iterator())",
    "list(tf.data.Dataset.from_tensor_slices([[1], [2, 3]] if False else [[1, 0], [2, 3]]).padded_batch(2).as_numpy_iterator())",
    "list(tf.data.Dataset.range(1, 4).map(lambda x: tf.fill([x], x)).padded_batch(2).as_numpy_iterator())",
    "list(tf.data.Dataset.range(1, 4).map(lambda x: tf.fill([x], x)).padded_batch(2, padded_shapes=[4], padding_values=tf.constant(-1, tf.int64)).as_numpy_iterator())",
    "list(tf.data.Dataset.range(10).shard(3, 1).as_numpy_iterator())", "list(tf.data.Dataset.range(3).repeat(2).take(4).as_numpy_iterator())",
    "list(tf.data.Dataset.range(4).skip(1).take(2).as_numpy_iterator())", "list(tf.data.Dataset.range(4).take(-1).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).skip(5).as_numpy_iterator())",
    "list(tf.data.Dataset.zip((tf.data.Dataset.range(2), tf.data.Dataset.range(2, 4))).map(lambda a, b: a * b).as_numpy_iterator())",
    "list(tf.data.Dataset.zip({'a': tf.data.Dataset.range(2), 'b': tf.data.Dataset.range(2)}).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).enumerate(start=5).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).flat_map(lambda x: tf.data.Dataset.range(x)).as_numpy_iterator())",
    "list(tf.data.Dataset.range(2).interleave(lambda x: tf.data.Dataset.range(x, x + 3), cycle_length=2).as_numpy_iterator())",
    "list(tf.data.Dataset.range(2).interleave(lambda x: tf.data.Dataset.range(x, x + 4), cycle_length=2, block_length=2).as_numpy_iterator())",
    "[list(w.as_numpy_iterator()) for w in tf.data.Dataset.range(5).window(2)]",
    "list(tf.data.Dataset.range(5).window(3, shift=1, drop_remainder=True).flat_map(lambda w: w.batch(3)).as_numpy_iterator())",
    "list(tf.data.Dataset.range(6).batch(2).unbatch().batch(3).as_numpy_iterator())",
    "tf.data.Dataset.range(6).batch(4).cardinality()", "tf.data.Dataset.range(6).batch(4, drop_remainder=True).cardinality()",
    "tf.data.Dataset.range(6).skip(2).cardinality()", "tf.data.Dataset.range(6).take(10).cardinality()",
    "tf.data.Dataset.range(6).shard(4, 1).cardinality()", "tf.data.Dataset.range(6).flat_map(lambda x: tf.data.Dataset.range(x)).cardinality()",
    "tf.data.Dataset.range(2).concatenate(tf.data.Dataset.range(3)).cardinality()", "tf.data.INFINITE_CARDINALITY",
    "tf.data.UNKNOWN_CARDINALITY", "tf.data.experimental.cardinality(tf.data.Dataset.range(3))",
    "list(tf.data.Dataset.from_generator(lambda: iter([1, 2, 3]), output_signature=tf.TensorSpec(shape=(), dtype=tf.int32)).as_numpy_iterator())",
    "tf.data.Dataset.from_generator(lambda: iter([[1., 2.]]), output_signature=tf.TensorSpec(shape=(2,), dtype=tf.float32)).element_spec",
    "list(tf.data.Dataset.from_generator(lambda: ((i, i * 2) for i in range(2)), output_signature=(tf.TensorSpec((), tf.int64), tf.TensorSpec((), tf.int64))).as_numpy_iterator())",
    "tf.data.Dataset.range(5).reduce(tf.constant(0, tf.int64), lambda s, x: s + x)",
    "tf.data.Dataset.range(4).reduce(np.int64(0), lambda s, x: s + x)",
    "list(tf.data.Dataset.range(4).map(lambda x: (x, x % 2)).filter(lambda a, b: b == 0).as_numpy_iterator())",
    "tf.data.Dataset.range(3).map(lambda x: {'x': x}).element_spec",
    "tf.data.Dataset.from_tensor_slices(tf.zeros([4, 2])).batch(3).element_spec",
    "tf.data.Dataset.from_tensors(tf.zeros([3, 2])).element_spec", "tf.data.Dataset.range(3).element_spec",
    "list(tf.data.Dataset.range(3).map(lambda x: x + 1, num_parallel_calls=tf.data.AUTOTUNE).as_numpy_iterator())",
    "list(tf.data.Dataset.range(4).batch(2).map(lambda x: tf.reduce_sum(x)).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).cache().repeat(2).as_numpy_iterator())",
    "len(list(tf.data.Dataset.range(10).shuffle(4, seed=1).batch(3)))",
    "list(tf.data.Dataset.range(3).take_while(lambda x: x < 2).as_numpy_iterator())",
    "list(tf.data.Dataset.range(5).rebatch(2).as_numpy_iterator()) if hasattr(tf.data.Dataset, 'rebatch') else None",
    "list(tf.data.Dataset.range(4).apply(lambda ds: ds.map(lambda x: x * 10)).as_numpy_iterator())",
    "list(tf.data.Dataset.from_tensor_slices({'a': [1, 2], 'b': [3., 4.]}).batch(2).as_numpy_iterator())",
    "[x.numpy() for x in tf.data.Dataset.range(3)]", "tf.data.Dataset.range(0).cardinality()",
    "list(tf.data.Dataset.range(5).unique().as_numpy_iterator()) if hasattr(tf.data.Dataset, 'unique') else None",
    "list(tf.data.Dataset.from_tensor_slices([1, 1, 2]).unique().as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).scan(tf.constant(0, tf.int64), lambda s, x: (s + x, s + x)).as_numpy_iterator())",
    "list(tf.data.Dataset.range(6).batch(2).prefetch(tf.data.AUTOTUNE).as_numpy_iterator())",
    "list(tf.data.Dataset.range(4).map(lambda x: tf.cast(x, tf.float32) / 2.).as_numpy_iterator())",
]

SHAPES_SPECS = [
    "tf.TensorShape([2, 3]).rank", "tf.TensorShape([None, 3]).is_fully_defined()", "tf.TensorShape([2, None]).as_list()",
    "tf.TensorShape([2, 3]).merge_with([None, 3])", "tf.TensorShape([2, 3]).is_compatible_with([2, None])",
    "tf.TensorShape([2, 3]).concatenate([4])", "tf.TensorShape([2, 3]) == tf.TensorShape([2, 3])",
    "tf.TensorShape([None]) == tf.TensorShape([None])", "tf.TensorShape([2, 3])[0]", "tf.TensorShape([2, 3])[-1:]",
    "len(tf.TensorShape([2, 3, 4]))", "tf.TensorShape([]).rank", "str(tf.TensorShape([None, 3]))",
    "tf.TensorShape([1, 2]).num_elements()", "tf.TensorShape([None, 2]).num_elements()", "list(tf.TensorShape([2, 3]))",
    "tf.TensorShape(None).rank", "tf.TensorShape([2]).with_rank(1)", "tf.TensorShape([2, 3]).with_rank(1)",
    "tf.TensorSpec(shape=(None, 3), dtype=tf.float32)", "tf.TensorSpec([2], tf.int32).shape",
    "tf.TensorSpec([2], tf.int32).dtype", "tf.TensorSpec([None, 2]).is_compatible_with(tf.zeros([5, 2]))",
    "tf.TensorSpec([None, 2]).is_compatible_with(tf.zeros([5, 3]))", "tf.TensorSpec(shape=[2], name='x').name",
    "tf.TensorSpec([2]) == tf.TensorSpec([2], tf.float32)", "tf.TensorSpec.from_tensor(tf.zeros([2, 2], tf.int32))",
    "tf.keras.Input(shape=(3,)).shape", "tf.keras.Input(shape=(None, 4), batch_size=2).shape",
    "tf.keras.Input(shape=(3,)).shape[-1]", "tf.keras.Input(shape=(3,)).dtype",
    "tf.keras.layers.Dense(4)(tf.keras.Input(shape=(3,))).shape",
]

VARIABLE_MORE = [
    "tf.Variable(1.).name", "tf.Variable(1., name='w').name", "tf.Variable([1, 2]).trainable",
    "tf.Variable(1., trainable=False).trainable", "tf.Variable([1., 2.]).shape", "tf.Variable([1., 2.]).dtype",
    "tf.Variable([1., 2.], dtype=tf.float64).dtype", "tf.Variable(tf.zeros([2, 2])).numpy()",
    "tf.Variable(lambda: tf.ones([2])).numpy()", "tf.Variable(1., constraint=lambda x: x).constraint is not None",
    """v = tf.Variable([1., 2.])
r = v.read_value()""", """v = tf.Variable([1., 2.])
x = v.read_value()
v.assign([5., 6.])
r = x""", """v = tf.Variable([1., 2.])
x = tf.convert_to_tensor(v)
v.assign([5., 6.])
r = x""", """v = tf.Variable([1., 2.])
r = v.assign([3., 4.], read_value=False)""", """v = tf.Variable([1., 2.])
r = v.assign_sub([1., 1.]).numpy()""",
    """v = tf.Variable([1., 2.])
r = v.assign([1., 2., 3.])""", """v = tf.Variable([1., 2.])
r = v.assign(tf.constant([1., 2.], tf.float64))""", """v = tf.Variable(3)
v.assign_add(2)
r = v.numpy()""",
    """v = tf.Variable([1., 2., 3.])
v[1].assign(9.)
r = v.numpy()""", """v = tf.Variable([1., 2., 3.])
v[0:2].assign([5., 6.])
r = v.numpy()""", """v = tf.Variable([1., 2., 3.])
r = v[::2].assign([7., 8.])""", """v = tf.Variable([[1, 2], [3, 4]])
v[:, 1].assign([7, 8])
r = v.numpy()""", """v = tf.Variable([[1, 2], [3, 4]])
v[1, 1].assign(0)
r = v.numpy()""", """v = tf.Variable([1., 2., 3.])
r = v[0:2].assign(1.)""", """v = tf.Variable([1., 2., 3.])
r = v[0:2].assign(tf.constant([1., 2.], tf.float64))""", """v = tf.Variable([1., 2., 3.])
r = v[tf.constant(1)].assign(4.)""",
    "tf.constant([1., 2.])[0].assign(1.)", "hasattr(tf.Variable([1.])[0], 'assign')", "hasattr(tf.constant([1.])[0], 'assign')",
    """v = tf.Variable([1., 2.])
r = v[0]""", """v = tf.Variable([1., 2.])
r = v * 2 + 1""", """v = tf.Variable([1., 2.])
r = tf.reduce_sum(v)""", """v = tf.Variable(2.)
r = (v > 1., float(v), int(v))""",
    "isinstance(tf.Variable(1.), tf.Variable)", "isinstance(tf.constant(1.), tf.Variable)",
    "isinstance(tf.convert_to_tensor(tf.Variable(1.)), tf.Variable)", "tf.is_tensor(tf.Variable(1.))",
]

GRAD_MORE = [
    """x = tf.constant(3.)
with tf.GradientTape() as t:
    t.watch(x)
    y = x * x
r = t.gradient(y, x)""", """x = tf.constant(3.)
with tf.GradientTape() as t:
    y = x * x
r = t.gradient(y, x)""", """x = tf.Variable(3.)
with tf.GradientTape() as t:
    y = tf.constant(2.)
r = t.gradient(y, x)""", """x = tf.Variable(3.)
with tf.GradientTape() as t:
    y = tf.constant(2.)
r = t.gradient(y, x, unconnected_gradients=tf.UnconnectedGradients.ZERO)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = x * [3., 4.]
r = t.gradient(y, x)""", """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.reduce_sum(x ** 2)
r = t.gradient(y, x, output_gradients=tf.constant(2.))""",
    """x = tf.Variable(2.)
with tf.GradientTape() as t2:
    with tf.GradientTape() as t1:
        y = x ** 3
    g = t1.gradient(y, x)
r = (g, t2.gradient(g, x))""", """x = tf.Variable(2.)
with tf.GradientTape(persistent=True) as t:
    y = x * x
    z = y * x
r = (t.gradient(y, x), t.gradient(z, x))""",
    """x = tf.Variable(2.)
with tf.GradientTape() as t:
    with t.stop_recording():
        y = x * x
    z = x * 3.
r = t.gradient(z, x)""", """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.stop_gradient(x) * x
r = t.gradient(y, x)""",
    """a = tf.Variable(1.)
b = tf.Variable(2.)
with tf.GradientTape() as t:
    y = a * b
r = t.gradient(y, [a, b])""", """a = tf.Variable(1.)
b = tf.Variable(2.)
with tf.GradientTape() as t:
    y = a * b
r = t.gradient(y, {'a': a, 'b': b})""",
    """x = tf.Variable([[1., 2.], [3., 4.]])
with tf.GradientTape() as t:
    y = tf.gather(x, [1, 1])
r = tf.convert_to_tensor(t.gradient(y, x))""", """x = tf.Variable([1., 2., 3.])
with tf.GradientTape() as t:
    y = tf.reduce_max(x)
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2., 3.])
with tf.GradientTape() as t:
    y = x[1:] * 2
r = t.gradient(y, x)""", """x = tf.Variable([-1., 0., 2.])
with tf.GradientTape() as t:
    y = tf.nn.relu(x)
r = t.gradient(y, x)""", """x = tf.Variable([1., 4.])
with tf.GradientTape() as t:
    y = tf.sqrt(x)
r = t.gradient(y, x)""", """x = tf.Variable([0., 1.])
with tf.GradientTape() as t:
    y = tf.abs(x)
r = t.gradient(y, x)""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.where(x > 1., x * 2, x * 3)
r = t.gradient(y, x)""", """x = tf.Variable(1, dtype=tf.int32)
with tf.GradientTape() as t:
    y = x * 2
r = t.gradient(y, x)""", """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = tf.cast(x, tf.int32)
r = t.gradient(y, x)""",
    """x = tf.Variable([3., 4.])
with tf.GradientTape() as t:
    y = tf.norm(x)
r = t.gradient(y, x)""", """x = tf.Variable([1., 2.])
with tf.GradientTape(watch_accessed_variables=False) as t:
    y = x * x
r = t.gradient(y, x)""", """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = x * x
r = t.watched_variables()[0] is x""",
    """x = tf.Variable([1., 2.])
with tf.GradientTape() as t:
    y = x * x
r = t.jacobian(y, x)""", """x = tf.Variable([[1., 2.]])
with tf.GradientTape() as t:
    y = x * 3.
r = t.batch_jacobian(y, x) if hasattr(t, 'batch_jacobian') else None""",
    """x = tf.constant([1., 2.])
with tf.GradientTape() as t:
    t.watch(x)
    y = tf.reduce_mean(tf.math.log(x))
r = t.gradient(y, x)""",
]

FUNCTION = [
    """@tf.function
def f(x):
    return x * 2 + 1
r = f(tf.constant([1., 2.]))""", """@tf.function
def f(x):
    return x * 2
r = f(3)""", """@tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
def f(x):
    return tf.reduce_sum(x)
r = f(tf.constant([1., 2., 3.]))""",     """v = tf.Variable(1.)
@tf.function
def f():
    v.assign_add(1.)
    return v.read_value()
f()
r = f()""", """@tf.function
def f(x):
    return x
r = f(tf.constant(1)).dtype""", """def f(x):
    return x + 1
g = tf.function(f)
r = g(tf.constant(1))""",
    """@tf.function(reduce_retracing=True)
def f(x):
    return x + 1
r = f(tf.constant(1))""", """@tf.function
def f(x):
    return {'a': x, 'b': x * 2}
r = f(tf.constant(1.))""",
    """x = tf.Variable(2.)
@tf.function
def step():
    with tf.GradientTape() as t:
        y = x * x
    return t.gradient(y, x)
r = step()""", "tf.executing_eagerly()",
]

KERAS_MORE = [
    "tf.keras.utils.to_categorical([0, 2, 1])", "tf.keras.utils.to_categorical([1, 0], num_classes=4)",
    "tf.keras.utils.to_categorical(np.array([[1], [2]]), 3).shape",
    "tf.keras.utils.normalize(np.array([[3., 4.]]))",
    "tf.keras.backend.floatx()", "tf.keras.backend.epsilon()",
    "tf.keras.backend.clear_session()",
    """l = tf.keras.layers.Dense(2, kernel_initializer='ones', bias_initializer='zeros')
r = l(tf.constant([[1., 2., 3.]]))""", """l = tf.keras.layers.Dense(2, use_bias=False, kernel_initializer='ones', activation='relu')
r = l(tf.constant([[1., -2.]]))""", """l = tf.keras.layers.Dense(1)
l.build((None, 2))
l.set_weights([np.array([[1.], [2.]], np.float32), np.array([0.5], np.float32)])
r = l(tf.constant([[1., 1.]]))""",
    """l = tf.keras.layers.Conv2D(1, 2, kernel_initializer='ones', use_bias=False)
r = l(tf.reshape(tf.range(9.), [1, 3, 3, 1]))[0, :, :, 0]""", """l = tf.keras.layers.Conv2D(4, 3, padding='same', strides=2)
r = l(tf.ones([1, 5, 5, 2])).shape""", """l = tf.keras.layers.Conv1D(2, 3, kernel_initializer='ones', bias_initializer='ones')
r = l(tf.ones([1, 4, 1]))""",
    "tf.keras.layers.MaxPooling2D()(tf.reshape(tf.range(16.), [1, 4, 4, 1]))[0, :, :, 0]",
    "tf.keras.layers.AveragePooling2D(2)(tf.reshape(tf.range(16.), [1, 4, 4, 1]))[0, :, :, 0]",
    "tf.keras.layers.GlobalAveragePooling2D()(tf.reshape(tf.range(8.), [1, 2, 2, 2]))",
    "tf.keras.layers.GlobalMaxPooling1D()(tf.reshape(tf.range(6.), [1, 3, 2]))",
    "tf.keras.layers.Flatten()(tf.ones([2, 3, 4])).shape", "tf.keras.layers.Reshape((2, 3))(tf.ones([1, 6])).shape",
    "tf.keras.layers.Reshape((-1, 2))(tf.ones([1, 6])).shape", "tf.keras.layers.Permute((2, 1))(tf.ones([1, 2, 3])).shape",
    "tf.keras.layers.RepeatVector(3)(tf.ones([1, 2])).shape", "tf.keras.layers.ZeroPadding2D(1)(tf.ones([1, 2, 2, 1])).shape",
    "tf.keras.layers.Cropping2D(1)(tf.ones([1, 4, 4, 1])).shape", "tf.keras.layers.UpSampling2D()(tf.reshape(tf.range(4.), [1, 2, 2, 1]))[0, :, :, 0]",
    "tf.keras.layers.Multiply()([tf.constant([2.]), tf.constant([3.])])", "tf.keras.layers.Subtract()([tf.constant([2.]), tf.constant([3.])])",
    "tf.keras.layers.Average()([tf.constant([2.]), tf.constant([3.])])", "tf.keras.layers.Maximum()([tf.constant([2.]), tf.constant([3.])])",
    "tf.keras.layers.Dot(axes=1)([tf.constant([[1., 2.]]), tf.constant([[3., 4.]])])",
    "tf.keras.layers.ReLU(max_value=1.)(tf.constant([-1., 0.5, 2.]))", "tf.keras.layers.ELU()(tf.constant([-1., 1.]))",
    "tf.keras.layers.Activation('softmax')(tf.constant([[1., 1.]]))", "tf.keras.layers.Lambda(lambda x: x * 2)(tf.constant([1.]))",
    "tf.keras.layers.Rescaling(1. / 255)(tf.constant([255.]))", "tf.keras.layers.Rescaling(2., offset=1.)(tf.constant([1.]))",
    "tf.keras.layers.LayerNormalization(epsilon=0.)(tf.constant([[1., 3.]]))",
    "tf.keras.layers.BatchNormalization()(tf.constant([[1., 3.], [3., 5.]]), training=True)",
    "tf.keras.layers.Embedding(3, 2, embeddings_initializer='ones')(tf.constant([0, 2]))",
    "tf.keras.layers.Dropout(0.5)(tf.ones([2]), training=False)", "tf.keras.layers.GaussianNoise(1.)(tf.ones([2]))",
    "tf.keras.activations.softmax(tf.constant([[1., 2.]]))", "tf.keras.activations.sigmoid(tf.constant([0.]))",
    "tf.keras.activations.linear(tf.constant([1.]))", "tf.keras.activations.elu(tf.constant([-1.]))",
    "tf.keras.activations.get('relu')(tf.constant([-1., 1.]))", "tf.keras.activations.serialize(tf.keras.activations.relu)",
    "tf.keras.initializers.Ones()((2,))", "tf.keras.initializers.Identity()((2, 2))", "tf.keras.initializers.get('zeros')((1,))",
    "tf.keras.regularizers.l2(0.1)(tf.constant([1., 2.]))", "tf.keras.regularizers.l1(0.1)(tf.constant([-1., 2.]))",
    "tf.keras.regularizers.L1L2(l1=0.1, l2=0.1)(tf.constant([1.]))",
    "tf.keras.losses.MeanAbsolutePercentageError()([[1., 2.]], [[2., 2.]])", "tf.keras.losses.Hinge()([[1., -1.]], [[0.5, 0.5]])",
    "tf.keras.losses.CosineSimilarity()([[1., 0.]], [[1., 1.]])", "tf.keras.losses.Poisson()([[1., 1.]], [[1., 2.]])",
    "tf.keras.losses.BinaryCrossentropy(label_smoothing=0.1)([[1.]], [[0.9]])",
    "tf.keras.losses.CategoricalHinge()([[0., 1.]], [[0.3, 0.7]])", "tf.keras.losses.SquaredHinge()([[1., -1.]], [[0.5, 0.5]])",
    "tf.keras.losses.LogCosh()([[0., 1.]], [[1., 1.]])", "tf.keras.losses.Huber(delta=0.5)([[0.]], [[2.]])",
    """m = tf.keras.metrics.MeanAbsoluteError()
m.update_state([[1., 2.]], [[2., 2.]])
r = m.result()""", """m = tf.keras.metrics.RootMeanSquaredError()
m.update_state([[1., 2.]], [[3., 2.]])
r = m.result()""", """m = tf.keras.metrics.SparseTopKCategoricalAccuracy(k=2)
m.update_state([2], [[0.1, 0.5, 0.4]])
r = m.result()""", """m = tf.keras.metrics.BinaryAccuracy(threshold=0.7)
m.update_state([1., 0.], [0.6, 0.6])
r = m.result()""", """m = tf.keras.metrics.Mean()
m(2.)
r = m(4.)""", """m = tf.keras.metrics.CategoricalCrossentropy()
m.update_state([[0., 1.]], [[0.5, 0.5]])
r = m.result()""",
    """m = tf.keras.Sequential([tf.keras.layers.Dense(2, kernel_initializer='ones', input_shape=(3,))])
r = m.predict(np.ones((2, 3)), verbose=0)""", """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.evaluate(np.ones((2, 3)), np.zeros((2, 2)), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse', metrics=['mae'])
r = m.evaluate(np.ones((2, 3)), np.zeros((2, 2)), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')
h = m.fit(np.ones((4, 3)), np.zeros((4, 2)), epochs=2, batch_size=2, verbose=0)
r = (sorted(h.history), len(h.history['loss']), m.layers[0].kernel.numpy())""",
    """inp = tf.keras.Input((2,))
out = tf.keras.layers.Dense(1, kernel_initializer='ones')(inp)
m = tf.keras.Model(inp, out)
r = (m(tf.constant([[1., 2.]])), len(m.layers), m.count_params())""",
]

CASES = CASES + MATH_MORE + ARRAY_MORE + NN_MORE + IMAGE + RANDOM_MORE + DATA_MORE + SHAPES_SPECS \
    + VARIABLE_MORE + GRAD_MORE + FUNCTION + KERAS_MORE
CASES = list(dict.fromkeys(CASES))  # the sweeps overlap a little; each case runs once

IMAGE_MORE = [
    "tf.image.resize(tf.reshape(tf.range(12.), [1, 3, 4, 1]), [6, 8])[0, :, :, 0]",
    "tf.image.resize(tf.reshape(tf.range(12.), [1, 3, 4, 1]), [2, 3])[0, :, :, 0]",
    "tf.image.resize(tf.reshape(tf.range(12.), [1, 3, 4, 1]), [5, 7])[0, :, :, 0]",
    "tf.image.resize(tf.reshape(tf.range(12.), [3, 4, 1]), [3, 2], method='nearest')[:, :, 0]",
    "tf.image.resize(tf.reshape(tf.range(12.), [3, 4, 1]), [5, 7], method='nearest')[:, :, 0]",
    "tf.image.resize(tf.constant([[[1], [2]]], tf.uint8), [2, 2])",
    "tf.image.resize(tf.constant([[[1], [2]]], tf.uint8), [2, 2], method='nearest')",
    "tf.image.resize(tf.ones([2, 5, 5, 3]), (3, 3), method=tf.image.ResizeMethod.BILINEAR).shape",
    "tf.image.resize(tf.ones([4, 6, 1]), [4, 4], preserve_aspect_ratio=True).shape",
    "tf.image.per_image_standardization(tf.constant([[[1], [2]]], tf.uint8))",
    "tf.image.per_image_standardization(tf.ones([2, 2, 2, 1]))",
    "tf.image.convert_image_dtype(tf.constant([0.5, 1.0]), tf.uint8)",
    "tf.image.convert_image_dtype(tf.constant([255], tf.uint8), tf.float32)",
    "tf.image.convert_image_dtype(tf.constant([1000], tf.int32), tf.uint8)",
    "tf.image.convert_image_dtype(tf.constant([2, 255], tf.uint8), tf.int32)",
    "tf.image.convert_image_dtype(tf.constant([1.5, -0.5]), tf.uint8, saturate=True)",
    "tf.image.rgb_to_grayscale(tf.constant([[[1., 2., 3.]]]))",
    "tf.image.rgb_to_grayscale(tf.constant([[[10, 200, 30]]], tf.uint8))",
    "tf.image.adjust_brightness(tf.constant([[[1]]], tf.uint8), 0.1)",
    "tf.image.rot90(tf.reshape(tf.range(6), [1, 2, 3, 1]), k=3)[0, :, :, 0]",
    "tf.image.rot90(tf.reshape(tf.range(6), [2, 3, 1]), k=2)[:, :, 0]",
    "tf.image.flip_left_right(tf.reshape(tf.range(6), [2, 3, 1]))[:, :, 0]",
    "tf.image.flip_up_down(tf.reshape(tf.range(8), [2, 2, 2, 1]))[:, :, :, 0]",
    "tf.image.resize_with_crop_or_pad(tf.reshape(tf.range(16), [4, 4, 1]), 3, 5)[:, :, 0]",
    "tf.image.central_crop(tf.reshape(tf.range(25), [5, 5, 1]), 0.6)[:, :, 0]",
    "tf.image.crop_to_bounding_box(tf.ones([4, 4, 1]), 3, 3, 2, 2)",
    "tf.image.flip_left_right(tf.ones([2]))",
    "~tf.image.random_flip_up_down(tf.ones([3, 2, 2, 1]))",
]
DATA_EXTRA = [
    "tf.data.Dataset.range(3).scan(tf.constant(0, tf.int64), lambda s, x: (s + x, s * 2)).element_spec",
    "list(tf.data.Dataset.from_tensor_slices(([1, 2], [3, 4])).scan(0, lambda s, a, b: (s + a, s + b)).as_numpy_iterator())",
    "list(tf.data.Dataset.from_tensor_slices(([1, 2], [3, 4])).scan(0, lambda s, ab: (s + ab[0], s + ab[1])).as_numpy_iterator())",
    "list(tf.data.Dataset.range(3).scan(0., lambda s, x: (s + 1., (s, x))).as_numpy_iterator())",
    "tf.data.Dataset.from_tensor_slices([3, 1, 3]).unique().cardinality()",
    "list(tf.data.Dataset.from_tensor_slices([3., 1., 3.]).unique().as_numpy_iterator())",
]
CASES = list(dict.fromkeys(CASES + IMAGE_MORE + DATA_EXTRA))
CASES = list(dict.fromkeys(CASES + [
    "tf.keras.layers.Rescaling(1. / 255)(tf.constant([[0, 255]], tf.uint8))",
    "tf.keras.layers.Rescaling([1., 2.], offset=-1.)(tf.constant([[1., 1.]]))",
    "tf.keras.layers.GaussianNoise(0.5)(tf.ones([2]), training=False)",
    "~tf.keras.layers.GaussianNoise(0.5)(tf.ones([2, 2]), training=True)",
    "~tf.keras.layers.GaussianDropout(0.5)(tf.ones([2, 2]), training=True)",
    "tf.keras.layers.GaussianDropout(0.5)(tf.ones([2]))",
    "tf.keras.layers.Rescaling(0.5).get_config()['scale']",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Rescaling(2.), tf.keras.layers.Dense(1, kernel_initializer='ones')])
r = m(tf.constant([[1., 2.]]))""",
]))

FRAMEWORK_EXTRA = [
    "tf.cond(tf.constant(True), lambda: 1, lambda: 2)", "tf.cond(False, lambda: tf.constant(1.), lambda: tf.constant(2.))",
    "tf.cond(tf.constant(3) > 2, lambda: (tf.constant(1), tf.constant(2)), lambda: (tf.constant(3), tf.constant(4)))",
    "tf.while_loop(lambda i: i < 3, lambda i: [i + 1], [0])",
    "tf.while_loop(lambda i, s: i < 3, lambda i, s: (i + 1, s + i), (tf.constant(0), tf.constant(10)))",
    "tf.while_loop(lambda i: i < 3, lambda i: (i + 1,), (0,))",
    "tf.while_loop(lambda i: i < 100, lambda i: (i + 1,), (0,), maximum_iterations=5)",
    "tf.map_fn(lambda x: x * 2, tf.constant([1, 2, 3]))", "tf.map_fn(lambda x: tf.reduce_sum(x), tf.ones([2, 3]))",
    "tf.map_fn(lambda x: tf.cast(x, tf.float32), tf.constant([1, 2]), fn_output_signature=tf.float32)",
    "tf.map_fn(lambda x: (x, x * 2), tf.constant([1, 2]), fn_output_signature=(tf.int32, tf.int32))",
    "tf.switch_case(tf.constant(1), [lambda: 10, lambda: 20])", "tf.switch_case(tf.constant(5), {0: lambda: 1}, default=lambda: -1)",
    "tf.switch_case(tf.constant(7), [lambda: 10, lambda: 20])", "tf.switch_case(1, [lambda: 10, lambda: 20])",
    "tf.case([(tf.constant(False), lambda: 1), (tf.constant(True), lambda: 2)], default=lambda: 3)",
    "tf.case([(tf.constant(False), lambda: 1)], default=lambda: 3)",
    "tf.py_function(lambda x: x * 2, [tf.constant(3.)], tf.float32)",
    "tf.py_function(lambda x, y: (x + y, x - y), [1, 2], [tf.int32, tf.int32])",
    "tf.numpy_function(lambda x: x * 2, [np.array([1., 2.], np.float32)], tf.float32)",
    "tf.ensure_shape(tf.zeros([2, 3]), [None, 3]).shape", "tf.ensure_shape(tf.zeros([2, 3]), [None, 4])",
    "tf.group(tf.constant(1))",
    """with tf.name_scope('outer') as s:
    r = s""", """with tf.device('/CPU:0'):
    r = tf.constant(1) + 1""", """with tf.control_dependencies([tf.constant(1)]):
    r = tf.constant(2)""", "tf.get_logger().name",
    "tf.config.list_physical_devices('GPU')", "tf.config.list_physical_devices('CPU')",
    "tf.config.list_physical_devices()", "tf.config.list_logical_devices('CPU')", "tf.config.functions_run_eagerly()",
    "tf.config.experimental.list_physical_devices('GPU')", "tf.config.get_visible_devices('GPU')",
    "tf.config.run_functions_eagerly(False)", "tf.config.threading.get_inter_op_parallelism_threads()",
    "tf.config.experimental.enable_op_determinism()",
    "tf.debugging.assert_equal(tf.constant(1), 1)", "tf.debugging.assert_equal(tf.constant([1, 2]), [1, 3])",
    "tf.debugging.check_numerics(tf.constant([1., float('nan')]), 'bad')", "tf.debugging.check_numerics(tf.constant([1.]), 'ok')",
    "tf.debugging.assert_positive(tf.constant([-1.]))", "tf.debugging.assert_positive(tf.constant([1.]))",
    "tf.debugging.assert_type(tf.constant(1.), tf.float32)", "tf.debugging.assert_type(tf.constant(1.), tf.int32)",
    "tf.debugging.assert_rank(tf.zeros([2]), 2)", "tf.debugging.assert_rank(tf.zeros([2]), 1)",
    "tf.debugging.assert_less(tf.constant([2]), 3)", "tf.debugging.assert_less(tf.constant([2]), 1)",
    "tf.debugging.assert_near(tf.constant(1.), 1.0000001)", "tf.debugging.assert_near(tf.constant(1.), 1.1)",
    "tf.debugging.assert_greater_equal(tf.constant([1, 2]), 1)", "tf.debugging.assert_non_negative(tf.constant([-1]))",
    "tf.debugging.is_numeric_tensor(tf.constant(1.))", "tf.debugging.set_log_device_placement(False)",
    """class M(tf.Module):
    def __init__(self):
        super().__init__(name='m')
        self.w = tf.Variable(1., name='w')
        self.b = tf.Variable(2., trainable=False, name='b')
        self.sub = tf.Module(name='s')
        self.sub.v = tf.Variable([3.], name='v')
        self.lst = [tf.Variable(4., name='l')]
m = M()
r = (m.name, [v.name for v in m.trainable_variables], [v.name for v in m.variables], len(m.submodules), m.name_scope.name)""",
    """class Dense(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(tf.ones([2, 1]))
    def __call__(self, x):
        return x @ self.w
d = Dense()
r = (d.name, d(tf.constant([[1., 2.]])), len(d.trainable_variables))""",
    """ta = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
for i in range(3):
    ta = ta.write(i, tf.constant(float(i)))
r = (ta.stack(), ta.size(), ta.read(1))""", """ta = tf.TensorArray(tf.int32, size=2)
ta = ta.write(0, [1, 2]).write(1, [3, 4])
r = (ta.stack(), ta.concat(), ta.gather([1]))""", "tf.TensorArray(tf.float32, size=3).unstack([1., 2., 3.]).read(2)",
    """ta = tf.TensorArray(tf.float32, size=1)
r = ta.write(3, 1.)""",
    "tf.constant_initializer(3.)([2])", "tf.ones_initializer()([2], tf.int32)", "tf.zeros_initializer()([1])",
    "~tf.random_normal_initializer(seed=1)([2])", "~tf.random_uniform_initializer(0, 1)([2])",
    "tf.constant([1 / 3], tf.float64)", "tf.convert_to_tensor([[0.1, 0.2]], tf.float64)", "tf.Variable([1 / 3], dtype=tf.float64)",
    "tf.constant([1 / 3], tf.float16)",
]
CASES = list(dict.fromkeys(CASES + FRAMEWORK_EXTRA))
CASES = [c.replace("tf.random.normal([2], mean=tf.constant([1., 2.]))",
                   "~tf.random.normal([2], mean=tf.constant([1., 2.]))") for c in CASES]
CASES = list(dict.fromkeys(CASES + [
    "tf.linspace([0., 1.], [1., 3.], 3, axis=1)", "tf.linspace(0., [1., 3.], 2)",
    "tf.linspace([0.], 1., 4, axis=-1)", "tf.linspace([0, 1], [1, 3], 3)", "tf.linspace([0., 1.], [1., 3.], 1)",
    "tf.linspace([0., 1.], [1., 3.], 0)", "tf.linspace([[0.], [1.]], [2., 4.], 5, axis=-1)",
]))

from tf_audit_cases_keras import KERAS_ALL  # noqa: E402 - the Keras everyday-usage sweep
CASES = list(dict.fromkeys(CASES + KERAS_ALL))

from tf_audit_cases_runtime import RUNTIME_ALL  # noqa: E402 - tf.data, variables, tapes, ...
CASES = list(dict.fromkeys(CASES + RUNTIME_ALL))

from tf_audit_cases_extras import EXTRAS_ALL  # noqa: E402 - image/nn/top-level extras
CASES = list(dict.fromkeys(CASES + EXTRAS_ALL))

from tf_audit_cases_strings import STRINGS_ALL  # noqa: E402 - string tensors and tf.strings
CASES = list(dict.fromkeys(CASES + STRINGS_ALL))

from tf_audit_cases_core import CORE_ALL  # noqa: E402 - core tensor API: dtypes, errors, ops
CASES = list(dict.fromkeys(CASES + CORE_ALL))
