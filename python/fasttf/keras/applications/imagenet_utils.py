"""keras.applications.imagenet_utils: input preprocessing, decoding of ImageNet predictions and
the input-shape rules every application model shares (mirrors keras/src/applications)."""

import json
import os
import warnings

import numpy as np

from .. import backend

CLASS_INDEX = None
CLASS_INDEX_FILE = "imagenet_class_index.json"
CLASS_INDEX_PATH = ("https://storage.googleapis.com/download.tensorflow.org/"
                    "data/imagenet_class_index.json")
CLASS_INDEX_HASH = "c2c37ea517e94d9795004a39431a14cb"

_MODES = ("caffe", "tf", "torch")
_CAFFE_MEAN = (103.939, 116.779, 123.68)   # BGR order
_TORCH_MEAN = (0.485, 0.456, 0.406)
_TORCH_STD = (0.229, 0.224, 0.225)


def _check_args(data_format, mode):
    if mode not in _MODES:
        raise ValueError("Expected mode to be one of `caffe`, `tf` or `torch`. Received: "
                         "mode=%s" % (mode,))
    if data_format is None:
        return backend.image_data_format()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError("Expected data_format to be one of `channels_first` or "
                         "`channels_last`. Received: data_format=%s" % (data_format,))
    return data_format


def _channel_view(ndim, data_format):
    """Shape that broadcasts a per-channel vector against a 3D/4D image batch."""
    if data_format == "channels_first":
        return (3, 1, 1) if ndim == 3 else (1, 3) + (1,) * (ndim - 2)
    return (1,) * (ndim - 1) + (3,)


def _preprocess_numpy(x, data_format, mode):
    if not issubclass(x.dtype.type, np.floating):
        x = x.astype(backend.floatx(), copy=False)
    if mode == "tf":
        x /= 127.5
        x -= 1.0
        return x
    if mode == "torch":
        x /= 255.0
        mean, std = np.array(_TORCH_MEAN), np.array(_TORCH_STD)
    else:
        channel_axis = (0 if x.ndim == 3 else 1) if data_format == "channels_first" else -1
        x = np.flip(x, axis=channel_axis)  # RGB -> BGR
        mean, std = np.array(_CAFFE_MEAN), None
    view = _channel_view(x.ndim, data_format)
    x -= mean.reshape(view).astype(x.dtype)  # in place through the flipped view, as Keras
    if std is not None:
        x /= std.reshape(view).astype(x.dtype)
    return x


def _preprocess_tensor(x, data_format, mode):
    from ...framework.constant_op import constant
    from ... import array_ops
    ndim = len(x.shape)
    if mode == "tf":
        return x / 127.5 - 1.0
    if mode == "torch":
        x = x / 255.0
        mean, std = np.array(_TORCH_MEAN), np.array(_TORCH_STD)
    else:
        channel_axis = (0 if ndim == 3 else 1) if data_format == "channels_first" else -1
        x = array_ops.reverse(x, [channel_axis])  # RGB -> BGR
        mean, std = np.array(_CAFFE_MEAN), None
    view = _channel_view(ndim, data_format)
    x = x - constant(mean.reshape(view), dtype=x.dtype)
    if std is not None:
        x = x / constant(std.reshape(view), dtype=x.dtype)
    return x


def preprocess_input(x, data_format=None, mode="caffe"):
    """Preprocesses a batch of images (values in [0, 255]): `caffe` converts RGB to BGR and
    subtracts the ImageNet channel means; `tf` scales to [-1, 1]; `torch` scales to [0, 1] and
    normalises each channel. NumPy float input is modified in place, as in Keras."""
    data_format = _check_args(data_format, mode)
    if isinstance(x, np.ndarray):
        return _preprocess_numpy(x, data_format, mode)
    from ...framework.tensor import Tensor
    if not isinstance(x, Tensor):
        return _preprocess_numpy(np.asarray(x), data_format, mode)
    if not x.dtype.is_floating:
        from ... import _C
        from ...framework import dtypes
        x = _C.cast(x, dtypes.as_dtype(backend.floatx()))
    return _preprocess_tensor(x, data_format, mode)


