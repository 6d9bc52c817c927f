"""Audit cases for string tensors: creation and printing, the array ops TF runs on strings,
tf.strings, tf.data over strings and tf.io.read_file/write_file (see tf_audit.py)."""

_S = "tf.constant(['Hello World', '\u00c0bC  '])"
_M = "tf.constant([['a', 'bc'], ['d', 'e']])"

STRINGS_CREATE = [
    "tf.constant('Hello, Deep Learning.')", "tf.constant(['a', 'b'])", _M, _S,
    "tf.constant(b'\\xff\\x00')", "tf.constant('h\u00e9llo')", "tf.constant([[b'a', 'b'], ['c', b'd']])",
    "tf.constant(np.array(['a', 'bb']))", "tf.constant(np.array([b'a', b'bb']))",
    "tf.constant(np.array(['a', b'bb'], dtype=object))", "tf.constant(np.array([1, 2], dtype=object))",
    "tf.constant(['a', 1])", "tf.constant([1, 'a'])", "tf.constant([['a'], ['b', 'c']])",
    "tf.constant(1, dtype=tf.string)", "tf.constant('a', dtype=tf.float32)", "tf.constant(['a'], dtype=tf.string)",
    "tf.constant('a', shape=[2, 2])", "tf.constant(['a', 'b'], shape=[2, 1])", "tf.constant(['a', 'b'], shape=[3])",
    "tf.constant([], dtype=tf.string)", "tf.constant(np.array([], dtype='S'))",
    "tf.constant(tf.constant('a'), tf.float32)", "tf.constant(tf.constant(1), tf.string)",
    "tf.convert_to_tensor('x')", "tf.convert_to_tensor(tf.constant('a'), tf.float32)",
    "tf.convert_to_tensor('a', dtype_hint=tf.float32)", "tf.identity('x')", "tf.identity(['x', 'y'])",
    "tf.constant('a').numpy()", "tf.constant(['a']).numpy()", "tf.constant('\u00e9').numpy()",
    "tf.constant(['a', 'b']).shape", "tf.constant(['a', 'b']).dtype", "tf.constant(['a', 'b']).ndim",
    "len(tf.constant(['a', 'b']))", "len(tf.constant('a'))", "list(tf.constant(['a', 'b']))",
    "list(tf.constant('a'))", "bool(tf.constant('a'))", "float(tf.constant('1'))",
    "'{}'.format(tf.constant('a'))", "'{}'.format(tf.constant(['a']))", "str(tf.constant([['a'] * 3] * 3))",
    "tf.is_tensor(tf.constant('1'))", "isinstance(tf.constant('1'), tf.Tensor)",
    "tf.string", "tf.string.name", "str(tf.string)", "tf.as_dtype('string')", "tf.dtypes.string",
    "tf.as_dtype(np.object_)", "tf.as_dtype(np.bytes_)", "tf.as_dtype(np.str_)", "tf.as_dtype(str)",
    "tf.as_dtype(bytes)", "tf.string.is_floating", "tf.string.size", "tf.string == 'string'",
    "tf.string == tf.float32", "tf.float32 == tf.string", "tf.string == np.object_", "tf.string.min",
    "tf.string.as_numpy_dtype",
]

STRINGS_OPERATORS = [
    _M + "[1]", _M + "[:, ::-1]", _M + "[1, 0]", "tf.constant(['a', 'b'])[5]", _M + "[..., tf.newaxis]",
    "tf.constant(['a', 'b'])[tf.constant([True, False])]", "tf.constant(['a', 'b']) == 'a'",
    "tf.constant(['a', 'b']) == 1", "tf.constant(['a', 'b']) == tf.constant(1)", "tf.constant(['a', 'b']) == None",
    "tf.constant(['a', 'b']) == tf.constant(['a', 'b', 'c'])", "tf.constant(['a', 'b']) != ['a', 'c']",
    "tf.constant(['a', 'b']) + 'c'", "'c' + tf.constant(['a', 'b'])", "tf.constant(['a', 'b']) + b'c'",
    "tf.constant([['a'], ['b']]) + tf.constant(['x', 'y'])", "tf.constant('a') + 1", "1 + tf.constant('a')",
    "tf.constant('a') + tf.constant(1)", "tf.constant(['a', 'b']) + tf.constant(['a', 'b', 'c'])",
    "tf.constant(['a', 'b']) - 'c'", "tf.constant(['a', 'b']) * 2", "tf.constant(['a', 'b']) < 'c'",
    "-tf.constant('a')",
]

