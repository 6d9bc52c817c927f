"""Keras everyday-usage cases for tools/tf_audit.py (layers, models, training, losses, metrics,
optimizers, callbacks, utils). Training cases set weights explicitly (initializers 'ones'/'zeros'
or set_weights) and use shuffle=False so both libraries see the same numbers."""

SEQ2 = """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
"""
XY = "x = np.arange(12, dtype='float32').reshape(4, 3) / 10.; y = np.array([[0., 1.], [1., 0.], [0., 1.], [1., 0.]], 'float32')\n"

KERAS_LAYERS = [
    # constructor defaults and get_config keys
    "sorted(tf.keras.layers.Dense(3).get_config())",
    "tf.keras.layers.Dense(3).get_config()['activation']",
    "tf.keras.layers.Dense(3, activation='relu').get_config()['activation']",
    "tf.keras.layers.Dense(3).get_config()['kernel_initializer']['class_name']",
    "sorted(tf.keras.layers.Conv2D(3, 3).get_config())",
    "tf.keras.layers.Conv2D(3, 3).get_config()['kernel_size']",
    "tf.keras.layers.Conv2D(3, 3).get_config()['strides']",
    "tf.keras.layers.Conv2D(3, 3).get_config()['padding']",
    "tf.keras.layers.Conv2D(3, 3).get_config()['data_format']",
    "tf.keras.layers.MaxPooling2D().get_config()['pool_size']",
    "tf.keras.layers.MaxPooling2D().get_config()['strides']",
    "tf.keras.layers.Dropout(0.3).get_config()['rate']",
    "sorted(tf.keras.layers.Dropout(0.3).get_config())",
    "sorted(tf.keras.layers.BatchNormalization().get_config())",
    "tf.keras.layers.BatchNormalization().get_config()['momentum']",
    "tf.keras.layers.BatchNormalization().get_config()['epsilon']",
    "tf.keras.layers.BatchNormalization().get_config()['axis']",
    "tf.keras.layers.LayerNormalization().get_config()['axis']",
    "tf.keras.layers.LayerNormalization().get_config()['epsilon']",
    "tf.keras.layers.Embedding(10, 3).get_config()['input_dim']",
    "sorted(tf.keras.layers.Flatten().get_config())",
    "tf.keras.layers.Flatten().get_config()['data_format']",
    "tf.keras.layers.Dense(3).dtype",
    "tf.keras.layers.Dense(3).trainable",
    "tf.keras.layers.Dense(3).built",
    "tf.keras.layers.Dense(3, name='d').name",
    "tf.keras.layers.Dense.from_config(tf.keras.layers.Dense(3, activation='relu').get_config()).units",
    # weights and shapes
    """l = tf.keras.layers.Conv2D(4, (3, 2))
l.build((None, 8, 8, 3))
r = [w.shape for w in l.weights]""",
    """l = tf.keras.layers.BatchNormalization()
l.build((None, 5))
r = ([w.shape for w in l.weights], len(l.trainable_weights), len(l.non_trainable_weights))""",
    """l = tf.keras.layers.Embedding(10, 3)
l.build((None,))
r = [w.shape for w in l.weights]""",
    """l = tf.keras.layers.LayerNormalization()
l.build((None, 4))
r = [w.shape for w in l.weights]""",
    """l = tf.keras.layers.Dense(3)
l.trainable = False
l.build((None, 2))
r = (len(l.trainable_weights), len(l.non_trainable_weights), len(l.weights))""",
    """l = tf.keras.layers.Dense(3)
r = (l.weights, l.trainable_weights)""",
    """l = tf.keras.layers.Dense(3)
l.build((None, 2))
r = [w.trainable for w in l.weights]""",
    "tf.keras.layers.Dense(3)(tf.ones([2, 4], tf.float64)).dtype",
    "tf.keras.layers.Dense(3, dtype='float64')(tf.ones([2, 4])).dtype",
    "tf.keras.layers.Flatten()(tf.ones([2, 3, 4], tf.int32)).dtype",
    "tf.keras.layers.Embedding(5, 2)(tf.constant([1, 2])).dtype",
    "tf.keras.layers.Conv1D(2, 3)(tf.ones([1, 5, 2])).shape",
    "tf.keras.layers.Conv1D(2, 3, padding='causal')(tf.ones([1, 5, 2])).shape",
    "tf.keras.layers.Conv2DTranspose(2, 3, strides=2)(tf.ones([1, 4, 4, 1])).shape",
    "tf.keras.layers.Conv2DTranspose(2, 3, strides=2, padding='same')(tf.ones([1, 4, 4, 1])).shape",
    "tf.keras.layers.SeparableConv2D(4, 3)(tf.ones([1, 5, 5, 2])).shape",
    "tf.keras.layers.DepthwiseConv2D(3)(tf.ones([1, 5, 5, 2])).shape",
    "tf.keras.layers.MaxPooling1D()(tf.ones([1, 6, 2])).shape",
    "tf.keras.layers.AveragePooling1D()(tf.ones([1, 6, 2])).shape",
    "tf.keras.layers.GlobalMaxPooling2D()(tf.ones([2, 3, 3, 4])).shape",
    "tf.keras.layers.GlobalAveragePooling1D()(tf.ones([2, 3, 4])).shape",
    "tf.keras.layers.GlobalAveragePooling2D(keepdims=True)(tf.ones([2, 3, 3, 4])).shape",
    "tf.keras.layers.MaxPooling2D(pool_size=(2, 2), strides=1)(tf.ones([1, 4, 4, 1])).shape",
    "tf.keras.layers.SimpleRNN(3)(tf.ones([2, 5, 4])).shape",
    "tf.keras.layers.SimpleRNN(3, return_sequences=True)(tf.ones([2, 5, 4])).shape",
    "tf.keras.layers.LSTM(3)(tf.ones([2, 5, 4])).shape",
    "[w.shape for w in tf.keras.layers.LSTM(3).__call__(tf.ones([2, 5, 4])) is not None and [] ]",
    """l = tf.keras.layers.LSTM(3)
l(tf.ones([2, 5, 4]))
r = [w.shape for w in l.weights]""",
    """l = tf.keras.layers.GRU(3)
l(tf.ones([2, 5, 4]))
r = [w.shape for w in l.weights]""",
    "len(tf.keras.layers.LSTM(3, return_state=True)(tf.ones([2, 5, 4])))",
    "tf.keras.layers.GRU(3, return_sequences=True)(tf.ones([2, 5, 4])).shape",
    "tf.keras.layers.Bidirectional(tf.keras.layers.LSTM(3))(tf.ones([2, 5, 4])).shape",
    "tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(2))(tf.ones([2, 5, 4])).shape",
    "tf.keras.layers.Concatenate(axis=1)([tf.ones([2, 3]), tf.ones([2, 4])]).shape",
    "tf.keras.layers.concatenate([tf.ones([2, 3]), tf.ones([2, 4])]).shape",
    "tf.keras.layers.add([tf.ones([2]), tf.ones([2])])",
    "tf.keras.layers.Activation('relu')(tf.constant([-1., 1.]))",
    "tf.keras.layers.Activation('gelu')(tf.constant([-1., 1.]))",
    "tf.keras.layers.PReLU()(tf.constant([[-1., 1.]]))",
    "tf.keras.layers.Softmax()(tf.constant([[1., 2.], [3., 3.]]))",
    "tf.keras.layers.ReLU(negative_slope=0.1)(tf.constant([-1., 1.]))",
    "tf.keras.layers.ThresholdedReLU(theta=0.5)(tf.constant([0.2, 1.]))" ,
    "tf.keras.layers.ZeroPadding1D(2)(tf.ones([1, 3, 1])).shape",
    "tf.keras.layers.UpSampling1D(2)(tf.ones([1, 3, 1])).shape",
    "tf.keras.layers.Cropping1D(1)(tf.ones([1, 4, 1])).shape",
    "tf.keras.layers.SpatialDropout2D(0.5)(tf.ones([1, 2, 2, 3])).shape",
    "tf.keras.layers.AlphaDropout(0.5)(tf.ones([2])).shape",
    "tf.keras.layers.Normalization(mean=2., variance=4.)(tf.constant([[4.]]))",
    "tf.keras.layers.CategoryEncoding(num_tokens=4, output_mode='one_hot')(tf.constant([1, 3]))",
    "tf.keras.layers.Masking()(tf.ones([1, 2, 2])).shape",
    "tf.keras.layers.Identity()(tf.ones([2]))",
    "tf.keras.layers.Dense(2)(tf.ones([0, 3])).shape",
    "tf.keras.layers.Dense(0)",
    "tf.keras.layers.Dense(-1)",
    "tf.keras.layers.Dropout(1.5)",
    "tf.keras.layers.Conv2D(2, 3)(tf.ones([5, 5, 1]))",
    "tf.keras.layers.Dense(2)(tf.ones([2, 3])) is not None",
    """l = tf.keras.layers.Dense(2)
l(tf.ones([1, 3]))
r = l(tf.ones([1, 4]))""",
    "tf.keras.layers.Dense(2).compute_output_shape((None, 5))",
    "tf.keras.layers.Conv2D(2, 3).compute_output_shape((None, 8, 8, 1))",
    "tf.keras.layers.Flatten().compute_output_shape((None, 2, 3))",
    "tf.keras.layers.InputLayer(input_shape=(3,)).name",
    "repr(tf.keras.layers.Dense(2))[:20]",
]

