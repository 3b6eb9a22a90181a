"""Ctrl-C stops a run, even when a library in between swallowed it.

The pipeline turns a detector's exception into an error on that article, so that one bug does
not sink a batch. A library's bare ``except:`` (langdetect's profile loader has one) turns
Ctrl-C into its own exception; taken for a detector failure, it would let the run go on with
articles silently scored without that detector. Every such handler asks here first.
"""

from __future__ import annotations


def stop_if_interrupted(exc: BaseException) -> None:
    """Raise ``KeyboardInterrupt`` when ``exc`` was raised while an interrupt or an exit was
    being handled (it is in ``exc``'s chain of causes and contexts)."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        if isinstance(link, (KeyboardInterrupt, SystemExit)):
            raise KeyboardInterrupt from exc
        seen.add(id(link))
        link = link.__cause__ or link.__context__


def command() -> int:
    """The ``quality`` command's entry point: :func:`quality.cli.main`, imported here so that a
    Ctrl-C while the command's modules load also ends with ``quality: interrupted`` and exit
    status 130, not a traceback."""
    import sys

    try:
        from quality.cli import main
    except KeyboardInterrupt:
        print("quality: interrupted", file=sys.stderr)
        return 130
    return main()
