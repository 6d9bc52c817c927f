"""ResNet50 / ResNet101 / ResNet152 (v1), layer for layer as keras/src/applications/resnet.py:
same layer names, hyper-parameters and order, so Keras' pretrained weight files load."""

from .. import backend, layers
from ..engine.functional import Functional
from . import imagenet_utils
from . import weights as weights_mod
from ._graph import mark_unknown_dims

BASE_WEIGHTS_PATH = weights_mod.BASE_WEIGHTS_PATH + "resnet/"
# (with top, without top) MD5 hashes of Keras' files.
WEIGHTS_HASHES = {
    "resnet50": ("2cb95161c43110f7111970584f804107", "4d473c1dd8becc155b73f8504c6f6626"),
    "resnet101": ("f1aeb4b969a6efcfb50fad2f0c20cfc5", "88cf7a10940856eca736dc7b7e228a21"),
    "resnet152": ("100835be76be38e30d865e96f2aaae62", "ee4c566cf9a93f14d82f913c2dc6dd0c"),
}
_BN_EPSILON = 1.001e-5


def _bn_axis():
    return 3 if backend.image_data_format() == "channels_last" else 1


def weights_file_name(weights_name, include_top):
    suffix = "" if include_top else "_notop"
    return "%s_weights_tf_dim_ordering_tf_kernels%s.h5" % (weights_name, suffix)


def ResNet(stack_fn, preact, use_bias, include_top=True, weights="imagenet", input_tensor=None,
           input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
           name="resnet", weights_name=None):
    """Builds a ResNet around `stack_fn` (the residual stages) and loads `weights`."""
    weights_mod.validate_weights_argument(weights)
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError("If using `weights='imagenet'` with `include_top=True`, `classes` "
                         "should be 1000.  Received classes=%s" % (classes,))
    if pooling not in (None, "avg", "max"):
        raise ValueError("`pooling` should be None, 'avg' or 'max'. Received: pooling=%r"
                         % (pooling,))
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=224, min_size=32, data_format=backend.image_data_format(),
        require_flatten=include_top, weights=weights)
    if input_tensor is None:
        img_input = layers.Input(shape=input_shape)
    else:
        from ..engine.keras_tensor import KerasTensor
        if not isinstance(input_tensor, KerasTensor):
            raise ValueError("`input_tensor` must be a Keras tensor (the output of "
                             "`keras.Input()` or of a layer). Received: %r" % (input_tensor,))
        img_input = input_tensor
    bn_axis = _bn_axis()

    x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)), name="conv1_pad")(img_input)
    x = layers.Conv2D(64, 7, strides=2, use_bias=use_bias, name="conv1_conv")(x)
    if not preact:
        x = layers.BatchNormalization(axis=bn_axis, epsilon=_BN_EPSILON, name="conv1_bn")(x)
        x = layers.Activation("relu", name="conv1_relu")(x)
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)

    x = stack_fn(x)

    if preact:
        x = layers.BatchNormalization(axis=bn_axis, epsilon=_BN_EPSILON, name="post_bn")(x)
        x = layers.Activation("relu", name="post_relu")(x)
    if include_top:
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = layers.Dense(classes, activation=classifier_activation, name="predictions")(x)
    elif pooling == "avg":
        x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    elif pooling == "max":
        x = layers.GlobalMaxPooling2D(name="max_pool")(x)

    inputs = _source_inputs(img_input)
    model = Functional(inputs, x, name=name)
    mark_unknown_dims(model, probe_size=64)

    if weights == "imagenet" and weights_name in WEIGHTS_HASHES:
        file_name = weights_file_name(weights_name, include_top)
        file_hash = WEIGHTS_HASHES[weights_name][0 if include_top else 1]
        weights_mod.load_imagenet(model, file_name, BASE_WEIGHTS_PATH + file_name, file_hash)
    elif weights is not None and weights != "imagenet":
        weights_mod.load_weights_file(model, weights)
    return model


def _source_inputs(tensor):
    """The keras.Input tensors `tensor` depends on (the model's inputs when `input_tensor` is
    the output of earlier layers)."""
    found, seen, stack = [], set(), [tensor]
    while stack:
        t = stack.pop()
        node = t.node
        if node.is_input:
            if id(t) not in seen:
                seen.add(id(t))
                found.append(t)
            continue
        stack.extend(reversed(node.keras_inputs))
    return found[0] if len(found) == 1 else found


