"""What every benchmark script needs before it starts: the package importable, the data found.

Importing this module puts the repository root on ``sys.path`` (the scripts are run as
``python benchmarks/NAME.py``, which puts only ``benchmarks/`` there), so the checkout's own
``quality`` package is the one measured.

The benchmark data is never in the repository: it lives in a folder ``shared`` beside it. A git
worktree sits one level deeper than the main checkout, so :func:`shared_path` looks beside the
repository first and then one level up. Set ``QUALITY_SHARED`` to use a folder elsewhere.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SHARED_ENV = "QUALITY_SHARED"


def shared_path(*parts: str) -> Path:
    """``shared/<parts>``: from ``$QUALITY_SHARED``, else beside the repository or one level up.

    When neither candidate exists the one beside the repository is returned, so that the
    script's own error names the path a user would expect."""
    override = os.environ.get(SHARED_ENV)
    if override:
        return Path(override).joinpath(*parts)
    for base in (REPO.parent, REPO.parent.parent):
        candidate = base.joinpath("shared", *parts)
        if candidate.exists():
            return candidate
    return REPO.parent.joinpath("shared", *parts)
