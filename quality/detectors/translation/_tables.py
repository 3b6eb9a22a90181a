"""Word tables for the translation detector, kept apart from the logic that uses them.

Each table says why it exists. None of them lists phrases from the sample articles: they are
closed grammatical classes (determiners, speech verbs, licensers), institution nouns, and
well-known facts about languages (name particles, family-name order, transliteration).
"""

from __future__ import annotations

# Source languages the untranslated-fragment rule weighs, for Latin-script text. Each needs a
# wordfreq word list. Catalan and others can be added through the detector's ``languages``
# option; more candidates means more chances to mistake a name for a language. Polish is left
# out: its commonest words ("by", "to", "a", "i") are English ones, and a fragment's span would
# run into the English around it.
LATIN_LANGUAGES: tuple[str, ...] = ("es", "fr", "pt", "it", "de", "nl", "sv", "da", "nb")

# Human-readable names for messages.
LANGUAGE_NAMES: dict[str, str] = {
    "es": "Spanish", "fr": "French", "pt": "Portuguese", "it": "Italian", "de": "German",
    "nl": "Dutch", "ca": "Catalan", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "el": "Greek",
    "he": "Hebrew", "fa": "Persian", "hi": "Hindi", "th": "Thai", "pl": "Polish", "tr": "Turkish",
    "sv": "Swedish", "da": "Danish", "nb": "Norwegian", "id": "Indonesian", "vi": "Vietnamese", "en": "English",
    # the rest of the language identifier's languages, which a sentence may be found in
    "af": "Afrikaans", "bn": "Bengali", "cs": "Czech", "cy": "Welsh", "et": "Estonian", "fi": "Finnish",
    "gu": "Gujarati", "hr": "Croatian", "hu": "Hungarian", "kn": "Kannada", "lt": "Lithuanian",
    "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam", "mr": "Marathi", "ne": "Nepali",
    "no": "Norwegian", "pa": "Punjabi", "ro": "Romanian", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "sq": "Albanian", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tl": "Tagalog",
    "ur": "Urdu", "zh-cn": "Chinese", "zh-tw": "Chinese",
}  # fmt: skip

# Particles that sit inside personal and place names in many languages ("Charles de Gaulle",
# "Museo del Prado", "Ursula von der Leyen"). Between two capitalised words they belong to the
# name and say nothing about the language of the surrounding text.
NAME_PARTICLES: frozenset[str] = frozenset(
    "de del della delle degli dei dal dalla der di da das do dos du des la le las los van von "
    "vom zu den ten ter bin ibn al el abu y-".split()
)

# Foreign words and phrases that English has borrowed. English writers use them on purpose, so
# they are never "left untranslated" (the list is about the borrowings, not about any article).
ENGLISH_LOAN_PHRASES: tuple[str, ...] = (
    "de facto", "de jure", "status quo", "fait accompli", "coup d'état", "coup d'etat", "vis-à-vis",
    "vis-a-vis", "per se", "ad hoc", "bona fide", "en route", "en masse", "raison d'être",
    "raison d'etre", "laissez-faire", "persona non grata", "modus operandi", "quid pro quo",
    "carte blanche", "déjà vu", "deja vu", "vice versa", "et al", "pro bono", "ad nauseam",
    "mea culpa", "a la carte", "à la carte", "tête-à-tête", "tour de force", "coup de grâce",
    "coup de grace", "force majeure", "savoir faire", "joie de vivre", "nouveau riche",
    "realpolitik", "zeitgeist", "schadenfreude", "wunderkind", "kindergarten", "angst", "doppelgänger",
    "hasta la vista", "el niño", "el nino", "la niña", "la nina", "in situ", "pro rata", "ex officio",
    "sine qua non", "non sequitur", "alma mater", "cause célèbre", "cause celebre", "noblesse oblige",
    "esprit de corps", "enfant terrible", "avant-garde", "cul-de-sac", "prima facie", "glasnost",
    "perestroika", "siloviki", "spetsnaz", "intelligentsia", "politburo", "nomenklatura",
    "de rigueur", "au fait", "au pair", "faux pas", "bête noire", "bete noire", "par excellence",
    "en bloc", "de trop", "idée fixe", "idee fixe", "fin de siècle", "fin de siecle", "belle époque",
    "crème de la crème", "creme de la creme", "pièce de résistance", "piece de resistance",
    "sotto voce", "mano a mano", "ha ha", "a cappella", "al fresco", "al dente", "dolce vita",
)  # fmt: skip

