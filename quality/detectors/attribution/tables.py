"""Word tables for the attribution detector, kept apart from its logic: every word list the
detector consults is here, and nowhere else.

All entries are lower case; lookups lower-case the token. Each table says why it exists and
how the detector uses it. Verb tables hold lemmas; :mod:`.lexicon` inflects them with
lemminflect.
"""

from __future__ import annotations

# --- cue verbs -------------------------------------------------------------------------------

# Verbs of saying and reporting. Their presence with any subject (or a subject after them:
# '"...," said Smith') marks the sentence as attributed.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell add state announce report claim assert declare write tweet note explain insist
    argue contend reply respond answer ask warn confirm deny admit acknowledge concede reveal
    disclose allege maintain stress emphasize emphasise reiterate repeat recall remark comment
    mention predict estimate caution complain boast brag quip joke retort counter testify vow
    pledge promise urge demand propose threaten conclude observe hint inform advise recommend
    describe accuse blame criticize criticise condemn denounce praise slam blast rebuke dismiss
    reject agree disagree question challenge mock ridicule deride welcome hail applaud endorse
    oppose defend lament regret apologize apologise thank congratulate chant shout yell scream
    whisper muse wonder speculate assure reassure dispute rebut refute clarify elaborate echo
    cite quote liken label dub brand publish post decry lambaste chide scold fault tout
    trumpet concur affirm reaffirm forecast project calculate acknowledge decline refuse
    proclaim pronounce rule order instruct summarize summarise recount narrate detail outline
    signal indicate suggest imply insinuate warn sing spell specify telegraph characterize
    characterise portray paint frame attack tease taunt lash accuse charge sue testify plead
    ask inquire enquire beg implore exhort petition request express voice highlight
    underscore document chronicle swear
    """.split()
)

# Verbs of saying whose object is the claim itself ("officials said the talks failed",
# "diplomats acknowledge bottlenecks", "sources described the push as hopeless"). The other verbs
# of saying report an act ("delegates petitioned for a rule change", "Republicans condemned the
# remarks", "people are responding to the polls"): they carry a claim only before "that", a
# quotation or a colon. ATT002 counts an unnamed source only where it carries a claim.
CLAIM_VERBS: frozenset[str] = frozenset(
    """
    say tell add state report claim assert declare write tweet note explain insist argue contend
    reply warn confirm deny admit acknowledge concede reveal disclose allege maintain stress
    emphasize emphasise reiterate recall remark comment mention predict estimate caution complain
    boast brag testify conclude observe hint inform describe accuse blame characterize characterise
    portray suggest indicate imply speculate assure reassure dispute rebut refute clarify concur
    affirm reaffirm forecast project label dub brand
    """.split()
)

# Verbs of thinking, wanting and feeling. News attribution includes the sources' stated
# beliefs and intentions ("Trump wants ...", "the group believes ..."); these count only with a
# subject that can hold a belief (a name, a pronoun, an organisation or a people noun).
STANCE_VERBS: frozenset[str] = frozenset(
    """
    believe think feel hope fear worry expect want wish plan intend view see consider
    understand doubt suspect assume recognize recognise realize realise decide prefer favor
    favour support back resent regret sense know learn find show call seek push vow aim
    envision envisage anticipate reckon figure guess suppose imagine trust distrust
    dislike like love hate appreciate celebrate cheer protest object prefer worry fret
    acknowledge recognize perceive interpret read reckon judge deem rate rank continue
    encourage promote tout compliment retweet extol admire despise embrace champion
    discuss insult
    hammer grill chastise rip assail berate castigate excoriate pillory skewer bash lampoon
    upbraid admonish reprimand censure needle downplay ignore
    offer invoke reference articulate press link compare refer identify
    veto sign enact block rally vote approve impose repeal nominate appoint list
    opine vouch bemoan disavow rebuff recite unveil remind convince persuade remember email
    knock talk focus allude
    """.split()
)
# The second group above are acts of public advocacy and speech that PolNeAR's annotators
# count as attribution ("has touted", "openly admires", "retweeted"); like the other stance
# verbs they need a subject that can hold a stance. The third holds verbs of harsh criticism
# and dismissal ("grilled the CEO", "castigated the board", "ignored the issue"); the fourth,
# putting a claim or idea forward ("offered no proof", "invoked the rising seas", "linked the
# hack to Russia", "compared him to a coach", "identified X as the cause"); the last,
# official acts that take a side ("vetoed the bill", "signed the accord", "blocked any
# discussion", "nominated Garland", "appointed a judge", "listed investments"), which the
# annotators count as stances of the actor.

# Stance verbs that also take a plain object ("she knows the rules", "the data show growth").
# They count only before a clause: "that", a question word, a colon or a quotation.
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset(
    """
    know see find learn understand recognize recognise realize realise consider show read like
    love hate appreciate rate rank judge perceive interpret imagine trust distrust dislike
    celebrate cheer figure guess reckon discover maintain
    """.split()
)

# Verbs of saying that attribute even when their subject is an ordinary noun phrase
# ("the woman said", "the group added"); other cue verbs need a recognisable source.
PLAIN_SUBJECT_VERBS: frozenset[str] = frozenset(
    """
    say tell add write tweet report announce note explain argue claim insist reply recall
    declare assert warn ask acknowledge admit confirm deny
    """.split()
)

# Cue verbs whose past tense also fits things, not speakers ("the rate declined", "the court
# ruled", "sales signalled"). Other verbs of saying in the past tense accept any noun phrase as
# their subject ("a friend commented"); these keep needing a recognisable source.
THING_SUBJECT_VERBS: frozenset[str] = frozenset(
    """
    decline question challenge counter order rule project charge estimate forecast calculate
    signal indicate frame paint post publish document attack sue welcome back support plan
    report show find mean echo spell detail outline refuse reject dismiss reveal hint suggest
    """.split()
)

# Stance verbs that count as the second verb of a coordination ("beamed and called for"); the
# rest ("and plans", "and wants") too often join a new subject's clause.
COORDINATED_STANCE_VERBS: frozenset[str] = frozenset("call push vow seek".split())

# Light-verb cues: verbs of little meaning of their own ("make", "take", "go") that, with the
# words after them, state a position or take a side ("made it clear", "took issue with"). "went
# after" is left out: it is as often a time ("went after dinner"). Verb lemma -> the words that must follow it. Like stance verbs, they need a subject
# that can hold a stance.
LIGHT_VERB_CUES: dict[str, tuple[str, ...]] = {
    "make": ("clear", "it clear", "the case", "a case", "no secret", "little secret", "a point of",
             "the argument", "a pitch", "an appeal", "a plea", "a push", "the point", "a promise",
             "a pledge", "a vow", "a threat", "the claim", "the charge", "an accusation",
             "a comment", "remarks"),
    "take": ("issue with", "offense at", "offence at", "aim at", "a swipe at", "swipes at", "a shot at",
             "a stand", "a hard line", "a tough line", "the position", "credit for", "umbrage at",
             "exception to", "a dim view", "the view"),
    "come": ("out against", "out for", "out in favor", "out in favour", "out in support",
             "to the defense of", "to the defence of", "under fire", "under criticism", "around to"),
    "side": ("with", "against"),
    "stand": ("firm",),  # not "by" or "behind": as often a place ("stands by the lake")
    "raise": ("concerns", "questions", "doubts", "the alarm", "the possibility", "objections", "alarms"),
    "sound": ("the alarm", "alarms", "a call", "a warning", "a note"),
    "draw": ("a contrast", "a distinction", "a line", "a parallel", "a comparison", "attention to"),
    "double": ("down",),
    "back": ("down", "away from", "off"),
    "face": ("criticism", "questions", "pressure", "calls", "accusations", "allegations", "backlash"),
    "shed": ("light on",),
    "put": ("it", "forward", "pressure on"),
}

# Stance adjectives after "be" ("Democrats are worried that", "Graham has been critical of").
STANCE_ADJECTIVES: frozenset[str] = frozenset(
    """
    afraid worried concerned critical skeptical sceptical confident optimistic pessimistic
    convinced adamant eager keen reluctant unwilling willing determined opposed committed
    supportive dismissive wary fearful hopeful doubtful certain sure unsure aware unaware
    angry furious upset frustrated disappointed pleased happy delighted alarmed outraged
    coy silent vocal insistent
    passionate bearish bullish enthusiastic sympathetic hostile receptive cautious ambivalent
    unhappy grateful complimentary defiant unapologetic apologetic resistant suspicious
    enamored fond intent loath
    """.split()
)

# Nouns of stance that attribute with a preposition after them, to the clause's subject:
# "is a staunch opponent of", "is raising questions about", "voiced support for".
STANCE_NOUNS: frozenset[str] = frozenset(
    """
    opponent opponents supporter supporters critic critics advocate advocates champion
    proponent proponents foe foes questions concerns concern doubts doubt criticism support
    opposition praise skepticism scepticism disdain contempt outrage anger frustration
    fears hopes misgivings reservations objections complaints
    """.split()
)
STANCE_NOUN_PREPOSITIONS: frozenset[str] = frozenset("of about for over on against".split())

# Time words that can stand between a subject and its verb ("Trump this week also said").
TIME_WORDS: frozenset[str] = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week
    month year weekend morning afternoon evening night last this next on earlier later
    """.split()
)

