"""Keras fit speed: one epoch of an MNIST MLP and of a small CNN (batch 128, Adam), with the
time per epoch and the test accuracy. Run: PYTHONPATH=python python bench/bench_keras.py"""

import os
import sys
import time

import numpy as np

import fasttf as tf
from fasttf import keras
from fasttf.keras import layers

MNIST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                     "datasets", "mnist.npz")


def run(name, model, x_train, y_train, x_test, y_test):
    model.compile(optimizer="adam",
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    start = time.perf_counter()
    model.fit(x_train, y_train, batch_size=128, epochs=1, verbose=0)
    seconds = time.perf_counter() - start
    _, acc = model.evaluate(x_test, y_test, batch_size=512, verbose=0)
    print("%-4s one epoch: %.2f s (%.0f images/s), test accuracy %.4f"
          % (name, seconds, len(x_train) / seconds, acc))


def main():
    if not os.path.exists(MNIST):
        sys.exit("MNIST not found at %s" % MNIST)
    with np.load(MNIST) as data:
        x_train = (data["x_train"] / 255.0).astype(np.float32)
        y_train, y_test = data["y_train"], data["y_test"]
        x_test = (data["x_test"] / 255.0).astype(np.float32)
    keras.backend.set_seed(0)
    mlp = keras.Sequential([layers.Flatten(input_shape=(28, 28)),
                            layers.Dense(256, activation="relu"),
                            layers.Dense(128, activation="relu"), layers.Dense(10)])
    run("MLP", mlp, x_train, y_train, x_test, y_test)
    if not hasattr(tf.nn, "conv2d"):
        print("CNN  skipped: tf.nn.conv2d not available")
        return
    cnn = keras.Sequential([layers.Conv2D(32, 3, activation="relu", input_shape=(28, 28, 1)),
                            layers.MaxPooling2D(), layers.Conv2D(64, 3, activation="relu"),
                            layers.MaxPooling2D(), layers.Flatten(),
                            layers.Dense(128, activation="relu"), layers.Dense(10)])
    run("CNN", cnn, x_train[..., None], y_train, x_test[..., None], y_test)


if __name__ == "__main__":
    main()