STRINGS_ARRAY_OPS = [
    "tf.reshape(tf.constant(['a', 'b']), [2, 1])", "tf.reshape(tf.constant(['a', 'b']), [3])",
    "tf.reshape(" + _M + ", [-1])", "tf.concat([" + _M + ", [['x', 'y']]], 0)", "tf.concat([tf.constant([['a']]), [['b']]], 1)",
    "tf.concat([tf.constant(['a']), tf.constant([1])], 0)", "tf.stack(['a', 'b'])",
    "tf.stack([tf.constant(['a']), tf.constant(['b'])], axis=1)", "tf.unstack(tf.constant([['a', 'b']]), axis=1)",
    "tf.unstack(" + _M + ")", "tf.gather(['a', 'b', 'c'], [2, 0])", "tf.gather(['a', 'b', 'c'], [5])",
    "tf.gather(" + _M + ", [1], axis=1)", "tf.expand_dims('a', 0)", "tf.squeeze([['a']])", "tf.transpose([['a', 'b']])",
    "tf.transpose(" + _M + ", [1, 0])", "tf.tile([['a']], [2, 2])", "tf.shape(['a', 'b'])", "tf.size(['a', 'b'])",
    "tf.rank('a')", "tf.equal(['a', 'b'], 'a')", "tf.equal([['a'], ['b']], ['a', 'b'])", "tf.equal(['a', 'b'], 1)",
    "tf.equal(['a', 'b'], ['a', 'b', 'c'])", "tf.not_equal(['a', 'b'], ['a', 'c'])", "tf.add(['a'], ['b'])",
    "tf.where([True, False], 'a', 'b')", "tf.where([True, False], ['a', 'c'], ['b', 'd'])",
    "tf.where([[True], [False]], ['a', 'c'], 'z')", "tf.where([True, False], ['a', 'c'], [1, 2])",
    "tf.boolean_mask(['a', 'b'], [False, True])", "tf.boolean_mask(" + _M + ", [True, False])",
    "tf.reverse([['a', 'b']], [1])", "tf.unique(tf.constant(['b', 'a', 'b']))", "tf.unique(tf.constant(['b', 'a', 'b']), tf.int64)",
    "tf.fill([2, 2], 'x')", "tf.fill([2], b'x')", "tf.zeros([2], tf.string)", "tf.zeros_like(tf.constant(['a']))",
    "tf.ones([2], tf.string)", "tf.cast(tf.zeros([2]), 'string')", "tf.cast(tf.constant('1'), tf.float32)",
    "tf.cast(tf.constant('1'), tf.string)", "tf.broadcast_to('a', [2])",
]