# Words of a short adverbial of time between a verb and its clause ("knew at the time that",
# "recognized long ago that", "found in 2014 that"), beside TIME_WORDS, months and years.
TIME_ADVERBIAL_WORDS: frozenset[str] = frozenset("in at since by long ago all along the time then now already first".split())
MAX_TIME_ADVERBIAL = 4

# Lemmas of which only some forms are cues (lemma -> the forms that count): the others are
# nearly always nouns or adjectives in news text ("the state", "a post", "the rules", "a
# report"). Every other lemma counts in all its forms, as lemminflect spells them.
RESTRICTED_FORMS: dict[str, tuple[str, ...]] = {
    "state": ("stated", "stating"),  # "state" and "states" are nearly always nouns
    "read": ("reads",),  # "the statement reads": other forms of read are not cues
    "sing": ("sings", "sang", "sung", "singing"),
    "forecast": ("forecast", "forecasts", "forecasted", "forecasting"),
    "lash": ("lashed", "lashes", "lashing"),  # "lashed out at": the bare verb is rarely a cue
    "spell": ("spelled", "spelt", "spells"),  # "spelled out"
    "paint": ("painted", "paints", "painting"),
    "rule": ("ruled", "rules", "ruling"),
    "like": ("likes", "liked"),  # "like" itself is mostly a preposition
    "back": ("backs", "backed", "backing"),
    "rate": ("rated", "rates"),
    "rank": ("ranked", "ranks"),
    "post": ("posted",),  # "post" and "posts" are mostly nouns
    "project": ("projected", "projects", "projecting"),
    "order": ("ordered",),
    "counter": ("countered",),
    "trust": ("trusts", "trusted"),
    "view": ("views", "viewed", "viewing"),
    "figure": ("figured",),
    "report": ("report", "reports", "reported"),  # "reporting" is mostly a credit line
    "quote": ("quoted", "quotes", "quoting"),
    "sue": ("sued", "sues", "suing"),
    "sense": ("senses", "sensed"),
    "question": ("questioned", "questions", "questioning"),
    "charge": ("charged", "charges", "charging"),
    "frame": ("framed", "frames"),
    # "a vote", "voting" (ordinary voters, or "voting by proxy"); "the panel voted" takes a side
    "vote": ("voted", "votes"),
    "list": ("listed",),  # "a donor list", "watch lists": nouns
}
# After one of these the base form of a restricted verb is a verb ("would vote for", "can't
# trust", "will question"), not the noun or preposition it mostly is.
VOTE_SIDES: frozenset[str] = frozenset("for against no yes".split())  # "would vote for": a side taken
MODALS: frozenset[str] = frozenset(
    "would will could can may might should must shall 'd 'll won't wouldn't can't couldn't shouldn't didn't don't doesn't".split()
)