KERAS_MODELS = [
    SEQ2 + "r = (m.input_shape, m.output_shape, len(m.layers), len(m.weights), m.built)",
    SEQ2 + "r = [w.shape for w in m.weights]",
    SEQ2 + "r = (m.inputs[0].shape, m.outputs[0].shape)",
    SEQ2 + "r = m.name",
    SEQ2 + "r = m.layers[0].name",
    SEQ2 + "r = m.get_layer(index=0).units",
    SEQ2 + "r = m.get_layer('dense').units",
    SEQ2 + "r = m.get_layer('nope')",
    SEQ2 + "r = m.count_params()",
    SEQ2 + "r = m(np.ones((2, 3), 'float32'))",
    SEQ2 + "r = m(np.ones((2, 3)))",
    SEQ2 + "r = m(tf.ones([2, 3]), training=True)",
    SEQ2 + "r = m.predict(np.ones((5, 3)), verbose=0)",
    SEQ2 + "r = m.predict(np.ones((5, 3)), batch_size=2, verbose=0).shape",
    SEQ2 + "r = type(m.predict(np.ones((5, 3)), verbose=0)).__name__",
    SEQ2 + "r = m.predict(tf.data.Dataset.from_tensor_slices(np.ones((5, 3), 'float32')).batch(2), verbose=0)",
    SEQ2 + "r = m.predict_on_batch(np.ones((2, 3)))",
    SEQ2 + "r = type(m.predict_on_batch(np.ones((2, 3)))).__name__",
    SEQ2 + "r = m.get_config()['name']",
    SEQ2 + "r = [l['class_name'] for l in m.get_config()['layers']]",
    SEQ2 + "r = m.to_json()[:30]",
    SEQ2 + "r = tf.keras.Sequential.from_config(m.get_config()).count_params()",
    SEQ2 + "r = tf.keras.models.clone_model(m).count_params()",
    SEQ2 + "m.pop()\nr = len(m.layers)",
    SEQ2 + "r = m.trainable\nm.trainable = False\nr = (r, len(m.trainable_weights), len(m.non_trainable_weights))",
    "m = tf.keras.Sequential()\nr = (m.built, m.layers)",
    "m = tf.keras.Sequential([tf.keras.layers.Dense(2)])\nr = m.built",
    "m = tf.keras.Sequential([tf.keras.layers.Dense(2)])\nr = m.weights",
    "m = tf.keras.Sequential([tf.keras.layers.Dense(2)])\nr = m.count_params()",
    "m = tf.keras.Sequential([tf.keras.layers.Dense(2)])\nm.build((None, 3))\nr = (m.built, m.count_params(), m.input_shape, m.output_shape)",
    "m = tf.keras.Sequential([tf.keras.layers.Dense(2, input_shape=(3,))])\nr = (m.built, m.input_shape)",
    "m = tf.keras.Sequential([tf.keras.layers.Dense(2, input_shape=(3,))])\nr = len(m.layers)",
    "m = tf.keras.Sequential([tf.keras.layers.Dense(2)])\nm(tf.ones([1, 3]))\nr = (m.built, m.count_params())",
    "m = tf.keras.Sequential(name='net')\nr = m.name",
    """inp = tf.keras.Input((4,), name='x')
h = tf.keras.layers.Dense(3, activation='relu')(inp)
out = tf.keras.layers.Dense(2)(h)
m = tf.keras.Model(inputs=inp, outputs=out)
r = ([l.name for l in m.layers], [type(l).__name__ for l in m.layers], m.input_shape, m.output_shape, m.count_params())""",
    """inp = tf.keras.Input((4,))
m = tf.keras.Model(inp, [tf.keras.layers.Dense(1)(inp), tf.keras.layers.Dense(2)(inp)])
r = ([o.shape for o in m(tf.ones([3, 4]))], m.output_shape)""",
    """a = tf.keras.Input((2,)); b = tf.keras.Input((3,))
m = tf.keras.Model([a, b], tf.keras.layers.Concatenate()([a, b]))
r = (m([tf.ones([1, 2]), tf.ones([1, 3])]).shape, m.input_shape)""",
    """inp = tf.keras.Input((4,))
m = tf.keras.Model(inp, tf.keras.layers.Dense(2)(inp))
r = type(m.layers[0]).__name__""",
    "inp = tf.keras.Input((4,), batch_size=8)\nr = inp.shape",
    "inp = tf.keras.Input((4,), dtype='int32')\nr = inp.dtype",
    "inp = tf.keras.Input(shape=(None, 3))\nr = inp.shape",
    "tf.keras.Input((4,)).name",
    "inp = tf.keras.Input((4,))\nr = str(inp.dtype)",
    "inp = tf.keras.Input((4,))\nr = inp.dtype == tf.float32",
    """class M(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = tf.keras.layers.Dense(3)
        self.d2 = tf.keras.layers.Dense(2)
    def call(self, x, training=False):
        return self.d2(self.d1(x))
m = M()
y = m(tf.ones([1, 4]))
r = (y.shape, len(m.layers), len(m.trainable_variables), m.count_params(), m.built)""",
    """class M(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = tf.keras.layers.Dense(3)
    def call(self, x, training=False):
        return self.d1(x) * (2. if training else 1.)
m = M()
m.d1.build((None, 1))
m.d1.set_weights([np.ones((1, 3), 'float32'), np.zeros(3, 'float32')])
r = (m(tf.ones([1, 1])), m(tf.ones([1, 1]), training=True))""",
    """class M(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = tf.keras.layers.Dense(3)
    def call(self, x):
        return self.d1(x)
m = M()
r = m.name""",
    """class B(tf.keras.layers.Layer):
    def __init__(self, units=2, **kw):
        super().__init__(**kw)
        self.units = units
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer='ones', name='w')
    def call(self, x):
        return tf.matmul(x, self.w)
l = B()
r = (l(tf.ones([1, 3])), len(l.weights), l.name, l.w.shape, l.w.trainable)""",
    """class B(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(2,), initializer='zeros', trainable=False)
    def call(self, x):
        return x + self.w
l = B()
l(tf.ones([2]))
r = (len(l.trainable_weights), len(l.non_trainable_weights))""",
    """class B(tf.keras.layers.Layer):
    def call(self, x):
        self.add_loss(tf.reduce_sum(x))
        return x
l = B()
l(tf.ones([3]))
r = l.losses""",
    """l = tf.keras.layers.Dense(2, kernel_regularizer=tf.keras.regularizers.l2(0.5), kernel_initializer='ones')
l(tf.ones([1, 3]))
r = l.losses""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_regularizer='l2', kernel_initializer='ones')])
r = m.losses""",
]

