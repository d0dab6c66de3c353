"""The MNIST benchmark script builds both of the networks it times."""

from tools import bench_mnist_cnn


def test_the_benchmark_builds_the_notebook_cnn_and_the_keras_io_convnet():
    ours = bench_mnist_cnn.notebook_cnn()
    assert ours.name == "mnist_cnn"
    assert ours.input_shape == (None, 28, 28, 1) and ours.output_shape == (None, 10)
    reference = bench_mnist_cnn.keras_io_convnet()
    assert reference.count_params() == 34_826  # as printed in the keras-io example