# Forms that look like cue verbs but are far more often something else in news text: nouns
# ("a report", "the show"), adjectives ("so-called") or prepositions. They never count alone.
NOT_CUES: frozenset[str] = frozenset(
    """
    findings finding warnings questions feelings meaning rulings order reading
    """.split()
)

# Nouns of saying and stance that attribute through their possessor ("Trump's claim that ...",
# "her remarks", "the ministry's statement"). Those in SPEECH_ACT_NOUNS count on their own; the
# others only before "that", "to", a colon or a quotation ("his claims of being" does not).
SPEECH_NOUNS: frozenset[str] = frozenset(
    """
    claim claims statement statements remarks comment comments assertion assertions allegation
    allegations accusation accusations warning warnings promise promises pledge pledges call
    calls criticism denial denials belief beliefs argument arguments tweet tweets words
    testimony vow threat threats demand demands insistence suggestion complaint complaints
    praise endorsement objection objections announcement admission prediction predictions
    estimate estimates forecast forecasts attack attacks decision decisions idea ideas theory
    theories conclusion conclusions plan plans proposal proposals determination eagerness
    desire willingness refusal reluctance obsession disdain
    """.split()
)

SPEECH_ACT_NOUNS: frozenset[str] = frozenset(
    """
    remarks comments statement statements tweet tweets words testimony criticism denial
    denials endorsement assertion allegation allegations accusation accusations
    estimate estimates forecast forecasts attack attacks threat threats vow vows pledge
    pledges promise promises decision decisions idea ideas theory theories conclusion
    conclusions plan plans proposal proposals determination eagerness desire willingness
    refusal reluctance obsession disdain
    """.split()
)
# The second group: what a possessor estimated, attacked, threatened, promised, decided,
# thinks, wants or refuses ("the IMF's estimate of", "his attacks on", "her plan", "his
# refusal to", "her determination to") is that source's
# stated position, which PolNeAR's annotators count as attribution even without "that".

# Multi-word cues that are not a verb with a subject: the source follows them.
SOURCE_AFTER_PHRASES: tuple[str, ...] = (
    "according to", "as reported by", "as cited by", "as quoted by", "cited by", "quoted by",
    "reported by", "in the words of", "per a", "citing",
)  # fmt: skip

# Phrases that attribute when a subject is nearby ("in a statement", "at a press briefing").
SETTING_PHRASES: tuple[str, ...] = (
    "in a statement", "in a joint statement", "in an interview", "in a tweet", "in a post",
    "in a speech", "in remarks", "in a letter", "in an email", "in a press release",
    "at a press briefing", "at a news conference", "at a press conference", "in an op-ed",
    "on twitter", "in a video", "in a memo", "in a filing", "in testimony", "in a poll",
    "in the poll", "in a survey", "in the survey", "in a new poll", "in the latest poll",
)  # fmt: skip

# Verbs that put out something said ("released a statement", "delivered a blistering speech",
# "issued a warning", "gave a one-word answer"): with one of SPOKEN_OBJECTS as their object, a
# few modifiers away, they report what their subject said, as a verb of saying does.
ISSUING_VERBS: frozenset[str] = frozenset(
    "release deliver issue give provide share file send launch air post publish pen offer lodge".split()
)
SPOKEN_OBJECTS: frozenset[str] = frozenset(
    """
    statement statements speech speeches answer answers message messages warning warnings threat
    threats complaint complaints defense defence rebuttal ad ads advertisement advertisements
    address letter letters op-ed interview interviews explanation explanations assurance
    assurances endorsement endorsements apology apologies response responses plea appeal
    ultimatum reminder remarks comment comments testimony tweet tweets editorial memo
    """.split()
)
MAX_SPOKEN_OBJECT_GAP = 4  # words between the verb and its object ("gave a one-word answer")

# Verbs of viewing that state an opinion with "X as Y" ("critics see the plan as a giveaway"),
# though alone they need a clause ("see that ..."). The object may be this many tokens long.
SEE_AS_VERBS: frozenset[str] = frozenset("see view consider perceive".split())
MAX_SEE_AS_OBJECT = 8

# Verbs of seeming before "to" or "that" attribute an impression to no one in particular
# ("Melania seems to have vanished").
SEEMING_VERBS: frozenset[str] = frozenset("seem seems seemed appear appears appeared".split())

# Adverbs that attribute without naming anyone ("Xi reportedly ...").
SOURCELESS_ADVERBS: frozenset[str] = frozenset(
    "reportedly allegedly purportedly supposedly ostensibly".split()
)

# Words allowed between a subject and its verb ("Beijing also claimed", "she has not said").
BETWEEN_SUBJECT_AND_VERB: frozenset[str] = frozenset(
    """
    also later earlier previously then now again repeatedly recently already still just once
    further publicly privately separately frequently often even reportedly allegedly
    initially originally subsequently immediately quickly swiftly flatly firmly strongly
    has have had is are was were will would could may might can did does do not n't never
    been being be shall should must to who which that yet long always first last ever
    has been had been have been openly explicitly sharply bluntly angrily jokingly
    isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't
    can't couldn't shouldn't almost nearly together jointly collectively unanimously
    twice thrice sometimes seldom
    """.split()
)
# The contractions are single tokens ("isn't saying"); "almost", "together" and the like sit
# between a subject and its verb without being part of the subject ("leaders almost
# universally expressed", "which together vowed").

