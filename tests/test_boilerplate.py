"""Boilerplate detector: line kinds, what must stay, stripping, the corpus pass and the score."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quality
from quality import Article, Config, analyze
from quality.detectors.boilerplate import (
    BoilerplateDetector,
    classify,
    outlet_key,
    cleanliness,
    strip_boilerplate,
    strip_spans,
)
from conftest import run_texts

PARA_1 = "The central bank raised interest rates by half a point on Thursday, its third rise this year."
PARA_2 = "Officials said inflation had stayed above the target for eighteen months and could rise again."
PARA_3 = "Markets fell after the announcement, and the currency reached its highest level since March."


def _codes_on(text: str, line: str) -> set[str]:
    """Rule codes of the findings that cover ``line`` in ``text``."""
    start = text.index(line)
    return {v.code for v in classify(text) if v.start <= start + len(line.strip()) - 1 and v.end > start}


def _article(*lines: str) -> str:
    return "\n".join(lines)


# (name, line under test, expected code or None) — the line sits between real paragraphs unless
# the name says otherwise.
KIND_CASES = [
    ("telegram footer", "Follow us on Telegram for the latest updates: https://t.me/example", "BPL001"),
    ("follow-us footer", "If you like what you read, follow us on Facebook, Instagram and Telegram to get the latest updates.", "BPL001"),
    ("whatsapp channel", "Join our WhatsApp channel for breaking news alerts", "BPL001"),
    ("newsletter prompt", "Sign up for our daily newsletter", "BPL001"),
    ("share widget", "Share this article", "BPL001"),
    ("network names", "Facebook Twitter WhatsApp Email", "BPL001"),
    ("image via", "Top image via the embassy's official Weibo account", "BPL002"),
    ("photo colon", "Photo: Jane Doe/AFP via Getty Images", "BPL002"),
    ("icon ligature", "photo_camera XINHUA/LI TAO vía AP - Xi Jinping poses for photos", "BPL002"),
    ("caption credit", "Firefighters at the scene on Sunday (Getty Images)", "BPL002"),
    ("gallery counter", "Image 3 of 12", "BPL002"),
    ("more in", "More in Politics", "BPL003"),
    ("read more", "Read more: Oil prices climb after output cut", "BPL003"),
    ("related", "Related: Oil prices climb after output cut", "BPL003"),
    ("also read", "ALSO READ", "BPL003"),
    ("breadcrumb", "Home » World » Asia", "BPL003"),
    ("tags", "Tags: economy, inflation, central bank", "BPL003"),
    ("comments closed", "Comments are closed for this article.", "BPL003"),
    ("teaser from a desk", "More from our education desk: why relief teachers turn down short postings", "BPL003"),
    ("teaser for a day", "Coming on Sunday: our critics pick the ten films of the decade so far", "BPL003"),
    ("dateline category", " date 2023-01-31 Politics", "BPL004"),
    ("byline agency", "By Jane Doe | Reuters", "BPL004"),
    ("updated time", "Updated 1:39 am EST, Wednesday, November 20, 2019", "BPL004"),
    ("reporting by", "(Reporting by Jane Doe; Editing by John Smith)", "BPL004"),
    ("tweet signature", "— Hua Chunying 华春莹 (@SpokespersonCHN) March 17, 2023", "BPL005"),
    ("instagram embed", "A post shared by The Museum (@themuseum)", "BPL005"),
    ("cookie notice", "We use cookies to improve your experience. By continuing, you accept our cookie policy.", "BPL006"),
    ("copyright", "© 2023 Example Media. All rights reserved.", "BPL006"),
    ("ad marker", "Advertisement", "BPL007"),
    ("story continues", "Story continues below advertisement", "BPL007"),
    ("affiliate", "This post may contain affiliate links. We may earn a commission at no extra cost to you.", "BPL007"),
    ("sponsor line", "Sponsored by Example Bank and its partners in the region", "BPL007"),
    ("sponsor label", "Market Update sponsored by", "BPL007"),
    ("sponsored podcast", "This week's Tennis Podcast is sponsored by the Example Finals, which take place in May.", "BPL007"),
    ("reporting funded", "Reporting for this article was supported by the Rim Investigative Fund, which had no role in its editing.", "BPL007"),
    ("a partnership", "This article was produced in partnership with the Rural Reporting Fund.", "BPL007"),
    ("republishing", "You may republish this article free of charge under our Creative Commons licence.", "BPL006"),
    # Not boilerplate
    ("sponsor in prose", "The candidates met on Thursday at a debate sponsored by CNN and the state party in Des Moines.", None),
    ("a referral link in the story", "Curry has sold $4,000 worth of coffee machines through a referral link to Amazon from his site.", None),
    ("referral links disclosed", "We use referral links to fund the site.", "BPL007"),
    ("a grant in the story", "The study was funded by a grant from the National Institutes of Health and ran for six years.", None),
    ("a report in the story", "This report was published by the audit office on Monday and found 40 failings.", None),
    ("licensing in the story", "The agency said outlets may not reproduce the photographs without paying a fee.", None),
    ("mentions telegram", "The ministry announced the visit on Telegram, where it has more than a million followers.", None),
    ("mentions photo", "The photograph, taken by a resident, shows the bridge moments before it collapsed into the river.", None),
    ("short paragraph", "Putin had invited his Asian ally to visit Russia in December.", None),
    ("subheading", "Background", None),
    ("subheading phrase", "China ambiguous on Ukraine", None),
    ("quoted tweet text", "At the invitation of President Vladimir Putin, President Xi Jinping will pay a state visit to Russia from March 20 to 22. 🇨🇳🇷🇺", None),
    ("by the end of", "By the end of 2023, the bank had raised rates four times, officials said on Thursday.", None),
    ("sharing in prose", "Protesters shared videos of the march on Twitter before the accounts were blocked on Sunday.", None),
    ("related in prose", "Related talks in Geneva ended without agreement, the foreign ministry said on Friday evening.", None),
    ("comments in prose", "Comments are closed on many sites after a flood of abuse, the survey of editors found.", None),
    ("mojibake holding ©", "The CafÃ© Rouge closed on Monday after a fire, the owner said.", None),  # é read as cp1252
    ("copyright glued to credit", "Photo ©Reuters", "BPL002"),
]


@pytest.mark.parametrize(("name", "line", "expected"), KIND_CASES, ids=[c[0] for c in KIND_CASES])
def test_line_kind_between_paragraphs(name: str, line: str, expected: str | None) -> None:
    text = _article(PARA_1, line, PARA_2, PARA_3)
    codes = _codes_on(text, line)
    if expected is None:
        assert codes == set()
    else:
        assert codes == {expected}


# Position matters: furniture at the top or bottom, headlines at the top.
POSITION_CASES = [
    ("footer at the top", ["Follow us on Telegram for the latest updates: https://t.me/example", PARA_1, PARA_2], 0, "BPL001"),
    ("headline at the top", ["Xi Jinping likely to visit Moscow around anniversary of invasion", PARA_1, PARA_2], 0, None),
    ("headline and standfirst", ["Central bank raises rates again", "The third rise this year comes as inflation stays high", PARA_1, PARA_2], 1, None),
    ("dateline above headline", [" date 2023-01-31 Politics", "Central bank raises rates again", PARA_1, PARA_2], 1, None),
    ("menu above the story", ["World", "Business", "Markets", "Tech", PARA_1, PARA_2, PARA_3], 1, "BPL008"),
    ("short last paragraph", [PARA_1, PARA_2, PARA_3, "Talks resume on Monday."], 3, None),
    # One network's name alone over a paragraph: a letters page's heading for the comments taken
    # from it. Share buttons come in runs, or name an action.
    ("a network heading readers' comments", [PARA_1, "Michael Pravica.", "FACEBOOK.", PARA_2, "Chris Smith.", PARA_3], 2, None),
    ("a run of share buttons", [PARA_1, "Facebook", "Twitter", "Email", PARA_2, PARA_3], 1, "BPL001"),
    ("a share button over a paragraph", [PARA_1, "Share on Facebook", PARA_2, PARA_3], 1, "BPL001"),
    # A list the article announces with a colon, and a schedule of dated rows, are the article's;
    # a menu under a header among other menus is not.
    ("an announced list", [PARA_1, PARA_2, PARA_3, "The orchestra's spring tour dates:", "Opera House, Lyon", "Konzerthaus, Vienna"], 5, None),
    ("the line that announces it", [PARA_1, PARA_2, PARA_3, "The orchestra's spring tour dates:", "Opera House, Lyon", "Konzerthaus, Vienna"], 3, None),
    ("a schedule's rows", [PARA_1, PARA_2, PARA_3, *[f"May {d} -- City Hall, Springfield" for d in range(1, 6)]], 6, None),
    ("a menu under a header among menus", [PARA_1, PARA_2, PARA_3, "World", "Business", "Stories you may have missed:", "Markets", "Tech"], 7, "BPL008"),
    # A table's header over its rows of figures is the table's; the same "|" marks in a menu are not.
    ("a table's header", [PARA_1, PARA_2, "Pos | Team | P | W | Pts", "1 | Harbour City | 24 | 18 | 57", "2 | Kinloss Rovers | 24 | 16 | 52", PARA_3], 2, None),
    ("a menu of cells", ["Home | News | Sport | Weather | Travel", PARA_1, PARA_2, PARA_3], 0, "BPL003"),
]


@pytest.mark.parametrize(("name", "lines", "index", "expected"), POSITION_CASES, ids=[c[0] for c in POSITION_CASES])
def test_line_kind_by_position(name: str, lines: list[str], index: int, expected: str | None) -> None:
    text = _article(*lines)
    codes = _codes_on(text, lines[index])
    assert codes == (set() if expected is None else {expected})


# Calls to the reader in wordings no family pattern knows, told by their structure: an imperative
# of what readers do or an address to the reader, a channel of the outlet's, and, for the weaker
# form, a place at the article's edge. (name, line, where it stands, expected code)
CALL_CASES = [
    ("tips on a messaging app", "Got a story for us? WhatsApp our newsroom on +44 7700 900123.", "between", "BPL001"),
    ("corrections address", "Spotted an error? Write to our editors at corrections@ledger.example.", "between", "BPL001"),
    ("notifications", "Never miss a headline: turn on notifications in the Andes Post app.", "between", "BPL001"),
    ("podcast", "Listen to our weekly podcast wherever you get your podcasts.", "between", "BPL001"),
    ("membership price", "Become a member of the Harbour Times for just $2 a week and keep local reporting alive.", "end", "BPL001"),
    ("contribution", "Support independent journalism: make a one-off contribution today.", "end", "BPL001"),
    ("comments", "Join the conversation in the comments below.", "end", "BPL001"),
    ("our, far from the channel", "Share your story with our investigations desk on Signal.", "between", "BPL001"),
    ("an if-clause before the imperative", "Found this useful? If you can, chip in $5 to keep our reporters on the beat.", "between", "BPL001"),
    ("the outlet's readers told what to do", "Harbour Times readers can now follow our science desk on Bluesky at @science.harbour.example.", "between", "BPL001"),
    ("readers in the story", "Readers can find the full list of closures on the county's website, officials said.", "between", None),
    ("an if-clause in the story", "If the border closes again, drivers should contact the consulate, the ministry said.", "between", None),
    ("a bell emoji", "Hit the 🔔 so you never miss a story from the valley.", "between", "BPL001"),
    ("a QR code to a channel", "Scan the QR code to join our WhatsApp channel.", "between", "BPL001"),
    ("readers in the third person", "Readers can reach the newsdesk at news@ledger.example.", "end", "BPL001"),
    ("readers, a clause between", "Readers with information about the case can reach the newsroom via Signal.", "end", "BPL001"),
    ("an imperative after a dash", "The Ledger is on Line too — add @theledger to get our morning briefing.", "between", "BPL001"),
    ("an imperative after an opening phrase", "For weather alerts across the valley, follow the Ledger's WhatsApp channel.", "end", "BPL001"),
    ("an introductory price", "Get unlimited access for just ₩1,000 for your first month.", "end", "BPL001"),
    ("money as a gift", "The Observer relies on readers like you. Chip in $10 to keep local news alive.", "between", "BPL001"),
    ("a comment below", "Have your say: would the closure affect you? Leave a comment below.", "between", "BPL001"),
    ("any gift to the reporting", "Chip in what you can to keep our reporting free.", "between", "BPL001"),
    ("the newsroom as a channel", "Do you ride the new line? Tell our city desk how your commute has changed.", "between", "BPL001"),
    ("the newsroom asking the reader", "What have we missed in your district? Our district reporters want to hear from you.", "end", "BPL001"),
    ("the outlet as recipient", "Taking photographs at the fair? Send us your best shots for the reader gallery.", "between", "BPL001"),
    ("the reader as funder", "The Ledger is paid for by the people who read it. A gift of any size keeps our council reporter in the gallery.", "end", "BPL001"),
    ("a gift to local news", "Make a tax-deductible gift to support local news.", "end", "BPL001"),
    ("becoming a supporter", "If our coverage matters to you, consider becoming a supporter.", "end", "BPL001"),
    ("a sign-up addressed to the reader", "Register now for free SMS alerts and get the forecast on your phone.", "end", "BPL001"),
    ("a broadcast to tune in to", "Tune in to Harbour Sports Live every Saturday at noon.", "end", "BPL001"),
    ("liking the outlet on a network", "For more news, like the Harbour Ledger on Facebook.", "end", "BPL001"),
    # an imperative or an address alone is furniture only at the edge
    ("contribution mid-story", "Support independent journalism: make a one-off contribution today.", "between", None),
    # the story's own lines
    ("police appeal", "If you have information, call Crime Stoppers at 1-800-222-8477.", "end", None),
    ("donating blood", "Residents were urged to donate blood at the city's three hospitals.", "end", None),
    ("an institution's channel", "The ministry announced the change on its Telegram channel on Tuesday.", "end", None),
    ("quoted call", "'Join us in the streets,' she told the crowd.", "end", None),
    ("quoted call, curly", "“Follow our channel for updates,” the ministry wrote on Tuesday.", "end", None),
    ("a columnist's we", "Who are we as a nation if we answer threats on Twitter with threats of our own?", "end", None),
    ("how-to advice", "Read on for three tips that will help you save on your energy bill this winter.", "end", None),
    ("a report you can read", "You can read the full report on the council's website.", "end", None),
    ("a team's thanks", "Our team played well, and we thank the fans on Twitter.", "end", None),
    ("a QR code in the story", "Residents can scan the QR code at the station to pay their fare.", "end", None),
    ("readers in the story", "Readers of the magazine complained on Facebook about the cover.", "end", None),
    ("an opening phrase, then a statement", "For the council, the vote was a relief; residents followed the debate on Facebook.", "end", None),
    ("money asked of residents", "Residents were asked to donate $5 to the flood fund at the town hall.", "end", None),
    ("a gift in the story", "The charity asked residents to make a donation to the food bank.", "end", None),
    ("the outlet's correspondent in the story", "Our correspondent in Kyiv says the city was quiet on Sunday night.", "end", None),
    ("a rhetorical tell us", "Play fair or don't play. Now tell us this isn't a witch hunt.", "end", None),
    ("another outlet's subscribers", "A preview of the report was shared with paying subscribers, the magazine said.", "end", None),
    ("a museum's members", "The museum is funded by its members and a grant from the city council.", "end", None),
    ("coverage in the story", "Critics said the coverage of the vote was unfair to the council.", "end", None),
    ("an imperative of argument", "Consider the case of the library in Leeds, which closed in 2019.", "end", None),
    ("declining to comment", "For years, she declined to comment on Twitter about the case.", "end", None),
    ("like, a comparison", "Like many councils on Facebook, the town posts its minutes there.", "end", None),
    ("viewers who tuned in", "Millions tune in to the final on Saturday, the broadcaster said.", "end", None),
    # the call family's wording in a sentence that speaks to no reader tells of someone else's call
    ("a reported sign-up", "The weather service is urging residents to register for its free SMS alert service.", "end", None),
    ("a reported opt-in", "The survey was conducted online, using a nationally representative opt-in panel of 600 respondents.", "end", None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "line", "where", "expected"), CALL_CASES, ids=[c[0] for c in CALL_CASES])
def test_call_to_the_reader_by_structure(name: str, line: str, where: str, expected: str | None) -> None:
    lines = [PARA_1, line, PARA_2, PARA_3] if where == "between" else [PARA_1, PARA_2, PARA_3, line]
    text = _article(*lines)
    assert _codes_on(text, line) == (set() if expected is None else {expected})


# The outlet's own name is one of its channels, and an SMS short code is one too. (name, line,
# source of the article, where the line stands, expected code)
OUTLET_CALL_CASES = [
    ("follow the outlet", "Follow The Harbour Times", "www.theharbourtimes.example", "end", "BPL001"),
    ("support the outlet", "Support Ledger Weekly and make a difference for readers everywhere.", "ledgerweekly.example", "end", "BPL001"),
    ("follow the outlet, a sentence", "Follow Ledger Weekly online for updates from the harbour all week long.", "https://ledgerweekly.example/world/", "end", "BPL001"),
    ("contact the outlet", "Contact KTVX News", "www.ktvxnews.example", "end", "BPL001"),
    ("source given by name", "Support The Andes Post so we can keep reporting from the valley.", "The Andes Post", "end", "BPL001"),
    ("short code", "Text NEWS to 78070 for breaking alerts.", "www.theharbourtimes.example", "between", "BPL001"),
    # an imperative whose object is the outlet speaks for the outlet, as "us" does: furniture anywhere
    ("outlet named mid-story", "Support Ledger Weekly and make a difference for readers everywhere.", "ledgerweekly.example", "between", "BPL001"),
    ("the outlet's desk mid-story", "Spotted a mistake? Message the Ledger Weekly corrections desk on Signal.", "ledgerweekly.example", "between", "BPL001"),
    # another outlet's name, the outlet's name in the story, a number after "text ... to"
    ("another outlet", "Support Ledger Weekly and make a difference for readers everywhere.", "www.theharbourtimes.example", "end", None),
    ("the name in a sentence", "The Harbour Times first reported the closure of the yard in May.", "www.theharbourtimes.example", "end", None),
    ("the name, not the object", "Looking for more gift ideas? Stay tuned for more Ledger Weekly gift guides in the weeks before the holidays.", "ledgerweekly.example", "end", None),
    ("a common word that is the name", "The sun rose over the harbour as the boats came in.", "www.thesun.example", "end", None),
    ("texts counted", "Volunteers will text reminders to 2000 voters before the election.", "www.theharbourtimes.example", "between", None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "line", "source", "where", "expected"), OUTLET_CALL_CASES, ids=[c[0] for c in OUTLET_CALL_CASES])
def test_call_through_the_outlets_own_name(name: str, line: str, source: str, where: str, expected: str | None) -> None:
    lines = [PARA_1, line, PARA_2, PARA_3] if where == "between" else [PARA_1, PARA_2, PARA_3, line]
    text = _article(*lines)
    result = BoilerplateDetector().detect(Article(id="a", source=source, text=text))
    start = text.index(line)
    assert {f.rule for f in result.findings if f.start <= start + len(line) - 1 and f.end > start} == (set() if expected is None else {expected})


@pytest.mark.parametrize(
    ("source", "key"),
    [("www.thesun.co.uk", "thesun"), ("news.sky.com", "sky"), ("edition.cnn.com", "cnn"), ("https://www.bbc.com/news", "bbc"),
     ("The Kyiv Independent", "thekyivindependent"), ("", "")],
)  # fmt: skip
def test_outlet_key_is_the_sites_name(source: str, key: str) -> None:
    assert outlet_key(source) == key


# A list the article introduces with a colon holds its own steps, even worded like a call; the
# outlet's own call (its "us", its channel) is furniture there too.
STEPS_INTRO = "To watch the final without a cable subscription, readers in the United States have two options:"
STEP_CASES = [
    ("a step of the article", [PARA_1, STEPS_INTRO, "Sign up for a StreamCo account for $7.99 a month", "Add the sports pack in your account settings", PARA_2], 2, None),
    ("the outlet's call in a list", [PARA_1, STEPS_INTRO, "Follow us on Telegram for live updates", PARA_2], 2, "BPL001"),
    ("no colon, no list", [PARA_1, PARA_2, PARA_3, "Sign up for our daily newsletter"], 3, "BPL001"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "lines", "index", "expected"), STEP_CASES, ids=[c[0] for c in STEP_CASES])
def test_steps_the_article_lists(name: str, lines: list[str], index: int, expected: str | None) -> None:
    text = _article(*lines)
    assert _codes_on(text, lines[index]) == (set() if expected is None else {expected})


RESIDUE_CASES = [
    # a dateline glued to a paragraph: only the prefix is residue
    (" date 2023-01-31 " + PARA_1, "BPL004", "date 2023-01-31"),
    # an embedded tweet's signature at the end of the tweet's text
    ("We will not back down pic.twitter.com/abc123 — Jane Doe (@janedoe) March 17, 2023", "BPL005",
     "pic.twitter.com/abc123 — Jane Doe (@janedoe) March 17, 2023"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "code", "evidence"), RESIDUE_CASES)
def test_residue_inside_a_line(line: str, code: str, evidence: str) -> None:
    text = _article(line, PARA_2, PARA_3)
    verdicts = [v for v in classify(text) if v.code == code]
    assert [text[v.start : v.end] for v in verdicts] == [evidence]
    assert not verdicts[0].whole_line


STRIP_CASES = [
    ("nothing to strip", f"{PARA_1}\n\n{PARA_2}\n", f"{PARA_1}\n\n{PARA_2}\n"),
    ("footer at the end", f"{PARA_1}\n\n{PARA_2}\n\nFollow us on Facebook and Twitter for more.\n", f"{PARA_1}\n\n{PARA_2}\n"),
    ("footer at the end, no final break", f"{PARA_1}\n\n{PARA_2}\n\nMore in Politics", f"{PARA_1}\n\n{PARA_2}"),
    ("footer at the top", f"Follow us on Telegram for the latest updates: https://t.me/x\n{PARA_1}\n{PARA_2}", f"{PARA_1}\n{PARA_2}"),
    ("ad in the middle", f"{PARA_1}\n\nAdvertisement\n\n{PARA_2}\n\n{PARA_3}", f"{PARA_1}\n\n{PARA_2}\n\n{PARA_3}"),
    ("two at the end", f"{PARA_1}\n\n{PARA_2}\n\nTop image via Weibo\n\nMore in Politics\n", f"{PARA_1}\n\n{PARA_2}\n"),
    ("windows line breaks", f"{PARA_1}\r\nAdvertisement\r\n{PARA_2}\r\n{PARA_3}\r\n", f"{PARA_1}\r\n{PARA_2}\r\n{PARA_3}\r\n"),
    ("dateline prefix", f" date 2023-01-31 {PARA_1}\n{PARA_2}\n{PARA_3}", f" {PARA_1}\n{PARA_2}\n{PARA_3}"),
    ("odd spacing kept", f"  {PARA_1}  \n\n\n{PARA_2}\t\nAdvertisement\n{PARA_3}", f"  {PARA_1}  \n\n\n{PARA_2}\t\n{PARA_3}"),
]


@pytest.mark.parametrize(("name", "text", "expected"), STRIP_CASES, ids=[c[0] for c in STRIP_CASES])
def test_strip_boilerplate(name: str, text: str, expected: str) -> None:
    assert strip_boilerplate(text) == expected
    assert quality.strip_boilerplate(text) == expected  # exported at the top level


def test_strip_only_some_codes() -> None:
    text = f"{PARA_1}\nAdvertisement\n{PARA_2}\n{PARA_3}\nFollow us on Facebook and Twitter for more."
    assert strip_boilerplate(text, codes=["BPL007"]) == f"{PARA_1}\n{PARA_2}\n{PARA_3}\nFollow us on Facebook and Twitter for more."


def test_strip_learned_lines() -> None:
    template = "Metropolis Morning Edition brings you the city's news with your breakfast every day."
    text = f"{PARA_1}\n{template}\n{PARA_2}\n{PARA_3}"
    assert strip_boilerplate(text) == text  # reads as a paragraph: only knowing it recurs betrays it
    assert strip_boilerplate(text, learned_lines=[template.upper()]) == f"{PARA_1}\n{PARA_2}\n{PARA_3}"


def test_strip_findings_after_corpus_pass() -> None:
    template = "Metropolis Morning Edition, your city at breakfast"
    texts = [f"{p}\n{template}" for p in (PARA_1, PARA_2, PARA_3)]
    results = run_texts(*texts, source="planet")
    assert quality.strip_findings(texts[0], results[0].findings) == PARA_1


_LINES = st.sampled_from(
    [PARA_1, PARA_2, PARA_3, "Advertisement", "More in Politics", "Background", "", "  ", "Follow us on Telegram", "Photo: AFP"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=10), st.sampled_from(["\n", "\r\n", "\n\n"]), st.booleans())
def test_strip_keeps_every_other_line_exactly(lines: list[str], sep: str, final_break: bool) -> None:
    text = sep.join(lines) + (sep if final_break else "")
    flagged = {(v.start, v.end) for v in classify(text) if v.whole_line}
    stripped = strip_boilerplate(text)
    kept = [line for line in _spans_of(text) if line not in flagged]
    # every kept line survives exactly, in order; nothing else is added
    pos = 0
    for start, end in kept:
        found = stripped.find(text[start:end], pos)
        assert found >= 0
        pos = found + (end - start)
    assert len(stripped) <= len(text)
    assert strip_spans(text, []) == text


def _spans_of(text: str) -> list[tuple[int, int]]:
    from quality.spans import paragraphs

    return [(s.start, s.end) for s in paragraphs(text)]


# ------------------------------------------------------------------ corpus pass

TEMPLATE = "Metropolis Morning Edition, your city at breakfast"
QUOTE = "“We will not accept any delay to the project,” the minister said on Monday."
STORIES = [PARA_1, PARA_2, PARA_3, "Schools will stay closed on Friday because of the storm, the education department said."]

CORPUS_CASES = [
    # (name, [(source, text)], index of the article checked, line, expected BPL009)
    ("template in 3 of 3", [("a", f"{s}\n{TEMPLATE}") for s in STORIES[:3]], 2, TEMPLATE, True),
    ("template in 2 of 2: below min_articles", [("a", f"{s}\n{TEMPLATE}") for s in STORIES[:2]], 1, TEMPLATE, False),
    ("digits and case normalised", [("a", f"{s}\nMetropolis Edition no. {i}, SUBSCRIBERS ONLY today") for i, s in enumerate(STORIES[:3])], 0,
     "Metropolis Edition no. 0, SUBSCRIBERS ONLY today", True),
    ("shared quote across sources", [("a", f"{STORIES[0]}\n{QUOTE}"), ("b", f"{STORIES[1]}\n{QUOTE}"), ("a", f"{STORIES[2]}\n{QUOTE}"),
                                     ("a", f"{STORIES[3]}\n{QUOTE}")], 3, QUOTE, False),
    ("recurring subheading is house style", [("a", f"{s}\nBackground\n{t}") for s, t in zip(STORIES[:3], STORIES[1:])], 2,
     "Background", False),
    ("template of another source does not count", [("a", f"{STORIES[0]}\n{TEMPLATE}"), ("b", f"{STORIES[1]}\n{TEMPLATE}"),
                                                   ("c", f"{STORIES[2]}\n{TEMPLATE}")], 2, TEMPLATE, False),
    ("a transcript's stage direction is its own", [("a", f"{s}\nThank you.\n(Applause)") for s in STORIES[:3]], 2, "(Applause)", False),
    ("and so are its closing words", [("a", f"{s}\nThank you.\n(Applause)") for s in STORIES[:3]], 2, "Thank you.", False),
    ("closing words without a transcript recur as a template", [("a", f"{s}\nThank you.") for s in STORIES[:3]], 2, "Thank you.", True),
]  # fmt: skip


@pytest.mark.parametrize(("name", "articles", "index", "line", "expected"), CORPUS_CASES, ids=[c[0] for c in CORPUS_CASES])
def test_learned_per_source(name: str, articles: list[tuple[str, str]], index: int, line: str, expected: bool) -> None:
    results = analyze([Article(id=f"c{i}", source=src, text=t) for i, (src, t) in enumerate(articles)])
    hits = [f for f in results[index].findings if f.rule == "BPL009"]
    assert bool(hits) == expected
    if expected:
        assert hits[0].evidence == line
        assert "of 3 articles" in hits[0].message


def test_a_template_broken_over_lines_is_one_finding() -> None:
    """A recurring note the page breaks over several lines is one finding over the whole block,
    not one per line; lines apart are found apart."""
    note = "Editor's note: this outlet\nreports on the city\nevery morning."
    stories = zip(STORIES[:3], STORIES[1:])
    articles = [Article(id=f"c{i}", source="a", text=f"{s}\n{note}\n{t}\n{TEMPLATE}") for i, (s, t) in enumerate(stories)]
    hits = [f for f in analyze(articles)[0].findings if f.rule == "BPL009"]
    assert [h.evidence for h in hits] == [note, TEMPLATE]
    assert hits[0].message == "3 lines in a row recur in 3 of 3 articles of this source"
    assert hits[1].message == "line recurs in 3 of 3 articles of this source"


def test_threshold_is_configurable() -> None:
    articles = [Article(id=f"c{i}", source="a", text=f"{s}\n{TEMPLATE}") for i, s in enumerate(STORIES[:2])]
    default = analyze(articles)
    loose = analyze(articles, Config(detectors={"boilerplate": {"min_articles": 2}}))
    assert not any(f.rule == "BPL009" for f in default[0].findings)
    assert any(f.rule == "BPL009" for f in loose[0].findings)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7])
def test_merge_is_independent_of_chunking(chunk: int) -> None:
    detector = BoilerplateDetector()
    articles = [Article(id=str(i), source="ab"[i % 2], text=f"{STORIES[i % 4]}\n{TEMPLATE}\nLine {i}") for i in range(7)]
    pairs = [(a, detector.detect(a)) for a in articles]
    whole = detector.merge([detector.summarise(pairs)])
    parts = [detector.summarise(pairs[k : k + chunk]) for k in range(0, len(pairs), chunk)]
    # merging in any grouping gives the same summary
    left = detector.merge([detector.merge(parts[:1]), detector.merge(parts[1:])])
    assert detector.merge(parts) == whole == left


def _corpus_articles() -> list[Article]:
    """Every corpus case above in one corpus, with a quote that two outlets share."""
    articles = [Article(id=f"c{k}-{i}", source=src, text=t) for k, case in enumerate(CORPUS_CASES) for i, (src, t) in enumerate(case[1])]
    quote = "The minister said the talks would resume next week in Geneva after the holiday."
    articles += [Article(id=f"q{i}", source="ab"[i % 2], text=f"{STORIES[i % 4]}\n{quote}") for i in range(8)]
    return articles


def test_learned_templates_are_the_same_when_the_counts_are_stored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A large run keeps the line counts in an SQLite file of its temporary folder (from the
    third article here): merged in memory, into the file, file into file, and pickled for a
    worker, the summary teaches the same templates and gives every article the same result."""
    import pickle

    from quality.detectors._boilerplate_store import StoredLines
    from quality.detectors.base import records_on_disk

    detector = BoilerplateDetector()
    pairs = [(a, detector.detect(a)) for a in _corpus_articles()]
    memory = detector.merge([detector.summarise(pairs)])
    expected = {a.id: detector.apply(a, r, memory) for a, r in pairs}
    assert any(f.rule == "BPL009" for result in expected.values() for f in result.findings)
    monkeypatch.setattr(BoilerplateDetector, "held_articles", 2)
    with records_on_disk(str(tmp_path)):
        parts = [detector.summarise([pair]) for pair in pairs]
        while len(parts) > 1:  # merged two at a time, as the streaming engine's counter does
            parts = [detector.merge(parts[k : k + 2]) for k in range(0, len(parts), 2)]
    stored = parts[0]
    assert isinstance(stored, StoredLines) and len(list(tmp_path.glob("lines-*.sqlite"))) == 1
    for summary in (stored, pickle.loads(pickle.dumps(stored))):
        assert detector.learned(summary) == detector.learned(memory)
        assert {a.id: detector.apply(a, r, summary) for a, r in pairs} == expected