KERAS_SUMMARY = [
    SEQ2 + "lines = []\nm.summary(print_fn=lines.append)\nr = lines",
    """m = tf.keras.Sequential([tf.keras.layers.Dense(4, input_shape=(3,)), tf.keras.layers.Dense(1)])
lines = []
m.summary(print_fn=lambda s, **kw: lines.append(s))
r = lines""",
]

KERAS_TRAIN = [
    SEQ2 + "m.compile(optimizer='sgd', loss='mse')\nr = m.evaluate(np.ones((4, 3)), np.zeros((4, 2)), verbose=0)",
    SEQ2 + "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\nr = m.evaluate(np.ones((4, 3)), np.zeros((4, 2)), verbose=0, return_dict=True)",
    SEQ2 + "m.compile(optimizer='sgd', loss='mse')\nr = m.evaluate(np.ones((4, 3)), np.zeros((4, 2)), verbose=0, return_dict=True)",
    SEQ2 + "m.compile(optimizer='sgd', loss='mse', metrics=['mae', 'mse'])\nr = m.evaluate(np.ones((4, 3)), np.zeros((4, 2)), verbose=0)",
    SEQ2 + "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\nr = m.metrics_names",
    SEQ2 + "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\nm.evaluate(np.ones((4, 3)), np.zeros((4, 2)), verbose=0)\nr = m.metrics_names",
    SEQ2 + "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\nm.evaluate(np.ones((4, 3)), np.zeros((4, 2)), verbose=0)\nr = [x.name for x in m.metrics]",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='categorical_crossentropy', metrics=['accuracy'])\nh = m.fit(x, y, epochs=2, batch_size=2, verbose=0, shuffle=False)\nr = h.history",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='categorical_crossentropy', metrics=['acc'])\nh = m.fit(x, y, epochs=1, batch_size=2, verbose=0, shuffle=False)\nr = sorted(h.history)",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='categorical_crossentropy', metrics=['accuracy'])\nh = m.fit(x, y, epochs=2, batch_size=2, verbose=0, shuffle=False, validation_split=0.5)\nr = h.history",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='categorical_crossentropy', metrics=['accuracy'])\nh = m.fit(x, y, epochs=2, batch_size=2, verbose=0, shuffle=False, validation_data=(x, y))\nr = h.history",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='categorical_crossentropy', metrics=['accuracy'])\nh = m.fit(x, y, epochs=3, batch_size=2, verbose=0, shuffle=False, initial_epoch=1)\nr = (h.epoch, h.history)",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')\nh = m.fit(x, y, epochs=1, batch_size=2, verbose=0, shuffle=False, sample_weight=np.array([1., 0., 1., 0.]))\nr = h.history",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='categorical_crossentropy')\nh = m.fit(x, y, epochs=1, batch_size=4, verbose=0, shuffle=False, class_weight={0: 1., 1: 2.})\nr = h.history",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')\nds = tf.data.Dataset.from_tensor_slices((x, y)).batch(2)\nh = m.fit(ds, epochs=2, verbose=0)\nr = h.history",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')\nds = tf.data.Dataset.from_tensor_slices((x, y)).batch(1).repeat()\nh = m.fit(ds, epochs=2, steps_per_epoch=2, verbose=0)\nr = h.history",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')\nds = tf.data.Dataset.from_tensor_slices((x, y)).batch(2)\nr = m.evaluate(ds, verbose=0)",
    SEQ2 + XY + "m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')\nm.fit(x, y, epochs=1, batch_size=2, verbose=0, shuffle=False)\nr = int(m.optimizer.iterations.numpy())",
    SEQ2 + XY + "m.compile(optimizer='adam', loss='mse')\nr = type(m.optimizer).__name__",
    SEQ2 + XY + "m.compile(optimizer='adam', loss='mse')\nr = float(m.optimizer.learning_rate)",
    SEQ2 + XY + "m.compile(optimizer='rmsprop', loss='mse')\nr = float(m.optimizer.learning_rate)",
    SEQ2 + XY + "m.compile(optimizer='sgd', loss='mse')\nr = m.train_on_batch(x, y)",
    SEQ2 + XY + "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\nr = m.train_on_batch(x, y)",
    SEQ2 + XY + "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\nr = m.test_on_batch(x, y)",
    SEQ2 + XY + "m.compile(optimizer='sgd', loss='mse', metrics=['mae'])\nr = m.train_on_batch(x, y, return_dict=True)",
    # accuracy resolution
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(3, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
r = m.evaluate(np.eye(3, dtype='float32'), np.array([0, 1, 2]), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1, activation='sigmoid', kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='binary_crossentropy', metrics=['accuracy'])
r = m.evaluate(np.array([[1., 1.], [-1., -1.]]), np.array([1., 1.]), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, activation='softmax', kernel_initializer='ones')])
m.compile(optimizer='sgd', loss=tf.keras.losses.CategoricalCrossentropy(), metrics=['acc'])
r = m.evaluate(np.array([[1., 1.], [-1., -1.]]), np.array([[1., 0.], [0., 1.]]), verbose=0, return_dict=True)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=[tf.keras.metrics.SparseCategoricalAccuracy()])
r = m.evaluate(np.array([[1., 1.], [-1., -1.]]), np.array([0, 1]), verbose=0, return_dict=True)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse', metrics=['accuracy'])
r = m.evaluate(np.array([[1., 1.], [-1., -1.]]), np.array([[1., 0.], [0., 1.]]), verbose=0, return_dict=True)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.predict(np.ones((0, 2)), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
r = m.evaluate(np.ones((2, 2)), np.ones((2, 2)), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
r = m.fit(np.ones((2, 2)), np.ones((2, 2)), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.fit(np.ones((2, 2)), np.ones((3, 2)), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='nonexistent_loss')""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='nonexistent_opt', loss='mse')""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = type(m.fit(np.ones((2, 2)), np.ones((2, 2)), verbose=0)).__name__""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
h = m.fit(np.ones((2, 2)), np.ones((2, 2)), verbose=0, epochs=2)
r = (h.params, h.epoch)""",
    """m = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.fit(np.ones((2, 2)), np.ones((2, 2)), verbose=0, epochs=0).history""",
]

KERAS_LOSSES = [
    "tf.keras.losses.MeanSquaredError(reduction='sum_over_batch_size')([[0., 1.]], [[1., 1.]])",
    "tf.keras.losses.MeanSquaredError().reduction",
    "tf.keras.losses.MeanSquaredError().get_config()",
    "tf.keras.losses.CategoricalCrossentropy().get_config()",
    "tf.keras.losses.SparseCategoricalCrossentropy().get_config()",
    "tf.keras.losses.BinaryCrossentropy().get_config()",
    "tf.keras.losses.Huber().get_config()",
    "tf.keras.losses.MeanSquaredError(name='m').name",
    "tf.keras.losses.SparseCategoricalCrossentropy().name",
    "tf.keras.losses.BinaryCrossentropy().name",
    "tf.keras.losses.SparseCategoricalCrossentropy()(tf.constant([1, 0]), tf.constant([[0.3, 0.7], [0.6, 0.4]]))",
    "tf.keras.losses.SparseCategoricalCrossentropy()(np.array([1, 0]), np.array([[0.3, 0.7], [0.6, 0.4]], 'float32'))",
    "tf.keras.losses.SparseCategoricalCrossentropy(reduction='none')(tf.constant([1, 0]), tf.constant([[0.3, 0.7], [0.6, 0.4]]))",
    "tf.keras.losses.SparseCategoricalCrossentropy(reduction='sum')(tf.constant([1, 0]), tf.constant([[0.3, 0.7], [0.6, 0.4]]))",
    "tf.keras.losses.SparseCategoricalCrossentropy()(tf.constant([1, 0]), tf.constant([[0.3, 0.7], [0.6, 0.4]]), sample_weight=tf.constant([1., 0.]))",
    "tf.keras.losses.sparse_categorical_crossentropy(tf.constant([[1], [0]]), tf.constant([[0.3, 0.7], [0.6, 0.4]]))",
    "tf.keras.losses.sparse_categorical_crossentropy(tf.constant([1., 0.]), tf.constant([[0.3, 0.7], [0.6, 0.4]]))",
    "tf.keras.losses.binary_crossentropy(tf.constant([[1.], [0.]]), tf.constant([[0.8], [0.1]]))",
    "tf.keras.losses.binary_crossentropy(tf.constant([[1., 0.]]), tf.constant([[0.8, 0.1]]), label_smoothing=0.2)",
    "tf.keras.losses.BinaryCrossentropy(reduction='none')(tf.constant([[1.], [0.]]), tf.constant([[0.8], [0.1]]))",
    "tf.keras.losses.BinaryCrossentropy()(tf.constant([1., 0.]), tf.constant([0.8, 0.1]))",
    "tf.keras.losses.BinaryFocalCrossentropy()(tf.constant([[1.], [0.]]), tf.constant([[0.8], [0.1]]))",
    "tf.keras.losses.CategoricalCrossentropy(reduction='none')(tf.constant([[0., 1.], [1., 0.]]), tf.constant([[0.3, 0.7], [0.6, 0.4]]))",
    "tf.keras.losses.CategoricalCrossentropy(label_smoothing=0.2)(tf.constant([[0., 1.], [1., 0.]]), tf.constant([[0.3, 0.7], [0.6, 0.4]]))",
    "tf.keras.losses.MeanSquaredError()(tf.constant([1., 2.]), tf.constant([2., 2.]))",
    "tf.keras.losses.MeanSquaredError()(tf.constant([[1.], [2.]]), tf.constant([2., 2.]))",
    "tf.keras.losses.MeanSquaredError()(tf.constant([1, 2]), tf.constant([2., 2.]))",
    "tf.keras.losses.MeanSquaredError(reduction=None)(tf.constant([[1., 2.]]), tf.constant([[2., 2.]]))",
    "tf.keras.losses.MeanSquaredError()(tf.zeros([0, 2]), tf.zeros([0, 2]))",
    "tf.keras.losses.MeanAbsoluteError(reduction='sum')(tf.constant([[1., 2.]]), tf.constant([[2., 4.]]))",
    "tf.keras.losses.MeanSquaredLogarithmicError()(tf.constant([[1., 2.]]), tf.constant([[2., 4.]]))",
    "tf.keras.losses.KLDivergence(reduction='none')(tf.constant([[0.5, 0.5]]), tf.constant([[0.9, 0.1]]))",
    "tf.keras.losses.Huber(reduction='none')(tf.constant([[0., 1.]]), tf.constant([[2., 1.]]))",
    "tf.keras.losses.get('categorical_crossentropy').__name__",
    "tf.keras.losses.get('binary_crossentropy')(tf.constant([[1.]]), tf.constant([[0.8]]))",
    "type(tf.keras.losses.get('MeanSquaredError')).__name__",
    "tf.keras.losses.serialize(tf.keras.losses.MeanSquaredError())['class_name']",
    "tf.keras.losses.MeanSquaredError.from_config({'name': 'x', 'reduction': 'sum'}).reduction",
    "tf.keras.losses.get('nope')",
    "tf.keras.losses.MeanSquaredError(reduction='bogus')",
]

KERAS_METRICS = [
    "tf.keras.metrics.Mean().name", "tf.keras.metrics.Accuracy().name",
    "tf.keras.metrics.BinaryAccuracy().name", "tf.keras.metrics.CategoricalAccuracy().name",
    "tf.keras.metrics.AUC().name", "tf.keras.metrics.Precision().name", "tf.keras.metrics.Recall().name",
    "tf.keras.metrics.MeanSquaredError().name", "tf.keras.metrics.MeanAbsoluteError().name",
    "tf.keras.metrics.RootMeanSquaredError().name", "tf.keras.metrics.TopKCategoricalAccuracy().name",
    "tf.keras.metrics.SparseTopKCategoricalAccuracy().name", "tf.keras.metrics.Sum().name",
    "tf.keras.metrics.CategoricalCrossentropy().name", "tf.keras.metrics.SparseCategoricalCrossentropy().name",
    "tf.keras.metrics.BinaryCrossentropy().name",
    "tf.keras.metrics.Mean().dtype",
    "tf.keras.metrics.Mean().get_config()",
    "tf.keras.metrics.Accuracy().get_config()",
    "tf.keras.metrics.BinaryAccuracy().get_config()",
    "len(tf.keras.metrics.Mean().variables)",
    "len(tf.keras.metrics.AUC().variables)",
    "[v.shape for v in tf.keras.metrics.Precision().variables]",
    """m = tf.keras.metrics.Mean()
m.update_state([1., 2., 3.], sample_weight=[1., 2., 0.])
r = m.result()""",
    """m = tf.keras.metrics.Mean()
r = m.update_state([1., 2.])""",
    """m = tf.keras.metrics.Mean()
m.update_state([1., 2.])
m.reset_states()
r = (m.result(), m.count.numpy())""",
    """m = tf.keras.metrics.Accuracy()
m.update_state([[1], [2]], [[1], [0]], sample_weight=[1., 3.])
r = m.result()""",
    """m = tf.keras.metrics.SparseCategoricalAccuracy()
m.update_state([[1], [0]], [[0.2, 0.8], [0.3, 0.7]])
r = m.result()""",
    """m = tf.keras.metrics.SparseCategoricalAccuracy()
m.update_state([1., 0.], [[0.2, 0.8], [0.3, 0.7]])
r = m.result()""",
    """m = tf.keras.metrics.CategoricalAccuracy()
m.update_state([[0., 1.], [1., 0.]], [[0.2, 0.8], [0.3, 0.7]], sample_weight=[0.5, 1.5])
r = m.result()""",
    """m = tf.keras.metrics.BinaryAccuracy()
m.update_state([[1.], [0.]], [[0.7], [0.6]])
r = m.result()""",
    """m = tf.keras.metrics.Precision(thresholds=0.7)
m.update_state([0, 1, 1, 1], [0.9, 0.1, 0.8, 0.6])
r = m.result()""",
    """m = tf.keras.metrics.Recall()
r = m.result()""",
    """m = tf.keras.metrics.AUC()
m.update_state([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
r = m.result()""",
    """m = tf.keras.metrics.AUC(curve='PR')
m.update_state([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
r = m.result()""",
    """m = tf.keras.metrics.MeanIoU(num_classes=2)
m.update_state([0, 0, 1, 1], [0, 1, 0, 1])
r = m.result()""",
    """m = tf.keras.metrics.TruePositives()
m.update_state([0, 1, 1, 1], [1, 0, 1, 1])
r = m.result()""",
    """m = tf.keras.metrics.FalseNegatives()
m.update_state([0, 1, 1, 1], [1, 0, 1, 1])
r = m.result()""",
    """m = tf.keras.metrics.MeanMetricWrapper(fn=tf.keras.metrics.mean_absolute_error, name='m')
m.update_state([[1., 2.]], [[2., 2.]])
r = (m.result(), m.name)""",
    """m = tf.keras.metrics.Mean()
m.update_state(tf.constant([[1., 2.], [3., 4.]]))
r = m.result()""",
    """m = tf.keras.metrics.Sum()
m.update_state([1., 2.], sample_weight=[2., 3.])
r = m.result()""",
    """m = tf.keras.metrics.MeanSquaredError()
m.update_state([[0., 1.], [1., 1.]], [[1., 1.], [1., 0.]], sample_weight=[1., 0.])
r = m.result()""",
    """m = tf.keras.metrics.SparseCategoricalCrossentropy(from_logits=True)
m.update_state([1], [[1., 2.]])
r = m.result()""",
    """m = tf.keras.metrics.BinaryCrossentropy()
m.update_state([[1.]], [[0.8]])
r = m.result()""",
    """m = tf.keras.metrics.Accuracy()
r = (m.result(), type(m.result()).__name__)""",
    "tf.keras.metrics.get('accuracy')",
    "tf.keras.metrics.get('mae').__name__",
    "tf.keras.metrics.mean_squared_error([[1., 2.]], [[2., 2.]])" ,
    "tf.keras.metrics.mean_absolute_error([[1., 2.]], [[2., 2.]])",
    "tf.keras.metrics.top_k_categorical_accuracy([[0., 1., 0.]], [[0.5, 0.3, 0.2]], k=2)",
    "tf.keras.metrics.binary_accuracy([[1.], [0.]], [[0.7], [0.6]])",
]

KERAS_OPTIM = [
    "tf.keras.optimizers.SGD().get_config()",
    "tf.keras.optimizers.Adam().get_config()",
    "sorted(tf.keras.optimizers.RMSprop().get_config())",
    "tf.keras.optimizers.Adam(learning_rate=0.01).get_config()['learning_rate']",
    "tf.keras.optimizers.SGD(0.1).name", "tf.keras.optimizers.Adam().name",
    "tf.keras.optimizers.Adam().iterations",
    "tf.keras.optimizers.Adam().learning_rate",
    "tf.keras.optimizers.Adam().lr",
    "tf.keras.optimizers.Adam(lr=0.5).learning_rate",
    "tf.keras.optimizers.Adam().beta_1",
    "tf.keras.optimizers.Adam().epsilon",
    "tf.keras.optimizers.SGD().momentum",
    "tf.keras.optimizers.SGD().nesterov",
    "type(tf.keras.optimizers.get('adam')).__name__",
    "tf.keras.optimizers.get('bogus')",
    "tf.keras.optimizers.serialize(tf.keras.optimizers.SGD())['class_name']",
    "type(tf.keras.optimizers.deserialize({'class_name': 'SGD', 'config': {'learning_rate': 0.5}})).__name__",
    """opt = tf.keras.optimizers.SGD(0.1)
opt.learning_rate = 0.5
r = float(opt.learning_rate)""",
    """opt = tf.keras.optimizers.SGD(0.1)
opt.learning_rate.assign(0.25)
r = float(opt.learning_rate)""",
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(learning_rate=0.1, clipvalue=0.5)
opt.apply_gradients([(tf.constant([3., -4.]), v)])
r = v.numpy()""",
    """v = tf.Variable([1., 2.]); w = tf.Variable([1.])
opt = tf.keras.optimizers.SGD(learning_rate=0.1, global_clipnorm=1.)
opt.apply_gradients([(tf.constant([3., 0.]), v), (tf.constant([4.]), w)])
r = (v.numpy(), w.numpy())""",
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(learning_rate=0.1, weight_decay=0.1)
opt.apply_gradients([(tf.constant([1., 1.]), v)])
r = v.numpy()""",
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Adam(0.1)
opt.apply_gradients(zip([tf.constant([1., 1.])], [v]))
r = (v.numpy(), int(opt.iterations.numpy()))""",
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Adam(0.1)
r = opt.apply_gradients([(tf.constant([1., 1.]), v)])""",
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(0.1)
opt.minimize(lambda: tf.reduce_sum(v * v), [v])
r = v.numpy()""",
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.SGD(0.1)
opt.apply_gradients([(None, v)])
r = int(opt.iterations.numpy())""",
    """s = tf.keras.optimizers.schedules.PolynomialDecay(1., 10, end_learning_rate=0.1)
r = (s(0), s(5), s(20))""",
    """s = tf.keras.optimizers.schedules.CosineDecay(1., 10)
r = (s(0), s(5), s(10))""",
    """s = tf.keras.optimizers.schedules.InverseTimeDecay(1., 10, 0.5)
r = s(5)""",
    """s = tf.keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5)
r = s.get_config()""",
    """s = tf.keras.optimizers.schedules.PiecewiseConstantDecay([10, 20], [1., 0.5, 0.1])
r = (s(10), s(11), s(25))""",
    """opt = tf.keras.optimizers.SGD(tf.keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5))
r = type(opt.learning_rate).__name__""",
]

KERAS_CALLBACKS = [
    SEQ2 + XY + """m.compile(optimizer=tf.keras.optimizers.SGD(0.0), loss='mse')
es = tf.keras.callbacks.EarlyStopping(monitor='loss', patience=1)
h = m.fit(x, y, epochs=10, batch_size=4, verbose=0, callbacks=[es])
r = (len(h.history['loss']), es.stopped_epoch)""",
    SEQ2 + XY + """m.compile(optimizer=tf.keras.optimizers.SGD(0.0), loss='mse')
es = tf.keras.callbacks.EarlyStopping(monitor='loss', patience=2, restore_best_weights=True)
h = m.fit(x, y, epochs=10, batch_size=4, verbose=0, callbacks=[es])
r = (len(h.history['loss']), es.stopped_epoch, es.wait, es.patience)""",
    SEQ2 + XY + """m.compile(optimizer=tf.keras.optimizers.SGD(0.0), loss='mse')
es = tf.keras.callbacks.EarlyStopping(monitor='val_loss', patience=0)
h = m.fit(x, y, epochs=5, batch_size=4, verbose=0, callbacks=[es], validation_data=(x, y))
r = len(h.history['loss'])""",
    SEQ2 + XY + """m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')
cb = tf.keras.callbacks.LearningRateScheduler(lambda epoch, lr: lr * 0.5)
h = m.fit(x, y, epochs=3, batch_size=4, verbose=0, callbacks=[cb])
r = (sorted(h.history), h.history.get('learning_rate', h.history.get('lr')), float(m.optimizer.learning_rate))""",
    SEQ2 + XY + """m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')
cb = tf.keras.callbacks.ReduceLROnPlateau(monitor='loss', factor=0.5, patience=0, min_delta=10.)
h = m.fit(x, y, epochs=3, batch_size=4, verbose=0, callbacks=[cb])
r = (sorted(h.history), float(m.optimizer.learning_rate))""",
    SEQ2 + XY + """m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')
seen = []
cb = tf.keras.callbacks.LambdaCallback(on_epoch_end=lambda e, logs: seen.append((e, sorted(logs))))
m.fit(x, y, epochs=2, batch_size=4, verbose=0, callbacks=[cb])
r = seen""",
    SEQ2 + XY + """m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse', metrics=['mae'])
seen = []
cb = tf.keras.callbacks.LambdaCallback(on_batch_end=lambda b, logs: seen.append((b, sorted(logs))))
m.fit(x, y, epochs=1, batch_size=2, verbose=0, callbacks=[cb])
r = seen""",
    SEQ2 + XY + """m.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss='mse')
class C(tf.keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.events = ['begin', logs]
    def on_epoch_begin(self, epoch, logs=None):
        self.events.append(('eb', epoch, logs))
    def on_train_end(self, logs=None):
        self.events.append(('end', sorted(logs)))
c = C()
m.fit(x, y, epochs=2, batch_size=4, verbose=0, callbacks=[c])
r = (c.events, c.model is m, sorted(c.params))""",
    """cb = tf.keras.callbacks.EarlyStopping()
r = (cb.monitor, cb.patience, cb.min_delta, cb.mode, cb.baseline, cb.restore_best_weights)""",
    """cb = tf.keras.callbacks.ReduceLROnPlateau()
r = (cb.monitor, cb.factor, cb.patience, cb.min_lr, cb.cooldown)""",
    """cb = tf.keras.callbacks.ModelCheckpoint('x.keras')
r = (cb.monitor, cb.save_best_only, cb.save_weights_only)""",
    "tf.keras.callbacks.ReduceLROnPlateau(factor=1.5)",
    "type(tf.keras.callbacks.History()).__name__",
]

KERAS_UTILS = [
    "tf.keras.utils.to_categorical(np.array([0, 1]))",
    "tf.keras.utils.to_categorical([[0], [2]]).shape",
    "tf.keras.utils.to_categorical(tf.constant([0, 1]), 3)",
    "tf.keras.utils.to_categorical(np.array([0., 1.]))",
    "tf.keras.utils.to_categorical(np.zeros((2, 3), 'int32'), 2).shape",
    "tf.keras.utils.normalize(np.array([[3., 4.], [1., 0.]]))",
    "tf.keras.utils.normalize(np.array([[3., 4.], [1., 0.]]), axis=0)",
    "tf.keras.utils.normalize(np.array([[3., 4.]]), order=1)",
    "tf.keras.utils.normalize(np.array([[0., 0.]]))",
    "tf.keras.utils.normalize(np.array([3., 4.]))",
    "tf.keras.utils.normalize([[3., 4.]])",
    "tf.keras.utils.normalize(np.array([[3, 4]]))",
    "tf.keras.utils.normalize(np.array([[3., 4.]], 'float32'))",
    "tf.keras.backend.floatx()", "tf.keras.backend.image_data_format()",
    "tf.keras.backend.epsilon()",
    "tf.keras.backend.is_keras_tensor(tf.keras.Input((2,)))",
    "tf.keras.backend.int_shape(tf.ones([2, 3]))",
    "tf.keras.backend.int_shape(tf.keras.Input((3,)))",
    "tf.keras.backend.cast_to_floatx(np.array([1, 2]))",
    "tf.keras.backend.get_value(tf.Variable(2.))",
    "tf.keras.utils.get_custom_objects()",
    "type(tf.keras.utils.Progbar(10)).__name__",
    "tf.keras.utils.set_random_seed(1)",
    "tf.keras.utils.pad_sequences([[1, 2], [3]])",
    "tf.keras.preprocessing.sequence.pad_sequences([[1, 2], [3]], maxlen=3, padding='post')",
    "tf.keras.utils.pad_sequences([[1, 2, 3]], maxlen=2)",
    "tf.keras.utils.pad_sequences([[1, 2, 3]], maxlen=2, truncating='post', value=9)",
    "tf.keras.utils.pad_sequences([[1., 2.5]], dtype='float32')",
    "tf.keras.initializers.RandomNormal(stddev=0.5).get_config()",
    "tf.keras.initializers.GlorotUniform().get_config()",
    "tf.keras.initializers.Constant(2.).get_config()",
    "type(tf.keras.initializers.get('he_normal')).__name__",
    "tf.keras.initializers.Zeros()((2, 2), dtype='int32')",
    "~tf.keras.initializers.HeNormal(seed=1)((3, 3))",
    "~tf.keras.initializers.TruncatedNormal()((3,))",
    "~tf.keras.initializers.Orthogonal()((3, 3))",
    "tf.keras.initializers.get('bogus')",
    "tf.keras.regularizers.l2(0.01).get_config()",
    "tf.keras.regularizers.l1_l2(l1=0.01, l2=0.02).get_config()",
    "tf.keras.regularizers.L2().get_config()",
    "type(tf.keras.regularizers.get('l2')).__name__",
    "tf.keras.activations.relu(tf.constant([-1., 3.]), max_value=2.)",
    "tf.keras.activations.relu(tf.constant([-1., 3.]), alpha=0.5)",
    "tf.keras.activations.relu(tf.constant([-1., 3.]), negative_slope=0.5)",
    "tf.keras.activations.relu(tf.constant([-1., 3.]), threshold=2.)",
    "tf.keras.activations.gelu(tf.constant([-1., 1.]))",
    "tf.keras.activations.gelu(tf.constant([-1., 1.]), approximate=True)",
    "tf.keras.activations.softplus(tf.constant([0.]))", "tf.keras.activations.softsign(tf.constant([1.]))",
    "tf.keras.activations.selu(tf.constant([-1., 1.]))", "tf.keras.activations.swish(tf.constant([1.]))",
    "tf.keras.activations.hard_sigmoid(tf.constant([-3., 0., 1.]))", "tf.keras.activations.exponential(tf.constant([0.]))",
    "tf.keras.activations.tanh(tf.constant([0.5]))", "tf.keras.activations.leaky_relu(tf.constant([-1.]))",
    "tf.keras.activations.softmax(tf.constant([[1., 2.], [1., 1.]]), axis=0)",
    "tf.keras.activations.serialize(tf.keras.activations.softmax)", "tf.keras.activations.get(None)(tf.constant([1.]))",
    "tf.keras.activations.get('bogus')",
]

KERAS_SAVE = [
    SEQ2 + """import tempfile, os
d = tempfile.mkdtemp()
p = os.path.join(d, 'm.keras')
m.save(p)
m2 = tf.keras.models.load_model(p)
r = (m2(np.ones((1, 3))), [w.shape for w in m2.weights], type(m2).__name__)""",
    SEQ2 + """import tempfile, os
d = tempfile.mkdtemp()
p = os.path.join(d, 'm.h5')
m.save(p)
m2 = tf.keras.models.load_model(p)
r = (m2(np.ones((1, 3))), [w.shape for w in m2.weights])""",
    SEQ2 + """import tempfile, os
d = tempfile.mkdtemp()
p = os.path.join(d, 'w.weights.h5')
m.save_weights(p)
m2 = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2)])
m2.load_weights(p)
r = m2(np.ones((1, 3)))""",
    SEQ2 + """import tempfile, os
d = tempfile.mkdtemp()
p = os.path.join(d, 'm.keras')
m.compile(optimizer=tf.keras.optimizers.Adam(0.01), loss='mse', metrics=['mae'])
m.save(p)
m2 = tf.keras.models.load_model(p)
r = (type(m2.optimizer).__name__, float(m2.optimizer.learning_rate))""",
    SEQ2 + """import tempfile, os
d = tempfile.mkdtemp()
p = os.path.join(d, 'w.txt')
r = m.save_weights(p)""",
    """import tempfile, os
r = tf.keras.models.load_model(os.path.join(tempfile.mkdtemp(), 'missing.keras'))""",
]

KERAS_ALL = KERAS_LAYERS + KERAS_MODELS + KERAS_SUMMARY + KERAS_TRAIN + KERAS_LOSSES + KERAS_METRICS \
    + KERAS_OPTIM + KERAS_CALLBACKS + KERAS_UTILS + KERAS_SAVE

KERAS_MORE_USAGE = [
    "tf.keras.layers.Dense(2)(tf.ones([2]))",
    "tf.keras.layers.Conv2D(2, 3)(tf.ones([1, 2, 2, 1]))",
    "tf.keras.layers.Dense(2)(tf.ones([2, 3], tf.int32)).dtype",
    """l = tf.keras.layers.BatchNormalization()
l.build((None, 3))
r = [w.path for w in l.weights]""",
    """l = tf.keras.layers.Dense(2)
l.build((None, 3))
r = l.set_weights([np.ones((3, 2))])""",
    """l = tf.keras.layers.Dense(2)
l.build((None, 3))
r = l.set_weights([np.ones((2, 2)), np.ones(2)])""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2), tf.keras.layers.BatchNormalization()])
r = [w.shape for w in m.get_weights()]""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2), tf.keras.layers.BatchNormalization()])
m.layers[0].trainable = False
r = (len(m.trainable_weights), len(m.non_trainable_weights), [w.name.split('/')[-1] for w in m.non_trainable_weights][:1])""",
    """inner = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2)])