# Verbs that open a call to the reader ("Follow Jane Roe on Twitter", "Watch the video below"):
# a sentence that starts with one has no subject, so the name after it is no source.
READER_IMPERATIVES: frozenset[str] = frozenset(
    "follow like subscribe join watch read listen click share sign contact email send visit".split()
)

# Lower-case words inside a name or a title and name ("Secretary of State John Kerry",
# "Charles de Gaulle").
NAME_PARTICLES: frozenset[str] = frozenset("of the and for de del della da van von der den al bin le la du".split())

# Words that open an apposition after a subject ("Jane Roe, a former aide, said").
APPOSITION_OPENERS: frozenset[str] = frozenset("a an the who whose".split())

# Verbs that say nothing was said before an infinitive of saying ("declined to comment",
# "refused to answer", "failed to respond"), and verbs of saying that, in the infinitive, say
# something only before a clause or a quotation ("to add that", not "to add to the pile").
REFUSALS: frozenset[str] = frozenset(
    "decline declines declined declining refuse refuses refused refusing fail fails failed failing".split()
)
INFINITIVE_NEEDS_CLAUSE: frozenset[str] = frozenset("add answer respond reply observe contend write remember".split())

# Adjectives of "hard to say", "too soon to tell": an assessment of the writer's, not a source.
ASSESSMENT_ADJECTIVES: frozenset[str] = frozenset(
    "hard harder easy easier fair safe soon early difficult impossible needless premature tough".split()
)

# Past tenses without "-ed", which end a subject's noun phrase as "-ed" does ("The president
# left no doubt ..., saying"). Only forms that are seldom nouns or adjectives ("set", "cut",
# "hit", "read", "put" are left out).
IRREGULAR_PAST: frozenset[str] = frozenset(
    """
    said told wrote spoke thought felt made took gave became came went got kept held brought
    ran met sent spent left knew saw found began stood led paid built sought struck drew fell
    rose chose won lost sat threw grew forgot understood fought caught taught heard meant
    """.split()
)

# Words that open an adverbial phrase or clause before the main subject ("On Thursday, ...",
# "After saying ..., she", "However, ..."): the subject comes after the comma that closes it.
OPENING_ADVERBIAL_WORDS: frozenset[str] = frozenset(
    """
    in at on after before while when during since as with without despite amid following
    however meanwhile still yet instead nonetheless nevertheless later earlier last this
    until unlike like under by for from
    """.split()
)
MAX_OPENING_ADVERBIAL = 20  # tokens; a longer stretch before a comma is the clause itself

# Conjunctions that may open a sentence before its subject ("But Jones said ...").
CLAUSE_OPENERS: frozenset[str] = frozenset("but and so yet or".split())

# Auxiliaries before a participle that make a passive cue ("is expected to", "was reported").
PASSIVE_AUXILIARIES: frozenset[str] = frozenset("is are was were been be being am 's isn't aren't wasn't weren't".split())

# Participles that make a sourceless passive cue; "by X" after them names the source.
PASSIVE_CUES: frozenset[str] = frozenset(
    """
    said reported expected believed thought understood alleged rumored rumoured described
    considered estimated predicted quoted cited accused criticized criticised praised endorsed
    supported asked told urged warned quoted seen viewed projected known claimed deemed
    written rated dubbed regarded
    """.split()
)

# Participles that attribute on their own in the passive before "to", "that", "as" or the end
# of the clause ("is believed to", "was seen as", "were rated as mostly true", "was dubbed").
# Passives of reputation ("is known for", "is considered an asset", "was viewed warily", "is
# remembered for"): a view held by no one named, whatever follows. They are not verbs of
# saying, so ATT002 (reported speech from unnamed people) does not count them.
REPUTATION_PASSIVES: frozenset[str] = frozenset("known considered deemed regarded viewed remembered".split())
SOURCELESS_PASSIVES: frozenset[str] = frozenset(
    """
    seen viewed known considered deemed described thought believed expected said understood
    rumored rumoured reported alleged estimated projected predicted rated dubbed regarded
    remembered recognized recognised
    """.split()
)

# Passives that forecast rather than report ("is expected to visit", "is projected to win"):
# attributed, but to no source an editor could name.
FORECAST_PASSIVES: frozenset[str] = frozenset("expected projected predicted estimated forecast".split())
# A passive of these before "to" is an instruction ("they are asked to provide details"), not
# a report; "said to", "reported to", "believed to" stay reports (hearsay).
INSTRUCTION_PASSIVES: frozenset[str] = frozenset("asked told urged ordered requested advised instructed invited encouraged".split())

# Words of a poll's share of respondents ("63 percent said"): a figure of a named poll, not an
# unnamed source.
POLL_SHARES: frozenset[str] = frozenset("percent per cent majority minority plurality share half third quarter".split())

# --- sources -----------------------------------------------------------------------------------

# Personal pronouns that can be the subject of a cue.
PERSON_PRONOUNS: frozenset[str] = frozenset("he she i we you they his her".split())
THING_PRONOUNS: frozenset[str] = frozenset("it".split())

