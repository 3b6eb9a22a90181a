"""The story detector: grouping articles into stories, aligning their sentences, who copied whom,
and where one outlet's version departs from the others'."""

from __future__ import annotations

import pickle
import subprocess
import sys
from array import array
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import quality
from quality.detectors.base import records_on_disk
from quality.detectors.stories import StoryDetector
from quality.detectors.stories.align import EDITED, REWORDED, VERBATIM, align, units
from quality.detectors.stories.divergence import CALENDAR_YEAR, DECADE, differing_numbers, name_variants, names_in, quantities
from quality.detectors.stories.profile import EMPTY, PERMUTATIONS, signature
from quality.detectors.stories.signatures import SignatureFile, SignatureTable
from quality.detectors.stories.summary import BANDS, MAX_LINKS_PER_BUCKET, ROWS, SAME_STORY, UNDATED, Grouping, StorySummary, date_ordinal
from quality.model import Article
from quality.pipeline import analyze

ROOT = Path(__file__).resolve().parents[1]

# A story as three outlets might carry it, and an unrelated one.
KRILL = [
    "Foreign ministers of Chile and Norway signed a fisheries accord in Valparaiso on Tuesday after two years of talks.",
    "The accord caps the krill catch around the Antarctic Peninsula at 620,000 tonnes a year until 2030.",
    "Chilean Foreign Minister Alberto van Klaveren said the accord would protect penguin colonies in the Weddell Sea.",
    "Scientists had warned that krill trawlers were emptying the feeding grounds of humpback whales near Elephant Island.",
]
KRILL_REWORDED = [
    "After two years of negotiations, Chile and Norway put their signatures to a fisheries pact in Valparaiso on Tuesday.",
    "Under the pact, no more than 620,000 tonnes of krill may be caught each year near the Antarctic Peninsula until 2030.",
    "Penguin colonies in the Weddell Sea will be protected, Chilean Foreign Minister Alberto van Klaveren said.",
    "Trawlers hunting krill were stripping the humpback whales' feeding grounds near Elephant Island, researchers had cautioned.",
]
OPERA = [
    "The Teatro Colon in Buenos Aires opened its season with a new staging of Verdi's Otello on Friday night.",
    "The Uruguayan tenor sang the title role opposite a Georgian soprano making her debut in Argentina.",
    "Critics praised the conductor for the brisk tempi of the storm scene and the hushed final act.",
    "Tickets for the remaining eight performances sold out within hours, the opera house said.",
]


def _article(id_: str, source: str, lines: list[str], date: str | None = None, title: str | None = None) -> Article:
    return Article(id=id_, source=source, text="\n\n".join(lines), date=date, title=title)


def _stories(articles: list[Article]) -> dict[str, dict]:
    return {r.article.id: {k[len("story_") :]: v for k, v in r.metrics.items() if k.startswith("story_")} for r in analyze(articles)}


# ---------------------------------------------------------------------------------- grouping

GROUPING_CASES = [
    # (why, articles, pairs that share a story, pairs that do not)
    (
        "a rewording of the same report is the same story; another event is not",
        [_article("a", "wire", KRILL), _article("b", "daily", KRILL_REWORDED), _article("c", "arts", OPERA)],
        [("a", "b")],
        [("a", "c"), ("b", "c")],
    ),
    (
        "dated more than the window apart (60 days), the same words are two stories",
        [_article("a", "wire", KRILL, "2023-01-10"), _article("b", "daily", KRILL_REWORDED, "2023-06-01")],
        [],
        [("a", "b")],
    ),
    (
        "within the window, a follow-up weeks later is the same story",
        [_article("a", "wire", KRILL, "2023-01-10"), _article("b", "daily", KRILL_REWORDED, "2023-02-20")],
        [("a", "b")],
        [],
    ),
]


@pytest.mark.parametrize("why, articles, together, apart", GROUPING_CASES, ids=[c[0] for c in GROUPING_CASES])
def test_grouping(why, articles, together, apart):
    found = _stories(articles)
    for a, b in together:
        assert found[a]["id"] == found[b]["id"], why
    for a, b in apart:
        assert found[a]["id"] != found[b]["id"], why


