"""scikit-learn's preprocessing as ModelPipeline's linear trainers do it, shared by the fixture scripts here.

numeric columns -> median impute + StandardScaler; text columns -> most-frequent impute + one-hot (every level).
"""
import csv
import os
import sys

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Support"))
from test_data import open_data  # noqa: E402


def load(name, label, ignore=()):
    with open_data(name) as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    columns = {h: [r[i] for r in rows] for i, h in enumerate(header) if h not in ignore}
    y = columns.pop(label)
    numeric, text = [], []
    for name_, values in columns.items():
        try:
            [float(v) for v in values if v != ""]
            numeric.append(name_)
        except ValueError:
            text.append(name_)
    xn = np.array([[float(v) if v != "" else np.nan for v in columns[c]] for c in numeric], dtype=float).T if numeric else np.zeros((len(y), 0))
    xt = np.array([columns[c] for c in text], dtype=object).T if text else np.zeros((len(y), 0), dtype=object)
    x = np.concatenate([xn.astype(object), xt], axis=1)
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), list(range(len(numeric)))),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")),
         list(range(len(numeric), len(numeric) + len(text)))),
    ])
    return x, np.array(y), pre