@pytest.mark.parametrize(
    ("option", "value"),
    [("threshold", 1.5), ("edge_share", -0.1), ("min_articles", 1), ("min_share", 2.0)],
)
def test_bad_thresholds_are_rejected(option: str, value: float) -> None:
    with pytest.raises(ValueError):
        BoilerplateDetector(**{option: value})


# ------------------------------------------------------------------ score

def test_clean_article_scores_one() -> None:
    assert cleanliness(_article(PARA_1, PARA_2), classify(_article(PARA_1, PARA_2))) == 1.0


def test_all_furniture_scores_zero() -> None:
    text = _article("Advertisement", "More in Politics", "Follow us on Telegram")
    assert cleanliness(text, classify(text)) == 0.0


def test_footer_weighs_more_than_a_credit_line() -> None:
    footer = "Follow us on Twitter for more news"
    credit = "Photo: Jane Doe/AFP via Getty Images"
    assert len(footer) <= len(credit)
    with_footer = _article(PARA_1, PARA_2, PARA_3, footer)
    with_credit = _article(PARA_1, PARA_2, PARA_3, credit)
    score_footer = run_texts(with_footer)[0].dimensions["cleanliness"]
    score_credit = run_texts(with_credit)[0].dimensions["cleanliness"]
    assert 0.0 < score_footer < score_credit < 1.0


