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
