"""Where the fixture scripts find the repository's data sets, as tests/Support/TestData.cs does for the tests:
tests/data/ or data/, plain or gzip-compressed as <name>.gz. Import after putting this folder on sys.path."""
import gzip
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def path_of(name):
    for folder in (os.path.join(ROOT, "tests", "data"), os.path.join(ROOT, "data")):
        for candidate in (name, name + ".gz"):
            path = os.path.join(folder, candidate)
            if os.path.exists(path):
                return path
    raise FileNotFoundError(f"data set {name!r} is in neither tests/data/ nor data/ of {ROOT}")


def open_data(name):
    """The data set as text (newline='' for the csv module), unpacked when it is stored as .gz."""
    path = path_of(name)
    if path.endswith(".gz"):
        return gzip.open(path, "rt", newline="", encoding="utf-8")
    return open(path, newline="", encoding="utf-8")
