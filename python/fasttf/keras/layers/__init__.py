"""tf.keras.layers."""

from .activation_layers import ELU, LeakyReLU, PReLU, ReLU, Softmax, ThresholdedReLU
from .attention import AdditiveAttention, Attention, MultiHeadAttention
from .base_layer import Layer
from .conv import (Conv1D, Conv2D, Conv2DTranspose, Convolution1D, Convolution2D,
                   DepthwiseConv2D, SeparableConv2D)
from .conv_extra import (Conv1DTranspose, Conv3D, Conv3DTranspose, Convolution1DTranspose,
                         Convolution3D, Convolution3DTranspose, DepthwiseConv1D,
                         SeparableConv1D)
from .core import (Activation, ActivityRegularization, Dense, Dropout, Flatten, Lambda, Masking,
                   Permute, RepeatVector, Reshape, SpatialDropout1D, SpatialDropout2D,
                   SpatialDropout3D)
from . import experimental
from .einsum_dense import EinsumDense
from .embedding import Embedding
from .image_preprocessing import (CenterCrop, RandomBrightness, RandomContrast, RandomCrop,
                                  RandomFlip, RandomRotation, RandomTranslation, RandomZoom,
                                  Resizing)
from .input_layer import Input, InputLayer
from .input_spec import InputSpec
from .lookup import IntegerLookup
from .merge import (Add, Average, Concatenate, Dot, Maximum, Minimum, Multiply, Subtract, add,
                    average, concatenate, maximum, minimum, multiply, subtract)
from .normalization import BatchNormalization, LayerNormalization
from .normalization_extra import GroupNormalization, Identity, UnitNormalization
from .preprocessing import GaussianDropout, GaussianNoise, Rescaling
from .preprocessing_stats import CategoryEncoding, Discretization, Normalization
from .pooling import (AveragePooling1D, AveragePooling2D, AvgPool1D, AvgPool2D,
                      GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalAvgPool1D,
                      GlobalAvgPool2D, GlobalMaxPool1D, GlobalMaxPool2D, GlobalMaxPooling1D,
                      GlobalMaxPooling2D, MaxPool1D, MaxPool2D, MaxPooling1D, MaxPooling2D)
from .recurrent import (GRU, LSTM, RNN, GRUCell, LSTMCell, SimpleRNN, SimpleRNNCell,
                        StackedRNNCells)
from .reshaping import (Cropping1D, Cropping2D, UpSampling1D, UpSampling2D, ZeroPadding1D,
                        ZeroPadding2D)
from .rnn_wrappers import Bidirectional, TimeDistributed
from .volumetric import (AveragePooling3D, AvgPool3D, Cropping3D, GlobalAveragePooling3D,
                         GlobalAvgPool3D, GlobalMaxPool3D, GlobalMaxPooling3D, MaxPool3D,
                         MaxPooling3D, UpSampling3D, ZeroPadding3D)


def serialize(layer):
    return {"class_name": type(layer).__name__, "config": layer.get_config()}


def deserialize(config, custom_objects=None):
    cls = (custom_objects or {}).get(config["class_name"]) or globals()[config["class_name"]]
    return cls.from_config(config["config"])