STRINGS_OPS = [
    "tf.strings.lower(%s)" % _S, "tf.strings.lower(%s, encoding='utf-8')" % _S, "tf.strings.upper(%s)" % _S,
    "tf.strings.upper(%s, encoding='utf-8')" % _S, "tf.strings.length(%s)" % _S,
    "tf.strings.length(%s, unit='UTF8_CHAR')" % _S, "tf.strings.length(%s, unit='X')" % _S,
    "tf.strings.length([['ab'], ['c']])", "tf.strings.lower(tf.constant([1]))",
    "tf.strings.join([%s, 'x'], separator='-')" % _S, "tf.strings.join(['a', 'b'])",
    "tf.strings.join([%s, ['a', 'b', 'c']])" % _S, "tf.strings.reduce_join(%s)" % _S,
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=1, separator=',')",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=0, keepdims=True)",
    "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=-1)", "tf.strings.reduce_join([['a', 'b'], ['c', 'd']], axis=2)",
    "tf.strings.reduce_join(tf.constant([], tf.string))", "tf.strings.strip([' a b \\n', '\\t'])",
    "tf.strings.substr(%s, 1, 3)" % _S, "tf.strings.substr(%s, -3, 2)" % _S,
    "tf.strings.substr(%s, 0, 2, unit='UTF8_CHAR')" % _S, "tf.strings.substr(%s, 20, 2)" % _S,
    "tf.strings.substr(%s, [0, 1], [1, 2])" % _S, "tf.strings.regex_replace(%s, 'o', '0')" % _S,
    "tf.strings.regex_replace(%s, r'(\\w+) (\\w+)', r'\\2 \\1')" % _S,
    "tf.strings.regex_replace(%s, 'l', 'L', replace_global=False)" % _S,
    "tf.strings.regex_replace('abc', 'b', r'<\\0>')", "tf.strings.regex_full_match(%s, 'H.*')" % _S,
    "tf.strings.regex_full_match(%s, '(')" % _S, "tf.strings.to_number(['1.5', '2'])",
    "tf.strings.to_number(['1', '-2'], out_type=tf.int32)", "tf.strings.to_number(['x'])",
    "tf.strings.to_number(['1.5'], out_type=tf.int32)", "tf.strings.to_number(['0.1'], tf.float64)",
    "tf.strings.to_number([' 1'], tf.float32)", "tf.strings.to_number(['inf', 'nan', '1e3'], tf.float32)",
    "tf.strings.to_number(['1_0'])", "tf.strings.to_number(['3000000000'], tf.int32)",
    "tf.strings.to_number(['3000000000'], tf.int64)",
    "tf.strings.as_string([1.5, 2.0, 1e-7, 1e20])", "tf.strings.as_string([1, -20])",
    "tf.strings.as_string([3.14159], precision=2)", "tf.strings.as_string([3.14159], scientific=True)",
    "tf.strings.as_string([7], width=4, fill='0')", "tf.strings.as_string([7.5], width=8)",
    "tf.strings.as_string([True, False])", "tf.strings.as_string(tf.constant([0.1], tf.float64))",
    "tf.strings.as_string(['a'])", "tf.strings.as_string([1.5, 1e-7, 123456789.0], shortest=True)",
    "tf.strings.as_string([-7], width=4, fill='0')", "tf.strings.as_string([7], width=4)",
    "tf.strings.as_string([7], fill='ab')", "tf.strings.as_string([7], fill='x')",
    "tf.strings.as_string([7.0], scientific=True, shortest=True)", "tf.strings.as_string([7], precision=2)",
    "tf.strings.as_string([float('nan'), float('inf'), -float('inf')])",
    "tf.strings.format('x={} y={}', (tf.constant([1, 2]), tf.constant(2.5)))",
    "tf.strings.format('s={}', tf.constant(['a', 'b']))", "tf.strings.format('{}', tf.range(10))",
    "tf.strings.format('{}', tf.constant('abc'))", "tf.strings.format('{}', tf.constant(['a\"b']))",
    "tf.strings.format('{}', tf.range(10), summarize=2)", "tf.strings.format('{}', tf.range(10), summarize=-1)",
    "tf.strings.format('{} {}', [1])", "tf.strings.format('{}', [tf.constant(True)])",
    "tf.strings.split('a b  c')", "tf.strings.split('a,b,,c', sep=',')", "tf.strings.split('a b c', maxsplit=1)",
    "tf.strings.split('')", "tf.strings.split('', sep=',')", "tf.strings.unicode_split('h\u00e9llo', 'UTF-8')",
    "tf.strings.bytes_split('h\u00e9')",
    "tf.strings.to_hash_bucket_fast(['a', 'hello', 'x' * 100], 1000)", "tf.strings.to_hash_bucket(['a', 'hello', 'x' * 100], 1000)",
    "tf.strings.to_hash_bucket_strong(['a', 'hello', 'x' * 100], 1000, [1, 2])",
    "tf.strings.to_hash_bucket_strong(['a', 'bc'], 1000, [-3, 5])", "tf.strings.to_hash_bucket_fast(['a'], 0)",
    "tf.strings.to_hash_bucket_strong(['a'], 10, [1])", "tf.strings.to_hash_bucket_fast([1], 10)",
    "tf.strings.to_hash_bucket_fast([[bytes(range(n)) for n in (0, 17, 33, 65, 200)]], 2 ** 40)",
]

STRINGS_DATA_IO = [
    "tf.data.Dataset.from_tensor_slices(['a', 'b']).element_spec",
    "list(tf.data.Dataset.from_tensor_slices(['a', 'b']).map(tf.strings.upper).batch(2))",
    "list(tf.data.Dataset.from_tensors('a'))", "tf.data.Dataset.from_tensors(['a', 'b']).element_spec",
    "list(tf.data.Dataset.from_tensor_slices(['a', 'b', 'c']).map(lambda s: tf.strings.length(s)))",
    "list(tf.data.Dataset.from_tensor_slices(['a', 'b', 'c']).map(lambda s: s + '!').batch(2))",
    "list(tf.data.Dataset.from_tensor_slices({'k': ['a', 'b'], 'n': [1, 2]}))",
    "tf.data.Dataset.from_tensor_slices(['a', 'b', 'c']).map(lambda s: s + '!').batch(2).element_spec",
    "list(tf.data.Dataset.from_tensor_slices(tf.constant([['a', 'b'], ['c', 'd']])).unbatch())",
    "sorted(x.numpy() for x in tf.data.Dataset.from_tensor_slices(['a', 'b', 'c']).shuffle(3))",
    """import tempfile, os
d = tempfile.mkdtemp()
p = os.path.join(d, 'sub', 'f.txt')
w = tf.io.write_file(p, 'h\u00e9llo')
r = (w, tf.io.read_file(p))""",
    "tf.io.read_file('/nonexistent/file')", "tf.io.read_file(1)", "tf.io.read_file(['/x'])",
]

