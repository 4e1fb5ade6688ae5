"""Reference values for ModelPipeline.Evaluation's tests, computed with Debian's scikit-learn 1.2.1.

Run from this folder:   /usr/bin/python3 make_fixtures.py
(reads data/churn.csv and tests/data/, through tests/Support/test_data.py).
Writes *.csv (labels and model scores, 17 significant digits) and expected.json.
"""
import json
import os
import sys

import numpy as np
import csv
import scipy.stats
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn import metrics as m

assert sklearn.__version__ == "1.2.1", sklearn.__version__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Support"))
from test_data import open_data  # noqa: E402
THRESHOLD = 0.5


def binary_figures(y, s):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    pred = (s >= THRESHOLD).astype(int)
    fpr, tpr, roc_thr = m.roc_curve(y, s)
    prec, rec, pr_thr = m.precision_recall_curve(y, s)
    return {
        "accuracy": m.accuracy_score(y, pred),
        "precision": m.precision_score(y, pred, zero_division=0),
        "recall": m.recall_score(y, pred, zero_division=0),
        "f1": m.f1_score(y, pred, zero_division=0),
        "auc": m.roc_auc_score(y, s),
        "auc_pr": m.average_precision_score(y, s),
        "log_loss": m.log_loss(y, s),
        "log_loss_eps_1e-15": m.log_loss(y, s, eps=1e-15),
        "confusion": m.confusion_matrix(y, pred, labels=[0, 1]).tolist(),
        "roc": {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": roc_thr.tolist()},
        "pr": {"precision": prec.tolist(), "recall": rec.tolist(), "thresholds": pr_thr.tolist()},
    }


def multiclass_figures(y, proba):
    y = np.asarray(y, dtype=int)
    k = proba.shape[1]
    pred = proba.argmax(axis=1)
    return {
        "accuracy": m.accuracy_score(y, pred),
        "macro_f1": m.f1_score(y, pred, average="macro", zero_division=0),
        "micro_f1": m.f1_score(y, pred, average="micro", zero_division=0),
        "log_loss": m.log_loss(y, proba, labels=list(range(k))),
        "confusion": m.confusion_matrix(y, pred, labels=list(range(k))).tolist(),
    }


def regression_figures(y, p):
    return {
        "rmse": float(np.sqrt(m.mean_squared_error(y, p))),
        "mae": m.mean_absolute_error(y, p),
        "r2": m.r2_score(y, p),
    }


def midrank(x):
    return scipy.stats.rankdata(x, method="average")


def delong(y, a, b):
    """Two-sided DeLong test with midranks (Sun & Xu 2014)."""
    y = np.asarray(y)
    pos, neg = y == 1, y == 0
    m_, n_ = pos.sum(), neg.sum()
    v10, v01, aucs = [], [], []
    for s in (a, b):
        s = np.asarray(s, dtype=float)
        tx, ty, tz = midrank(s[pos]), midrank(s[neg]), midrank(np.r_[s[pos], s[neg]])
        aucs.append((tz[:m_].sum() - m_ * (m_ + 1) / 2) / m_ / n_)
        v10.append((tz[:m_] - tx) / n_)
        v01.append(1 - (tz[m_:] - ty) / m_)
    s10, s01 = np.cov(np.vstack(v10)), np.cov(np.vstack(v01))
    var = (s10[0, 0] + s10[1, 1] - 2 * s10[0, 1]) / m_ + (s01[0, 0] + s01[1, 1] - 2 * s01[0, 1]) / n_
    z = (aucs[0] - aucs[1]) / np.sqrt(var)
    return {"auc_a": aucs[0], "auc_b": aucs[1], "se": float(np.sqrt(var)), "z": float(z),
            "p": float(2 * scipy.stats.norm.sf(abs(z)))}


def delong_brute_force(y, a, b):
    """The same statistic from the definition (psi kernel over all pairs): an independent cross-check."""
    y = np.asarray(y)
    comps = []
    for s in (a, b):
        s = np.asarray(s, dtype=float)
        x, w = s[y == 1][:, None], s[y == 0][None, :]
        psi = (x > w) + 0.5 * (x == w)
        comps.append((psi.mean(), psi.mean(axis=1), psi.mean(axis=0)))
    m_, n_ = comps[0][1].size, comps[0][2].size
    s10 = np.cov(np.vstack([comps[0][1], comps[1][1]]))
    s01 = np.cov(np.vstack([comps[0][2], comps[1][2]]))
    var = (s10[0, 0] + s10[1, 1] - 2 * s10[0, 1]) / m_ + (s01[0, 0] + s01[1, 1] - 2 * s01[0, 1]) / n_
    return (comps[0][0] - comps[1][0]) / np.sqrt(var)


def mcnemar(y, pa, pb):
    ca, cb = pa == y, pb == y
    b, c = int((ca & ~cb).sum()), int((~ca & cb).sum())
    chi2 = (abs(b - c) - 1) ** 2 / (b + c)
    return {"only_a": b, "only_b": c, "chi2": chi2, "p": float(scipy.stats.chi2.sf(chi2, 1))}


def write_columns(path, cols):
    names = list(cols)
    with open(path, "w", newline="") as f:
        f.write(",".join(names) + "\n")
        for row in zip(*(cols[n] for n in names)):
            f.write(",".join(repr(int(v)) if isinstance(v, (np.integer, int)) else repr(float(v)) for v in row) + "\n")


def write_scores(path, y, cols):
    write_columns(path, {"label": np.asarray(y, dtype=int), **cols})


def read_table(csv_name):
    """Columns by name: float arrays (empty = NaN) for numeric columns, object arrays for text."""
    with open_data(csv_name) as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    table = {}
    for j, name in enumerate(header):
        raw = [r[j] for r in body]
        try:
            table[name] = np.array([float(v) if v != "" else np.nan for v in raw])
        except ValueError:
            table[name] = np.array(raw, dtype=object)
    return table


def logreg_holdout(csv_name, label):
    """README's logreg: median impute + StandardScaler (numeric) + OneHot (text), 80/20 stratified, seed 42."""
    table = read_table(csv_name)
    y = table.pop(label).astype(int)
    names = list(table)
    text = [i for i, n in enumerate(names) if table[n].dtype == object]
    num = [i for i, n in enumerate(names) if table[n].dtype != object]
    X = np.empty((len(y), len(names)), dtype=object)
    for i, n in enumerate(names):
        X[:, i] = table[n]
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num),
        ("cat", OneHotEncoder(handle_unknown="ignore"), text)])
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)
    model = make_pipeline(pre, LogisticRegression(max_iter=1000)).fit(Xtr, ytr)
    return names, Xtr, Xte, ytr, yte, model


