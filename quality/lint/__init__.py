"""``quality lint``: the pre-publication check for editors, pre-commit and CI.

It reads drafts (``.txt``, Markdown with front matter), runs the normal pipeline on their prose,
and reports each finding at its line and column in the file, in the format the reader needs:

* :mod:`quality.markdown` turns a draft into the prose the detectors read, with an offset
  map back to the file;
* :mod:`quality.suppress` reads ``<!-- quality: ignore … -->`` directives;
* :mod:`quality.lint.settings` resolves options against the configuration;
* :mod:`quality.lint.drafts` finds and reads drafts, and writes ``--fix`` repairs back;
* :mod:`quality.lint.engine` runs ``analyze`` on the drafts and maps findings back to the files;
* :mod:`quality.lint.formats` writes text, JSON, SARIF 2.1.0 and GitHub annotations.

Exit codes: 0 no finding at or above ``--fail-on`` (default ``error``); 1 there are such
findings (0 with ``--exit-zero``); 2 a usage or configuration error, or an input that could not
be read or checked. Documented for users in ``docs/lint.md``.
"""

from quality.lint.engine import FileResult, LintFinding, LintReport, lint
from quality.lint.formats import render
from quality.lint.settings import LintOptions, LintUsageError, Settings, resolve

__all__ = ["FileResult", "LintFinding", "LintOptions", "LintReport", "LintUsageError", "Settings", "lint", "render", "resolve"]