_LINES = """import tempfile, os
d = tempfile.mkdtemp()
with open(os.path.join(d, 'f.csv'), 'wb') as f:
    f.write(b'a,1,2.5\\r\\nb,,3\\n"c,d",4,\\nlast,5,6')
with open(os.path.join(d, 'g.txt'), 'wb') as f:
    f.write(b'x\\n\\ny\\n')
"""

STRINGS_PARSING = [
    'tf.io.decode_csv([\'a,1,2.5\', \'"c,d",4,\'], [[\'\'], [0], [1.0]])',
    "tf.io.decode_csv('a,1,2.5', [[''], [0], [1.0]])",
    "tf.io.decode_csv(['a,1'], [[''], [0], [1.0]])",
    "tf.io.decode_csv(['a,,2'], [[''], tf.constant([], tf.int32), [1.0]])",
    "tf.io.decode_csv(['a,x,2'], [[''], [0], [1.0]])",
    "tf.io.decode_csv(['a,1.5,2'], [[''], [0], [1.0]])",
    "tf.io.decode_csv(['a,1,x'], [[''], [0], [1.0]])",
    "tf.io.decode_csv(['a,1,x'], [[''], [0], tf.constant([1.0], tf.float64)])",
    "tf.io.decode_csv(['a,3000000000,2'], [[''], [0], [1.0]])",
    "tf.io.decode_csv(['a;1;2'], [[''], [0], [1.0]], ';')",
    "tf.io.decode_csv(['a,1,2'], [[''], [0]])",
    "tf.io.decode_csv(['a,1,2.5,7'], [[''], [0.0]], select_cols=[0, 2])",
    "tf.io.decode_csv(['a,1'], [[''], [0.0]], select_cols=[0, 2])",
    "tf.io.decode_csv(['a,1,2'], [[''], [0.0]], select_cols=[2, 0])",
    "tf.io.decode_csv(['a,NA,2.5'], [[''], [5], [0.0]], na_value='NA')",
    "tf.io.decode_csv(['a,1,2'], [tf.constant([''], tf.string), tf.constant([0], tf.int64), tf.constant([0.], tf.float64)])",
    "tf.io.decode_csv([['a,1'], ['b,2']], [[''], [0]])",
    'tf.io.decode_csv([\'"a""b",1\'], [[\'\'], [0]])',
    'tf.io.decode_csv([\'"a"b,1\'], [[\'\'], [0]])',
    'tf.io.decode_csv([\'a"b,1\'], [[\'\'], [0]])',
    'tf.io.decode_csv([\'a"b,1\'], [[\'\'], [0]], use_quote_delim=False)',
    'tf.io.decode_csv([\'"ab,1\'], [[\'\'], [0]])',
    "tf.io.decode_csv([''], [['z']])",
    "tf.io.decode_csv([','], [['z'], [3]])",
    "tf.io.decode_csv(['a,'], [['z'], ['q']])",
    "tf.io.decode_csv(['a, 1 ,2'], [[''], [0], [0.0]])",
    "tf.io.decode_csv(['a,1,2'], [[''], [0], [0.0]], field_delim=';;')",
    "tf.io.decode_csv(['a,1'], [[''], [[0, 1]]])",
    'tf.io.decode_csv([1], [[0]])',
    "tf.io.decode_raw(tf.constant([b'\\x01\\x00\\x02\\x00']), tf.int16)",
    "tf.io.decode_raw(b'ab', tf.uint8)",
    "tf.io.decode_raw([b'ab', b'cde'], tf.uint8)",
    "tf.io.decode_raw([b'abc'], tf.int16)",
    "tf.io.decode_raw([b'\\x00\\x01'], tf.int16, little_endian=False)",
    "tf.io.decode_raw([b'\\x00\\x00\\x80\\x3f'], tf.float32)",
    "tf.io.decode_raw([[b'ab'], [b'cd']], tf.uint8)",
    "tf.io.decode_raw([b'abc', b'd'], tf.uint8, fixed_length=4)",
    "tf.io.decode_raw([b'abc'], tf.int16, fixed_length=3)",
    _LINES + "r = list(tf.data.TextLineDataset([os.path.join(d, 'f.csv'), os.path.join(d, 'g.txt')]))",
    _LINES + "r = tf.data.TextLineDataset(os.path.join(d, 'g.txt')).element_spec",
    _LINES + "r = tf.data.TextLineDataset(os.path.join(d, 'g.txt')).cardinality()",
    _LINES + "r = list(tf.data.TextLineDataset(os.path.join(d, 'missing')))",
    _LINES + "r = list(tf.data.TextLineDataset(os.path.join(d, 'f.csv')).map(lambda l: tf.io.decode_csv(l, [[''], [0], [0.0]])).batch(2))",
]

