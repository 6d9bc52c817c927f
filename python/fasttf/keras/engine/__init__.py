"""The Keras engine: Model, Sequential, the functional API, data handling and summary."""
