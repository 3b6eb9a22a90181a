"""An article's genre, told from its shape: what sourcing it needs depends on it."""

from __future__ import annotations

import pytest

from quality.detectors.attribution import AttributionDetector
from quality.english import is_not_english, not_english
from quality.genre import HOW_TO, LISTING, NEWS, OPINION, PRESS_RELEASE, PROMO, REVIEW, TEASER, TRANSCRIPT, genre_of
from quality.model import Article

NEWS_REPORT = (
    "Xi Jinping will visit Moscow next month, the Russian Foreign Ministry said on Monday.\n"
    "Officials in Beijing have not confirmed the trip. The two leaders last met in September.\n"
    '"We will work hard to push relations to a higher level," the ministry said. "I am sure of it," '
    "a spokesman told reporters, adding that he expected progress."
)

GENRES = [
    pytest.param(NEWS_REPORT, NEWS, id="a report: the first person is inside quotations"),
    pytest.param(
        "Miso-glazed salmon\nIngredients\n2 tbsp. soy sauce\n1 tbsp. honey\n4 salmon fillets\n½ cup white miso\n"
        "Whisk the miso, soy sauce and honey. Brush it over the fish and roast for 12 minutes.",
        HOW_TO,
        id="a recipe: quantity-and-unit lines",
    ),
    pytest.param(
        "How to change a tyre\nWhat you need\nA jack and a wheel brace.\n1. Loosen the nuts before you lift the car.\n"
        "2. Lift the car with the jack.\n3. Swap the wheel and tighten the nuts in a star pattern.",
        HOW_TO,
        id="a how-to: a heading over numbered steps",
    ),
    pytest.param(
        "Final standings after round 12\n1. Reed Sorenson 118 0 0 0 0\n2. Joe Nemechek 112 1 0 0 0\n"
        "3. Landon Cassill 104 0 0 0 0\n4. Cody Ware 99 0 0 0 0\n5. J.J. Yeley 97 0 0 0 0\nThe series resumes next week.",
        LISTING,
        id="standings: short lines of numbers",
    ),
    pytest.param(
        "Black Friday deals we like\nAirPods Pro for $235\nKindle Paperwhite for $84.99\nInstant Pot Duo for $49\n"
        "Echo Dot for $22\nRoku Express for $17.99\nPrices were checked on Tuesday morning.",
        LISTING,
        id="a deal list: short lines with prices",
    ),
    pytest.param(
        "Festive offers this week\nRedmi Note 13 at ₹17,999\nboAt Airdopes at ₹1,099\nPrestige cooker at ₹2,450\n"
        "Philips trimmer at ₹1,295\nMi Band 8 at ₹3,999\nPrices were checked on Tuesday morning.",
        LISTING,
        id="a deal list in rupees",
    ),
    pytest.param(
        "Roundup: Palm Bay beat Rockledge 70-44, Melbourne edged Viera 51-49, Eau Gallie won 66-40, "
        "Satellite lost 38-55 to Titusville, Cocoa took Merritt Island 61-58 and Bayside fell 45-47 at home.",
        LISTING,
        id="results: many scores for the words",
    ),
    pytest.param(
        "WALLACE: Let me start with the economy.\nSMITH: Thank you for having me.\nWALLACE: Inflation is up again.\n"
        "SMITH: We expect it to fall by spring.\nWALLACE: And if it does not?\nSMITH: Then we will act.",
        TRANSCRIPT,
        id="a transcript: speakers' labels",
    ),
    pytest.param(
        "The new laptop is fast and quiet, and its screen is the best we have tested this year.\n"
        "Verdict\nA few flaws aside, this is the one to buy. Rating: 4.5 out of 5.",
        REVIEW,
        id="a review: a verdict heading and a rating",
    ),
    pytest.param(
        "I have lived in this city for twenty years, and I have never seen the council so lost. "
        "My neighbours tell me the same. I think the plan is wrong, and I will vote against it, "
        "because my street deserves better than another car park.",
        OPINION,
        id="a column: the writer's first person",
    ),
    pytest.param(
        "Palm Bay beat Rockledge 70-44 on Friday, their third win in a row, the coach said after the game.",
        NEWS,
        id="a match report with one score is news",
    ),
]


