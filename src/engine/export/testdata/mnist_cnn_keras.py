"""The reference Keras program: the classic Keras 3 MNIST CNN that examples/mnist-cnn.train.json
describes. check_reference.py compares the exported golden script against it."""
import keras

keras.utils.set_random_seed(1337)

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 28, 28, 1).astype("float32") / 255
x_test = x_test.reshape(-1, 28, 28, 1).astype("float32") / 255

model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(32, kernel_size=(3, 3), activation="relu", padding="valid"),
        keras.layers.Conv2D(64, kernel_size=(3, 3), activation="relu", padding="valid"),
        keras.layers.Conv2D(128, kernel_size=(3, 3), activation="relu", padding="valid"),
        keras.layers.Flatten(),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ],
    name="mnist_cnn",
)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=150, epochs=25, validation_split=0.2, shuffle=True, verbose=1)
model.evaluate(x_test, y_test)
model.save("mnist_cnn.keras")