# People nouns that do not name anyone. A source whose head is one of these, without a name in
# apposition, is anonymous ("officials said", "a Chinese official", "four people briefed ...").
# Plural roles ("senators", "E.U. leaders") belong here too: a group of office holders that the
# sentence does not name is as hard to check as "officials".
ANONYMOUS_NOUNS: frozenset[str] = frozenset(
    """
    official officials source sources people person persons insider insiders aide aides
    adviser advisers advisor advisors diplomat diplomats analyst analysts expert experts
    observer observers critic critics supporter supporters opponent opponents staffer staffers
    employee employees worker workers resident residents witness witnesses voter voters
    lawmaker lawmakers legislator legislators activist activists economist economists
    investor investors trader traders researcher researchers scientist scientists doctor
    doctors lawyer lawyers attorney attorneys investigator investigators operative operatives
    strategist strategists pollster pollsters commentator commentators allies ally someone
    somebody others many some several few most insiders member members delegates delegate
    participants participant attendees onlookers bystanders neighbors neighbours friends
    relatives colleagues associates confidants confidant veterans protesters protestors
    demonstrators fans users citizens americans experts scholars academics historians
    democrats republicans liberals conservatives progressives surrogates defenders backers
    detractors skeptics sceptics percent friend respondents americans adults students parents
    authors families leaders advocates administrators organizers organisers officers agents
    campaigners teachers senators governors mayors judges ministers representatives candidates
    nominees executives founders generals commanders ambassadors envoys negotiators planners
    donors contributors everyone everybody nobody
    men women kids children youth readers viewers listeners audiences partisans thinkers
    consumers customers taxpayers immigrants migrants refugees followers loyalists
    evangelicals independents moderates millennials girls boys both another neither either
    """.split()
)

# Roles that point at one identifiable person ("the president", "the foreign minister"). With a
# name they are a person; with "the" and no name, an earlier-named person; with "a", anonymous.
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    president minister secretary senator governor mayor chairman chairwoman chair director
    chief ambassador candidate nominee ceo founder head leader premier chancellor king queen
    prince pope general commander spokesman spokeswoman spokesperson representative
    congressman congresswoman speaker judge justice prosecutor sheriff commissioner manager
    owner executive president-elect vice-president deputy envoy counterpart host anchor
    columnist editor author professor coach captain chairperson treasurer attorney-general
    mother father wife husband son daughter brother sister
    """.split()
)

# Words that end a company's name. A name ending in one is the company speaking for itself, even
# when it holds a newspaper's or a medium's name ("The Telegraph Group", "Guardian Media Group",
# "Yeahronimo Media Ventures"): an organisation, not another outlet reporting.
COMPANY_SUFFIXES: frozenset[str] = frozenset(
    "group ventures holdings trust plc inc ltd corp corporation company co llc partners".split()
)

# Spokespeople speak for their organisation: unnamed, they are the organisation on record.
SPOKESPERSON_NOUNS: frozenset[str] = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen".split())

# Heads of organisation names ("the Russian Foreign Ministry", "the Trump campaign").
ORGANISATION_NOUNS: frozenset[str] = frozenset(
    """
    ministry government department agency office council committee commission party campaign
    administration kremlin company firm bank court police army military embassy parliament
    congress senate house union federation association group organization organisation
    foundation institute university center centre bureau service board authority authorities
    cabinet regime junta coalition alliance corporation corp inc ltd fund network society
    prosecutors secretariat directorate navy force forces guard commission league club team
    coalition caucus delegation mission consulate palace cabinet presidency state states
    nations un who imf nato eu opec fbi cia nsa pentagon kremlin
    country countries city cities county counties legislature legislatures panel panels
    jury tribunal regulator regulators
    """.split()
)
# The last line: countries and cities act through their governments ("the two countries
# signed", "the city is demanding"), and panels, juries and regulators speak as bodies.

# Documents and data that speak for whoever made them ("the statement said", "a poll shows").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    statement report study poll polls survey surveys document documents data letter memo
    filing analysis review record records figures research paper readout transcript
    announcement release communique communiqué estimate estimates forecast projections
    complaint lawsuit indictment ruling order decree resolution declaration text ad ads
    video clip post tweet tweets message email emails book note notes website report
    investigation audit assessment findings statistics numbers average tally count
    slide chart graphic research results evidence polling files footage photos photo inquiry
    disclosure disclosures regulations affidavit projection tallies analyses
    """.split()
)

# Verbs by which a document reports what it found ("a new poll shows", "the study found").
# With these, a document noun that opens the clause is the subject however long its noun
# phrase is ("A 2014 study by ... professor X found", "..., an analysis of ... shows").
FINDING_VERBS: frozenset[str] = frozenset("show find reveal suggest indicate conclude confirm document".split())
MAX_DOCUMENT_SUBJECT = 30  # tokens back from the verb in which the document noun may stand
# Modifiers of a document noun that are in no other table ("leaked documents", "a 2014 study").
DOCUMENT_MODIFIERS: frozenset[str] = frozenset(
    "new latest recent previous leaked internal annual national preliminary final draft secret".split()
)

# Documents that report findings: "in the latest poll, ...", "by one study" attribute to them.
FINDING_NOUNS: frozenset[str] = frozenset("poll polls survey surveys study studies analysis report".split())
# Words that may follow a document's head noun inside its phrase: "polls there show", "a poll
# out Monday showed", "research to be released this week suggests".
AFTER_DOCUMENT_HEAD: frozenset[str] = frozenset("there here out alone also respectively to".split())

# Generic words for news media. A source made of these is secondhand reporting
# ("state media", "the newspaper", "Russian state news agency TASS").
MEDIA_NOUNS: frozenset[str] = frozenset(
    """
    newspaper newspapers paper daily tabloid broadcaster broadcasters outlet outlets magazine
    media press wire newswire television tv radio channel reporters reporter journalist
    journalists correspondent correspondents newsroom blog journal
    """.split()
)

# Multi-word generic media phrases.
MEDIA_PHRASES: tuple[str, ...] = (
    "news agency", "press agency", "state media", "state television", "state tv", "state-run",
    "state-owned media", "news outlet", "news site", "news website", "news service",
    "news network", "media reports", "local media", "local reports", "press reports",
)  # fmt: skip

# Words in a capitalised name that mark a news outlet ("The Post", "Dallas Morning News").
MEDIA_NAME_WORDS: frozenset[str] = frozenset(
    """
    post times journal tribune herald gazette telegraph guardian chronicle observer news
    courier inquirer examiner sentinel dispatch standard independent mirror express sun
    mail star bulletin register press review monitor daily weekly magazine radio tv
    television broadcasting network channel agency
    """.split()
)