def test_story_ids_number_stories_by_their_first_article():
    found = _stories([_article("x", "arts", OPERA), _article("a", "wire", KRILL), _article("b", "daily", KRILL)])
    assert [found[k]["id"] for k in ("x", "a", "b")] == ["S00001", "S00002", "S00002"]


SIGNATURE_TERMS = [
    [],
    ["krill"],
    ["krill", "valparaiso", "weddell", "humpback"],
    ["київ", "北京", "ñandú", "medvédev", "x" * 60],
    [f"term{n}" for n in range(32)],
]


@pytest.mark.parametrize("terms", SIGNATURE_TERMS)
def test_signature_is_datasketchs_affine32_minhash(terms):
    """The signatures are datasketch's MinHash values (affine32, seed 1), computed without it."""
    datasketch = pytest.importorskip("datasketch")
    reference = datasketch.MinHash(num_perm=PERMUTATIONS, seed=1, scheme="affine32")
    reference.update_batch([term.encode("utf-8") for term in terms])
    ours = signature(terms)
    assert ours.dtype == np.uint32
    assert ours.tolist() == reference.hashvalues.astype(np.uint32).tolist()


def test_signature_does_not_depend_on_the_order_or_repetition_of_terms():
    assert signature(["b", "a", "c"]).tolist() == signature(["a", "b", "c", "a"]).tolist()
    assert (signature([]) == EMPTY).all()


def _stories_by_every_pair(signatures, dates, window):
    """The grouping's definition read literally: link every two articles that share a band and
    report one story, then number the connected groups by their first article."""
    n = len(signatures)
    group = list(range(n))
    for i in range(n):
        for j in range(i + 1, n):
            if (signatures[i] == EMPTY).all() or (signatures[j] == EMPTY).all():
                continue
            shared_band = any((signatures[i, ROWS * b : ROWS * (b + 1)] == signatures[j, ROWS * b : ROWS * (b + 1)]).all() for b in range(BANDS))
            similar = np.count_nonzero(signatures[i] == signatures[j]) >= SAME_STORY * PERMUTATIONS
            dated = UNDATED not in (dates[i], dates[j])
            if shared_band and similar and not (window is not None and dated and abs(dates[i] - dates[j]) > window):
                old, new = max(group[i], group[j]), min(group[i], group[j])
                group = [new if g == old else g for g in group]
    firsts = sorted(set(group))
    return [firsts.index(g) for g in group]


@pytest.mark.parametrize("seed", range(40))
def test_grouping_links_every_pair_that_shares_a_band_and_reports_one_story(seed):
    # At most MAX_LINKS_PER_BUCKET + 1 articles, so that every pair in a band is a candidate.
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, MAX_LINKS_PER_BUCKET + 2))
    signatures = rng.integers(0, 1 + seed % 3, size=(n, PERMUTATIONS)).astype(np.uint32)
    if n and seed % 4 == 0:
        signatures[rng.integers(0, n)] = EMPTY  # an article with no distinctive words joins nothing
    dates = rng.choice([UNDATED, 738000, 738030, 738100], size=n).astype(np.int64)
    window = (None, 60, 0)[seed % 3]
    grouping = Grouping.of(signatures, dates, window)
    assert grouping.story.tolist() == _stories_by_every_pair(signatures, dates, window)
    assert [k for s in range(len(grouping)) for k in grouping.members(s)] == sorted(range(n), key=lambda k: (grouping.story[k], k))


def test_label_is_the_earliest_title_else_shared_words():
    titled = _stories([_article("a", "wire", KRILL, "2023-01-02", "Chile and Norway cap krill catch"), _article("b", "daily", KRILL, "2023-01-01")])
    assert titled["b"]["label"] == titled["a"]["label"] == "Chile and Norway cap krill catch"
    untitled = _stories([_article("a", "wire", KRILL), _article("b", "daily", KRILL_REWORDED)])
    assert "krill" in untitled["a"]["label"].split()


# --------------------------------------------------------------------------------- alignment

ALIGNMENT_CASES = [
    # (mine, theirs, grade or None)
    ("The accord caps the krill catch at 620,000 tonnes a year.", "The accord caps the krill catch at 620,000 tonnes a year.", VERBATIM),
    ("The accord caps the krill catch at 620,000 tonnes a year.", "“The accord caps the krill catch at 620,000 tonnes a year.”", VERBATIM),
    ("The accord caps the krill catch at 620,000 tonnes a year.", "The new accord caps the annual krill catch at 620,000 tonnes.", EDITED),
    (KRILL[3], KRILL_REWORDED[3], REWORDED),
    ("The visit would mark Xi Jinping’s first visit after 2019.", "It would be Xi Jinping's first official visit to Russia in four years.", REWORDED),
    (KRILL[0], OPERA[0], None),
]


