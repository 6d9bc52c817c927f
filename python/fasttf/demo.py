"""`python -m fasttf.demo`: trains a small CNN on the bundled 8x8 digits and reports test
accuracy and images per second. `--mnist PATH` runs it on MNIST (an .npz file)."""

import argparse
import time

import numpy as np

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers


def _load(mnist_path):
    if mnist_path:
        with np.load(mnist_path) as data:
            return ((data["x_train"], data["y_train"]), (data["x_test"], data["y_test"]), 255.0)
    from fasttf.keras.datasets import digits
    train, test = digits.load_data()
    return train, test, 16.0


def build_model(input_shape):
    if hasattr(tf.nn, "conv2d") and hasattr(tf.nn, "max_pool2d"):
        return keras.Sequential([
            layers.Conv2D(16, 3, padding="same", activation="relu", input_shape=input_shape),
            layers.MaxPooling2D(),
            layers.Conv2D(32, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dense(64, activation="relu"),
            layers.Dense(10),
        ], name="digits_cnn")
    print("(tf.nn.conv2d is not available in this build: using an MLP instead)")
    return keras.Sequential([layers.Flatten(input_shape=input_shape),
                             layers.Dense(128, activation="relu"), layers.Dense(10)],
                            name="digits_mlp")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mnist", metavar="PATH", help="train on MNIST from this .npz file")
    parser.add_argument("--epochs", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)
    (x_train, y_train), (x_test, y_test), scale = _load(args.mnist)
    x_train = (x_train.astype(np.float32) / scale)[..., None]
    x_test = (x_test.astype(np.float32) / scale)[..., None]
    epochs = args.epochs or (2 if args.mnist else 15)
    keras.backend.set_seed(0)
    model = build_model(x_train.shape[1:])
    model.summary()
    model.compile(optimizer=keras.optimizers.Adam(0.002),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    start = time.perf_counter()
    model.fit(x_train, y_train, batch_size=args.batch_size, epochs=epochs, verbose=1)
    seconds = time.perf_counter() - start
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    print("test loss %.4f, test accuracy %.4f" % (loss, accuracy))
    print("training: %.1f images/s (%d images x %d epochs in %.2f s)"
          % (len(x_train) * epochs / seconds, len(x_train), epochs, seconds))
    return accuracy


if __name__ == "__main__":
    main()