# Demonyms and other capitalised adjectives that do not name a source on their own
# ("a Chinese official" stays anonymous; "Russian President Vladimir Putin" is named by Putin).
CAPITALISED_ADJECTIVES: frozenset[str] = frozenset(
    """
    american british chinese russian ukrainian european french german italian spanish
    japanese korean indian pakistani iranian iraqi israeli palestinian syrian turkish saudi
    egyptian african asian western eastern northern southern canadian mexican brazilian
    australian polish dutch belgian swiss swedish norwegian danish finnish greek hungarian
    czech austrian irish scottish welsh english arab arabic latin hispanic muslim christian
    jewish catholic democratic republican conservative liberal socialist communist federal
    national international foreign senior former top white house us u.s uk u.k eu un
    taiwanese vietnamese thai indonesian malaysian singaporean filipino nigerian kenyan
    south north east west central new
    """.split()
)

# Countries, capitals and seats of power used for their governments ("Beijing said").
GOVERNMENT_METONYMS: frozenset[str] = frozenset(
    """
    china russia ukraine america britain france germany italy spain japan korea india
    pakistan iran iraq israel syria turkey egypt canada mexico brazil australia poland
    taiwan vietnam indonesia malaysia singapore philippines nigeria kenya ethiopia belarus
    moscow beijing kyiv kiev washington london paris berlin rome madrid tokyo seoul
    pyongyang tehran ankara cairo delhi islamabad ottawa canberra warsaw taipei hanoi
    jakarta manila minsk brussels kremlin pentagon whitehall tokyo riyadh doha kabul
    """.split()
)