@pytest.mark.parametrize("mine, theirs, grade", ALIGNMENT_CASES)
def test_alignment_grade(mine, theirs, grade):
    (match,) = align(units(mine), units(theirs))
    assert (match.grade if match else None) == grade


def test_alignment_is_one_to_one():
    """A sentence on the story's topic resembles its lead a little; only the lead's true
    counterpart is matched to it."""
    mine = units(f"{KRILL[1]} {KRILL[0]}")
    theirs = units(KRILL_REWORDED[0])
    matches = align(mine, theirs)
    assert [m is not None for m in matches] == [False, True]


# ------------------------------------------------------------------------------- divergences

QUANTITY_CASES = [
    # (sentence, the article's year, (kind, value) found)
    ("first official visit to Russia in four years", 2023, [(CALENDAR_YEAR, 2019)]),
    ("her first visit after 2019", 2023, [(CALENDAR_YEAR, 2019)]),
    ("the war will complete one year", 2023, [("year", 1)]),
    ("on February 24 the talks resume", None, [("day of february", 24)]),
    ("from Mar. 20 to 22", None, [("day of march", 20)]),
    ("trade rose by 30% in 2022", None, [("%", 30), (CALENDAR_YEAR, 2022)]),
    ("trade rose by more than 30%", None, []),  # approximate: it contradicts no exact figure
    ("some twenty thousand species", None, []),
    ("twenty thousand species", None, [("species", 20000)]),
    ("the two world leaders met", None, [("leader", 2)]),
    ("the two countries agreed", None, [("country", 2)]),
    ("caps the catch at 620,000 tonnes", None, [("tonne", 620000)]),
    ("launch in the mid-2020s", None, [(DECADE, 2020)]),  # a decade, not the year 2020
    ("in the 80s of last century", None, []),  # no century: not compared with "the 1980s"
    ("tariffs on about $125 billion worth of goods", None, []),  # approximate, the sign notwithstanding
]


@pytest.mark.parametrize("sentence, year, expected", QUANTITY_CASES)
def test_quantities(sentence, year, expected):
    assert [(q.kind, q.value) for q in quantities(sentence, 0, year)] == expected


def test_numbers_that_agree_in_other_words_do_not_diverge():
    mine = quantities("her first visit after 2019", 0, 2023)
    assert differing_numbers(mine, [quantities("her first visit in four years", 0, 2023)]) == []


@pytest.mark.parametrize(
    "mine, theirs, differ",
    [
        ("Rescue teams brought 23 miners to the surface alive", "Of the 32 miners working underground, 23 were rescued", False),  # other miners
        ("In the unit 61 patients were infected", "In the unit 14 patients were infected", True),  # the same things said
        ("61 patients caught the infection", "14 patients died", False),  # nothing said of them in common
        ("Twenty-three miners were brought out alive", "Twenty miners were brought out alive", True),  # 23, not the "three" after a hyphen
    ],
)
def test_counts_compare_only_what_is_said_of_the_same_things(mine, theirs, differ):
    found = differing_numbers(quantities(mine, 0, None), [quantities(theirs, 0, None)])
    assert bool(found) is differ, found


@pytest.mark.parametrize(
    "mine, theirs, differ",
    [
        ("rents have risen by a third in five years", "a promise to build 5,000 homes within four years", False),  # two lengths of time
        ("the works will take five years", "the works will take four years", True),
        ("the plant will close within five years", "the plant will close within four years", True),
    ],
)
def test_lengths_of_time_compare_only_after_the_same_word(mine, theirs, differ):
    found = differing_numbers(quantities(mine, 0, None), [quantities(theirs, 0, None)])
    assert bool(found) is differ