def residual_block_v1(x, filters, kernel_size=3, stride=1, conv_shortcut=True, name=None):
    """Bottleneck block: 1x1 (stride) -> kxk -> 1x1 (4*filters), plus the shortcut."""
    bn_axis = _bn_axis()
    if conv_shortcut:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=name + "_0_conv")(x)
        shortcut = layers.BatchNormalization(axis=bn_axis, epsilon=_BN_EPSILON,
                                             name=name + "_0_bn")(shortcut)
    else:
        shortcut = x
    x = layers.Conv2D(filters, 1, strides=stride, name=name + "_1_conv")(x)
    x = layers.BatchNormalization(axis=bn_axis, epsilon=_BN_EPSILON, name=name + "_1_bn")(x)
    x = layers.Activation("relu", name=name + "_1_relu")(x)
    x = layers.Conv2D(filters, kernel_size, padding="SAME", name=name + "_2_conv")(x)
    x = layers.BatchNormalization(axis=bn_axis, epsilon=_BN_EPSILON, name=name + "_2_bn")(x)
    x = layers.Activation("relu", name=name + "_2_relu")(x)
    x = layers.Conv2D(4 * filters, 1, name=name + "_3_conv")(x)
    x = layers.BatchNormalization(axis=bn_axis, epsilon=_BN_EPSILON, name=name + "_3_bn")(x)
    x = layers.Add(name=name + "_add")([shortcut, x])
    return layers.Activation("relu", name=name + "_out")(x)


def stack_residual_blocks_v1(x, filters, blocks, stride1=2, name=None):
    x = residual_block_v1(x, filters, stride=stride1, name=name + "_block1")
    for i in range(2, blocks + 1):
        x = residual_block_v1(x, filters, conv_shortcut=False, name="%s_block%d" % (name, i))
    return x


def _stages(blocks):
    """stack_fn for the ResNet v1 family: four stages with `blocks` blocks each."""
    def stack_fn(x):
        x = stack_residual_blocks_v1(x, 64, blocks[0], stride1=1, name="conv2")
        x = stack_residual_blocks_v1(x, 128, blocks[1], name="conv3")
        x = stack_residual_blocks_v1(x, 256, blocks[2], name="conv4")
        return stack_residual_blocks_v1(x, 512, blocks[3], name="conv5")
    return stack_fn


def _resnet_v1(blocks, weights_name, include_top, weights, input_tensor, input_shape, pooling,
               classes, classifier_activation, name):
    return ResNet(_stages(blocks), preact=False, use_bias=True, include_top=include_top,
                  weights=weights, input_tensor=input_tensor, input_shape=input_shape,
                  pooling=pooling, classes=classes,
                  classifier_activation=classifier_activation, name=name,
                  weights_name=weights_name)


def ResNet50(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
             pooling=None, classes=1000, classifier_activation="softmax", name="resnet50"):
    """Instantiates the ResNet50 architecture (Keras' layer names; weights: None, "imagenet"
    or a weights file path)."""
    return _resnet_v1((3, 4, 6, 3), "resnet50", include_top, weights, input_tensor,
                      input_shape, pooling, classes, classifier_activation, name)


def ResNet101(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
              pooling=None, classes=1000, classifier_activation="softmax", name="resnet101"):
    """Instantiates the ResNet101 architecture."""
    return _resnet_v1((3, 4, 23, 3), "resnet101", include_top, weights, input_tensor,
                      input_shape, pooling, classes, classifier_activation, name)


def ResNet152(include_top=True, weights="imagenet", input_tensor=None, input_shape=None,
              pooling=None, classes=1000, classifier_activation="softmax", name="resnet152"):
    """Instantiates the ResNet152 architecture."""
    return _resnet_v1((3, 8, 36, 3), "resnet152", include_top, weights, input_tensor,
                      input_shape, pooling, classes, classifier_activation, name)


def preprocess_input(x, data_format=None):
    """Caffe-style preprocessing (RGB -> BGR, minus the ImageNet channel means)."""
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="caffe")


def decode_predictions(preds, top=5):
    return imagenet_utils.decode_predictions(preds, top=top)


decode_predictions.__doc__ = imagenet_utils.decode_predictions.__doc__