# Common sentence-initial capitalised words that are not names.
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    the a an this that these those there here it its in on at for after before when while if
    as but and or so yet however meanwhile moreover also then now thus of to from with by
    about his her their our my your some many most all both each every other another one two
    three four five six seven eight nine ten no not what who why how where which during
    since until although though because despite amid against between among under over
    """.split()
)

# Quantifiers and articles allowed inside a source noun phrase.
DETERMINERS: frozenset[str] = frozenset(
    """
    the a an some many several few most all both two three four five six seven eight nine ten
    dozens dozen hundreds thousands numerous various other others another one its his her
    their our this that these those more
    """.split()
)

# Prepositions and words allowed inside a source noun phrase after its head
# ("officials in Beijing", "a source close to the talks", "people familiar with the matter").
NOUN_PHRASE_LINKS: frozenset[str] = frozenset(
    """
    of for in at from with on close familiar briefed knowledgeable involved & and de del la
    le van von bin al el
    """.split()
)

# Adjectives that commonly sit in anonymous or role phrases ("a senior official").
SOURCE_ADJECTIVES: frozenset[str] = frozenset(
    """
    senior junior top former current high-ranking high-level ranking local regional state
    federal government administration military intelligence security police campaign party
    western chinese russian foreign domestic independent outside unnamed anonymous
    knowledgeable informed veteran longtime leading prominent well-known key some other
    diplomatic industry defense defence legal health economic political financial deputy
    chief vice associate assistant press news state-run state-owned official
    """.split()
)

# Labels before a colon that do not introduce a speaker ("Update: ...", "Editor's Note: ..."),
# each a whole label, lower case, with a straight apostrophe.
NOT_SPEAKER_LABELS: frozenset[str] = frozenset(
    label.strip()
    for label in """
    update, note, editor's note, correction, background, related, photo, photos, latest,
    the latest, source, sources, video, watch, read, listen, see also, more, breaking, exclusive,
    analysis, opinion, comment, live, q, a, summary, key points, takeaway, why, what, how, when,
    where, who, warning, disclaimer, caption, answer, question, remember, email, paid notice
    """.split(",")
)

# Names of news outlets, wire agencies and broadcasters. A source that is (or contains) one of
# these is another outlet's reporting: secondhand for the reader. Matching ignores case, spaces
# and punctuation, so "the FinancialTimes" and "Financial Times" are the same outlet. Outlets
# whose names are ordinary words ("Time", "The Hill") are matched only with their article or in
# the form listed. Unknown outlets are still caught by MEDIA_NOUNS and MEDIA_NAME_WORDS.
MEDIA_OUTLETS: tuple[str, ...] = (
    # wire and news agencies
    "Reuters", "Associated Press", "AP", "Agence France-Presse", "AFP", "Bloomberg", "TASS",
    "RIA Novosti", "RIA", "Interfax", "Sputnik", "Xinhua", "Kyodo", "Yonhap", "ANSA", "EFE",
    "dpa", "Deutsche Presse-Agentur", "PTI", "Press Trust of India", "ANI", "Anadolu",
    "Bernama", "Antara", "KCNA", "IRNA", "Tasnim", "WAFA", "Europa Press", "UPI",
    "CNA", "Central News Agency", "Ukrinform", "UNIAN", "Belta", "MENA", "SPA", "WAM",
    # broadcasters
    "BBC", "CNN", "CNBC", "Fox News", "NBC", "NBC News", "ABC", "ABC News", "CBS",
    "CBS News", "MSNBC", "NPR", "PBS", "Sky News", "Al Jazeera", "RT", "Russia Today", "CGTN",
    "CCTV", "China Central Television", "Deutsche Welle", "DW", "France 24", "Euronews",
    "NHK", "ITV", "Channel 4", "CBC", "RFI", "Voice of America", "VOA", "Radio Free Europe",
    "RFE/RL", "Radio Free Asia", "Channel NewsAsia", "Phoenix TV", "Rossiya", "Channel One",
    "NTV", "Zvezda",
    # English-language newspapers and magazines
    "The New York Times", "New York Times", "NYT", "The Washington Post", "Washington Post",
    "The Wall Street Journal", "Wall Street Journal", "WSJ", "The Financial Times",
    "Financial Times", "FT", "The Guardian", "The Times", "The Telegraph", "The Independent",
    "The Economist", "The Atlantic", "The New Yorker", "Newsweek", "Time magazine",
    "Politico", "Axios", "The Hill", "USA Today", "Los Angeles Times", "LA Times",
    "Chicago Tribune", "Boston Globe", "The Boston Globe", "New York Post", "Daily Mail",
    "The Sun", "The Mirror", "Daily Beast", "The Daily Beast", "HuffPost", "Huffington Post",
    "The Huffington Post", "BuzzFeed", "BuzzFeed News", "Vox", "Slate", "Breitbart",
    "Breitbart News", "The Intercept", "ProPublica", "Vice News", "Business Insider",
    "Forbes", "The Daily Telegraph", "Nikkei", "Nikkei Asia",
    "South China Morning Post", "SCMP", "The Straits Times", "Straits Times", "Japan Times",
    "The Japan Times", "Korea Herald", "The Korea Herald", "Times of India",
    "The Times of India", "Hindustan Times", "The Hindu", "Haaretz",
    "The Jerusalem Post", "Jerusalem Post", "The Moscow Times", "Moscow Times",
    "Kyiv Independent", "The Kyiv Independent", "Kyiv Post", "Politico Europe", "Le Monde",
    "Le Figaro", "Libération", "Der Spiegel", "Spiegel", "Die Zeit", "Bild",
    "Süddeutsche Zeitung", "Frankfurter Allgemeine", "El País", "El Mundo", "ABC España",
    "La Repubblica", "Corriere della Sera", "NRC", "De Telegraaf", "Gazeta Wyborcza",
    # Chinese and Russian outlets often cited in English copy
    "People's Daily", "Global Times", "China Daily", "Caixin", 
    "Vedomosti", "Kommersant", "Izvestia", "RBC", "Novaya Gazeta", "Meduza", "Rossiyskaya Gazeta",
    "Komsomolskaya Pravda", "Pravda", "Argumenty i Fakty",
    # other frequently cited outlets
    "Al Arabiya", "Asharq Al-Awsat", "Arab News", "Gulf News", "Yomiuri", "Asahi",
    "Mainichi", "Chosun Ilbo", "JoongAng", "Rappler",
)  # fmt: skip


# --- words of clause structure ----------------------------------------------------------------

# Words that end a noun phrase read backwards or forwards: a new clause starts at them.
CLAUSE_WORDS: frozenset[str] = frozenset(
    """
    that and but while as because when if after before since although though so which where
    whom whose or than whether what how why until unless once whereas
    """.split()
)

# Words that make the next word a noun ("the report", "his plans"), so it is not a verb cue.
NOUN_MARKERS: frozenset[str] = frozenset(
    """
    a an the this that these those his her their its our my your whose no any every each such
    first new latest recent
    """.split()
)

# What may open the clause a verb of saying reports: "said that", "asked whether", 'said: "'.
CLAUSE_STARTS: frozenset[str] = frozenset(
    ["that", "how", "what", "whether", "why", "if", "who", "where", "when", ":", "“", '"', "''", "‘"]
)

# Copulas before a stance adjective ("Democrats are worried that", "seemed upset").
BE_FORMS: frozenset[str] = frozenset(
    """
    is are was were been be am isn't aren't wasn't weren't remain remains remained seem seems
    seemed appear appears appeared grew grown
    """.split()
)

# Auxiliaries that make a clause finite, so that a verb like "found" reports a clause without
# "that" ("found the United States was in breach").
FINITE_AUXILIARIES: frozenset[str] = frozenset(
    "is was were are had has have would will could can may might should did does must".split()
)

PREPOSITIONS: frozenset[str] = frozenset(
    "in at on for from with by of to during after before under over".split()
)

# Quantifiers that make a subject plural ("some calls were"): a verb in -s cannot follow them.
PLURAL_QUANTIFIERS: frozenset[str] = frozenset("some many several few others both all most too".split())

# Words before "of" that only count the noun after it ("one of the advisers", "a majority of
# voters"): the head of the source is after "of".
QUANTIFIERS: frozenset[str] = frozenset(
    """
    one some many most each all several none both half few number group majority minority
    handful dozens hundreds thousands a an the two three four five six seven eight nine ten
    couple host series lot lots plenty any more other others
    """.split()
)

# Adverbs that may stand between a copula and a stance adjective ("is deeply worried").
DEGREE_ADVERBS: frozenset[str] = frozenset(
    "too very so quite not n't also still more less as increasingly deeply openly".split()
)

# Prepositions a stance adjective takes as part of its cue ("critical of", "worried about").
STANCE_ADJECTIVE_PREPOSITIONS: frozenset[str] = frozenset(
    "about of that to with over on toward towards".split()
)

# Adverbs between a passive auxiliary and its participle ("is widely expected").
PASSIVE_ADVERBS: frozenset[str] = frozenset("not n't also widely long often now still generally already".split())

# Verbs after which a gerund is their complement ("kept saying", "began criticizing").
ASPECT_VERBS: frozenset[str] = frozenset("kept began keep begin".split())

# Words before a gerund that make it an adverbial ("began by saying", "after saying"): the
# main clause's subject speaks.
GERUND_PREPOSITIONS: frozenset[str] = frozenset("by after before while without when in for".split())

# Pronouns that can be a whole subject ("She started by saying").
SUBJECT_PRONOUNS: frozenset[str] = frozenset("he she they we i you".split())
# Verbs of knowing or finding out: a source that knew or learnt something did not say it
# ("Taylor didn't know at the time that ...").
KNOWING_VERBS: frozenset[str] = frozenset("know learn realize realise understand recognize recognise discover notice remember forget".split())

# Verbs whose object is the subject of the verb after it ("keeps you feeling full", "lets you
# see", "helped them recognize").
CAUSATIVES: frozenset[str] = frozenset(
    "keep keeps keeping kept help helps helping helped let lets letting make makes making made get gets got allow allows allowed".split()
)
REFLEXIVES: frozenset[str] = frozenset("himself herself themselves itself myself ourselves".split())
FLOATING_QUANTIFIERS: frozenset[str] = frozenset("all both each".split())  # "the ministers all urged"

# Contractions of a pronoun with "is"/"are" that still name the pronoun as the subject.
PRONOUN_CONTRACTIONS: frozenset[str] = frozenset("he's she's it's they're we're i'm".split())

# Words that are never a source by themselves.
NOT_SOURCES: frozenset[str] = frozenset("this that which these those there what who".split())

# Words that end a source named after its cue ("according to officials on Monday", "said Jones
# last week", "citing a source who ..."): what follows is not part of the name.
PHRASE_ENDING_WORDS: frozenset[str] = frozenset("on to during last this earlier later late who which".split())

MONTHS: frozenset[str] = frozenset(
    """
    january february march april may june july august september october november december jan
    feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
