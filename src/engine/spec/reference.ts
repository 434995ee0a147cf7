/** The reference spec written by "New Training Spec"; a test keeps it equal to examples/mnist-cnn.train.json. */
export const REFERENCE_SPEC = `{
  // The reference Keras MNIST CNN, exactly as the Python script configures it.
  "$schema": "../schemas/train-spec.schema.json",
  "name": "mnist-cnn",
  "data": {"dataset": "mnist"},
  // x_train.reshape(-1, 28, 28, 1).astype("float32") / 255
  "preprocessing": {"reshape": [28, 28, 1], "dtype": "float32", "scale": 0.00392156862745098},
  "model": {
    "name": "mnist_cnn",
    "layers": [
      {"type": "Conv2D", "filters": 32, "kernel_size": [3, 3], "activation": "relu", "padding": "valid", "input_shape": [28, 28, 1]},
      {"type": "Conv2D", "filters": 64, "kernel_size": [3, 3], "activation": "relu", "padding": "valid"},
      {"type": "Conv2D", "filters": 128, "kernel_size": [3, 3], "activation": "relu", "padding": "valid"},
      {"type": "Flatten"},
      {"type": "Dense", "units": 256, "activation": "relu"},
      {"type": "Dense", "units": 10, "activation": "softmax"}
    ]
  },
  "compile": {"optimizer": "adam", "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]},
  "fit": {"batch_size": 150, "epochs": 25, "validation_split": 0.2, "shuffle": true, "seed": 1337, "verbose": 1},
  "save": {"path": "models/mnist-cnn", "format": "tfjs", "overwrite": true, "include_optimizer": true}
}
`;