expected = {"sklearn": sklearn.__version__, "threshold": THRESHOLD}

# (a) hand-made arrays: ties across classes, a score exactly at the threshold, 0 and 1 scores.
hand_y = [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1]
hand_s = [0.1, 0.4, 0.35, 0.8, 0.5, 0.5, 0.7, 0.9, 0.35, 0.0, 0.2, 1.0]
expected["hand_binary"] = {"labels": hand_y, "scores": hand_s, **binary_figures(hand_y, hand_s)}
# all scores tied: AUC 0.5, the ROC curve has a single step
tie_y, tie_s = [0, 1, 0, 1, 1], [0.3] * 5
expected["all_tied"] = {"labels": tie_y, "scores": tie_s, **binary_figures(tie_y, tie_s)}
# nothing predicted positive: precision and F1 fall back to 0 like zero_division=0
low_y, low_s = [0, 1, 0, 1], [0.1, 0.2, 0.3, 0.4]
expected["none_positive"] = {"labels": low_y, "scores": low_s, **binary_figures(low_y, low_s)}

hand_mc_y = [0, 1, 2, 2, 1, 0, 2, 1]
hand_mc_p = np.array([[.7, .2, .1], [.3, .4, .3], [.2, .2, .6], [.5, .5, 0.0], [.1, .8, .1],
                      [.4, .4, .2], [.0, .0, 1.0], [.3, .3, .4]])
expected["hand_multiclass"] = {"labels": hand_mc_y, "probabilities": hand_mc_p.ravel().tolist(),
                               **multiclass_figures(hand_mc_y, hand_mc_p)}
