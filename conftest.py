"""pytest set-up shared by the unit tests and the notebook runs (nbval).

Notebooks run in smoke mode unless NBUTILS_FAST is set otherwise, and figures are
drawn off-screen. The notebook kernels inherit this environment; TensorFlow's start-up
switches are set by ``import nbutils`` itself (see nbutils.runtime.start).
"""

import os

os.environ.setdefault("NBUTILS_FAST", "1")
os.environ.setdefault("MPLBACKEND", "Agg")
