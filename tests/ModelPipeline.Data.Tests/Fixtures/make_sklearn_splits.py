"""The rows scikit-learn's train_test_split puts in train and test, for FrameSplitTests.

Run from the repository root (needs Debian's python3-sklearn 1.2.1 and numpy; use /usr/bin/python3):
    /usr/bin/python3 tests/ModelPipeline.Data.Tests/Fixtures/make_sklearn_splits.py > tests/ModelPipeline.Data.Tests/Fixtures/sklearn_splits.json

Each case is train_test_split(np.arange(n), y, test_size=..., random_state=seed, stratify=y or None); the label
column is read as numbers when every cell is one (as pandas would), else as text. "train"/"test" are the indices in
the order scikit-learn returns them ("train" is left out for the large flights sample: its test set fixes it).
"""
import csv
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.model_selection import train_test_split

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Support"))
from test_data import open_data  # noqa: E402


def label(file, name):
    with open_data(file) as f:
        values = [row[name] for row in csv.DictReader(f)]
    try:
        return np.array([float(v) for v in values])
    except ValueError:
        return np.array(values)


SYNTHETIC_NUMBERS = [0.0] * 7 + [2.0] * 7 + [1.0] * 7 + [3.0] * 4
SYNTHETIC_TEXT = ["b", "a", "B", "c", "b", "a", "B", "c", "a", "b", "a", "B", "a", "b", "c", "B", "b", "a"]

cases = [
    ("breast_cancer.csv", "malignant", True, 0.2, 42, True),
    ("breast_cancer.csv", "malignant", True, 0.2, 0, True),
    ("churn.csv", "churn", True, 0.2, 42, True),
    ("churn.csv", "churn", True, 0.25, 7, True),
    ("churn.csv", "churn", False, 0.25, 3, True),
    ("satellite.csv", "class", True, 0.2, 42, True),
    ("satellite.csv", "class", True, 0.2, 2024, True),
    ("diabetes_progression.csv", "disease_progression", False, 0.2, 42, True),
    ("diabetes_progression.csv", "disease_progression", False, 0.3, 1, True),
    ("synthetic_numbers", None, True, 0.2, 42, True),
    ("synthetic_numbers", None, True, 0.2, 5, True),
    ("synthetic_text", None, True, 0.3, 42, True),
    ("flights_q1_sample.csv", "delayed", True, 0.2, 42, False),
]

out = {
    "command": "/usr/bin/python3 tests/ModelPipeline.Data.Tests/Fixtures/make_sklearn_splits.py",
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "random_raw_seed_42": [int(v) for v in np.random.RandomState(42)._bit_generator.random_raw(1000)[[0, 1, 2, 623, 624, 999]]],
    "permutation_10_seed_42": np.random.RandomState(42).permutation(10).tolist(),
    "synthetic_numbers": SYNTHETIC_NUMBERS,
    "synthetic_text": SYNTHETIC_TEXT,
    "cases": [],
}
for file, name, stratify, test_size, seed, with_train in cases:
    y = np.array(out[file]) if name is None else label(file, name)
    train, test = train_test_split(np.arange(len(y)), test_size=test_size, random_state=seed, stratify=y if stratify else None)
    case = {"data": file, "label": name, "stratify": stratify, "test_size": test_size, "seed": seed, "rows": len(y)}
    if with_train:
        case["train"] = train.tolist()
    case["test"] = test.tolist()
    out["cases"].append(case)

json.dump(out, sys.stdout, separators=(",", ":"))
print()
