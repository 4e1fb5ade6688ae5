"""Builds the report fixtures from real data with scikit-learn (Debian python3-sklearn 1.2.1).

Run from the repository root:  /usr/bin/python3 tests/ModelPipeline.Reports.Tests/Fixtures/make_fixtures.py
Reads the repository's data sets (data/churn.csv; tests/data/: satellite, diabetes_progression, flights_q1/q2 samples) and writes the JSON files
next to this script. The numbers in them (curves, AUC, confusion counts, PSI) are scikit-learn's / numpy's.
"""
import json
import os
import sys

import numpy as np
import csv
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import (accuracy_score, brier_score_loss, confusion_matrix, f1_score, log_loss,
                             mean_absolute_error, mean_squared_error, precision_recall_curve, precision_score,
                             r2_score, recall_score, roc_auc_score, roc_curve, auc)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "Support"))
from test_data import open_data  # noqa: E402
CREATED = "2026-11-22T07:00:00+00:00"
rng = np.random.default_rng(42)


def read(name):
    """CSV -> (columns in order, dict name -> numpy array; float when every value parses, else object)."""
    with open_data(name) as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    cols = {}
    for i, h in enumerate(header):
        raw = [r[i] for r in body]
        try:
            cols[h] = np.array([float(v) if v != "" else np.nan for v in raw])
        except ValueError:
            cols[h] = np.array(raw, dtype=object)
    return header, cols


def matrix(header, cols, features):
    """Features as one object matrix (numeric and text side by side) for a ColumnTransformer by index."""
    return np.column_stack([cols[c].astype(object) for c in features])


def logreg(numeric, text):
    pre = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), text)])
    return make_pipeline(pre, LogisticRegression(max_iter=1000))


def hgb(numeric, text, cls):
    pre = ColumnTransformer([
        ("num", "passthrough", numeric),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), text)])
    cat_mask = [False] * len(numeric) + [True] * len(text)
    return make_pipeline(pre, cls(categorical_features=cat_mask, random_state=42))


def bootstrap(metric, y, p, n=200):
    values = []
    for _ in range(n):
        idx = rng.integers(0, len(y), len(y))
        try:
            values.append(metric(y[idx], p[idx]))
        except ValueError:
            pass
    return {"low": float(np.percentile(values, 2.5)), "high": float(np.percentile(values, 97.5))}


def points(x, y):
    return [{"x": float(a), "y": float(b)} for a, b in zip(x, y)]


def binary_side(label, y, score):
    pred = (score >= 0.5).astype(int)
    fns = {
        "auc": lambda t, s: roc_auc_score(t, s),
        "accuracy": lambda t, s: accuracy_score(t, (s >= 0.5).astype(int)),
        "f1": lambda t, s: f1_score(t, (s >= 0.5).astype(int)),
        "precision": lambda t, s: precision_score(t, (s >= 0.5).astype(int)),
        "recall": lambda t, s: recall_score(t, (s >= 0.5).astype(int)),
        "log_loss": lambda t, s: log_loss(t, s),
        "brier": lambda t, s: brier_score_loss(t, s),
    }
    fpr, tpr, _ = roc_curve(y, score)
    precision, recall, _ = precision_recall_curve(y, score)
    return {
        "label": label,
        "metrics": {k: float(f(y, score)) for k, f in fns.items()},
        "intervals": {k: bootstrap(f, y, score) for k, f in fns.items()},
        "roc": {"points": points(fpr, tpr), "area": float(auc(fpr, tpr))},
        "precisionRecall": {"points": points(recall, precision), "area": float(auc(recall, precision))},
        "confusion": {"classes": ["stayed", "churned"], "counts": confusion_matrix(y, pred).tolist()},
    }


