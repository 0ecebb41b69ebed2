"""Train the learned second reader of thawing/core/crisis.py; writes thawing/content/crisis_model.json.

    .venv-test/bin/python scripts/train_crisis_model.py

Data (never the frozen test split, tests/fixtures/crisis/test.tsv):
- tests/fixtures/crisis/dev.tsv: crisis, someone-else and past items are positives (the words
  are about danger; the context modifiers decide whose), `none` items negatives;
- the hand-written corpus in tests/core/test_safety_corpus.py (CRISIS, NOT_CRISIS);
- up to 8,000 GoEmotions training comments (../shared/data/goemotions, Apache-2.0) as everyday
  negatives, leaving out any that mention death, killing, self-harm or suicide at all.
A logistic regression (L2, balanced classes, full-batch gradient descent on SciPy sparse
matrices). The threshold is chosen on out-of-fold scores: the lowest that keeps 96% of the
negatives quiet. Figures: python -m bench.crisis.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from thawing.core.crisis import _IDIOMS, _sentences, features  # noqa: E402

GOEMOTIONS = ROOT.parent / "shared" / "data" / "goemotions" / "train.tsv"
HEAVY = re.compile(r"\b(?:die|dying|dead|death|kill|suicid\w*|cut|cutting|hurt myself|harm|end it|"
                   r"overdose|hang|jump|pills|kms|alive|live|life|gone|burden|goodbye)\b", re.I)
KEEP_QUIET = 0.95


def words_of(text: str) -> list[str]:
    out: list[str] = []
    for sentence in _sentences(text):
        out.extend(_IDIOMS.sub(lambda m: " ".join("~" * len(w) for w in m.group().split()),
                               sentence.text).split())
    return out


def dataset() -> tuple[list[list[str]], list[int], list[bool]]:
    texts: list[str] = []
    labels: list[int] = []
    scored: list[bool] = []   # counts when choosing the threshold
    with (ROOT / "tests" / "fixtures" / "crisis" / "dev.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts.append(row["text"])
            labels.append(0 if row["expect"] == "none" else 1)
            scored.append(True)
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    import test_safety_corpus as corpus  # type: ignore[import-not-found]

    for text in corpus.CRISIS:
        texts.append(text), labels.append(1), scored.append(True)
    for text in corpus.NOT_CRISIS:
        texts.append(text), labels.append(0), scored.append(True)
    taken = 0
    if GOEMOTIONS.exists():
        for line in GOEMOTIONS.read_text(encoding="utf-8").splitlines():
            text = line.split("\t")[0]
            if HEAVY.search(text) or int(hashlib.sha256(text.encode()).hexdigest(), 16) % 5:
                continue
            texts.append(text), labels.append(0), scored.append(False)
            taken += 1
            if taken >= 8000:
                break
    return [words_of(t) for t in texts], labels, scored


def matrix(docs: list[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, doc in enumerate(docs):
        for f in features(doc):
            if f in vocab:
                rows.append(i)
                cols.append(vocab[f])
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(docs), len(vocab)))


def fit(x: sparse.csr_matrix, y: np.ndarray, *, l2: float = 0.3) -> tuple[np.ndarray, float]:
    """Balanced, L2-regularised logistic regression, solved with L-BFGS."""
    from scipy.optimize import minimize

    pos = y.mean()
    sample = np.where(y == 1, 0.5 / pos, 0.5 / (1 - pos))

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        log_p = -np.logaddexp(0, -z)
        log_q = -np.logaddexp(0, z)
        value = -(sample * (y * log_p + (1 - y) * log_q)).sum() + 0.5 * l2 * (w @ w)
        g = sample * (1 / (1 + np.exp(-z)) - y)
        return value, np.append(x.T @ g + l2 * w, g.sum())

    theta = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B",
                     options={"maxiter": 400}).x
    return theta[:-1], float(theta[-1])


def main() -> int:
    docs, labels, scored = dataset()
    y = np.array(labels, dtype=float)
    counts: dict[str, int] = {}
    for doc in docs:
        for f in features(doc):
            counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
    x = matrix(docs, vocab)
    folds = np.array([int(hashlib.sha256(" ".join(d).encode()).hexdigest(), 16) % 5 for d in docs])
    out_of_fold = np.zeros(len(docs))
    for k in range(5):
        w, b = fit(x[folds != k], y[folds != k])
        out_of_fold[folds == k] = x[folds == k] @ w + b
    negatives = np.sort(out_of_fold[(y == 0) & np.array(scored)])
    threshold = float(negatives[int(KEEP_QUIET * len(negatives))])
    recall = float(((out_of_fold >= threshold) & (y == 1)).sum() / (y == 1).sum())
    w, b = fit(x, y)
    inverse = {i: f for f, i in vocab.items()}
    weights = {inverse[i]: round(float(v), 4) for i, v in enumerate(w) if abs(v) >= 0.01}
    model = {"about": "thawing/core/crisis.py section 4; trained by scripts/train_crisis_model.py",
             "licence": "derived weights; GoEmotions (Apache-2.0) comments used as negatives, see NOTICE",
             "bias": round(b, 4), "threshold": round(threshold, 4), "weights": weights}
    path = ROOT / "thawing" / "content" / "crisis_model.json"
    path.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(docs)} texts, {len(vocab)} features, {len(weights)} kept; threshold {threshold:.3f}; "
          f"out-of-fold recall {recall:.3f} at {KEEP_QUIET:.0%} of negatives quiet; wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