outer = tf.keras.Sequential([inner, tf.keras.layers.Dense(1)])
inner.trainable = False
outer.build((None, 3))
r = (len(outer.trainable_weights), len(outer.non_trainable_weights), outer.count_params())""",
    "tf.keras.layers.Dropout(0.5, noise_shape=(1, 2), seed=3).get_config()['noise_shape']",
    "tf.keras.layers.Embedding(5, 2, mask_zero=True).compute_mask(tf.constant([[0, 1]]))",
    "tf.keras.layers.Rescaling(1. / 255).get_config()",
    "tf.keras.losses.BinaryFocalCrossentropy(gamma=2.)(tf.constant([[1.], [0.]]), tf.constant([[0.8], [0.1]]))",
    "tf.keras.losses.BinaryFocalCrossentropy(from_logits=True, apply_class_balancing=True)(tf.constant([[1.], [0.]]), tf.constant([[1.], [-2.]]))",
    "tf.keras.losses.binary_focal_crossentropy(tf.constant([[1.], [0.]]), tf.constant([[0.8], [0.1]]))",
    """m = tf.keras.metrics.MeanIoU(num_classes=3)
m.update_state([0, 1, 2, 2], [0, 2, 2, 1])
r = (m.result(), m.name)""",
    """m = tf.keras.metrics.MeanIoU(num_classes=2)