# Latin transliteration of Russian, longest letter groups first, so that transliterated Russian
# ("spasibo", "zayavil") can be looked up in wordfreq's Cyrillic word list. Several common
# systems are covered (BGN/PCGN, scholarly without diacritics, informal); ambiguous letters
# map to several Cyrillic options and every combination is tried.
RUSSIAN_FROM_LATIN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("shch", ("щ",)), ("sch", ("щ",)), ("zh", ("ж",)), ("kh", ("х",)), ("ts", ("ц",)),
    ("tz", ("ц",)), ("ch", ("ч",)), ("sh", ("ш",)), ("yu", ("ю",)), ("ya", ("я",)),
    ("yo", ("ё", "йо")), ("ye", ("е",)), ("iy", ("ий",)), ("yy", ("ый",)), ("yi", ("ый", "ий")),
    ("ay", ("ай",)), ("ey", ("ей",)), ("oy", ("ой",)), ("uy", ("уй",)),
    ("a", ("а",)), ("b", ("б",)), ("v", ("в",)), ("w", ("в",)), ("g", ("г",)), ("d", ("д",)),
    ("e", ("е", "э")), ("z", ("з",)), ("i", ("и",)), ("j", ("й",)), ("k", ("к",)), ("l", ("л",)),
    ("m", ("м",)), ("n", ("н",)), ("o", ("о",)), ("p", ("п",)), ("r", ("р",)), ("s", ("с",)),
    ("t", ("т",)), ("u", ("у",)), ("f", ("ф",)), ("h", ("х",)), ("c", ("ц", "к")),
    ("y", ("ы", "й")), ("'", ("ь",)), ("’", ("ь",)), ("x", ("кс",)),
)  # fmt: skip

# Cultures that write the family name first. When the corpus gives no evidence, a lone given
# name after such a full name ("Jinping" for "Xi Jinping") is the likelier slip. Only the
# most common romanised family names are listed; the corpus evidence always wins.
FAMILY_NAME_FIRST: frozenset[str] = frozenset(
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng "
    "liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye "
    "cheng wei su lu ding ren shen yao jin qin xi hua mao fu kim lee park choi jung kang cho "
    "yoon jang lim nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly".split()
)

# Speech and reporting verbs (all forms used in news attribution).
SPEECH_VERBS: frozenset[str] = frozenset(
    "said says say added adds told tells stated states announced announces noted notes stressed "
    "stresses asserted asserts declared declares explained explains insisted insists claimed "
    "claims argued argues warned warns confirmed confirms emphasised emphasized emphasises "
    "emphasizes underlined underlines reported reports wrote writes concluded concludes replied "
    "replies responded responds revealed reveals commented comments remarked remarks urged urges "
    "recalled recalls acknowledged acknowledges indicated indicates pointed".split()
)

# Verbs by which an institution takes a public stand, as it speaks ("The ministry welcomed the
# deal. He said ..." is the same slip as after "said"): a subject before them is a speaker for the
# pronoun rule (TRN006), though they introduce no reported words.
STANCE_VERBS: frozenset[str] = frozenset(
    "welcomed welcomes criticised criticized criticises criticizes condemned condemns rejected rejects "
    "denied denies praised praises dismissed dismisses defended defends promised promises pledged "
    "pledges vowed vows blamed blames".split()
)

# Verbs of an institution's decisions, which its statement reports ("the ministry said ..., adding
# that it had ordered an inspection"): after an institution's verb of saying, "he had ordered"
# has the institution for its subject unless a person is at hand.
DECISION_VERBS: frozenset[str] = frozenset(
    "ordered orders decided decides agreed agrees approved approves launched launches suspended "
    "suspends halted halts planned".split()
)