# class 3 never occurs nor is predicted: scikit-learn's macro average leaves it out
absent_p = np.c_[hand_mc_p * 0.9, np.full(len(hand_mc_y), 0.1)]
expected["absent_class"] = {"labels": hand_mc_y, "probabilities": absent_p.ravel().tolist(),
                            **multiclass_figures(hand_mc_y, absent_p)}

hand_r_y = [3.0, -0.5, 2.0, 7.0, 4.2]
hand_r_p = [2.5, 0.0, 2.0, 8.0, 3.9]
expected["hand_regression"] = {"actual": hand_r_y, "predicted": hand_r_p, **regression_figures(hand_r_y, hand_r_p)}

# (b) real predictions on holdouts (80/20 stratified, random_state=42, as in tests/data/README.md)
_, Xtr, Xte, ytr, yte, model = logreg_holdout("breast_cancer.csv", "malignant")
s = model.predict_proba(Xte)[:, 1]
write_scores("breast_cancer_holdout.csv", yte, {"logreg": s})
expected["breast_cancer"] = binary_figures(yte, s)

names, Xtr, Xte, ytr, yte, model = logreg_holdout("churn.csv", "churn")
s_logreg = model.predict_proba(Xte)[:, 1]
# a weaker second model on the same rows (tenure and monthly charges only) for paired tests
weak = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=1000))
few = [names.index("tenure"), names.index("monthly_charges")]
weak.fit(Xtr[:, few].astype(float), ytr)
s_weak = weak.predict_proba(Xte[:, few].astype(float))[:, 1]
write_scores("churn_holdout.csv", yte, {"logreg": s_logreg, "weak": s_weak})
expected["churn"] = binary_figures(yte, s_logreg)
expected["churn_weak"] = binary_figures(yte, s_weak)
expected["churn_delong"] = delong(yte, s_logreg, s_weak)
assert abs(delong_brute_force(yte, s_logreg, s_weak) - expected["churn_delong"]["z"]) < 1e-9
expected["churn_mcnemar"] = mcnemar(yte, (s_logreg >= THRESHOLD).astype(int), (s_weak >= THRESHOLD).astype(int))

# DeLong on hand-made data with ties, checked against the brute-force definition
dl_y = np.array([0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1])
dl_a = np.array([0.1, 0.4, 0.35, 0.8, 0.5, 0.5, 0.7, 0.9, 0.35, 0.0, 0.2, 1.0])
dl_b = np.array([0.2, 0.3, 0.3, 0.6, 0.6, 0.4, 0.5, 0.7, 0.5, 0.1, 0.3, 0.9])
expected["hand_delong"] = {"labels": dl_y.tolist(), "a": dl_a.tolist(), "b": dl_b.tolist(), **delong(dl_y, dl_a, dl_b)}
assert abs(delong_brute_force(dl_y, dl_a, dl_b) - expected["hand_delong"]["z"]) < 1e-9

# multiclass: satellite, logistic regression probabilities (classes in sorted order)
sat = read_table("satellite.csv")
labels = sat.pop("class")
classes = sorted(set(labels))
y = np.array([classes.index(c) for c in labels])
X = np.column_stack([sat[n] for n in sat])
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=42, stratify=y)
proba = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(Xtr, ytr).predict_proba(Xte)
write_scores("satellite_holdout.csv", yte, {f"p{k}": proba[:, k] for k in range(len(classes))})
expected["satellite"] = {"classes": classes, **multiclass_figures(yte, proba)}

# regression: diabetes progression, ridge
dia = read_table("diabetes_progression.csv")
y = dia.pop("disease_progression")
X = np.column_stack([dia[n] for n in dia])
Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.2, random_state=42)
pred = make_pipeline(StandardScaler(), Ridge()).fit(Xtr, ytr).predict(Xte)
write_columns("diabetes_holdout.csv", {"actual": yte, "predicted": pred})
expected["diabetes"] = regression_figures(yte, pred)

with open("expected.json", "w") as f:
    json.dump(expected, f, indent=1)
print("wrote expected.json; churn auc", expected["churn"]["auc"], "delong p", expected["churn_delong"]["p"])