@pytest.mark.parametrize(
    "person, organisation, one",
    [
        ("White House Press Secretary Ann Lee", "the White House", True),
        ("Paulo Mendes Carvalho, chair of the municipal electoral board", "The municipal electoral board", True),
        ("Ann Lee, a lawyer for the family", "The municipal electoral board", False),
        ("Ann Lee, chair of the board", "the board", False),  # one word says too little
    ],
)
def test_a_person_speaks_for_the_body_their_title_names(person, organisation, one):
    from quality.detectors.stories.story import _speaks_for

    assert _speaks_for(person, organisation) is one


OPERA_TICKETS = "Ticket prices rose by a third this season, and the opera house added two matinees for students and pensioners."
KRILL_FOLLOW_UP = [
    "Fishing companies in Punta Arenas said the new limits would cost them about a fifth of their yearly income.",
    "Environmental groups in Santiago welcomed the deal but asked for a ban on trawling near breeding colonies.",
    "The Norwegian delegation flew home on Wednesday, and a joint commission will meet again in March next year.",
    "A separate agreement on salmon farming in the southern fjords is still being negotiated by both governments.",
]


@pytest.mark.parametrize("elsewhere, flagged", [(frozenset(), ["Ryman"]), (frozenset({"Ryman"}), [])], ids=["no version writes it", "a version of the same days writes it"])
def test_a_name_another_version_writes_is_no_variant(elsewhere, flagged):
    """A version too unlike this one to suggest a spelling still shows the name is real."""
    text = "The band played the Ryman Auditorium in Nashville."
    found = name_variants(text, names_in(text), [names_in("The band played Nashville, Ryan said.")], max_distance=1, elsewhere=elsewhere)
    assert [v.spelling for v in found] == flagged


@pytest.mark.parametrize("shared, flagged", [(len(KRILL), True), (2, False)], ids=["a version of the story", "an article sharing two sentences"])
def test_numbers_are_compared_only_between_versions_of_the_story(shared, flagged):
    """Two articles on one topic (two polls of one race) share a sentence's words but not the
    statement: only a version whose sentences mostly align with this one is compared."""
    changed = [KRILL[0], KRILL[1].replace("620,000", "260,000"), *KRILL[2:]][:shared]
    rest = KRILL_FOLLOW_UP if shared == len(KRILL) else [*OPERA, OPERA_TICKETS]  # the story's other sentences, or its own
    articles = [
        _article("a", "wire", KRILL + KRILL_FOLLOW_UP, "2023-01-10"),
        _article("c", "times", KRILL + KRILL_FOLLOW_UP, "2023-01-10"),
        _article("b", "daily", changed + rest, "2023-01-10"),
    ]
    found = [f.evidence for f in analyze(articles)[-1].findings if f.rule == "STY002"]
    assert (found == ["260,000"]) is flagged, found


def test_a_number_diverges_from_the_majority_reading():
    mine = quantities("caps the catch at 260,000 tonnes", 0, None)
    others = [quantities("caps the catch at 620,000 tonnes", 0, None)] * 2
    (found,) = differing_numbers(mine, others)
    assert (found.quantity.value, found.majority, found.versions, found.written) == (260000, 620000, 2, "620,000")


NAME_CASES = [
    # (mine, others, spelling flagged and its suggestion, or None)
    ("Minister Alberto van Klaverin spoke.", ["Alberto van Klaveren", "Alberto van Klaveren"], ("Klaverin", "Klaveren")),
    ("Dmitri Medvedez y Xi Jinping. Dmitry Medvedev said so.", ["Xi Jinping"], ("Medvedez", "Medvedev")),
    ("The Russian ministry said.", ["Russia said", "Russia said"], None),  # another word, not another spelling
    ("Officials in Austria said.", ["Australia said", "Australia said"], None),  # a word the language knows
    ("Minister Alberto van Klaveren spoke.", ["Alberto van Klaveren"], None),
    # another transliteration is the outlet's house style, not a slip
    ("President Volodymyr Zelenskiy spoke.", ["President Zelensky spoke", "Volodymyr Zelensky"], None),
    ("SpaceX said Starhip will fly.", ["SpaceX said Starship will fly", "Starship"], ("Starhip", "Starship")),
]


@pytest.mark.parametrize("mine, others, expected", NAME_CASES)
def test_name_variants(mine, others, expected):
    found = name_variants(mine, names_in(mine), [names_in(text) for text in others])
    assert [(v.spelling, v.majority) for v in found] == ([expected] if expected else [])


# ------------------------------------------------------------------------------ the detector


