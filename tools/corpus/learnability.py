"""How learnable and self-consistent the corpus is: cross-validated scores of a plain baseline.

A character n-gram TF-IDF + logistic regression, 5-fold stratified cross-validation over all corpus files
present, for domain and function. Not the project's coder (src/scatlas/coding/): a yardstick for the data.
Rows it gets wrong with high confidence are printed for label review (likely inconsistencies).

Usage: .venv/bin/python tools/corpus/learnability.py [--worst N]
"""

from __future__ import annotations

import sys

import numpy as np
from corpus_schema import CORPUS_DIR, read_rows
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline


def main(argv: list[str]) -> int:
    worst = int(argv[argv.index("--worst") + 1]) if "--worst" in argv else 15
    rows = [r for p in sorted(CORPUS_DIR.glob("*.csv")) for r in read_rows(p)]
    texts = [f"{r['name']} {r['description']}" for r in rows]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for target in ("domain_id", "function"):
        y = np.array([r[target] for r in rows])
        model = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), sublinear_tf=True),
                              LogisticRegression(max_iter=2000, C=10))
        proba = cross_val_predict(model, texts, y, cv=folds, method="predict_proba")
        classes = np.unique(y)
        pred = classes[proba.argmax(1)]
        print(f"== {target}: n={len(y)} accuracy={accuracy_score(y, pred):.3f} "
              f"macro-F1={f1_score(y, pred, average='macro'):.3f}")
        if target == "domain_id":
            print(classification_report(y, pred, digits=3, zero_division=0))
            wrong = [(proba[i].max(), i) for i in range(len(y)) if pred[i] != y[i]]
            for conf, i in sorted(wrong, reverse=True)[:worst]:
                print(f"  {rows[i]['id']:18s} labelled {y[i]:12s} predicted {pred[i]:12s} ({conf:.2f}) "
                      f"{rows[i]['name']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
