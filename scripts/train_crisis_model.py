"""Train the learned second reader of thawing/core/crisis.py; writes thawing/content/crisis_model.json.

    .venv-test/bin/python scripts/train_crisis_model.py            # train on everything, write the model
    .venv-test/bin/python scripts/train_crisis_model.py --lowo     # leave one writer out, write nothing

Data (never the frozen test split, tests/fixtures/crisis/test.tsv, nor holdout2.tsv):
- tests/fixtures/crisis/dev.tsv and the three training sets train-w8.tsv, train-w9.tsv,
  train-w10.tsv: crisis, someone-else and past items are positives (the words are about danger;
  the context modifiers decide whose), `none` items negatives;
- the hand-written corpus in tests/core/test_safety_corpus.py (CRISIS, NOT_CRISIS) and the
  sentences written for tests/core/test_crisis_families.py (so those tests partly check memory);
- up to 8,000 GoEmotions training comments (../shared/data/goemotions, Apache-2.0) as everyday
  negatives, leaving out any that mention death, killing, self-harm or suicide at all.
A logistic regression (L2, balanced classes, L-BFGS on SciPy sparse matrices).

Choices are made by leaving one writer out, not by fit: the four writer groups (the dev split's
writers 1-6, writer-8, writer-9, writer-10) take turns as the held-out one; a model is trained on
the rest and the whole detector (rules and learned reader) is measured on the held-out writer.
The threshold is chosen on writer-held-out scores: the lowest that keeps KEEP_QUIET of the
fixtures' negatives quiet (GoEmotions comments do not count, being too easy).
"""

from __future__ import annotations

import argparse
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

FIXTURES = ROOT / "tests" / "fixtures" / "crisis"
GROUPS = ("dev", "train-w8", "train-w9", "train-w10")   # never test.tsv or holdout2.tsv
GOEMOTIONS = ROOT.parent / "shared" / "data" / "goemotions" / "train.tsv"
HEAVY = re.compile(r"\b(?:die|dying|dead|death|kill|suicid\w*|cut|cutting|hurt myself|harm|end it|"
                   r"overdose|hang|jump|pills|kms|alive|live|life|gone|burden|goodbye)\b", re.I)
KEEP_QUIET = 0.95
L2 = 0.3
MIN_COUNT = 2
WINDOW = 3   # sentences the learned reader reads together (crisis.py _learned)


def words_of(text: str) -> list[str]:
    out: list[str] = []
    for sentence in _sentences(text):
        out.extend(_IDIOMS.sub(lambda m: " ".join("~" * len(w) for w in m.group().split()),
                               sentence.text).split())
    return out


def load_rows(split: str) -> list[dict[str, str]]:
    with (FIXTURES / f"{split}.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def dataset() -> tuple[list[list[str]], list[int], list[str]]:
    """Texts as canonical words, labels, and each text's group (a writer group, "hand", "goemotions")."""
    texts: list[str] = []
    labels: list[int] = []
    groups: list[str] = []
    for split in GROUPS:
        for row in load_rows(split):
            texts.append(row["text"])
            labels.append(0 if row["expect"] == "none" else 1)
            groups.append(split)
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    import test_safety_corpus as corpus  # type: ignore[import-not-found]

    for text in corpus.CRISIS:
        texts.append(text), labels.append(1), groups.append("hand")
    for text in corpus.NOT_CRISIS:
        texts.append(text), labels.append(0), groups.append("hand")
    # The sentences written for tests/core/test_crisis_families.py (rounds one and two; the
    # round-three sentences in test_crisis_round3.py are left out, to stay a fresh check).
    import test_crisis_families as families  # type: ignore[import-not-found]

    for texts_of in (families.FAMILIES, families.MORE_FAMILIES):
        for text in (t for group in texts_of.values() for t in group):
            texts.append(text), labels.append(1), groups.append("hand")
    for text in (*families.QUIET, *families.MORE_QUIET, *families.NEAR_MISSES):
        texts.append(text), labels.append(0), groups.append("hand")
    taken = 0
    if GOEMOTIONS.exists():
        for line in GOEMOTIONS.read_text(encoding="utf-8").splitlines():
            text = line.split("\t")[0]
            if HEAVY.search(text) or int(hashlib.sha256(text.encode()).hexdigest(), 16) % 5:
                continue
            texts.append(text), labels.append(0), groups.append("goemotions")
            taken += 1
            if taken >= 8000:
                break
    return [words_of(t) for t in texts], labels, groups


def vocabulary(docs: list[list[str]], min_count: int = MIN_COUNT) -> dict[str, int]:
    counts: dict[str, int] = {}
    for doc in docs:
        for f in features(doc):
            counts[f] = counts.get(f, 0) + 1
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}


def matrix(docs: list[list[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    rows, cols = [], []
    for i, doc in enumerate(docs):
        for f in features(doc):
            if f in vocab:
                rows.append(i)
                cols.append(vocab[f])
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(docs), len(vocab)))


def fit(x: sparse.csr_matrix, y: np.ndarray, *, l2: float = L2) -> tuple[np.ndarray, float]:
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
                     options={"maxiter": 500}).x
    return theta[:-1], float(theta[-1])


