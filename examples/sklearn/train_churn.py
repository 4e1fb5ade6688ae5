#!/usr/bin/env python3
"""A training command for ModelPipeline (trainer.type: command, pipelines/churn_sklearn.yaml).

Fits scikit-learn's logistic regression with median imputation + standard scaling of numeric columns and
most-frequent imputation + one-hot encoding of text columns, then writes the fitted pipeline as an ONNX graph
built with onnx.helper (Debian's python3-sklearn and python3-onnx; skl2onnx is not needed).

ModelPipeline passes (docs/pipeline-yaml.md, "trainer.type: command"):
  MP_TRAIN_CSV  the training rows (CSV with a header; empty cell = missing)
  MP_OUTPUT     where to write the ONNX model
  MP_TASK       binary | multiclass | regression      MP_LABEL   the label column
  MP_CLASSES    JSON array: the classes in the order the probability columns must follow
  MP_SEED       the pipeline's seed                    MP_PARAM_<NAME>  each trainer.params value (MP_PARAMS: all, JSON)
"""
import csv
import json
import math
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.linear_model import LogisticRegression


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    return header, rows


def is_number(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def main():
    task = os.environ["MP_TASK"]
    if task == "regression":
        sys.exit("train_churn.py fits a classifier; the pipeline's task is regression")
    label = os.environ["MP_LABEL"]
    classes = json.loads(os.environ["MP_CLASSES"])
    seed = int(os.environ["MP_SEED"])
    c = float(os.environ.get("MP_PARAM_C", "1.0"))
    max_iter = int(os.environ.get("MP_PARAM_MAX_ITER", "1000"))

    header, rows = read_rows(os.environ["MP_TRAIN_CSV"])
    y_col = header.index(label)
    y = np.array([classes.index(r[y_col]) for r in rows])
    inputs = [name for name in header if name != label]
    numeric, categorical = [], []
    for name in inputs:
        values = [r[header.index(name)] for r in rows]
        (numeric if all(v == "" or is_number(v) for v in values) else categorical).append(name)

    blocks, graph_nodes, initializers, graph_inputs = [], [], [], []

    def const(name, values, dims, kind=TensorProto.DOUBLE):
        initializers.append(helper.make_tensor(name, kind, dims, values))
        return name

    for i, name in enumerate(numeric):
        col = np.array([float(r[header.index(name)]) if r[header.index(name)] != "" else math.nan for r in rows])
        median = float(np.nanmedian(col))
        filled = np.where(np.isnan(col), median, col)
        mean, std = float(filled.mean()), float(filled.std()) or 1.0
        blocks.append((filled - mean) / std)
        graph_inputs.append(helper.make_tensor_value_info(name, TensorProto.DOUBLE, ["N", 1]))
        graph_nodes += [
            helper.make_node("IsNaN", [name], [f"num{i}_nan"]),
            helper.make_node("Where", [f"num{i}_nan", const(f"num{i}_median", [median], [1]), name], [f"num{i}_filled"]),
            helper.make_node("Sub", [f"num{i}_filled", const(f"num{i}_mean", [mean], [1])], [f"num{i}_centered"]),
            helper.make_node("Div", [f"num{i}_centered", const(f"num{i}_std", [std], [1])], [f"num{i}_scaled"]),
        ]
    for i, name in enumerate(categorical):
        texts = [r[header.index(name)] for r in rows]
        levels = sorted({t for t in texts if t != ""})
        most_frequent = max(levels, key=texts.count)  # the first (smallest) level among ties, as SimpleImputer
        filled = [t if t != "" else most_frequent for t in texts]
        blocks.append(np.array([[1.0 if t == level else 0.0 for level in levels] for t in filled]))
        graph_inputs.append(helper.make_tensor_value_info(name, TensorProto.STRING, ["N", 1]))
        graph_nodes += [
            helper.make_node("LabelEncoder", [name], [f"cat{i}_index"], domain="ai.onnx.ml",
                             keys_strings=levels + [""], values_int64s=list(range(len(levels))) + [levels.index(most_frequent)],
                             default_int64=-1),
            helper.make_node("Equal", [f"cat{i}_index", const(f"cat{i}_levels", list(range(len(levels))), [len(levels)], TensorProto.INT64)],
                             [f"cat{i}_hot"]),
            helper.make_node("Cast", [f"cat{i}_hot"], [f"cat{i}_onehot"], to=TensorProto.DOUBLE),
        ]

    x = np.column_stack([b if b.ndim == 2 else b[:, None] for b in blocks])
    model = LogisticRegression(C=c, max_iter=max_iter, random_state=seed).fit(x, y)
    print(f"fitted LogisticRegression(C={c}) on {x.shape[0]} rows x {x.shape[1]} features; train accuracy {model.score(x, y):.4f}")

    features = [f"num{i}_scaled" for i in range(len(numeric))] + [f"cat{i}_onehot" for i in range(len(categorical))]
    graph_nodes.append(helper.make_node("Concat", features, ["design"], axis=1))
    coef = model.coef_.T.astype(np.float64)
    graph_nodes += [
        helper.make_node("MatMul", ["design", const("coef", coef.flatten().tolist(), list(coef.shape))], ["product"]),
        helper.make_node("Add", ["product", const("intercept", model.intercept_.tolist(), [len(model.intercept_)])], ["scores"]),
    ]
    if len(classes) == 2:
        graph_nodes += [
            helper.make_node("Sigmoid", ["scores"], ["positive"]),
            helper.make_node("Sub", [const("one", [1.0], [1]), "positive"], ["negative"]),
            helper.make_node("Concat", ["negative", "positive"], ["probabilities"], axis=1),
        ]
    else:
        graph_nodes.append(helper.make_node("Softmax", ["scores"], ["probabilities"], axis=1))

    graph = helper.make_graph(graph_nodes, "churn_sklearn", graph_inputs,
                              [helper.make_tensor_value_info("probabilities", TensorProto.DOUBLE, ["N", len(classes)])],
                              initializers)
    onnx_model = helper.make_model(graph, producer_name="scikit-learn " + __import__("sklearn").__version__,
                                   opset_imports=[helper.make_opsetid("", 15), helper.make_opsetid("ai.onnx.ml", 3)])
    onnx_model.ir_version = 8
    helper.set_model_props(onnx_model, {"modelpipeline.classes": json.dumps(classes)})
    onnx.checker.check_model(onnx_model, full_check=True)
    onnx.save(onnx_model, os.environ["MP_OUTPUT"])


if __name__ == "__main__":
    main()