def churn():
    header, cols = read("churn.csv")
    y = cols["churn"].astype(int)
    features = [c for c in header if c != "churn"]
    text_names = [c for c in features if cols[c].dtype == object]
    numeric_names = [c for c in features if c not in text_names]
    ordered = numeric_names + text_names
    df = matrix(header, cols, ordered)
    numeric = list(range(len(numeric_names)))
    text = list(range(len(numeric_names), len(ordered)))
    xtr, xte, ytr, yte = train_test_split(df, y, test_size=0.2, random_state=42, stratify=y)
    challenger = logreg(numeric, text).fit(xtr, ytr).predict_proba(xte)[:, 1]
    champion = hgb(numeric, text, HistGradientBoostingClassifier).fit(xtr, ytr).predict_proba(xte)[:, 1]
    ch, cp = binary_side("challenger 1.3.0", yte, challenger), binary_side("champion 1.2.0", yte, champion)
    history = [("1.0.0", 0.8012), ("1.0.1", 0.8105), ("1.1.0", 0.8231), ("1.2.0", cp["metrics"]["auc"]),
               ("1.3.0", ch["metrics"]["auc"])]
    delta = ch["metrics"]["auc"] - cp["metrics"]["auc"]
    return {
        "pipeline": "churn", "promoted": True, "task": "binary", "primaryMetric": "auc", "created": CREATED,
        "verdict": f"Challenger 1.3.0 promoted: auc {ch['metrics']['auc']:.4f} vs {cp['metrics']['auc']:.4f} ({delta:+.4f})",
        "challenger": ch, "champion": cp,
        "checks": [
            {"name": "auc does not drop by more than 0.005", "passed": True, "detail": f"{delta:+.4f}"},
            {"name": "log_loss does not rise by more than 0.01", "passed": True,
             "detail": f"{ch['metrics']['log_loss'] - cp['metrics']['log_loss']:+.4f}"},
            {"name": "recall ≥ 0.50", "passed": True, "detail": f"{ch['metrics']['recall']:.4f}"},
        ],
        "history": [{"version": v, "value": float(a), "isChampion": v in ("1.2.0", "1.3.0")} for v, a in history],  # promoted: old and new champion flagged, as build/ does
        "facts": [{"key": "Data fingerprint", "value": "sha256:5f0c1e…"}, {"key": "Holdout rows", "value": str(len(yte))}],
    }


def satellite():
    header, cols = read("satellite.csv")
    y = cols["class"]
    features = [c for c in header if c != "class"]
    df = np.column_stack([cols[c] for c in features])
    xtr, xte, ytr, yte = train_test_split(df, y, test_size=0.2, random_state=42, stratify=y)
    classes = sorted(set(y))
    sides = []
    for label, model in [("challenger 2.0.0", hgb(list(range(len(features))), [], HistGradientBoostingClassifier)),
                         ("champion 1.4.0", logreg(list(range(len(features))), []))]:
        pred = model.fit(xtr, ytr).predict(xte)
        sides.append({"label": label,
                      "metrics": {"accuracy": float(accuracy_score(yte, pred)),
                                  "macro_f1": float(f1_score(yte, pred, average="macro"))},
                      "confusion": {"classes": classes, "counts": confusion_matrix(yte, pred, labels=classes).tolist()}})
    return {"pipeline": "satellite", "promoted": True, "task": "multiclass", "primaryMetric": "macro_f1",
            "created": CREATED, "verdict": "Challenger 2.0.0 promoted", "challenger": sides[0], "champion": sides[1],
            "checks": [{"name": "macro_f1 improves", "passed": True, "detail": "see metrics"}],
            "history": [{"version": "1.4.0", "value": sides[1]["metrics"]["macro_f1"], "isChampion": True},
                        {"version": "2.0.0", "value": sides[0]["metrics"]["macro_f1"], "isChampion": False}]}