def test_metrics_and_dimension_in_results() -> None:
    result = run_texts(_article(PARA_1, "Advertisement", PARA_2))[0]
    assert result.metrics["boilerplate_boilerplate_lines"] == 1
    assert result.metrics["boilerplate_lines"] == 3
    assert "cleanliness" in result.dimensions


# --- the fixed point: findings and stripping agree, and stripping twice changes nothing ------------

P_LAST = "Schools will stay closed on Friday because of the storm, the education department said."

# (name, lines, the line that only shows as furniture once the furniture around it is cut).
# Cutting lines changes the context of the others: a subheading whose neighbour was a menu entry,
# a name left between a list and the next paragraph.
CASCADE_CASES = [
    ("subheading after a menu entry", [PARA_1, PARA_2, "Senate passes budget bill", "World", "Background", PARA_3, "Ukraine war"], "Background"),
    ("label among notices", ["© 2023 Example Media. All rights reserved.", "Talks resume on Monday.", PARA_1, "Editors' Picks", "Ukraine war", PARA_2, "Ukraine war", "Image 3 of 12"], "Editors' Picks"),
    ("subheading above tags", [PARA_1, "Background", "What happens next", "Tags: economy, inflation", PARA_2, "Image 3 of 12"], "Background"),
    ("name between related links", [PARA_1, "Related", PARA_2, "Jane Doe", "The minister said:", PARA_3, "Read more: Oil prices climb",
                                    "Share this article", "Updated 1:39 am EST, Wednesday, November 20, 2019"], "Jane Doe"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "lines", "later"), CASCADE_CASES, ids=[c[0] for c in CASCADE_CASES])
