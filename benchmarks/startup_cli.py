"""How long does a person wait for the commands a linter is judged by?

Wall time of fresh processes, as a shell or a pre-commit hook starts them: ``quality --help``,
``quality rules``, ``quality rules MOJ001``, ``quality lint`` on one draft (a sample-corpus
article, about 400 words) and on a one-line draft, ``quality score`` on a one-article JSONL file
(one short sentence: the whole pipeline, corpus pass included, for the least input), and (when pre-commit is installed) the
pre-commit hook on that draft in a throw-away repository, beside two floors measured in the
same run: ``python -c pass`` and ``python -c "import pandas"``. The commands alternate over
rounds (each round in a new order) and the medians are printed, since these machines are
shared and noisy.

    python benchmarks/startup_cli.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DRAFT = REPO / "sample_corpus" / "000_85b48dcb40bc4b97.txt"


def commands(short_draft: Path, one_article: Path) -> dict[str, list[str]]:
    quality = [sys.executable, "-m", "quality"]
    hook = {}
    if shutil.which("pre-commit"):  # the hook as a repository runs it on one staged draft
        hook["pre-commit run (one draft)"] = ["pre-commit", "run", "quality-lint", "--files", DRAFT.name]
    return {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "python -c 'import pandas' (floor)": [sys.executable, "-c", "import pandas"],
        "quality --help": [*quality, "--help"],
        "quality rules": [*quality, "rules"],
        "quality rules MOJ001": [*quality, "rules", "MOJ001"],
        "quality lint (one-line draft)": [*quality, "lint", str(short_draft)],
        f"quality lint ({DRAFT.name})": [*quality, "lint", str(DRAFT)],
        "quality score (one short article)": [*quality, "score", str(one_article), "--format", "csv"],
        **hook,
    }


def hook_repository(folder: Path) -> None:
    """A git repository in ``folder`` holding the draft, with a pre-commit configuration whose
    hook runs this checkout's ``quality lint`` (a local hook, so nothing is installed)."""
    shutil.copy(DRAFT, folder / DRAFT.name)
    entry = f"{sys.executable} -m quality lint"
    (folder / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: quality-lint\n    name: quality lint\n"
        f"    entry: {entry}\n    language: system\n    types_or: [markdown, plain-text]\n",
        encoding="utf-8",
    )
    for command in (["git", "init", "-q"], ["git", "add", "-A"]):
        subprocess.run(command, cwd=folder, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        short = Path(folder) / "draft.md"
        short.write_text("The mayor said the bridge would reopen on Monday.\n", encoding="utf-8")
        one_article = Path(folder) / "one.jsonl"
        one_article.write_text(
            '{"id": "a1", "source": "wire", "text": "The minister said on Monday that the talks would continue in Geneva."}\n',
            encoding="utf-8",
        )
        runs = commands(short, one_article)
        if "pre-commit run (one draft)" in runs:
            hook_repository(Path(folder))
        environment = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's quality, whatever is installed
        times: dict[str, list[float]] = {name: [] for name in runs}
        order = list(runs)
        rng = random.Random(0)
        for _ in range(args.rounds):
            rng.shuffle(order)
            for name in order:
                start = time.perf_counter()
                subprocess.run(runs[name], cwd=folder, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
                times[name].append(time.perf_counter() - start)
    print(f"median wall time of a fresh process, {args.rounds} interleaved rounds")
    for name, values in times.items():
        print(f"  {name:<48} {statistics.median(values):6.2f} s   (min {min(values):.2f}, max {max(values):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
