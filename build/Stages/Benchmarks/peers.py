"""One benchmark peer on the rows ModelPipeline's benchmark wrote: fit, score the holdout, time batch prediction.

Run by `./build.sh Benchmark` (build/Stages/Benchmarks/PeerRunner.cs), one process per model so that the peak memory
is that model's (read CSV + fit + predict, as ours is measured):

    /usr/bin/python3 peers.py --model hgb|logreg|ridge|xgb --task binary|multiclass|regression \
        --train train.csv --holdout holdout.csv --label delayed --text origin,destination

Prints one JSON object: library, version, model, fit_seconds, metric (auc | macro_f1 | r2), predict_rows_per_second,
peak_mib, iterations.

Preprocessing (as shared/data/README.md describes the earlier peer figures): logreg / ridge = median impute +
StandardScaler for numbers, most-frequent impute + one-hot (every level) for text; hgb = text ordinal-encoded and
declared categorical, numbers as they are, defaults otherwise (early stopping on for n > 10,000; its validation
split seeded); xgb = XGBoost tree_method="hist", text as pandas categories (enable_categorical), defaults otherwise.
Seeds are 42; every core is used.
"""
import argparse
import json
import resource
import time

import numpy as np
import pandas as pd


def read(path, label, text):
    frame = pd.read_csv(path, dtype={c: str for c in text}, keep_default_na=False, na_values=[""])
    y = frame.pop(label).to_numpy()
    return frame, y


def model_for(name, task, numeric, text):
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

    if name in ("logreg", "ridge"):
        from sklearn.linear_model import LogisticRegression, Ridge
        pre = ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
            ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), text),
        ])
        return make_pipeline(pre, LogisticRegression(max_iter=1000) if name == "logreg" else Ridge())
    if name == "hgb":
        from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
        pre = ColumnTransformer([
            ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan), text),
            ("num", "passthrough", numeric),
        ])
        mask = [True] * len(text) + [False] * len(numeric)
        kind = HistGradientBoostingRegressor if task == "regression" else HistGradientBoostingClassifier
        return make_pipeline(pre, kind(categorical_features=mask, random_state=42))
    if name == "xgb":
        import xgboost
        kind = xgboost.XGBRegressor if task == "regression" else xgboost.XGBClassifier
        return kind(tree_method="hist", enable_categorical=True, random_state=42, n_jobs=0)
    raise SystemExit(f"unknown model {name}")


def as_categories(x, text, levels):
    x = x.copy()
    for c in text:
        x[c] = pd.Categorical(x[c], categories=levels[c])
    return x


def main():
    parser = argparse.ArgumentParser()
    for option in ("--model", "--task", "--train", "--holdout", "--label"):
        parser.add_argument(option, required=True)
    parser.add_argument("--text", default="")
    args = parser.parse_args()
    text = [c for c in args.text.split(",") if c]
    x_train, y_train = read(args.train, args.label, text)
    x_holdout, y_holdout = read(args.holdout, args.label, text)
    numeric = [c for c in x_train.columns if c not in text]
    model = model_for(args.model, args.task, numeric, text)
    encode_labels = None
    if args.model == "xgb":
        levels = {c: sorted(x_train[c].dropna().unique()) for c in text}
        x_train, x_holdout = as_categories(x_train, text, levels), as_categories(x_holdout, text, levels)
        if args.task != "regression":
            classes = np.unique(y_train)
            encode_labels = {v: i for i, v in enumerate(classes)}
            y_train = np.array([encode_labels[v] for v in y_train])

    started = time.perf_counter()
    model.fit(x_train, y_train)
    fit_seconds = time.perf_counter() - started

    metric = score(model, args.task, x_holdout, y_holdout, encode_labels)
    predict = model.predict if args.task == "regression" else model.predict_proba
    rows, elapsed = 0, 0.0
    while elapsed < 0.5:
        started = time.perf_counter()
        predict(x_holdout)
        elapsed += time.perf_counter() - started
        rows += len(x_holdout)

    print(json.dumps({
        "library": library(args.model),
        "model": args.model,
        "fit_seconds": fit_seconds,
        "metric": metric,
        "predict_rows_per_second": rows / elapsed,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "iterations": iterations(model),
    }))


def score(model, task, x, y, encode_labels):
    from sklearn.metrics import f1_score, r2_score, roc_auc_score
    if task == "regression":
        return r2_score(y, model.predict(x))
    if encode_labels is not None:
        y = np.array([encode_labels.get(v, -1) for v in y])
    if task == "binary":
        return roc_auc_score(y, model.predict_proba(x)[:, 1])
    predicted = model.predict(x)
    return f1_score(y, predicted, average="macro")


def iterations(model):
    last = model.steps[-1][1] if hasattr(model, "steps") else model
    if hasattr(last, "get_booster"):
        return int(last.get_booster().num_boosted_rounds())
    value = getattr(last, "n_iter_", None)
    return None if value is None else int(np.asarray(value).max())


def library(model):
    if model == "xgb":
        import xgboost
        return f"XGBoost {xgboost.__version__}"
    import sklearn
    return f"scikit-learn {sklearn.__version__}"


if __name__ == "__main__":
    main()