WEEKDAYS: frozenset[str] = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday".split())

# An outlet's sections: after its name they leave it the outlet ("Bloomberg Politics", "Fox
# Business"), where another capitalised word makes another name ("Sun Microsystems").
OUTLET_SECTIONS: frozenset[str] = frozenset(
    "politics business sport sports money finance markets health tech technology entertainment world opinion".split()
)

# Nouns that keep a source unnamed even after "the" or a possessive: "the sources", "his aides",
# "the officials" stand for people the article does not name, wherever it introduced them; other
# definite groups ("the researchers", "its designers") are people it identifies.
ANONYMITY_NOUNS: frozenset[str] = frozenset(
    "sources officials insiders aides advisers advisors people persons others diplomats staffers".split()
)
DEFINITE_DETERMINERS: frozenset[str] = frozenset("the its their his her".split())
# The days named relative to the article's, lower case in a sentence unless they are part of a name.
RELATIVE_DAYS: frozenset[str] = frozenset("today yesterday tonight".split())

# Titles before a name that make it a person ("Sen. Lee", "Dr Ahmed").
NAME_TITLES: frozenset[str] = frozenset("mr mrs ms dr sen rep gov gen president minister".split())

# Words that may follow a setting phrase ("in a statement on Monday", "in an interview published
# ..."); any other lower-case word continues the noun ("in a video call").
SETTING_FOLLOWERS: frozenset[str] = (
    CLAUSE_WORDS | PREPOSITIONS | TIME_WORDS
    | frozenset("posted released published issued aired broadcast sent given late early".split())
)

# --- verbs with particles ---------------------------------------------------------------------

# "say" and "tell" attribute whatever their subject ("the document says", "it was told").
UNCONDITIONAL: frozenset[str] = frozenset("said says told tells say tell".split())

# Verb lemma -> particles that belong to the cue ("called for", "pointed out").
PHRASAL: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on", "upon"}), "point": frozenset({"out", "to"}), "lash": frozenset({"out"}),
    "hit": frozenset({"out"}), "push": frozenset({"for", "back"}), "spell": frozenset({"out"}),
    "weigh": frozenset({"in"}), "sum": frozenset({"up"}), "speak": frozenset({"of", "about", "out"}),
    "chime": frozenset({"in"}), "open": frozenset({"up"}), "rail": frozenset({"against", "at"}),
    "talk": frozenset({"about", "of", "up"}), "focus": frozenset({"on"}), "allude": frozenset({"to"}),
}  # fmt: skip

# Verbs that are a cue only with their particle ("pointed out", not "pointed the gun").
REQUIRES_PARTICLE: frozenset[str] = frozenset("point hit weigh sum speak chime lash spell rail talk focus allude".split())
# Verbs of talking whose topic may come a few words on ("spoke at the White House on Tuesday
# about", "talks to Megyn Kelly about").
TOPIC_VERBS: frozenset[str] = frozenset("speak talk".split())
MAX_TOPIC_GAP = 10


# Endings of plural nouns of people ("libertarians", "organizers", "economists"), and plurals
# with those endings that name things.
PEOPLE_SUFFIXES: tuple[str, ...] = ("ians", "ists", "ers", "ors", "ants", "ents")
NOT_PEOPLE: frozenset[str] = frozenset(
    """
    numbers papers orders letters centers computers matters powers waters corners borders layers
    offers errors factors sectors components documents payments statements agreements elements
    events segments comments amendments governments departments arguments moments developments
    investments headquarters quarters answers chapters parameters registers shelters towers
    weathers filters barriers characters rumors rivers posters stickers banners containers
    trailers headers folders markers meters monitors motors indicators doors floors colors
    colours mirrors sensors incidents accidents contents ingredients instruments experiments
    environments apartments requirements settlements treatments fragments
    """.split()
)

# Capitalised words that open a sentence without naming anyone ("The", "This", "When"): a
# capital at a sentence's start is a name only if the word is not one of these.
SENTENCE_STARTERS: frozenset[str] = FUNCTION_WORDS | frozenset(
    "we you it there here then now today yesterday but and so yet still even just only".split()
)

# Words of a writer addressing the reader in their own voice, outside quotations.
WRITER_VOICE: frozenset[str] = frozenset("i i'm i've i'd i'll me my mine we we're we've our ours us you you're your yours".split())

# Nouns of people in ANONYMOUS_NOUNS, without the quantifiers and pronouns that only stand for
# people ("some", "another", "everyone"): a source an editor could ask to be named has one.
PEOPLE_NOUNS: frozenset[str] = ANONYMOUS_NOUNS - frozenset(
    "others many some several few most both another neither either everyone everybody nobody percent".split()
)