def test_stripping_is_a_fixed_point(name: str, lines: list[str], later: str) -> None:
    text = _article(*lines)
    once = strip_boilerplate(text)
    assert strip_boilerplate(once) == once
    assert later not in once.splitlines()
    result = BoilerplateDetector().detect(Article(id="a", source="s", text=text))
    assert quality.strip_findings(text, result.findings) == once  # the findings are what is cut
    (finding,) = [f for f in result.findings if f.evidence == later]
    assert "once the boilerplate around it is cut" in finding.message
    assert [v.pass_number for v in classify(text) if text[v.start : v.end] == later] == [2]


@pytest.mark.parametrize(("name", "lines", "later"), CASCADE_CASES, ids=[c[0] for c in CASCADE_CASES])
def test_first_pass_alone_misses_the_later_line(name: str, lines: list[str], later: str) -> None:
    """The cases above do exercise the later passes: one pass alone does not flag the line."""
    from quality.detectors.boilerplate import classify_pass

    text = _article(*lines)
    assert later not in {text[v.start : v.end] for v in classify_pass(text)}


# Residue cut from a line, then the rest of the line cut whole: cutting both stretches at once
# takes the whole line, exactly as cutting them one after the other does.
SPLIT_CUT_CASES = [
    ("prefix then rest", "AAA BBB\nkeep\n", [(0, 3), (4, 7)], "keep\n"),
    ("rest then suffix", "keep\nAAA BBB\n", [(9, 12), (5, 8)], "keep\n"),
    ("gap keeps the line", "AAA x BBB\nkeep\n", [(0, 3), (6, 9)], "x \nkeep\n"),
    ("spaces between pieces", "AAA   BBB  \nkeep", [(0, 3), (6, 9)], "keep"),
]