# Verbs of a view held, by which a speaker's position is reported as by a verb of saying ("He
# expects revenue to fall", "the company expects"): after an institution, "He expects" is as much
# a slip as "He said".
VIEW_VERBS: frozenset[str] = frozenset(
    "expects expected believes believed estimates estimated predicts predicted forecasts hopes "
    "hoped intends intended plans fears feared thinks".split()
)

# What a business is introduced as before its name ("battery maker Hanseong Energy", "the
# carrier Flyjet"): a name introduced so is an organisation's wherever it stands bare.
BUSINESS_NOUNS: frozenset[str] = frozenset(
    "maker makers manufacturer producer operator carrier retailer lender insurer airline supplier "
    "developer giant chain exporter importer utility miner automaker carmaker chipmaker drugmaker "
    "conglomerate startup start-up brand provider distributor shipper employer".split()
)

# Head nouns of institutions. A following "he"/"she" cannot refer back to these; pro-drop
# source languages (Spanish, Chinese) leave the subject out and the translation invents one.
ORGANISATION_NOUNS: frozenset[str] = frozenset(
    "ministry government office agency department committee council embassy kremlin treasury "
    "administration authority authorities commission cabinet parliament senate congress "
    "assembly company firm corporation bank group party army navy police court tribunal union "
    "organisation organization foundation institute association federation bureau secretariat "
    "presidency ministries governments agencies companies firms banks courts mission "
    "consulate delegation directorate service services board regulator watchdog coalition "
    "alliance bloc opposition junta militia network newspaper daily broadcaster channel "
    "station outlet publication magazine website team club squad university school hospital "
    "museum hall".split()
)

# Nouns that can be the subject of "said": people, institutions, documents and media. Used by
# the speaker rule, which flags a speech verb whose subject is none of these (a translated
# "playback" or "reading" standing where English puts "readout").
SPEAKER_NOUNS: frozenset[str] = ORGANISATION_NOUNS | frozenset(
    "statement statements report reports readout readouts communique communiqué release "
    "document documents letter letters note notes memo memorandum paper papers article "
    "articles study studies survey surveys poll polls data figures record records transcript "
    "summary version account accounts post posts tweet tweets message messages email emails "
    "filing filings complaint lawsuit ruling verdict judgment judgement decision resolution "
    "declaration text draft plan proposal order notice guidance guidelines bulletin update "
    "analysis review assessment forecast estimate estimates outlook minutes book books "
    "source sources official officials spokesman spokeswoman spokesperson minister ministers "
    "president leader leaders expert experts analyst analysts people person man woman men "
    "women witness witnesses resident residents citizen citizens diplomat diplomats aide aides "
    "adviser advisers advisor advisors envoy envoys ambassador ambassadors member members "
    "colleague colleagues friend friends father mother son daughter wife husband family "
    "families victim victims user users voter voters worker workers student students doctor "
    "doctors lawyer lawyers prosecutor prosecutors judge judges investigator investigators "
    "researcher researchers scientist scientists economist economists observer observers "
    "critic critics supporter supporters opponent opponents protester protesters candidate "
    "candidates chief head heads director directors chairman chairwoman chair ceo founder "
    "owner owners manager managers employee employees staff team teams side sides country "
    "countries state states nation nations city region province ministry's one ones other "
    "others some many most both each all several few spokesmen spokeswomen counterpart "
    "counterparts host hosts anchor reporter reporters journalist journalists editor editors "
    "author authors writer writers speaker speakers caller callers audience crowd public "
    "majority minority everyone someone anyone nobody somebody everybody".split()
)

# Activity or field nouns that Romance languages use for the institution that carries them out
# ("la diplomacia rusa" = the Russian foreign ministry, "la justicia" = the courts). In English
# they cannot announce, say or state anything, so when one is made the agent of a statement the
# phrase is a calque.
METONYM_FIELD_NOUNS: frozenset[str] = frozenset(
    "diplomacy justice chancellery chancery magistracy judiciary's".split()
)