def _load_class_index():
    global CLASS_INDEX
    if CLASS_INDEX is None:
        from ..datasets._download import cache_dirs, get_file
        _, search_dirs = cache_dirs("models")
        path = next((os.path.join(d, CLASS_INDEX_FILE) for d in search_dirs
                     if os.path.isfile(os.path.join(d, CLASS_INDEX_FILE))), None)
        if path is None:
            path = get_file(CLASS_INDEX_FILE, CLASS_INDEX_PATH, cache_subdir="models",
                            file_hash=CLASS_INDEX_HASH)
        try:
            with open(path) as f:
                CLASS_INDEX = json.load(f)
        except (OSError, ValueError) as exc:
            raise ValueError("%s is not a readable ImageNet class index (JSON): %s; delete it "
                             "and download %s again" % (path, exc, CLASS_INDEX_PATH)) from None
    return CLASS_INDEX


def decode_predictions(preds, top=5):
    """[(class_name, class_description, score)] * top for each row of a (samples, 1000) batch
    of ImageNet predictions, best first. Needs `imagenet_class_index.json` in the Keras cache
    (`~/.keras/models/`), which it downloads when missing."""
    preds = np.asarray(preds.numpy() if hasattr(preds, "numpy") else preds)
    if preds.ndim != 2 or preds.shape[1] != 1000:
        raise ValueError("`decode_predictions` expects a batch of predictions (i.e. a 2D array "
                         "of shape (samples, 1000)). Received array with shape: %s"
                         % (preds.shape,))
    class_index = _load_class_index()
    results = []
    for pred in preds:
        top_indices = pred.argsort()[-top:][::-1]
        result = [tuple(class_index[str(i)]) + (pred[i],) for i in top_indices]
        result.sort(key=lambda r: r[2], reverse=True)
        results.append(result)
    return results


def obtain_input_shape(input_shape, default_size, min_size, data_format, require_flatten,
                       weights=None):
    """The model's input shape (without batch) from the user's `input_shape`, validated as
    Keras does."""
    channels_first = data_format == "channels_first"
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        channels = input_shape[0] if channels_first else input_shape[-1]
        if channels not in (1, 3):
            warnings.warn("This model usually expects 1 or 3 input channels. However, it was "
                          "passed an input_shape with %s input channels." % (channels,),
                          stacklevel=3)
        default_shape = ((input_shape[0], default_size, default_size) if channels_first
                         else (default_size, default_size, input_shape[-1]))
    else:
        default_shape = ((3, default_size, default_size) if channels_first
                         else (default_size, default_size, 3))
    if weights == "imagenet" and require_flatten:
        if input_shape is not None and tuple(input_shape) != default_shape:
            raise ValueError("When setting `include_top=True` and loading `imagenet` weights, "
                             "`input_shape` should be %s.  Received: input_shape=%s"
                             % (default_shape, input_shape))
        return default_shape
    if input_shape:
        input_shape = tuple(input_shape)
        if len(input_shape) != 3:
            raise ValueError("`input_shape` must be a tuple of three integers.")
        channels = input_shape[0] if channels_first else input_shape[-1]
        spatial = input_shape[1:] if channels_first else input_shape[:2]
        if channels != 3 and weights == "imagenet":
            raise ValueError("The input must have 3 channels; Received `input_shape=%s`"
                             % (input_shape,))
        if any(d is not None and d < min_size for d in spatial):
            raise ValueError("Input size must be at least %dx%d; Received: input_shape=%s"
                             % (min_size, min_size, input_shape))
    elif require_flatten:
        input_shape = default_shape
    else:
        input_shape = (3, None, None) if channels_first else (None, None, 3)
    if require_flatten and None in input_shape:
        raise ValueError("If `include_top` is True, you should specify a static "
                         "`input_shape`. Received: input_shape=%s" % (input_shape,))
    return input_shape


def validate_activation(classifier_activation, weights):
    """Pretrained classifiers allow only `None` or softmax on the top layer."""
    if weights is None:
        return
    from .. import activations
    allowed = (activations.get("softmax"), activations.get(None))
    if activations.get(classifier_activation) not in allowed:
        raise ValueError("Only `None` and `softmax` activations are allowed for the "
                         "`classifier_activation` argument when using pretrained weights, with "
                         "`include_top=True`; Received: classifier_activation=%s"
                         % (classifier_activation,))


def correct_pad(inputs, kernel_size):
    """Zero-padding ((top, bottom), (left, right)) for a strided 'valid' convolution."""
    img_dim = 2 if backend.image_data_format() == "channels_first" else 1
    input_size = tuple(inputs.shape)[img_dim:img_dim + 2]
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    adjust = (1, 1) if input_size[0] is None else (1 - input_size[0] % 2,
                                                    1 - input_size[1] % 2)
    correct = (kernel_size[0] // 2, kernel_size[1] // 2)
    return ((correct[0] - adjust[0], correct[0]), (correct[1] - adjust[1], correct[1]))
