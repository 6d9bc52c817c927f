"""tf.keras.applications: pretrained-architecture models (ResNet50/101/152) with Keras' layer
names, so Keras' own weight files (`~/.keras/models/*.h5`) load into them."""

from . import imagenet_utils, resnet
from .resnet import ResNet50, ResNet101, ResNet152

# Keras also exposes the per-model modules `applications.resnet50` and `applications.resnet`.
resnet50 = resnet

__all__ = ["ResNet50", "ResNet101", "ResNet152", "imagenet_utils", "resnet", "resnet50"]