# Nouns for statements and announcements: the thing a speaker produces.
COMMUNICATION_NOUNS: frozenset[str] = frozenset(
    "announcement announcements statement statements declaration declarations communique "
    "communiqué remarks comments claim claims warning warnings message note readout".split()
)

# Words that license a negative-polarity "any" earlier in its clause: negation, negative
# verbs, questions and conditions, comparison, modality (free-choice "any"). Without one of
# them, "any" after a plain verb in a statement ("the ministry gave any details") usually means
# a negation was lost in translation.
ANY_LICENSERS: frozenset[str] = frozenset(
    "not n't no never neither nor without hardly barely scarcely seldom rarely few little only "
    "if whether unless before until than whenever wherever whoever whatever deny denies denied "
    "denying refuse refuses refused refusing reject rejects rejected rejecting avoid avoids "
    "avoided avoiding prevent prevents prevented preventing stop stops stopped ban bans banned "
    "forbid forbids forbade prohibit prohibits prohibited fail fails failed lack lacks lacked "
    "doubt doubts doubted oppose opposes opposed opposing against condemn condemns condemned "
    "resist resists resisted warn warns warned ruled rule rules exclude excludes excluded "
    "dismiss dismisses dismissed rejects free ready willing open able allowed welcome welcomes "
    "welcomed can could may might will would should must shall ought to too enough every first "
    "last best worst largest biggest most least more less hesitate hesitated refrain refrained "
    "unable impossible difficult hard nothing none nobody cannot can't won't wouldn't "
    "barred bar bars limit limits limited minimise minimize minimised minimized reduce reduces "
    "reduced eliminate eliminated eliminates end ended ends halt halted deter deterred "
    "discourage discouraged penalise penalize penalised penalized punish punished investigate "
    "investigated report reported check checked detect detected identify identified challenge "
    "challenged question questioned block blocked veto vetoed resign who whom which "
    "refute refutes refuted regret regrets regretted".split()
)

# Verbs whose object is a clause more often than a noun: after them, "any" opens the reported
# clause as its subject ("analysts said any gains are likely to be short-lived", "Williams
# conceded any deal was unlikely"), a free-choice "any" that needs no negation.
CLAUSE_VERBS: frozenset[str] = SPEECH_VERBS | frozenset(
    "conceded concedes admitted admits thought thinks believed believes felt feels hoped hopes "
    "expected expects predicted predicts suggested suggests reckoned reckons estimated estimates "
    "feared fears assumed assumes agreed agrees signalled signaled signals".split()
)

# "any" in these fixed phrases is not the negative-polarity determiner.
ANY_FIXED_AFTER: frozenset[str] = frozenset("time case rate event way more longer moment cost".split())

# Common irregular past-tense forms (the regular ones end in -ed). Used to spot a finite verb
# directly before "any".
IRREGULAR_PAST: frozenset[str] = frozenset(
    "gave made took got had did saw found gave put set kept left brought bought thought told "
    "said showed shown sent spent held felt met paid led lost won ran began brought wrote "
    "offered provided".split()
)

# Abbreviations that end in a full stop and may be followed by a lower-case word.
ABBREVIATIONS: frozenset[str] = frozenset(
    "mr mrs ms dr prof st jr sr vs etc approx est no nos vol ca cf ed eds fig figs al inc ltd co "
    "corp dept govt gen col lt sgt capt cmdr adm rev hon sen rep gov pres jan feb mar apr jun "
    "jul aug sep sept oct nov dec mon tue wed thu fri sat sun am pm a.m p.m e.g i.e u.s u.k "
    "u.n e.u op pp p ch sec art para min max km kg mt bn mn tn ft yd in oz lb lbs mi sq "
    # US states as news style abbreviates them ("Calif. voters", "Wyo. delegates"), but for
    # those that are English words too (Ill., Mass., Miss., Wash.)
    "ala ariz ark calif colo conn fla ga ind kan kans ky la md mich minn mo mont neb nev okla ore "
    "pa tenn tex va vt wis wyo n.h n.j n.m n.y n.c n.d s.c s.d r.i w.va".split()
)