BRIEF = (
    "The county will close Route 9 between Elm Street and the river bridge from Monday for three weeks, "
    "the highways department said. Drivers will be sent along Mill Road. The work replaces a culvert "
    "that flooded twice last winter, and it was brought forward after a lorry got stuck there in March."
)

# The marks of genres a report's sourcing rules would misjudge, each beside the news it must not catch.
MORE_GENRES = [
    pytest.param(
        "Police arrested four people on Monday after a search of a house on Elm Street, a spokesman said.\n"
        "All four were held at the county jail on the following preliminary charges:\n"
        "Ann Lee: Possession of a controlled substance, held in lieu of $5,000 bond.\n"
        "Bo Ray: Dealing in a controlled substance, held in lieu of $20,000 bond.\n"
        "Cy Park: Possession of stolen property, held in lieu of $2,500 bond.\n"
        "Di Wong: Visiting a common nuisance, released on her own recognizance.",
        NEWS,
        id="names before a colon in a list the report announces are no speakers",
    ),
    pytest.param(
        "Early holiday deals on headphones and watches.\n"
        + "".join(f"Model {n} headphones\nUp to 20 hours of battery life\nBuy Now\n" for n in range(1, 5)),
        LISTING,
        id="items cut from one template: a short line repeated under each",
    ),
    pytest.param(
        "The Latest on the storm (all times local):\n\n3:10 p.m.\nThe river crested at noon, officials said.\n___\n"
        "2:40 p.m.\nSchools will stay closed on Monday, the district said.\n___\n"
        "1:15 p.m.\nPower is back for most homes, the utility said.\n___\n"
        "11:50 a.m.\nThe mayor asked drivers to stay off the roads.\n___",
        NEWS,
        id="a separator repeated between updates is no item",
    ),
    pytest.param(
        "The cup final opened on Monday in a new format, and our panel gave its first impressions.\n"
        "Was the new format as bad as its critics feared? Why did so few fans come? Should the doubles be "
        "played first? And what did the smaller courts add?\n"
        "The show is out every week of the season.",
        TEASER,
        id="a blurb that lists the questions a programme takes up",
    ),
    pytest.param(
        "The library's online catalogue was searched a record number of times last year.\n"
        "Here are some of the odder questions readers typed in:\n"
        "How does one fold a napkin like a swan?\nWhat is the number 4 in this number?\nWhy is the sky blue?\n"
        "Search engines shape how people find what they read, the library said.",
        NEWS,
        id="sample questions a report lists, one a line, are not the writer's",
    ),
    pytest.param(
        '"Where is the money? Who signed the order? Why was nobody told?" the councillor asked at the meeting.\n'
        "The mayor's office said the accounts would be published on Friday.",
        NEWS,
        id="questions inside a quotation are the speaker's",
    ),
    pytest.param(
        "The new laptop is thinner, quieter and faster than the model it replaces.\n"
        "In our tests the battery lasted eleven hours, two more than last year's.\n"
        "The keyboard is the best the maker has shipped in years, though the webcam is still poor.\n"
        "Score 4.5 out of 5",
        REVIEW,
        id="a review's verdict: a rating on a line of its own",
    ),
    pytest.param(
        "The measure passed in 3 out of 5 districts on Tuesday, the county clerk said.\n"
        "Turnout was higher than in the spring, officials said, and the count ended before midnight.",
        NEWS,
        id="a rating-like figure inside a sentence is no verdict",
    ),
    pytest.param(
        "Regional swimming finals: the highlights\n"
        "Lakeside junior Ann Lee won the 100 yard butterfly title in 58.2 seconds.\n"
        "Her teammate Maya Cole finished second in the 200 yard freestyle.\n"
        "In diving, Hillcrest's Tom Park took home first with a score of 402.5.\n"
        "Riverside senior Ben Ortiz placed third in the 50 yard freestyle.\n"
        "The full results are on the association's website.",
        LISTING,
        id="results told in sentences: most of them a placing",
    ),
    pytest.param(
        "Hillcrest won the regional final 3-2 in overtime on Saturday.\n"
        "Tom Park scored the winner two minutes into the extra period after Lakeside had led twice.\n"
        '"We kept believing," coach Dana Ortiz said after the game. "The boys never stopped running."\n'
        "Lakeside's goalkeeper made 31 saves and was named the game's best player.\n"
        "The teams meet again in the state semifinal next week, when Hillcrest will be without two injured defenders.",
        NEWS,
        id="a match report tells how the placing came about",
    ),
    pytest.param(
        "Tuesday's best deals start with a laptop and a pair of headphones.\n"
        "Today only, one shop offers a 13-inch laptop in refurbished condition for $649, down from $899.\n"
        "Noise-cancelling headphones are down to $179.99 at another, the lowest price we have tracked.\n"
        "A smart thermostat drops to $119 with free delivery.\n"
        "Also on sale: a robot vacuum from $229 and a coffee grinder at $39.",
        LISTING,
        id="a deal roundup: most paragraphs an item with its price",
    ),
    pytest.param(
        "Super PAC donations passed $1 billion this week, filings show.\n"
        "The largest group raised $133 million, its treasurer said.\n"
        "A rival committee took in $23.5 million in August alone.\n"
        "Small donors gave $2.2 million of the total, according to the commission.\n"
        "Both sides expect to spend more than $4 billion before November, analysts said.",
        NEWS,
        id="sums in the news are no prices: a fundraising report",
    ),
    pytest.param(
        "CHEER ON the county's young riders at the autumn show, Oct. 5-7, in Millbrook; www.millbrookshow.org.\n"
        "VISIT the harvest fair, Oct. 11-21, in Cedar Falls, with a trade hall and a family day; www.cedarfair.org.\n"
        "SPEND a day at the hunter trials, Oct. 18-20, in Ashford; www.ashfordtrials.com.\n"
        "ATTEND a two-day clinic with a former champion, Oct. 28-29; limited seating; www.riverclinic.net.",
        LISTING,
        id="an events calendar: each paragraph an event with its web address",
    ),
    pytest.param(
        "Tested by: Jane Roe RRP: £24.99 More info: www.example.co.uk\n"
        "I have serviced my own bikes for years, and this is the clearest manual I have used. "
        "The diagrams are superb and the torque tables are easy to find.",
        REVIEW,
        id="a review's own labels",
    ),
    pytest.param(
        "Springfield, IL – Acme Robotics today named Jane Roe its first chief strategy officer.\n"
        "Roe led two start-ups in industrial automation before joining the company.\n"
        "Acme Robotics builds warehouse robots for retailers in 14 countries. For more information, please visit www.acme-robotics.com.",
        PRESS_RELEASE,
        id="a press release: a dateline before a dash, closed on the company's site",
    ),
    pytest.param(
        BRIEF + "\nFor more information, visit the county's website.",
        NEWS,
        id="a report that ends on a pointer to a website, without a release's opening",
    ),
    pytest.param(
        "Gaming used to be so simple. We'd buy a game, sit down and play it to the end.\n"
        "Now we spend money over and over on virtual perks.\nAll...",
        TEASER,
        id="a teaser: a short opening cut off",
    ),
    pytest.param(BRIEF, NEWS, id="a short brief that is whole is news"),
    pytest.param(
        "Would you vote for a candidate who said that?\nLetters.\n"
        "Voters deserve better than insults. Our town has always argued in good faith, and it still can.\n"
        "Sam Doe.\nPortland, Maine.",
        OPINION,
        id="a letters page: the opinion page's own label",
    ),
    pytest.param(
        BRIEF + "\nJohn Roe, a former aide to the governor, is a professor of politics at State College.",
        OPINION,
        id="an op-ed: a closing note on a contributor the text never mentions",
    ),
    pytest.param(
        "Mary Smith said the plan would cost too much. " + BRIEF + "\nSmith is the residents' association's spokeswoman.",
        NEWS,
        id="a report ending on a person it has named",
    ),
    pytest.param(
        BRIEF + "\nKaiser Health News is a nonprofit news service covering health issues.",
        NEWS,
        id="an organisation's closing line is no contributor note",
    ),
    pytest.param(
        "This autumn the theatre takes its dance piece to the riverside festival.\nThe piece tells the story of "
        "a ferryman and the town that grew around his crossing, with music played live on old instruments.\n"
        "The company has toured it in four countries since it opened.\nTickets: 30 to 60 euros\n"
        "Riverside Hall, 12 Quay Street\n7.30 P.M. / 9.30 P.M.",
        PROMO,
        id="a venue's page: closed by practical information",
    ),
    pytest.param(
        "The band will play twelve cities on its reunion tour, the promoter said on Monday.\nThe tour opens in "
        "Denver on May 3 and closes in Boston in June, with two new songs on the set list.\n\"We missed the road,\" "
        "the singer told reporters.\nTickets go on sale on Friday at 10 a.m. at the box office and online, the "
        "promoter said, with prices starting at $45.",
        NEWS,
        id="a report that ends on when tickets go on sale",
    ),
    pytest.param(
        "Game day does not have to wreck your diet.\nIf you host the party, you choose the snacks: put out a "
        "tray of vegetables next to the chips, and you will eat fewer of them.\nDrink a glass of water before "
        "you go. Your appetite will thank you, and you can still enjoy the game.",
        HOW_TO,
        id="advice: the text talks to its reader",
    ),
    pytest.param(
        "The council voted on Monday to close two libraries. Residents who use them will have to travel "
        "further, the mayor said. \"You can still borrow books online,\" she told the meeting, \"and your card "
        "stays valid.\" The libraries close in March.",
        NEWS,
        id="a report: the reader addressed only inside quotations",
    ),
]


