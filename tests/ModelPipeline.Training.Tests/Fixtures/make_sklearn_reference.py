"""Reference predictions from scikit-learn for ModelPipeline.Training tests.

Run from the repository root (needs Debian's python3-sklearn 1.2.1; use /usr/bin/python3):
    /usr/bin/python3 tests/ModelPipeline.Training.Tests/Fixtures/make_sklearn_reference.py > tests/ModelPipeline.Training.Tests/Fixtures/sklearn_reference.json

Each model is fitted on ALL rows of the data set (no split, so C# can reproduce it exactly) with the pipeline
ModelPipeline uses by default: numeric columns -> median impute + StandardScaler; text columns -> most-frequent
impute + one-hot. Binary logistic regressions are solved to tol=1e-10 so that both sides reach the same optimum (the multinomial one on
satellite uses the defaults, tol=1e-4, to keep the test fast; its optimum is flat, so the test allows 0.01). The first 20 rows' predictions are recorded.
"""
import json
import sys

from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.pipeline import make_pipeline

from sklearn_pipeline import load

out = {"command": "/usr/bin/python3 tests/ModelPipeline.Training.Tests/Fixtures/make_sklearn_reference.py", "sklearn": __import__("sklearn").__version__}
for name, label in [("breast_cancer.csv", "malignant"), ("churn.csv", "churn")]:
    x, y, pre = load(name, label)
    model = make_pipeline(pre, LogisticRegression(max_iter=10000, tol=1e-10)).fit(x, y)
    out[name + ":logistic_regression"] = model.predict_proba(x[:20])[:, list(model.classes_).index("1")].tolist()
x, y, pre = load("satellite.csv", "class")
model = make_pipeline(pre, LogisticRegression(max_iter=1000)).fit(x, y)
out["satellite.csv:logistic_regression"] = {"classes": [str(c) for c in model.classes_], "probabilities": model.predict_proba(x[:20]).tolist()}
x, y, pre = load("diabetes_progression.csv", "disease_progression")
model = make_pipeline(pre, Ridge(alpha=1.0)).fit(x, y.astype(float))
out["diabetes_progression.csv:linear_regression"] = model.predict(x[:20]).tolist()
json.dump(out, sys.stdout, indent=1)
print()
