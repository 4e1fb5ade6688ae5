"""Reference for FlightsDriftGateTests: scikit-learn 1.2.1 logistic regression (StandardScaler on numbers, one-hot
origin/destination, date dropped) trained on Q1 or Q2, both scored on the Q2 20% holdout (stratified, seed 42).
Run: /usr/bin/python3 flights_drift_reference.py   (reads tests/data/flights_q1_sample.csv.gz and _q2_)
Printed on 2026-11-22 (columns: features, training rows, AUC of the Q1 model on Q2, of the Q2 model on Q2, of Q1 on Q1):
logreg 8 80000 q1 on q2 0.6353008192110963 q2 on q2 0.6484435102827428 q1 on q1 0.6306694119296907
logreg 8 20000 q1 on q2 0.6252347410542674 q2 on q2 0.638817096295696 q1 on q1 0.6233909638039343
logreg 7 80000 q1 on q2 0.6349777859699111 q2 on q2 0.6461819098844395 q1 on q1 0.630666546171533
logreg 7 20000 q1 on q2 0.6245371283145464 q2 on q2 0.6365239564072432 q1 on q1 0.623338854397848
(7 features = without month.)
"""
import os
import sys
from sklearn.base import clone
import csv, numpy as np, time
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.pipeline import make_pipeline
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Support"))
from test_data import open_data  # noqa: E402


def load(p):
    with open_data(p) as f:
        rows=list(csv.reader(f))
    h=rows[0]; b=rows[1:]
    X=np.array([[r[h.index(c)] for c in h if c not in ('date','delayed')] for r in b],dtype=object)
    y=np.array([int(r[h.index('delayed')]) for r in b])
    return [c for c in h if c not in ('date','delayed')],X,y
names,X1,y1=load('flights_q1_sample.csv')
_,X2,y2=load('flights_q2_sample.csv')
num=[i for i,n in enumerate(names) if n not in('origin','destination')]
cat=[i for i,n in enumerate(names) if n in('origin','destination')]
for X in (X1,X2):
    for i in num: X[:,i]=X[:,i].astype(float)
tr1,te1,ytr1,yte1=train_test_split(X1,y1,test_size=0.2,random_state=42,stratify=y1)
tr2,te2,ytr2,yte2=train_test_split(X2,y2,test_size=0.2,random_state=42,stratify=y2)
for feats in (names, [n for n in names if n!='month']):
  idx_num=[i for i in num if names[i] in feats]
  pre=ColumnTransformer([("n",StandardScaler(),idx_num),("c",OneHotEncoder(handle_unknown='ignore'),cat)])
  for n in (80000, 20000):
    m1=make_pipeline(clone(pre),LogisticRegression(max_iter=1000)).fit(tr1[:n],ytr1[:n])
    m2=make_pipeline(clone(pre),LogisticRegression(max_iter=1000)).fit(tr2[:n],ytr2[:n])
    print('logreg',len(feats),n,'q1 on q2',roc_auc_score(yte2,m1.predict_proba(te2)[:,1]),'q2 on q2',roc_auc_score(yte2,m2.predict_proba(te2)[:,1]), 'q1 on q1', roc_auc_score(yte1,m1.predict_proba(te1)[:,1]))