def diabetes():
    header, cols = read("diabetes_progression.csv")
    y = cols["disease_progression"]
    df = np.column_stack([cols[c] for c in header if c != "disease_progression"])
    xtr, xte, ytr, yte = train_test_split(df, y, test_size=0.2, random_state=42)
    sides = []
    ridge = make_pipeline(StandardScaler(), Ridge())
    for label, model in [("challenger 0.4.0", HistGradientBoostingRegressor(random_state=42)), ("champion 0.3.0", ridge)]:
        pred = model.fit(xtr, ytr).predict(xte)
        rmse = lambda t, p: mean_squared_error(t, p) ** 0.5
        sides.append({"label": label,
                      "metrics": {"rmse": float(rmse(yte, pred)), "mae": float(mean_absolute_error(yte, pred)),
                                  "r2": float(r2_score(yte, pred))},
                      "intervals": {"rmse": bootstrap(rmse, yte, pred), "r2": bootstrap(r2_score, yte, pred)},
                      "residuals": [{"predicted": float(p), "actual": float(a)} for p, a in zip(pred, yte)]})
    return {"pipeline": "diabetes", "promoted": False, "task": "regression", "primaryMetric": "rmse",
            "created": CREATED, "verdict": "Champion 0.3.0 kept: challenger rmse is worse",
            "challenger": sides[0], "champion": sides[1],
            "checks": [{"name": "rmse does not rise", "passed": False,
                        "detail": f"{sides[0]['metrics']['rmse']:.2f} vs {sides[1]['metrics']['rmse']:.2f}"}],
            "history": [{"version": "0.3.0", "value": sides[1]["metrics"]["rmse"], "isChampion": True},
                        {"version": "0.4.0", "value": sides[0]["metrics"]["rmse"], "isChampion": False}]}


def psi(ref, cur):
    ref, cur = np.clip(ref, 1e-4, None), np.clip(cur, 1e-4, None)
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def flights_drift():
    _, q1 = read("flights_q1_sample.csv")
    _, q2 = read("flights_q2_sample.csv")
    rows = []
    for col in ["month", "day_of_month", "day_of_week", "dep_hour", "dep_minute_of_day", "distance", "origin"]:
        if q1[col].dtype == object:
            labels = sorted(set(q1[col]) | set(q2[col]))
            ref = np.array([np.mean(q1[col] == l) for l in labels])
            cur = np.array([np.mean(q2[col] == l) for l in labels])
            kind = "categorical"
        else:
            edges = np.unique(np.quantile(q1[col], np.linspace(0, 1, 11)))
            if len(edges) < 4:
                edges = np.arange(q1[col].min(), max(q1[col].max(), q2[col].max()) + 2) - 0.5
            labels = [f"[{a:g}, {b:g})" for a, b in zip(edges[:-1], edges[1:])]
            ref = np.histogram(np.clip(q1[col], edges[0], edges[-1]), edges)[0] / len(q1[col])
            cur = np.histogram(np.clip(q2[col], edges[0], edges[-1]), edges)[0] / len(q2[col])
            kind = "numeric"
        stat = psi(ref, cur)
        rows.append({"name": col, "kind": kind, "method": "PSI", "statistic": stat, "threshold": 0.1,
                     "drifted": stat > 0.1,
                     "reference": [{"label": l, "share": float(s)} for l, s in zip(labels, ref)],
                     "current": [{"label": l, "share": float(s)} for l, s in zip(labels, cur)]})
    lref = np.array([np.mean(q1["delayed"] == 0), np.mean(q1["delayed"] == 1)])
    lcur = np.array([np.mean(q2["delayed"] == 0), np.mean(q2["delayed"] == 1)])
    label = {"name": "delayed", "kind": "categorical", "method": "PSI", "statistic": psi(lref, lcur), "threshold": 0.1,
             "drifted": psi(lref, lcur) > 0.1,
             "reference": [{"label": "on time", "share": float(lref[0])}, {"label": "delayed", "share": float(lref[1])}],
             "current": [{"label": "on time", "share": float(lcur[0])}, {"label": "delayed", "share": float(lcur[1])}]}
    drifted = sum(r["drifted"] for r in rows)
    return {"pipeline": "flights", "modelVersion": "1.0.0", "created": CREATED,
            "verdict": f"{drifted} of {len(rows)} features drifted; delay rate fell {lref[1]:.1%} → {lcur[1]:.1%}",
            "datasetDrift": drifted / len(rows) >= 0.25, "driftShare": drifted / len(rows), "features": rows,
            "labelDrift": label, "referenceRows": len(q1["delayed"]), "currentRows": len(q2["delayed"])}


for name, build in [("churn_comparison", churn), ("satellite_comparison", satellite),
                    ("diabetes_comparison", diabetes), ("flights_drift", flights_drift)]:
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(build(), f, indent=1, ensure_ascii=False)
    print("wrote", name)
