"""scikit-learn's holdout figures for the linear models on the benchmark's split, for LinearTrainersTests.

Run from the repository root (needs Debian's python3-sklearn 1.2.1; use /usr/bin/python3):
    /usr/bin/python3 tests/ModelPipeline.Training.Tests/Fixtures/make_sklearn_holdout.py > tests/ModelPipeline.Training.Tests/Fixtures/sklearn_holdout.json

Protocol of tests/data/README.md: train_test_split(test_size=0.2, random_state=42, stratify=y for classification),
numeric columns -> median impute + StandardScaler, text columns -> most-frequent impute + one-hot (every level),
LogisticRegression(C=1, lbfgs, max_iter=1000) or Ridge(alpha=1). Metric on the 20 % holdout.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, f1_score, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from sklearn_pipeline import load

out = {"command": "/usr/bin/python3 tests/ModelPipeline.Training.Tests/Fixtures/make_sklearn_holdout.py", "sklearn": sklearn.__version__}
cases = [
    ("breast_cancer.csv", "malignant", "logistic_regression", ()),
    ("churn.csv", "churn", "logistic_regression", ()),
    ("satellite.csv", "class", "logistic_regression", ()),
    ("diabetes_progression.csv", "disease_progression", "linear_regression", ()),
    ("flights_q1_sample.csv", "delayed", "logistic_regression", ("date",)),
]
if len(sys.argv) > 1:
    cases.append(("flights.csv", "delayed", "logistic_regression", ("date",)))
for file, label, trainer, ignore in cases:
    x, y, pre = load(file, label, ignore)
    try:
        y = y.astype(float)  # numbers sort as numbers when stratifying (as pandas would read them)
    except ValueError:
        pass
    regression = trainer == "linear_regression"
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=42, stratify=None if regression else y)
    model = make_pipeline(pre, Ridge(alpha=1.0) if regression else LogisticRegression(max_iter=1000)).fit(x_train, y_train)
    figures = {"n_train": len(y_train)}
    if regression:
        figures["r2"] = r2_score(y_test, model.predict(x_test))
    elif len(model.classes_) == 2:
        figures["auc"] = roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])
    else:
        predicted = model.predict(x_test)
        figures["macro_f1"] = f1_score(y_test, predicted, average="macro")
        figures["accuracy"] = accuracy_score(y_test, predicted)
    out[f"{file}:{trainer}"] = figures
json.dump(out, sys.stdout, indent=1)
print()