def train(docs: list[list[str]], y: np.ndarray, *, l2: float, min_count: int) -> dict[str, object]:
    vocab = vocabulary(docs, min_count)
    w, b = fit(matrix(docs, vocab), y, l2=l2)
    inverse = {i: f for f, i in vocab.items()}
    return {"bias": round(b, 4), "window": WINDOW,
            "weights": {inverse[i]: round(float(v), 4) for i, v in enumerate(w) if abs(v) >= 0.01}}


def score(model: dict[str, object], doc: list[str]) -> float:
    weights = model["weights"]
    return float(model["bias"]) + sum(weights.get(f, 0.0) for f in features(doc))  # type: ignore[union-attr]


def _hash(doc: list[str]) -> int:
    return int(hashlib.sha256(" ".join(doc).encode()).hexdigest(), 16)


def held_out_scores(docs, y, groups, *, l2: float, min_count: int):
    """Each fixture text scored by a model that never saw its writer; hand-written and GoEmotions
    texts fall in with a group by hash (they have no writer)."""
    groups = np.array(groups)
    fold = np.array([g if g in GROUPS else GROUPS[_hash(d) % len(GROUPS)]
                     for d, g in zip(docs, groups, strict=True)])
    scores = np.zeros(len(docs))
    models = {}
    for g in GROUPS:
        train_idx = np.where(fold != g)[0]
        model = train([docs[i] for i in train_idx], y[train_idx], l2=l2, min_count=min_count)
        models[g] = model
        for i in np.where(fold == g)[0]:
            scores[i] = score(model, docs[i])
    return scores, models


def threshold_for(scores: np.ndarray, y: np.ndarray, groups: list[str], keep_quiet: float) -> float:
    fixture = np.array([g in GROUPS or g == "hand" for g in groups])
    negatives = np.sort(scores[(y == 0) & fixture])
    return float(negatives[min(len(negatives) - 1, int(keep_quiet * len(negatives)))])


def lowo(l2: float, min_count: int, keep_quiet: float, show_misses: str | None = None) -> None:
    """Leave one writer out: the whole detector on each held-out writer group."""
    import thawing.core.crisis as crisis
    from bench.crisis import evaluate

    docs, labels, groups = dataset()
    y = np.array(labels, dtype=float)
    scores, models = held_out_scores(docs, y, groups, l2=l2, min_count=min_count)
    threshold = threshold_for(scores, y, groups, keep_quiet)
    print(f"l2 {l2} min_count {min_count} keep_quiet {keep_quiet}: threshold {threshold:.3f}")
    totals = {"recall_explicit": [0, 0], "recall_overall": [0, 0], "specificity": [0, 0]}
    for g in GROUPS:
        crisis._MODEL = {**models[g], "threshold": threshold}
        rows = load_rows(g)
        figures = evaluate(rows, crisis.crisis_signals)
        crisis._MODEL = {}
        rules = evaluate(rows, crisis.crisis_signals)
        crisis._MODEL = {**models[g], "threshold": threshold}
        line = []
        for key in totals:
            totals[key][0] += figures[key]["hits"]
            totals[key][1] += figures[key]["of"]
            line.append(f"{figures[key]['share']:.3f} (rules alone {rules[key]['share']:.3f})")
        print(f"  held out {g:<10} explicit {line[0]}  overall {line[1]}  specificity {line[2]}")
        if show_misses in (g, "all"):
            for row in rows:
                found = crisis.crisis_signals(row["text"])
                ok = (any(s.context == "self" for s in found) if row["expect"] == "crisis"
                      else not found if row["expect"] == "none" else True)
                if not ok:
                    print(f"MISS {g} {row['expect']:<6} {row['category']:<18} {row['text']}"
                          f"  -> {[(s.kind, s.level, s.context) for s in found]}")
    crisis._MODEL = None
    print("  pooled: " + "  ".join(f"{k} {h / n:.3f} ({h}/{n})" for k, (h, n) in totals.items()))


def _use_window(window: int) -> None:
    global WINDOW
    WINDOW = window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lowo", action="store_true", help="leave one writer out; write nothing")
    parser.add_argument("--misses", help="with --lowo: print a held-out group's misses (or 'all')")
    parser.add_argument("--l2", type=float, default=L2)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--keep-quiet", type=float, default=KEEP_QUIET)
    parser.add_argument("--window", type=int, default=WINDOW)
    args = parser.parse_args(argv)
    _use_window(args.window)
    if args.lowo:
        lowo(args.l2, args.min_count, args.keep_quiet, args.misses)
        return 0
    docs, labels, groups = dataset()
    y = np.array(labels, dtype=float)
    scores, _ = held_out_scores(docs, y, groups, l2=args.l2, min_count=args.min_count)
    threshold = threshold_for(scores, y, groups, args.keep_quiet)
    model = train(docs, y, l2=args.l2, min_count=args.min_count)
    model.update({"about": "thawing/core/crisis.py section 4; trained by scripts/train_crisis_model.py",
                  "licence": "derived weights; GoEmotions (Apache-2.0) comments used as negatives, "
                             "see NOTICE",
                  "threshold": round(threshold, 4), "l2": args.l2, "min_count": args.min_count,
                  "keep_quiet": args.keep_quiet, "window": args.window})
    path = ROOT / "thawing" / "content" / "crisis_model.json"
    path.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(docs)} texts, {len(model['weights'])} weights kept; threshold {threshold:.3f} "  # type: ignore[arg-type]
          f"(writer-held-out, {args.keep_quiet:.0%} of the fixtures' negatives quiet); wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