def test_roles_origin_copy_rewrite_single():
    articles = [
        _article("first", "wire", KRILL, "2023-01-10"),
        _article("copied", "portal", KRILL, "2023-01-11"),
        _article("reworded", "daily", KRILL_REWORDED, "2023-01-11"),
        _article("other", "arts", OPERA, "2023-01-11"),
    ]
    found = _stories(articles)
    assert {k: (v["role"], v["origin"]) for k, v in found.items()} == {
        "first": ("origin", None),
        "copied": ("copy", "first"),
        "reworded": ("rewrite", "first"),
        "other": ("single", None),
    }
    assert found["copied"]["verbatim"] == found["copied"]["sentences"] == 4
    assert found["reworded"]["original"] == 0


def test_same_outlet_articles_are_not_each_others_versions():
    found = _stories([_article("a", "wire", KRILL), _article("b", "wire", KRILL)])
    assert found["a"]["id"] == found["b"]["id"]
    assert found["a"]["role"] == found["b"]["role"] == "single"


def test_source_report_has_originality_divergences_and_origin_share():
    articles = [_article("a", "wire", KRILL, "2023-01-10"), _article("b", "portal", KRILL, "2023-01-11")]
    report = quality.source_report(quality.article_rows(analyze(articles)))
    by_source = report.set_index("source")
    assert by_source.loc["wire", "story_origin_share"] == 1.0
    assert by_source.loc["portal", "story_originality"] == 0.0
    assert by_source.loc["portal", "story_divergences_per_1k_words"] == 0.0


def test_records_on_disk_give_the_same_stories(tmp_path, monkeypatch):
    articles = [_article("a", "wire", KRILL), _article("b", "daily", KRILL_REWORDED), _article("c", "arts", OPERA), _article("d", "portal", KRILL)]
    in_memory = _stories(articles)
    monkeypatch.setattr(StorySummary, "held_articles", 1)
    with records_on_disk(str(tmp_path)):
        on_disk = _stories(articles)
    assert on_disk == in_memory
    assert list(tmp_path.glob("records-*")) and list(tmp_path.glob("signatures-*"))  # written out


def _signature_table(tmp_path, rows: np.ndarray, blocks: list[int]) -> SignatureTable:
    """``rows`` as a table of files of ``blocks`` rows each, the rest held in memory."""
    files, at = [], 0
    for size in blocks:
        files.append(SignatureFile.written(array("I", rows[at : at + size].ravel().tolist()), str(tmp_path)))
        at += size
    return SignatureTable(files, rows[at:].copy())


@pytest.mark.parametrize("blocks", [[], [3], [1, 4], [2, 2, 2, 4]], ids=["memory", "one-file", "two-files", "all-in-files"])
def test_signatures_in_files_read_as_the_array_in_memory(tmp_path, blocks):
    """However the rows are split between files and memory, and after the files' pages are let
    go or the table is pickled for a worker, it reads as one array."""
    rng = np.random.default_rng(7)
    rows = rng.integers(0, 5, size=(10, PERMUTATIONS), dtype=np.uint32)
    rows[6] = EMPTY
    table = _signature_table(tmp_path, rows, blocks)
    for seen in (table, pickle.loads(pickle.dumps(table))):
        assert len(seen) == len(rows)
        assert np.array_equal(seen.columns(4, 2), rows[:, 4:6])
        assert np.array_equal(seen.empty_rows(EMPTY), (rows == EMPTY).all(axis=1))
        picked = [9, 0, 6, 3, 3, 5]
        assert np.array_equal(seen.rows(picked), rows[picked])
        for file in seen.files:
            file.release()
        assert np.array_equal(seen.rows(picked), rows[picked])


def test_window_option_is_checked():
    with pytest.raises(ValueError, match="window_days"):
        StoryDetector(window_days=-1)


@pytest.mark.parametrize("date, expected", [("2023-01-31", 738551), ("2023-01-31T08:00:00Z", 738551), ("31/01/2023", -1), (None, -1), ("2023-02-30", -1)])
def test_dates(date, expected):
    assert date_ordinal(date) == expected


# ------------------------------------------------------------------------- seeds, API and CLI


