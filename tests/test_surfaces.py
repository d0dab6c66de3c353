"""Tests of nbutils.surfaces: grids, contour plots with paths, 1-D paths, loss curves."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nbutils import surfaces  # noqa: E402


def bowl(x, y):
    return x**2 + 4 * y**2


def test_grid_values_shapes_and_values():
    X, Y, Z = surfaces.grid_values(bowl, (-1, 1), (-2, 2), n=5)
    assert X.shape == Y.shape == Z.shape == (5, 5)
    assert X[0, 0] == -1 and X[0, -1] == 1 and Y[0, 0] == -2 and Y[-1, 0] == 2
    np.testing.assert_allclose(Z, X**2 + 4 * Y**2)
    assert Z[2, 2] == 0.0


@pytest.mark.parametrize("xlim", [(1, 1), (2, 1), (0, np.inf)])
def test_grid_values_rejects_bad_limits(xlim):
    with pytest.raises(ValueError, match="xlim"):
        surfaces.grid_values(bowl, xlim, (0, 1))


def test_grid_values_rejects_bad_arguments():
    with pytest.raises(TypeError, match="callable"):
        surfaces.grid_values("bowl", (0, 1), (0, 1))
    with pytest.raises(TypeError, match="pair"):
        surfaces.grid_values(bowl, 3, (0, 1))
    with pytest.raises(ValueError, match="n must"):
        surfaces.grid_values(bowl, (0, 1), (0, 1), n=1)
    with pytest.raises(ValueError, match="element-wise"):
        surfaces.grid_values(lambda x, y: 1.0, (0, 1), (0, 1), n=3)


def test_plot_contour_paths_draws_each_path():
    path = np.array([[1.0, 1.0], [0.5, 0.2], [0.1, 0.0]])
    fig, ax = surfaces.plot_contour_paths(bowl, {"gd": path}, (-1.5, 1.5), (-1.5, 1.5),
                                          n=20, minimum=(0, 0))
    lines = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_allclose(lines["gd"].get_xydata(), path)
    np.testing.assert_allclose(lines["minimum"].get_xydata(), [[0.0, 0.0]])
    assert ax.get_xlim() == (-1.5, 1.5)
    plt.close(fig)


def test_plot_contour_paths_rejects_bad_paths():
    with pytest.raises(ValueError, match="shape"):
        surfaces.plot_contour_paths(bowl, {"p": [1.0, 2.0, 3.0]}, (0, 1), (0, 1))
    with pytest.raises(ValueError, match="diverge"):
        surfaces.plot_contour_paths(bowl, {"p": [[0.0, np.nan]]}, (0, 1), (0, 1))
    with pytest.raises(TypeError, match="dict"):
        surfaces.plot_contour_paths(bowl, [[0.0, 1.0]], (0, 1), (0, 1))


def test_plot_path_1d_marks_visited_points():
    def f(t):
        return (t - 1.0) ** 2

    visited = [3.0, 2.0, 1.5, 1.25]
    fig, ax = surfaces.plot_path_1d(f, {"start 3": visited}, (-1, 4), n=50)
    lines = {line.get_label(): line for line in ax.get_lines()}
    np.testing.assert_allclose(lines["start 3"].get_xdata(), visited)
    np.testing.assert_allclose(lines["start 3"].get_ydata(), f(np.array(visited)))
    assert len(lines["objective"].get_xdata()) == 50
    plt.close(fig)
    with pytest.raises(ValueError, match="element-wise"):
        surfaces.plot_path_1d(lambda t: 0.0, {"a": [1.0]}, (0, 1))


def test_plot_loss_curves_data_and_checks():
    fig, ax = surfaces.plot_loss_curves({"sgd": ([1, 2, 3], [3.0, 2.0, 1.0])}, logx=True)
    (line,) = ax.get_lines()
    np.testing.assert_allclose(line.get_ydata(), [3.0, 2.0, 1.0])
    assert ax.get_yscale() == "log" and ax.get_xscale() == "log"
    plt.close(fig)
    with pytest.raises(ValueError, match="<= 0"):
        surfaces.plot_loss_curves({"a": ([0, 1], [1.0, 0.0])})
    with pytest.raises(ValueError, match="equal length"):
        surfaces.plot_loss_curves({"a": ([0, 1, 2], [1.0, 0.5])})
    with pytest.raises(TypeError, match="pair"):
        surfaces.plot_loss_curves({"a": [1.0, 0.5, 0.2]})
    with pytest.raises(TypeError, match="non-empty"):
        surfaces.plot_loss_curves({})