# Second halves of a dotted token that are file extensions or domains, not a new sentence:
# "report.PDF", "Example.Com", "Node.js".
DOTTED_SUFFIXES: frozenset[str] = frozenset(
    "com org net gov edu io co uk us ru cn de fr es it jp in info biz ly me tv fm ai app dev "
    "pdf doc docx xls xlsx csv txt jpg jpeg png gif mp3 mp4 zip html htm php js py exe json xml "
    "net".split()
)

# Lower-case words that English doubles on purpose: grammar ("had had", "that that"), speech
# that doubles an intensifier for emphasis ("really really nervous", "much much better"), and
# compounds written without their hyphen ("the ultimate win win").
LEGITIMATE_DOUBLES: frozenset[str] = frozenset(
    "had that is do bye very no so ha hah bla blah knock tut yada cha chop tick tom pom "
    "really much many far long way yes well win".split()
)

# Particles of phrasal verbs that are prepositions of time as well: "did Romney in in 2012",
# "counting on on Nov. 8" double them on purpose, the second opening a date or a time.
PARTICLE_PREPOSITIONS: frozenset[str] = frozenset("in on by over up down off out".split())

# Endings that make a people's or a language's name from a place's ("Lanka" -> "Lankans",
# "Israel" -> "Israeli", "Japan" -> "Japanese", "Canada" -> "Canadian"), in the plural too.
DEMONYM_ENDINGS: tuple[str, ...] = ("n", "an", "ian", "i", "ese", "ish")

# First parts of names and brands written in camel case ("McDonald", "MacArthur", "DeSantis",
# "LaGuardia", "DiCaprio", "O'Neill"): not a lost space.
CAMEL_NAME_PREFIXES: frozenset[str] = frozenset(
    "mc mac de la di da le van von du del des o st dell".split()
)

# Before a capitalised word, these make it a thing, not a person ("The Chronicle says", "our
# Infinity monitoring systems"): a person is not named after a determiner or a possessive.
THING_DETERMINERS: frozenset[str] = frozenset("the a an this that these those our its their your my his her".split())

# English personal pronouns that can only refer to a person.
PERSONAL_PRONOUNS: frozenset[str] = frozenset("he she".split())

# Roles written before a name like a title, capitalised at a sentence's start ("Referee Danielle
# Ashcombe", "Substitute Jusuf Demirci", "Co-author Rahul Menon"): not part of the name.
ROLE_WORDS: frozenset[str] = frozenset(
    "justice referee umpire co-author co-founder co-owner co-chair novelist painter poet sculptor "
    "photographer composer conductor cyclist swimmer astronaut astronomer astrophysicist physicist chemist biologist "
    "historian curator councillor councilor alderman commissioner superintendent constable "
    "sergeant lieutenant colonel major corporal private admiral bishop archbishop rabbi imam "
    "pastor father sister brother surgeon physician midwife paediatrician pediatrician dentist "
    "pharmacist paramedic auditor accountant journalist reporter lecturer banker trader broker "
    "consultant mechanic electrician carpenter plumber waiter waitress clerk translator "
    "interpreter programmer designer economist diplomat substitute striker goalkeeper keeper "
    "midfielder defender winger captain skipper coach manager".split()
)
# Titles that mark the following capitalised words as a person.
PERSON_TITLES: frozenset[str] = frozenset(
    "mr mrs ms dr prof president minister premier chancellor secretary spokesman spokeswoman "
    "spokesperson ambassador senator governor mayor general sir lord lady king queen prince "
    "princess pope ceo chairman chairwoman director envoy".split()
)

# Closed-class words: articles, pronouns, auxiliaries, conjunctions and prepositions that never
# make the first or last part of a solid compound, so that a word run into one of them ("saidthe",
# "hasbeen") is a lost space, where "overdrew" or "upsample" is a compound.
CLOSED_CLASS_WORDS: frozenset[str] = frozenset(
    "the and of an to is was has have had that this these those with for from are were be been "
    "will would said his her their its it he she they we you not but or as at by in on which who "
    "every each some any all than him them me us my our your".split()
)