@pytest.mark.parametrize(("name", "text", "spans", "expected"), SPLIT_CUT_CASES, ids=[c[0] for c in SPLIT_CUT_CASES])
def test_stretches_that_cover_a_line_cut_it_whole(name: str, text: str, spans: list[tuple[int, int]], expected: str) -> None:
    assert strip_spans(text, spans) == expected
    first, second = sorted(spans)
    in_two_steps = strip_spans(text, [first])
    moved = len(text) - len(in_two_steps)  # the second stretch lies after the first: shift it
    assert strip_spans(in_two_steps, [(second[0] - moved, second[1] - moved)]) == expected


# Short paragraphs in scripts written without spaces are paragraphs, not menu entries: words and
# lengths are counted per script (a Han character is most of a word, not a sixth of one).
UNSPACED_CASES = [
    ("chinese last", [PARA_1, PARA_2, "北京表示，会谈将于周一在莫斯科继续进行。"], None),
    ("chinese first", ["北京表示，会谈将于周一在莫斯科继续进行。", PARA_1, PARA_2], None),
    ("japanese between", [PARA_1, "東京の天気は晴れです。", PARA_2], None),
    ("japanese last", [PARA_1, PARA_2, "政府は月曜日に声明を発表した。"], None),
    ("short chinese last paragraph", ["北京表示，会谈将于周一在莫斯科继续进行。双方将讨论能源合作和贸易问题，官员说会谈可能持续两天。",
                                      "外交部发言人在例行记者会上说，中方愿同各方保持沟通。", "会谈将于周二结束。"], None),
    ("chinese menu above the story", ["首页", "新闻", "体育", "财经", "北京表示，会谈将于周一在莫斯科继续进行。双方将讨论能源合作和贸易问题。",
                                      "外交部发言人在例行记者会上说，中方愿同各方保持沟通。"], "BPL008"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "lines", "expected"), UNSPACED_CASES, ids=[c[0] for c in UNSPACED_CASES])
