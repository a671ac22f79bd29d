"""zwgk's crawler and application: everything that touches the network or the store."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("zwgk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