m.update_state([0, 0, 1, 1], [0, 1, 0, 1], sample_weight=[0.3, 0.3, 0.3, 0.1])
r = m.result()""",
    "tf.keras.losses.CategoricalFocalCrossentropy()(tf.constant([[0., 1.]]), tf.constant([[0.3, 0.7]]))",
    "tf.keras.losses.Tversky()(tf.constant([[0., 1.]]), tf.constant([[0.3, 0.7]]))",
    "tf.keras.losses.Dice()(tf.constant([[0., 1.]]), tf.constant([[0.3, 0.7]]))",
    "tf.keras.metrics.F1Score()",
    """m = tf.keras.metrics.R2Score()
m.update_state(np.array([[1.], [2.], [3.]]), np.array([[1.], [2.5], [2.]]))
r = m.result()""",
    "tf.keras.optimizers.Ftrl(0.1).get_config()['learning_rate_power']",
    "tf.keras.optimizers.Lion(0.1).name",
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Lion(learning_rate=0.1)
opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""",
    """v = tf.Variable([1., 2.])
opt = tf.keras.optimizers.Ftrl(learning_rate=0.1)
opt.apply_gradients([(tf.constant([1., -2.]), v)])
r = v.numpy()""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.fit(np.ones((4, 3)), np.ones((4, 2)), batch_size=3, epochs=1, verbose=0).history['loss']""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse', metrics=['mae'])
r = m.evaluate(np.ones((5, 3)), np.ones((5, 2)), batch_size=2, verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse', weighted_metrics=['mae'])
r = m.evaluate(np.ones((4, 3)), np.ones((4, 2)) * np.arange(4)[:, None], sample_weight=np.array([1., 0., 0., 1.]), verbose=0, return_dict=True)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse', loss_weights=[2.])
r = m.evaluate(np.ones((4, 3)), np.zeros((4, 2)), verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.predict(tf.data.Dataset.from_tensor_slices((np.ones((5, 3), 'float32'), np.ones((5, 2), 'float32'))).batch(2), verbose=0).shape""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.predict(np.ones((5, 3)), verbose=0, steps=1).shape""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.predict([[1., 2., 3.]], verbose=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
h = m.fit(np.ones((4, 3)), np.ones((4, 2)), epochs=2, verbose=0, validation_split=0.25, validation_freq=2)
r = sorted((k, len(v)) for k, v in h.history.items())""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
h = m.fit(x=tf.data.Dataset.from_tensor_slices((np.ones((4, 3), 'float32'), np.ones((4, 2), 'float32'))).batch(2), epochs=1, verbose=0, validation_data=tf.data.Dataset.from_tensor_slices((np.ones((4, 3), 'float32'), np.ones((4, 2), 'float32'))).batch(2))
r = sorted(h.history)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.fit(np.ones((4, 3)), np.ones((4, 2)), verbose=0, batch_size=0)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m.fit(np.ones((4, 3)), np.ones((4, 2)), verbose=0, validation_split=1.5)""",
    """m = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss='mse')
r = m(np.ones((2, 4)))""",
    "tf.keras.backend.clear_session() is None",
    "tf.keras.backend.learning_phase()",
    "tf.keras.backend.ndim(tf.ones([2, 3]))",
    "tf.keras.backend.dtype(tf.ones([2, 3]))",
    "tf.keras.backend.shape(tf.ones([2, 3]))",
    "tf.keras.backend.variable(np.array([1., 2.])).dtype",
    "tf.keras.backend.constant([1, 2]).dtype",
    "tf.keras.backend.image_data_format()",
    "tf.keras.activations.deserialize('relu')(tf.constant([-1.]))",
    "tf.keras.initializers.serialize(tf.keras.initializers.Zeros())",
    "tf.keras.initializers.deserialize({'class_name': 'Constant', 'config': {'value': 2.}})((2,))",
    "tf.keras.initializers.VarianceScaling(scale=2., mode='fan_out').get_config()",
    "tf.keras.regularizers.serialize(tf.keras.regularizers.l2(0.1))",
    "tf.keras.regularizers.L1(0.5)(tf.constant([[1., -2.]]))",
    "tf.keras.regularizers.OrthogonalRegularizer(0.1)(tf.eye(2))",
]
TOKENS = "t = np.array([[3, 5, 2, 0, 0], [7, 0, 0, 0, 0], [1, 2, 3, 4, 5]])\n"
EMB = "e = tf.keras.layers.Embedding(10, 3, mask_zero=True, embeddings_initializer='ones')\n"
# Masks carried from layer to layer (Keras 3): which layers pass, change or drop them.
KERAS_MASKING = [
    TOKENS + EMB + "r = e(t)._keras_mask",
    TOKENS + EMB + "r = tf.keras.layers.Dense(2)(e(t))._keras_mask",
    TOKENS + EMB + "r = tf.keras.layers.Dropout(0.5)(e(t))._keras_mask",
    TOKENS + EMB + "r = tf.keras.layers.Activation('relu')(e(t))._keras_mask",
    TOKENS + EMB + "r = tf.keras.layers.LayerNormalization()(e(t))._keras_mask",
    TOKENS + EMB + "r = tf.keras.layers.LSTM(2, return_sequences=True)(e(t))._keras_mask",
    TOKENS + EMB + "r = hasattr(tf.keras.layers.LSTM(2)(e(t)), '_keras_mask')",
    TOKENS + EMB + "r = hasattr(tf.keras.layers.GlobalAveragePooling1D()(e(t)), '_keras_mask')",
    TOKENS + EMB + "r = hasattr(tf.keras.layers.Flatten()(e(t)), '_keras_mask')",
    TOKENS + EMB + "r = hasattr(tf.keras.layers.Conv1D(2, 2)(e(t)), '_keras_mask')",
    TOKENS + EMB + "r = tf.keras.layers.Add()([e(t), e(t[:, ::-1].copy())])._keras_mask",
    TOKENS + EMB + "r = tf.keras.layers.Concatenate()([e(t), e(t[:, ::-1].copy())])._keras_mask",
    TOKENS + EMB + "r = tf.keras.layers.Concatenate(axis=1)([e(t), e(t)])._keras_mask",
    TOKENS + EMB + "r = tf.keras.layers.GlobalAveragePooling1D()(e(t) * np.arange(5.)[None, :, None])",
    TOKENS + EMB + "r = tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(2))(e(t))._keras_mask",
    "x = np.array([[[1., 2.], [0., 0.], [3., 0.]]])\nr = tf.keras.layers.Masking()(x)._keras_mask",
    "x = np.array([[[1., 2.], [5., 5.], [3., 0.]]])\nm = tf.keras.layers.Masking(mask_value=5.)\nr = [m(x), m(x)._keras_mask, m.get_config()['mask_value']]",
    "r = hasattr(tf.constant([1.]), '_keras_mask')",
    "=" + TOKENS + EMB + """m = tf.keras.Sequential([tf.keras.Input((5,)), e, tf.keras.layers.SimpleRNN(2, kernel_initializer='ones', recurrent_initializer='ones')])
r = m(t)""",
    TOKENS + EMB + """y = np.array([[1, 0, 1, 0, 0], [1, 1, 1, 1, 1], [0, 1, 0, 1, 0]])
m = tf.keras.Sequential([tf.keras.Input((5,)), e, tf.keras.layers.Dense(2, kernel_initializer='ones')])
m.compile(optimizer='sgd', loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
r = m.evaluate(t, y, verbose=0)""",
]
KERAS_ALL = KERAS_ALL + KERAS_MORE_USAGE + KERAS_MASKING
