"""What users would pick instead of ModelPipeline's server: scikit-learn's churn pipeline behind Flask, shaped like
MLflow's scoring server (pandas DataFrame from `dataframe_split`, gunicorn sync workers, /ping, /invocations).

Trains scikit-learn's reference churn pipeline (median impute + StandardScaler for numeric
columns, OneHot for text, LogisticRegression lbfgs max_iter=1000) on the stratified 80 % split (random_state=42),
then serves it. Debian packages only: python3-flask, python3-sklearn, python3-pandas, gunicorn.

    /usr/bin/python3 -m gunicorn --chdir DIR -w 2 -b 127.0.0.1:PORT 'flask_churn_server:create_app("churn.csv")'
"""
import json

import pandas as pd
from flask import Flask, Response, request
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

LABEL = "churn"


def train(csv_path):
    frame = pd.read_csv(csv_path)
    features = frame.drop(columns=[LABEL])
    text = [c for c in features.columns if features[c].dtype == object]
    numeric = [c for c in features.columns if c not in text]
    preprocess = ColumnTransformer([
        ("numeric", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), numeric),
        ("text", OneHotEncoder(handle_unknown="ignore"), text),
    ])
    model = Pipeline([("preprocess", preprocess), ("classifier", LogisticRegression(max_iter=1000))])
    train_x, _, train_y, _ = train_test_split(features, frame[LABEL], test_size=0.2, random_state=42, stratify=frame[LABEL])
    model.fit(train_x, train_y)
    return model, list(features.columns)


def create_app(csv_path):
    model, columns = train(csv_path)
    app = Flask(__name__)

    @app.get("/ping")
    def ping():
        return Response("\n", mimetype="text/plain")

    @app.post("/invocations")
    def invocations():
        if request.mimetype != "application/json":
            return Response(json.dumps({"error_code": "BAD_REQUEST", "message": "application/json only"}), 415, mimetype="application/json")
        split = request.get_json()["dataframe_split"]
        frame = pd.DataFrame(split["data"], columns=split["columns"])[columns]
        probabilities = model.predict_proba(frame)
        predictions = model.classes_[probabilities.argmax(axis=1)]
        body = {"predictions": predictions.tolist(), "probabilities": probabilities.tolist()}
        return Response(json.dumps(body), mimetype="application/json")

    return app
