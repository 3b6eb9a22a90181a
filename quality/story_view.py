"""The HTML report's story view: each story that several outlets carried, side by side.

For each story (the story detector's columns, :mod:`quality.detectors.stories`): a table of
its versions (outlet, date, role, origin, how much is original) and the versions' sentences
aligned with the reference version's, the story's origin or else its earliest version. In an
aligned sentence the words that differ from the reference are marked, and the story's
divergences (STY findings) are listed under it with their suggestions.

The view is bounded whatever the corpus: the :data:`MAX_STORIES` stories carried by most
outlets, :data:`MAX_COLUMNS` versions and :data:`MAX_ROWS` sentences each; ``quality stories``
lists every story.
"""

from __future__ import annotations

import difflib
from html import escape
from typing import Sequence

from quality.detectors.stories.align import align, units
from quality.model import ArticleResult

MAX_STORIES = 25
MAX_COLUMNS = 4  # the reference and three other versions
MAX_ROWS = 40

INTRO = (
    "<p>Stories that more than one outlet carried, the most widely carried first. Each version's role says whether it "
    "copied (<i>copy</i>), rewrote (<i>rewrite</i>) or was copied from (<i>origin</i>) another version, or told the story "
    "in its own words (<i>independent</i>); <i>original</i> counts its sentences that no other outlet has. Under each "
    "story, its sentences side by side with the reference version's (the origin, else the earliest): "
    '<mark class="differs">marked</mark> words differ from the reference, and the divergences found are listed.</p>'
)


def story_section(results: Sequence[ArticleResult]) -> str:
    """The view's HTML (no section element: the report wraps it)."""
    stories: dict[str, list[ArticleResult]] = {}
    for result in results:
        if result.error is None and (result.metrics.get("story_outlets") or 0) > 1:
            stories.setdefault(str(result.metrics["story_id"]), []).append(result)
    if not stories:
        return INTRO + '<p class="empty">No story was carried by more than one outlet.</p>'
    ranked = sorted(stories.items(), key=lambda item: (-len({r.article.source for r in item[1]}), item[0]))
    parts = [INTRO] + [_story(story, members) for story, members in ranked[:MAX_STORIES]]
    if len(ranked) > MAX_STORIES:
        parts.append(f'<p class="meta">{len(ranked) - MAX_STORIES:,} more stories: <code>quality stories</code> lists every one.</p>')
    return "\n".join(parts)


def _story(story: str, members: list[ArticleResult]) -> str:
    members = sorted(members, key=lambda r: (r.article.date is None, r.article.date or "", r.article.id))
    reference = next((r for r in members if r.metrics.get("story_role") == "origin"), members[0])
    label = str(members[0].metrics.get("story_label") or "")
    outlets = len({r.article.source for r in members})
    head = f"<summary>{escape(story)} · {escape(label)} <span class=\"meta\">({len(members)} articles, {outlets} outlets)</span></summary>"
    return f'<details class="story" id="story-{escape(story)}">{head}\n{_versions_table(members)}\n{_side_by_side(reference, members)}\n{_divergences(members)}</details>'


def _versions_table(members: list[ArticleResult]) -> str:
    sources = {r.article.id: r.article.source for r in members}
    rows = []
    for r in members:
        m = r.metrics
        origin = m.get("story_origin")
        role = escape(str(m.get("story_role"))) + (f" of {escape(sources.get(origin, origin))}" if isinstance(origin, str) else "")
        counts = "".join(f'<td class="num">{int(m.get(f"story_{k}") or 0)}</td>' for k in ("sentences", "verbatim", "edited", "reworded", "original", "divergences"))
        rows.append(f"<tr><td>{escape(r.article.source)}</td><td>{escape(r.article.date or '')}</td><td>{escape(r.article.id)}</td><td>{role}</td>{counts}</tr>")
    header = "<tr><th>outlet</th><th>date</th><th>article</th><th>role</th><th>sentences</th><th>verbatim</th><th>edited</th><th>reworded</th><th>original</th><th>divergences</th></tr>"
    return f'<table class="versions">{header}{"".join(rows)}</table>'


def _side_by_side(reference: ArticleResult, members: list[ArticleResult]) -> str:
    """The reference's sentences, and the aligned sentence of up to MAX_COLUMNS - 1 others."""
    others = [r for r in members if r is not reference and r.article.source != reference.article.source][: MAX_COLUMNS - 1]
    mine = units(reference.article.text)
    columns = []
    for other in others:
        theirs = units(other.article.text)
        matches = align(mine, theirs)
        columns.append((theirs, matches))
    header = "<tr><th>" + escape(reference.article.source) + " (reference)</th>" + "".join(f"<th>{escape(o.article.source)}</th>" for o in others) + "</tr>"
    rows = []
    for k, unit in enumerate(mine[:MAX_ROWS]):
        cells = [f"<td>{escape(unit.text)}</td>"]
        for theirs, matches in columns:
            match = matches[k]
            if match is None:
                cells.append('<td class="missing">—</td>')
            else:
                cells.append(f'<td class="{match.grade}" title="{match.grade}">{_marked_difference(unit.text, theirs[match.other].text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = f'<p class="meta">{len(mine) - MAX_ROWS} more sentences of the reference not shown.</p>' if len(mine) > MAX_ROWS else ""
    return f'<div class="side-by-side"><table>{header}{"".join(rows)}</table></div>{more}'


def _marked_difference(reference: str, version: str) -> str:
    """``version`` as HTML, its words that the reference does not have in that place marked."""
    ours, theirs = reference.split(), version.split()
    parts = []
    for op, _, _, j1, j2 in difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False).get_opcodes():
        words = escape(" ".join(theirs[j1:j2]))
        if not words:
            continue
        parts.append(words if op == "equal" else f'<mark class="differs">{words}</mark>')
    return " ".join(parts)


def _divergences(members: list[ArticleResult]) -> str:
    items = []
    for r in members:
        for f in r.findings:
            if f.rule.startswith("STY"):
                suggestion = f' <span class="suggestion">→ {escape(f.suggestion)}</span>' if f.suggestion else ""
                items.append(
                    f'<li class="{f.severity.value}"><span class="code">{escape(f.rule)}</span> {escape(r.article.source)}: '
                    f"“{escape(f.evidence[:120])}” <span class=\"message\">{escape(f.message)}</span>{suggestion}</li>"
                )
    if not items:
        return '<p class="meta">No divergence between the versions was found.</p>'
    return '<ol class="findings">' + "".join(items) + "</ol>"