def test_sample_corpus_five_reports_are_one_story_with_their_divergences():
    result = subprocess.run(
        [sys.executable, "-m", "quality", "stories", str(ROOT / "sample_corpus"), "--format", "csv"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    from io import StringIO

    table = pd.read_csv(StringIO(result.stdout))
    seeds = table[table["id"].str.match(r"00[0-4]_")]
    assert seeds["story"].nunique() == 1 and len(seeds) == 5
    assert (table[~table["id"].str.match(r"00[0-4]_")]["role"] == "single").all()
    roles = dict(zip(seeds["source"], seeds["role"]))
    assert roles["outlet-a"] == "origin" and roles["outlet-b"] == "rewrite"  # the machine paraphrase
    findings = quality.findings_frame(pd.DataFrame({"text": [(ROOT / "sample_corpus" / f).read_text() for f in sorted(seeds["id"])], "source": sorted(seeds["source"])}))
    story = findings[findings["rule"].str.startswith("STY")]
    assert ("STY001", "Medvedez", "Medvedev") in set(zip(story["rule"], story["evidence"], story["suggestion"]))
    assert ("STY004", "He") in set(zip(story["rule"], story["evidence"]))  # "It added" in the others: the ministry
    assert not (story["rule"] == "STY002").any()  # "after 2019" and "in four years" agree


def _story_findings(articles: list[Article]) -> dict[str, set[tuple[str, str]]]:
    return {r.article.id: {(f.rule, f.evidence) for f in r.findings if f.rule.startswith("STY")} for r in analyze(articles)}


BARE_CLAIM = "The accord would protect penguin colonies in the Weddell Sea."


@pytest.mark.parametrize(
    ("lines", "dropped"),
    [
        # the claim stated bare, its source named nowhere in the article
        ([KRILL[0], KRILL[1], BARE_CLAIM, KRILL[3]], True),
        # the same bare claim in an article that names the minister in another paragraph
        ([KRILL[0], "Chilean Foreign Minister Alberto van Klaveren signed for Chile.", KRILL[1], BARE_CLAIM, KRILL[3]], False),
    ],
)
def test_a_source_dropped_is_one_the_article_never_names(lines, dropped):
    articles = [_article(f"wire{k}", f"outlet{k}", KRILL, "2023-01-10") for k in range(3)]
    articles.append(_article("bare", "daily", lines, "2023-01-11"))
    found = _story_findings(articles)["bare"]
    assert any(rule == "STY003" for rule, _ in found) is dropped


def test_a_source_dropped_is_one_that_said_so_not_one_that_knew():
    """The others have the minister know it, not say it: nobody's words were dropped."""
    knowing = [KRILL[0], KRILL[1], "Chilean Foreign Minister Alberto van Klaveren knew at the time that the accord would protect penguin colonies in the Weddell Sea.", KRILL[3]]
    articles = [_article(f"wire{k}", f"outlet{k}", knowing, "2023-01-10") for k in range(3)]
    articles.append(_article("bare", "daily", [KRILL[0], KRILL[1], BARE_CLAIM, KRILL[3]], "2023-01-11"))
    assert not any(rule == "STY003" for rule, _ in _story_findings(articles)["bare"])


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [
        # "It was ... that": no organisation speaks, so no speaker changed against "the minister said"
        ("Chilean Foreign Minister Alberto van Klaveren said the accord was the first to protect penguin colonies in the Weddell Sea.",
         "It was the first accord to protect penguin colonies in the Weddell Sea, Chilean officials noted."),
        # the ministry in the others, its spokesperson named here: one speaker
        ("The Chilean Foreign Ministry said the accord was the first to protect penguin colonies in the Weddell Sea.",
         "Chilean Foreign Ministry spokesperson Ana Soto said the accord was the first to protect penguin colonies in the Weddell Sea."),
    ],
    ids=["a dummy it is no speaker", "a spokesperson speaks for the organisation in their title"],
)
def test_no_speaker_changed(theirs: str, mine: str) -> None:
    articles = [_article(f"wire{k}", f"outlet{k}", [KRILL[0], KRILL[1], theirs, KRILL[3]], "2023-01-10") for k in range(3)]
    articles.append(_article("mine", "daily", [KRILL[0], KRILL[1], mine, KRILL[3]], "2023-01-11"))
    assert not any(rule == "STY004" for rule, _ in _story_findings(articles)["mine"])


def test_story_frame_has_one_row_per_article_grouped_by_story():
    df = pd.DataFrame(
        {
            "text": ["\n\n".join(lines) for lines in (OPERA, KRILL, KRILL_REWORDED)],
            "source": ["arts", "wire", "daily"],
        }
    )
    frame = quality.story_frame(df)
    assert list(frame["story"]) == ["S00001", "S00002", "S00002"]
    assert list(frame.columns[:4]) == ["story", "label", "id", "source"]


def test_terminal_view_lists_shared_stories_with_roles():
    from quality.frame import article_rows, story_rows
    from quality.terminal import story_lines

    articles = [_article("a", "wire", KRILL, "2023-01-10"), _article("b", "portal", KRILL, "2023-01-11"), _article("c", "arts", OPERA)]
    shown = story_lines(story_rows(article_rows(analyze(articles))))
    assert "S00001" in shown and "copy of wire" in shown
    assert shown.rstrip().endswith("1 story carried by more than one outlet; 1 carried by one")


def test_html_report_shows_the_story_side_by_side():
    from quality.html_report import html_report, run_info
    from quality.config import Config

    articles = [
        _article("a", "wire", KRILL, "2023-01-10"),
        _article("b", "daily", [KRILL[0], KRILL[1].replace("620,000", "260,000"), *KRILL[2:]], "2023-01-11"),
    ]
    page = html_report(analyze(articles), run_info(Config()))
    assert 'id="story-S00001"' in page
    assert '<mark class="differs">260,000</mark>' in page  # the differing word, in the other version's cell
    assert "STY002" in page  # the divergence, listed under the story


def test_html_report_without_shared_stories_says_so():
    from quality.html_report import html_report, run_info
    from quality.config import Config

    page = html_report(analyze([_article("c", "arts", OPERA)]), run_info(Config()))
    assert "No story was carried by more than one outlet." in page


@pytest.mark.parametrize("suffix, marker", [(".csv", "story,label,id,source"), (".jsonl", '"story": "S00001"'), (".html", 'id="story-S00001"')])
def test_stories_command_writes_each_format(tmp_path, suffix, marker):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, lines in (("wire", KRILL), ("daily", KRILL_REWORDED)):
        (folder / name).mkdir()
        (folder / name / "krill.txt").write_text("\n\n".join(lines), encoding="utf-8")
    target = tmp_path / f"stories{suffix}"
    done = subprocess.run([sys.executable, "-m", "quality", "stories", str(folder), "-o", str(target)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert marker in target.read_text(encoding="utf-8")
    assert "read 2, scored 2, errors 0" in done.stderr


def test_story_rows_sort_story_numbers_as_numbers_and_error_rows_last():
    from quality.frame import story_rows

    articles = pd.DataFrame({"story_id": ["S100000", "S10001", "S00002", None], "date": [None, "2023-01-01", None, None], "id": list("abcd")})
    assert list(story_rows(articles)["id"]) == ["c", "b", "a", "d"]


def test_terminal_view_keeps_story_numbers_in_numeric_order():
    from quality.frame import story_rows
    from quality.terminal import story_lines

    rows = pd.DataFrame(
        {
            "story_id": ["S100000", "S100000", "S99999", "S99999"], "id": list("abcd"), "source": ["x", "y", "x", "y"],
            "story_outlets": [2] * 4, "story_role": ["origin", "copy", "origin", "copy"], "story_sentences": [4] * 4,
        }
    )  # fmt: skip
    shown = story_lines(story_rows(rows))
    assert shown.index("S99999") < shown.index("S100000")


def test_the_readers_caches_change_no_answer(monkeypatch):
    """Caches bounded so tightly that nothing is kept: every version, alignment and analysis is
    read again when asked, and the stories are the same."""
    from quality.detectors.stories import story

    articles = [a for a in quality.load_paths([str(ROOT / "sample_corpus")]) if a.id[:3] in ("000", "001", "002", "003", "004")]  # one story
    kept = [(r.metrics, r.findings) for r in analyze(articles)]
    for budget in ("CACHED_VERSION_CHARS", "CACHED_ALIGNED_SENTENCES", "CACHED_ANALYSED_SENTENCES"):
        monkeypatch.setattr(story, budget, 0)
    assert [(r.metrics, r.findings) for r in analyze(articles)] == kept
    assert any(f.rule.startswith("STY") for _, findings in kept for f in findings)