_DS = "tf.data.Dataset.from_tensor_slices(['a', 'bb', 'ccc'])"
_GEN = """def gen():
    yield 'x'
    yield b'y'
"""

STRINGS_DATASETS = [
    "list(%s.filter(lambda s: tf.strings.length(s) > 1))" % _DS, "list(%s.cache().repeat(2).take(4))" % _DS,
    "list(tf.data.Dataset.zip((%s, tf.data.Dataset.range(3))))" % _DS,
    "list(%s.map(lambda s: tf.strings.bytes_split(s)).padded_batch(2))" % _DS,
    "list(tf.data.Dataset.from_tensor_slices([['a'], ['b']]).padded_batch(2, padded_shapes=[3]))",
    "list(tf.data.Dataset.from_tensor_slices([['a'], ['b']]).padded_batch(2, padded_shapes=[2], padding_values='-'))",
    _GEN + "r = list(tf.data.Dataset.from_generator(gen, output_signature=tf.TensorSpec((), tf.string)))",
    _GEN + "r = list(tf.data.Dataset.from_generator(gen, output_types=tf.string))",
    "list(%s.as_numpy_iterator())" % _DS, "list(%s.batch(2).as_numpy_iterator())" % _DS,
    "[list(w) for w in %s.window(2)]" % _DS, "list(%s.concatenate(tf.data.Dataset.from_tensors('z')))" % _DS,
    "%s.reduce(tf.constant(''), lambda a, s: a + s)" % _DS, "list(%s.enumerate())" % _DS,
    "tf.data.Dataset.from_tensors('q').get_single_element()",
    "list(tf.data.Dataset.from_tensor_slices(['a', 'b', 'a']).unique())",
    "%s.batch(2, drop_remainder=True).element_spec" % _DS, "%s.map(tf.strings.bytes_split).element_spec" % _DS,
    "%s.map(lambda s: tf.strings.split(s)).element_spec" % _DS, "%s.batch(2).map(tf.strings.length).element_spec" % _DS,
    "list(%s.map(lambda s: tf.py_function(lambda x: x.numpy().upper(), [s], tf.string)))" % _DS,
    "list(%s.map(lambda s: tf.numpy_function(lambda x: x.upper(), [s], tf.string)))" % _DS,
    _LINES + "r = [os.path.basename(x.numpy()) for x in tf.data.Dataset.list_files([os.path.join(d, '*.txt'), os.path.join(d, '*.csv')], shuffle=False)]",
    _LINES + "r = tf.data.Dataset.list_files(os.path.join(d, '*'), shuffle=False).cardinality()",
    _LINES + "r = sorted(os.path.basename(x.numpy()) for x in tf.data.Dataset.list_files(os.path.join(d, '*')))",
    _LINES + "r = tf.data.Dataset.list_files(os.path.join(d, '*.none'))",
    _LINES + "r = list(tf.data.Dataset.list_files(os.path.join(d, '*.txt'), shuffle=False).interleave(tf.data.TextLineDataset))",
    _LINES + "r = list(tf.data.Dataset.list_files(os.path.join(d, '*.txt'), shuffle=False).flat_map(tf.data.TextLineDataset))",
]

STRINGS_ALL = STRINGS_CREATE + STRINGS_OPERATORS + STRINGS_ARRAY_OPS + STRINGS_OPS + STRINGS_DATA_IO + STRINGS_PARSING + STRINGS_DATASETS
