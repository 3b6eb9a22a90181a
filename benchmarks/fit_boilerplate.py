#!/usr/bin/env python3
"""Fit the boilerplate line model's weights on half of the benchmark's sites; report on the rest.

The data is the line benchmark in ``../shared/benchmarks/boilerplate/pages.jsonl`` (see its
README). Sites are split in two by a hash of their host name, so that no site is on both sides:
weights are fitted on the ``fit`` half only, and the figures printed for the ``held-out`` half
are the honest ones. Weights are fitted on the article view (the article region ± 5 lines, which
is what scraped input looks like), each page's lines seen as one article. Whole pages are not
used for fitting: there, "short line between two paragraphs" mostly means a menu between teasers,
while in an article it means a subheading or a table, and one linear model cannot learn both. The
detector handles whole pages with its outside-the-body rule instead (see ``boilerplate.py``).

The model is an L2-regularised logistic regression fitted by Newton's method (numpy only), over
the features ``quality.detectors.boilerplate.ALL_FEATURES`` computes. ``--write`` stores the
weights in ``quality/detectors/_boilerplate_model.py``; nothing of the data goes there.

    python benchmarks/fit_boilerplate.py [--data PAGES.jsonl] [--write]
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
from pathlib import Path

import numpy as np

from _common import REPO, shared_path  # noqa: E402  (also puts the repository on sys.path)

from quality.detectors.boilerplate import ALL_FEATURES, line_infos  # noqa: E402
from quality.spans import paragraphs  # noqa: E402


DEFAULT_DATA = shared_path("benchmarks", "boilerplate", "pages.jsonl")
MARGIN = 5
L2 = 1.0  # ridge penalty: keeps weights small where features are rare
MODEL_FILE = REPO / "quality" / "detectors" / "_boilerplate_model.py"


def fit_half(source: str) -> bool:
    """Deterministic split by site: the fit half and the held-out half never share a site."""
    return hashlib.sha256(source.encode("utf-8")).digest()[0] % 2 == 0


def views(page: dict) -> dict[str, list[int]]:
    n = len(page["lines"])
    a, b = page["content_span"]
    return {"full": list(range(n)), "article+5": list(range(max(0, a - MARGIN), min(n, b + MARGIN + 1)))}


def line_starts(texts: list[str]) -> list[int]:
    """Offset of each line in ``"\\n".join(texts)``, for ``bisect`` from an offset to its line."""
    starts, pos = [], 0
    for text in texts:
        starts.append(pos)
        pos += len(text) + 1
    return starts


def rows_for(page: dict, indices: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Features and gold labels of the view's lines, the lines joined as one article."""
    texts = [page["lines"][i]["text"] for i in indices]
    gold = [page["lines"][i]["label"] == "boilerplate" for i in indices]
    text = "\n".join(texts)
    spans = list(paragraphs(text))
    starts = line_starts(texts)  # map each non-blank span back to its line index
    owner = [bisect.bisect_right(starts, s.start) - 1 for s in spans]
    infos = line_infos(spans)
    x = np.array([info.features for info in infos], dtype=float).reshape(len(infos), len(ALL_FEATURES))
    y = np.array([gold[k] for k in owner], dtype=float)
    return x, y


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    xb = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        z = xb @ beta
        p = 1 / (1 + np.exp(-z))
        grad = xb.T @ (w * (p - y)) + penalty * beta
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def prf_from_counts(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1, each 0 where its denominator is."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    return prf_from_counts(float(np.sum(pred & gold)), float(np.sum(pred & ~gold)), float(np.sum(~pred & gold)))


def load_pages(path: Path) -> list[dict]:
    """The benchmark's pages, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--write", action="store_true", help="store the fitted weights in the package")
    args = parser.parse_args()
    pages = load_pages(args.data)
    data: dict[tuple[str, str], list[tuple[np.ndarray, np.ndarray]]] = {}
    for page in pages:
        half = "fit" if fit_half(page["source"]) else "held-out"
        for view, indices in views(page).items():
            data.setdefault((half, view), []).append(rows_for(page, indices))
    stacked = {k: (np.vstack([a for a, _ in v]), np.concatenate([b for _, b in v])) for k, v in data.items()}
    x_fit, y_fit = stacked[("fit", "article+5")]
    w_fit = np.ones(len(y_fit))
    sites = {h: len({p["source"] for p in pages if fit_half(p["source"]) == (h == "fit")}) for h in ("fit", "held-out")}
    print(f"sites: fit {sites['fit']}, held-out {sites['held-out']}; lines fit {len(y_fit)}")
    weights, bias = fit(x_fit, y_fit, w_fit)
    print("\n| half | view | P | R | F1 (model alone, p >= 0.5) |\n|---|---|---:|---:|---:|")
    for (half, view), (x, y) in sorted(stacked.items()):
        p = 1 / (1 + np.exp(-(x @ weights + bias)))
        print(f"| {half} | {view} | " + " | ".join(f"{v:.3f}" for v in prf(p >= 0.5, y.astype(bool))) + " |")
    order = np.argsort(-np.abs(weights))
    print("\nlargest weights:", ", ".join(f"{ALL_FEATURES[i]} {weights[i]:+.2f}" for i in order[:12]))
    if args.write:
        body = "\n".join(f"    {w:+.6f},  # {name}" for name, w in zip(ALL_FEATURES, weights))
        MODEL_FILE.write_text(
            '"""Weights of the boilerplate line model (logistic regression), written by\n'
            "``benchmarks/fit_boilerplate.py --write``. They were fitted on the lines of half of the sites of\n"
            "the public line benchmark described in that script (split by a hash of the site name); the other\n"
            'half is held out for reporting. Only these numbers come from the data."""\n\n'
            f"FEATURES: tuple[str, ...] = {tuple(ALL_FEATURES)!r}\n\n"
            f"BIAS = {bias:+.6f}\n\nWEIGHTS: tuple[float, ...] = (\n{body}\n)\n",
            encoding="utf-8",
        )
        print(f"wrote {MODEL_FILE.relative_to(REPO)}")


if __name__ == "__main__":
    main()