def test_unspaced_scripts(name: str, lines: list[str], expected: str | None) -> None:
    text = _article(*lines)
    short = min(lines, key=len)
    assert _codes_on(text, short) == (set() if expected is None else {expected})


@pytest.mark.parametrize(
    ("text", "words"),
    [("北京表示，会谈将于周一在莫斯科继续进行。", 11), ("東京の天気は晴れです。", 6), ("Talks resume on Monday.", 4), ("华春莹 (@SpokespersonCHN)", 3), ("", 0)],
)
def test_script_aware_word_count(text: str, words: int) -> None:
    from quality.spans import word_count

    assert word_count(text) == words


# ------------------------------------------------- the cheap screen before the date pattern

DATE_SCREEN_CASES = [
    # (line, whether a date or time may be in it: the screen's answer)
    ("Nov. 19, 2019 8:03 am ET", True),
    ("Updated mid-March by the desk", True),  # a month inside a hyphenated word
    ("segunda-feira, às tantas", True),  # a hyphenated weekday
    ("Published yesterday", True),
    ("just now", True),
    ("Follow us on Telegram for the latest news", False),
    ("The mayor said the bridge would reopen", True),  # "mayor" begins like "may": a false hope, never a miss
    ("Más información", False),
]


@pytest.mark.parametrize(("line", "possible"), DATE_SCREEN_CASES)
def test_the_date_screen_answers_cheaply(line: str, possible: bool) -> None:
    from quality.detectors._boilerplate_tables import may_hold_date_or_time

    assert may_hold_date_or_time(line) is possible


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["Mar", "mar", "ch", "Sept", "segunda", "-feira", "ayer", "today", "just", " now", "am", "7", "19", ":", ".", "-", " ", "é", "x", "Mon", "day", "2023", "de", "ago"]), max_size=12).map("".join))
def test_the_date_screen_never_hides_a_date(text: str) -> None:
    """Whatever DATE_OR_TIME finds, the screen lets through: it may only save work."""
    from quality.detectors._boilerplate_tables import DATE_OR_TIME, may_hold_date_or_time

    if DATE_OR_TIME.search(text):
        assert may_hold_date_or_time(text)