@pytest.mark.parametrize(("text", "genre"), GENRES + MORE_GENRES)
def test_the_genre_is_read_from_the_texts_shape(text: str, genre: str) -> None:
    assert genre_of(text) == genre


# The cases of the genres whose sourcing is not measured (less those the English detectors skip
# as not plainly English: a line of team names and scores).
NO_SOURCING = [
    case for case in GENRES + MORE_GENRES
    if case.values[1] in (HOW_TO, LISTING, REVIEW, PRESS_RELEASE, PROMO, TEASER) and not is_not_english(case.values[0])
]  # fmt: skip


@pytest.mark.parametrize(("text", "genre"), [case.values for case in NO_SOURCING], ids=[case.id for case in NO_SOURCING])
def test_sourcing_is_not_measured_where_the_genre_needs_none(text: str, genre: str) -> None:
    result = AttributionDetector().detect(Article("a", "s", text))
    assert result.score is None and result.metrics["genre"] == genre
    assert not [f for f in result.findings if f.rule in ("ATT001", "ATT004")]


PORTUGUESE = (
    "Nesta página você terá sempre a classificação atualizada do campeonato até a última corrida. "
    "Os pilotos disputam o título em dez etapas, e a equipe que somar mais pontos leva a taça no fim do ano."
)


@pytest.mark.parametrize(
    ("text", "not_english"),
    [
        (PORTUGUESE, True),
        (NEWS_REPORT, False),
        ("Nesta página você terá", False),  # too short to tell: English, the default
        # formal English with few function words, but "the" is English alone
        ("Notwithstanding the aforementioned considerations regarding multilateral institutional arrangements, "
         "the intergovernmental deliberations concerning comprehensive strategic partnership frameworks "
         "necessitated extraordinarily sophisticated diplomatic coordination mechanisms", False),
        # an Italian text naming English titles: "the" is there, but rare and with few function words
        ("Il remake di The Crown arriva su Netflix: la serie, prodotta da una casa americana, sarà disponibile "
         "da venerdì in tutti i paesi, con nuovi episodi ogni settimana fino alla fine di marzo e oltre. Gli "
         "appassionati sono già sul piede di guerra, dopo il primo esperimento, che non era piaciuto a nessuno "
         "dei critici e che aveva diviso il pubblico in due", True),
    ],
)
def test_a_text_is_not_english_only_when_plainly_so(text: str, not_english: bool) -> None:
    assert is_not_english(text) is not_english


def test_another_language_is_not_measured_by_the_english_detectors() -> None:
    result = AttributionDetector().detect(Article("a", "s", PORTUGUESE))
    assert result.score is None and result.findings == () and result.metrics["skipped"] == "not English"


def test_an_article_is_outside_the_english_detectors_when_declared_or_plainly_foreign() -> None:
    assert not_english(Article("a", "s", NEWS_REPORT, language="pt"))  # the declaration decides
    assert not not_english(Article("b", "s", PORTUGUESE, language="en-GB"))
    for _ in range(2):  # asked again for the same text, and for another text after it
        assert not_english(Article("c", "s", PORTUGUESE))
        assert not not_english(Article("d", "s", NEWS_REPORT))
