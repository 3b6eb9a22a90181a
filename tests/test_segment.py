"""Sentence segmentation on news text: boundaries, offsets and line kinds (cases written for this project)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from quality.segment import CACHED_LINE_CHARS, CAPTION, HEADING, OTHER, QUESTION, SENTENCE, SIGNATURE, sentences

# (text, expected sentence texts)
BOUNDARIES = [
    ("Mr. Smith arrived. He left at noon.", ["Mr. Smith arrived.", "He left at noon."]),
    ("Sen. Warren spoke first. Gov. Newsom followed.", ["Sen. Warren spoke first.", "Gov. Newsom followed."]),
    ("The U.S. Senate voted on Tuesday.", ["The U.S. Senate voted on Tuesday."]),
    ("Troops left the U.S. The president said so.", ["Troops left the U.S.", "The president said so."]),
    ("George W. Bush spoke in Texas.", ["George W. Bush spoke in Texas."]),
    ("On Feb. 24, 2023, the war turned one.", ["On Feb. 24, 2023, the war turned one."]),
    ("Xi will visit from Mar. 20 to 22. Talks follow.", ["Xi will visit from Mar. 20 to 22.", "Talks follow."]),
    ('"We are ready," he said. "We will go."', ['"We are ready," he said.', '"We will go."']),
    ("“Why now?” she asked. Nobody knew.", ["“Why now?” she asked.", "Nobody knew."]),
    ("He said: “It is over.” Then he left.", ["He said: “It is over.”", "Then he left."]),
    ("It was Xi’s first visit since the war on Ukraine.Thus far, China has been careful.",
     ["It was Xi’s first visit since the war on Ukraine.", "Thus far, China has been careful."]),
    ("See example.com/Page.Html for more.", ["See example.com/Page.Html for more."]),
    ("Forty-three, yes; forty-four, no. Rasmussen agrees.", ["Forty-three, yes; forty-four, no.", "Rasmussen agrees."]),
    ("It is No. 2 in the list. Vote now!", ["It is No. 2 in the list.", "Vote now!"]),
    ("He waited... The door opened.", ["He waited...", "The door opened."]),
    ("He waited … and then left.", ["He waited … and then left."]),
    ("It cost $3.5 billion. Apple Inc. The company declined.", ["It cost $3.5 billion.", "Apple Inc.", "The company declined."]),
    ("First line without a stop\nSecond line.", ["First line without a stop", "Second line."]),
    ("A quote ends here.\n”", ["A quote ends here.\n”"]),
    # other scripts' full stops end a sentence, and so does a full stop before a caseless script
    ("یہ پہلا جملہ ہے۔ یہ دوسرا جملہ ہے؟ ہاں۔", ["یہ پہلا جملہ ہے۔", "یہ دوسرا جملہ ہے؟", "ہاں۔"]),
    ("这是第一句。这是第二句！第三句？", ["这是第一句。", "这是第二句！", "第三句？"]),
    ("यह पहला वाक्य है। यह दूसरा है।", ["यह पहला वाक्य है।", "यह दूसरा है।"]),
    ("He left. البيت كبير.", ["He left.", "البيت كبير."]),
]


@pytest.mark.parametrize(("text", "expected"), BOUNDARIES, ids=[t[:30] for t, _ in BOUNDARIES])
def test_boundaries(text: str, expected: list[str]) -> None:
    found = sentences(text)
    assert [s.text for s in found] == expected
    for s in found:
        assert text[s.start : s.end] == s.text


# (text, kind of each sentence)
KINDS = [
    ("Russia announces Xi Jinping visit in February\nThe Kremlin said the visit is set.", [HEADING, SENTENCE]),
    ("photo_camera XINHUA/LI TAO via AP - Xi poses for photos with Putin", [CAPTION]),
    ("Top image via the embassy/Weibo", [CAPTION]),
    ("Visit set for March. 🇨🇳🇷🇺\n— Hua Chunying (@SpokespersonCHN) March 17, 2023", [SENTENCE, SENTENCE, SIGNATURE]),
    ("It is fast.\n[ Daily Planet ]", [SENTENCE, SIGNATURE]),  # a roundup's credit for the excerpt above
    ("Will the visit happen?", [QUESTION]),
    ("If you like what you read, follow us on Facebook and Twitter.", [OTHER]),
    ("https://t.me/example", [OTHER]),
    ("This explains why trade grew by more than 30% in 2022, with record levels reached across every "
     "sector of the economy and in nearly every month of the year", [SENTENCE]),
    ("date 2023-01-31 Politics", [HEADING]),
    # a results row states nothing; a sentence dense with figures does
    ("2. Jane Roe (Kenya) 2:21:04\n3. Mia Lee (Japan) 2:22:10", [OTHER] * 4),
    ("The company earned 4.5 billion in 2023, up 12% from 2022.", [SENTENCE]),
]


@pytest.mark.parametrize(("text", "kinds"), KINDS, ids=[t[:30] for t, _ in KINDS])
def test_kinds(text: str, kinds: list[str]) -> None:
    assert [s.kind for s in sentences(text)] == kinds


def test_a_line_met_before_gives_its_sentences_at_its_new_place() -> None:
    """A line's sentences are remembered (a wire copy's paragraphs recur across outlets): met
    again in another article, below other lines, they keep their kinds and move to its offsets,
    and a line too long to remember reads the same."""
    line = "Officials said the talks failed. Trade fell, Reuters reported.\nFollow us on Twitter"
    alone = sentences(line)
    text = "DOWNING STREET\n\n" + line + "\n" + "Prices rose again. " * 200
    later = sentences(text)
    assert [(s.text, s.kind) for s in later[1 : 1 + len(alone)]] == [(s.text, s.kind) for s in alone]
    assert all(text[s.start : s.end] == s.text for s in later)
    assert len(text.splitlines()[-1]) > CACHED_LINE_CHARS and later[-1].text == "Prices rose again."


def test_paragraph_numbers_count_non_blank_lines() -> None:
    found = sentences("One. Two.\n\nThree.")
    assert [s.paragraph for s in found] == [0, 0, 1]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\"“”\n'A,…:-—")), max_size=80))
def test_spans_are_exact_ordered_and_disjoint(text: str) -> None:
    found = sentences(text)
    last_end = 0
    for s in found:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= last_end
        last_end = s.end


TABLE_ROWS = [
    ("32 Reed Sorenson 118 0 0 0 0", True),
    ("1 tsp. olive oil, 2 Tbsp. seeds, 8 oz. water", True),  # a recipe's quantities
    ("O calendário da Cup é composto por 36 corridas, e os 12 primeiros disputam o título nas 10 últimas corridas.", False),
    ("Prices rose 3.5% in May, 2.9% in June and 4% in July, the statistics office said on Monday.", False),
    ("", False),
]


@pytest.mark.parametrize(("line", "row"), TABLE_ROWS)
def test_a_table_row_is_a_line_made_mostly_of_numbers(line: str, row: bool) -> None:
    from quality.spans import is_table_row

    assert is_table_row(line) is row


def test_asking_twice_gives_the_same_sentences_and_a_list_of_ones_own() -> None:
    text = "The ministry said the visit would go ahead. He added that no date was set.\nA second line."
    first = sentences(text)
    expected = list(first)
    first.clear()  # a caller may change its list
    assert sentences(text) == expected
    assert sentences("".join(text)) == expected  # an equal string that is not the same object
    assert sentences("Another text.") != expected
