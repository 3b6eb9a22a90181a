"""The TRN rules: documentation and the examples every rule must fire on and pass."""

from __future__ import annotations

from quality.model import Severity
from quality.rules import RULES, CorpusExample, Rule

_CONTEXT = (
    "The Russian Foreign Ministry said on Monday that the Chinese president would visit Moscow in "
    "the spring, and officials in Beijing did not confirm the report."
)

UNTRANSLATED = Rule(
    code="TRN001",
    name="untranslated-fragment",
    severity=Severity.WARNING,
    summary="A word, phrase or caption left in the source language inside an English article; the "
    "message names the language. A quotation followed at once by its translation (``\"Wir schaffen "
    "das\" (\"We can do this\")``) is quoted speech, not a fragment.",
    why="An editor who left a caption in Spanish did not read the page; readers meet words they "
    "cannot read, and the outlet shows that its English edition is machine output.",
    example="Wang Yi y Antony Blinken   (a caption: 'y' is Spanish for 'and')",
    instead="Wang Yi and Antony Blinken",
    fires=(
        'The strike has now entered its third week, and shipping lines are running out of patience with '
        'both sides. In a statement issued from its headquarters on Sunday, the carrier said: "Vi følger '
        'situasjonen tett." Four of its vessels have already been diverted to other ports.',
        _CONTEXT + "\n\nDmitri Medvedev y Xi Jinping\n\nThe visit would be the first since 2019.",
        _CONTEXT + "\n\nPhoto: Emmanuel Macron et Olaf Scholz à Paris\n\nThe talks lasted two hours.",
        _CONTEXT + " The minister said the talks were «très constructives et utiles» for both sides.",
        _CONTEXT + "\n\nLula da Silva e Xi Jinping em Pequim",
        _CONTEXT + " The spokesman wrote 我们反对任何形式的干涉 on his account.",
        _CONTEXT + "\n\nПутин и Си Цзиньпин в Кремле",
        _CONTEXT + " The envoy told reporters: spasibo, ministerstvo vneshnikh del soglasno.",
        _CONTEXT + '\n\nThe mayor wrote on Facebook: "A gyár holnap reggel újra megnyitja kapuit a dolgozók előtt."',
        _CONTEXT + ' The ferry operator said in a statement: "Wszyscy pasażerowie są bezpieczni i wracają do domu."',
    ),
    passes=(
        "Volunteers have been serving caldo verde, a kale and potato soup, from a trestle table since the strike began.",
        'In the village, banners reading "Todos somos Almendral" - "We are all Almendral" - hung from balconies as residents returned.',
        _CONTEXT,
        "Chinese Foreign Ministry spokesperson Hua Chunying 华春莹 announced the visit on Twitter.",
        "He arrived en route to Paris, where the de facto leader defended the status quo.",
        "The exhibition at the Museo del Prado drew visitors from Ursula von der Leyen's office.",
        "Qin Gang met TASS reporters; Xi Jinping and Wang Yi attended.",
        "Macrophages that secrete cytokines and chemokines drive the inflammation, the researchers found.",
        "Fill in {* socialRegistration_firstName *} {* socialRegistration_lastName *} to register.",
        'The motto of the lifeboat crew, "Mindig készen, mindig együtt" ("Always ready, always together"), hangs over the door.',
    ),
    known_problems="A single foreign word inside an English sentence is not reported (it may be a "
    "name or a borrowing); a caption is reported when its foreign word joins names. A clause in a "
    "language with no word list here (Hungarian, Polish, Turkish ...) is found only when half its "
    "lower-case words are no common English words and the language identifier names it. Pinyin "
    "renderings of names that have an established English form are not foreign words to it.",
    message='untranslated {language} ({how})',
)

# Two articles of one story, one of them outlet "a"'s, spelling the governor's name one way: the
# rule's examples add a third article of outlet "a" with a near spelling beside the same given
# name (a slip) or beside another (another person).
_NDEGWA_STORY = (
    ("a", "Governor Wairimu Ndegwa told reporters in Nairobi that the Monetary Committee had voted."),
    ("b", "In Nairobi, Wairimu Ndegwa said the Monetary Committee would meet again."),
)

NAME_VARIANT = Rule(
    code="TRN002",
    name="name-variant",
    severity=Severity.WARNING,
    summary="A proper name spelled differently from the dominant spelling in the same article, "
    "across the corpus (other outlets) or in the outlet's own other articles; transliteration "
    "pairs the corpus uses evenly are info.",
    why="Two spellings of one person make readers wonder whether two people are meant, and a "
    "misspelt name is the clearest sign that nobody checked a translation.",
    example="Dmitri Medvedez ... Dmitry Medvedev's visit to Beijing",
    instead="Dmitry Medvedev ... Dmitry Medvedev's visit to Beijing",
    fires=(
        "Former president Dmitry Medvedev met Xi in Beijing in December. Officials said Medvedez "
        "carried a letter from Vladimir Putin.",
        "Maarten Verhoeven founded Quillon in 2009. Maarten Verhoeven still runs it, and Martin Verhoeven said sales rose.",
        CorpusExample(
            articles=(
                ("a", "Prime Minister Pham Minh Chinh visited Universiti Brunei Darussalam on Monday."),
                ("b", "Prime Minister Pham Minh Chinh toured Universiti Brunei Darussalam with his wife."),
                ("c", "In Brunei, Prime Minister Pham Minh Chinh spoke at Universiti Brunei Darussalam."),
                ("d", "Prime Minister Pham Minh Zheng visited Universiti Brunei Darussalam on Monday."),
            )
        ),
        CorpusExample(
            articles=_NDEGWA_STORY + (
                ("a", "Governor Wairimu Ndegua said in Nairobi that the Monetary Committee was united."),
            )
        ),
        CorpusExample(  # a first name put into another language, beside a surname the corpus writes with the other
            articles=(
                ("a", "Tomasz Wróblewski, the mayor of Kesterbridge, opened the bridge on Monday."),
                ("b", "Kesterbridge mayor Tomasz Wróblewski said the bridge had cost less than planned."),
                ("c", "The new bridge, Tomasz Wróblewski said, would halve journeys across Kesterbridge."),
                ("d", "Thomas Wróblewski, mayor of Kesterbridge, cut the ribbon."),
            )
        ),
        CorpusExample(  # a common given name spelt as another that sounds the same, beside the same surname
            articles=(
                ("a", "Tarnbury Cycles chief executive Marcus Okonjo said the Hexley plant would close."),
                ("b", "The Hexley plant will shut, Marcus Okonjo of Tarnbury Cycles told staff."),
                ("c", "Marcus Okonjo said Tarnbury Cycles would move work from Hexley to Poland."),
                ("d", "Chief executive Markus Okonjo said Tarnbury Cycles had no choice at Hexley."),
            )
        ),
    ),
    passes=(
        "Xi Jinping met Vladimir Putin in Moscow. Xi Jinping later flew home.",
        "Kim Jong-un inspected the site that Kim Jong-il had opened decades earlier.",
        "Officials from Iran and Iraq met in Baghdad on Monday.",
        "Daniel Ortega and his sister Danielle Ortega met. Daniel Ortega spoke first.",
        CorpusExample(
            articles=(
                ("a", "The Alibaba Group reported results on Monday."),
                ("b", "Analysts at the Alibaba Group expect growth."),
                ("c", "The Tencent Group said it would invest more."),
            )
        ),
        CorpusExample(
            articles=_NDEGWA_STORY + (
                ("a", "Deputy Governor Amina Ndegua said in Nairobi that the Monetary Committee was united."),
            )
        ),
        CorpusExample(
            articles=(
                ("a", "Ilse Vanderbeke won the third stage at Hollins Ford after a climb out of Kesterbridge."),
                ("b", "Vanderbeke reached Hollins Ford first on Friday, ahead of the pack from Kesterbridge."),
                ("c", "Crowds at Hollins Ford cheered Vanderbeke as the race left Kesterbridge."),
                ("d", "Stage 2, Ashworth-Hollins Ford, 131km, was won by Ilse Vanderbeke from Kesterbridge."),
            )
        ),
    ),
    corpus=True,
    known_problems="Two different people whose names differ by one letter in the same article are "
    "reported when wordfreq knows one spelling and not the other.",
    message='“{written}” looks like a misspelling of “{usual}”, the spelling used {where}',
    variants=(
        ('transliterations', '“{written}” and “{usual}” are two transliterations of one name {where}; pick one'),
        ('other_outlets', '“{name}” is written “{written}” by {users} other outlets'),
        ('given_name', '“{written} {surname}”: this article calls {surname} “{usual}” {count} times; one person, two first names'),
        ('given_name_corpus', '“{written} {surname}”: the corpus calls {surname} “{usual}” {count} times; one person, two first names'),
    ),
)

NAME_ORDER = Rule(
    code="TRN003",
    name="name-order-slip",
    severity=Severity.WARNING,
    summary="A person called by the given name as if it were the family name (``Jinping’s visit`` "
    "where the corpus refers to Xi Jinping as ``Xi``), or a name turned round within one article "
    "(``Jinping Xi`` after ``Xi Jinping``).",
    why="Family-name-first names are shortened to the family name in English; using the given "
    "name instead is a translator's or paraphraser's error that readers notice.",
    example="the Ministry asserted that Jinping’s visit to Moscow will be a major event",
    instead="the Ministry asserted that Xi’s visit to Moscow will be a major event",
    fires=(
        "Chinese President Xi Jinping is expected in Moscow. Officials said Jinping’s visit would "
        "last three days.",
        "Chinese President Xi Jinping is expected in Moscow. Jinping Xi will stay three days.",
        CorpusExample(
            articles=(
                ("a", "Director Bi Jingquan arrived on Monday. Officials said Bi was tired."),
                ("b", "Bi Jingquan spoke first; then Bi thanked the hosts, and Bi left."),
                ("c", "Bi Jingquan welcomed the guests. Officials said Jingquan’s speech was short."),
            )
        ),
    ),
    passes=(
        "Chinese President Xi Jinping is expected in Moscow. Officials said Xi’s visit would last "
        "three days.",
        "Russian President Vladimir Putin invited Xi Jinping. Putin said the visit mattered.",
        # "Lee" opens many Korean and Chinese names, but "Bowyer" is no romanised given name
        "Leeds midfielder Lee Bowyer was sent off on Saturday. Bowyer said he would appeal.",
        CorpusExample(
            articles=(
                ("a", "Melania Trump spoke on Monday. Trump praised the staff."),
                ("b", "Melania Trump arrived first, and Trump thanked the hosts; Trump left."),
                ("c", "Melania Trump welcomed the guests. Officials said Melania’s speech was short."),
            )
        ),
        # The article's own lone "Europa" is the moon: the rest of the corpus never shortens the name.
        CorpusExample(
            articles=(
                ("a", "Europa Clipper will study Europa. Europa has an ocean, and Europa may vent it. Clipper will fly by it."),
                ("b", "NASA said Europa Clipper would launch in October."),
                ("c", "Engineers tested Europa Clipper on Monday."),
            )
        ),
    ),
    corpus=True,
    message='“{written}” turns round “{usual}”, as this article writes it {count} time(s)',
    variants=(
        ('given_name', '“{given}” is the given name in “{family} {given}”; the short form is “{family}”'),
        ('corpus_reversed', '“{written}” turns round “{usual}”, as the corpus writes it {count} times'),
        ('corpus_short', '“{used}” alone for “{first} {second}”; the corpus shortens the name to “{short}” ({short_count} times against {used_count})'),
    ),
)

LOST_NEGATION = Rule(
    code="TRN004",
    name="lost-negation",
    severity=Severity.WARNING,
    summary="``any`` after an affirmative verb with nothing to license it (``Beijing gave any "
    "details``): the translation most likely dropped a negation.",
    why="The sentence now says the opposite of the source, or nothing at all; a reader cannot "
    "tell which.",
    example="Beijing also dedicated any mention of a visit to the invading nation.",
    instead="Beijing also omitted any mention of a visit to the invading nation.",
    fires=(
        "The ministry also provided any details of the visit to reporters.",
        "Beijing dedicated any mention of the summit to the press office.",
    ),
    passes=(
        "The ministry did not provide any details of the visit.",
        "Beijing denied any plans for a visit.",
        "He said any attack would be answered.",
        "Analysts conceded any gains are likely to be short-lived.",
        "Officials refused to give any details, and the embassy avoided any comment.",
        "Could the ministry provide any details?",
    ),
    message='“{verb} any {noun}” reads as a lost negation: “any” needs a negative (did not …, avoided, omitted) in a statement',
)

NON_SPEAKER = Rule(
    code="TRN005",
    name="non-speaker-as-speaker",
    severity=Severity.WARNING,
    summary="A statement attributed to something that cannot speak: an activity named for its "
    "institution (``statement from Russian diplomacy``) or a possessed noun that is no text "
    "(``China's playback of the summit said``).",
    why="These are calques: the source language names the foreign ministry by its diplomacy, or "
    "the translation chose the wrong sense of a word (playback for readout). English readers "
    "stumble, and the outlet reads as machine output.",
    example="officials in Beijing have not confirmed the Russian diplomacy announcement yet",
    instead="officials in Beijing have not confirmed the Russian foreign ministry's announcement yet",
    fires=(
        "Officials have not confirmed the Russian diplomacy announcement yet.",
        "The visit was confirmed in a statement from Spanish diplomacy on Monday.",
        "In response, Moscow’s playback of the call between the two presidents said ties were strong.",
    ),
    passes=(
        "Officials have not confirmed the Russian foreign ministry's announcement yet.",
        "In response, China’s readout of the call between the two leaders said ties were strong.",
        "Russia’s ambassador to China said the visit was planned.",
        "The company’s head of communications said the plan was on track.",
    ),
    message='“{phrase}”: {why}; the phrase is calqued from a language that names an institution by its activity (write the foreign ministry, the courts)',
    variants=(
        ('cannot_state', '“{noun}” cannot make a statement'),
        ('cannot_come_from', 'a statement cannot come from “{noun}”'),
        ('no_head', '“{noun}” has no head'),
        ('possessed', '“{noun}” cannot say anything; a translated word stands where English puts a text or a speaker (readout, statement, account)'),
    ),
)

PRONOUN_SLIP = Rule(
    code="TRN006",
    name="pronoun-for-institution",
    severity=Severity.WARNING,
    summary="``He``/``She`` standing for an institution: opening a sentence right after it spoke, took a "
    "stand or acted (``the ministry said. He added that …``, ``the ministry welcomed the deal. He said …``), "
    "inside its statement with no person named near (``the company said she expected …``), or for the thing "
    "that opens a sentence as ``which`` takes it up (``Norvaska, which listed her shares``).",
    why="Pro-drop source languages leave the subject out; the translation invents a person who "
    "does not exist, and the reader looks for a speaker that was never named.",
    example="... the Russian Foreign Ministry said. He added that the Kremlin was assuming ...",
    instead="... the Russian Foreign Ministry said. It added that the Kremlin was assuming ...",
    fires=(
        "The Russian Foreign Ministry said the visit was planned for spring.\nHe added that the "
        "date was not fixed.",
        "Kenya's energy ministry welcomed the agreement. He said the first cargo would arrive in May.",
        "Orbeck Motors has widened its recall to a second model.\nOrbeck Motors confirmed the "
        "recall on Tuesday. She said the fault lay in one batch of parts.",
        "Scientists said the data were new. Kiso-Hida released its first spectra on Thursday. She "
        "said more would follow.",
        "The ministry named a commission of engineers. She will also review the inspection reports.",
        "Transnorte, one of the largest barge operators, said loads were halved. He expects revenue to fall.",
        "The Calverley Port Authority has rejected the union's claim. He insists the cranes will create jobs.",
        "President Vladimir Putin has invited the Chinese leader, the Russian Foreign Ministry said.\nHe added "
        "that the date was not fixed.",
        '"The council decided on the building," said Dr Amara Nwosu. The High Court granted the alliance '
        "permission on 2 December. He had already refused its request for an injunction.",
        "Tarnbury Cycles has delayed shipments of its folding bike. Tarnbury did not say how many "
        "bikes were affected. She blamed a shortage of hinges.",
        "Tenants took the rent cap to the High Court. The High Court considered the papers "
        "last week. He granted permission for a hearing in March.",
        "Shares in Tarnbury Cycles fell 9 percent on Thursday. Tarnbury Cycles, the largest private employer "
        "in Hexley, said she expected the plant to reopen in March.",
        "Residents of Hexley returned home on Friday. The town hall said in a statement, in which he also "
        "promised a help desk for residents, that the air was safe.",
        "The museum was founded in 1994 by local teachers. Last year she reported a deficit.",
        "The ministry said the unit could no longer recruit staff. In a statement released at noon, she said it would close.",
        "Norvaska, which listed her shares in Helsinki in 1998, builds bridges and tunnels.",
        "The agency, which was set up in 2015, said in his written response that the audit was wrong.",
        "The university, founded in 1911, grew rapidly in the 2000s, and she now enrols 31,000 students.",
        "In a statement on Thursday, the department said she had followed the law.",
    ),
    passes=(
        "Mara Orbeck has widened the recall to a second model.\nMara Orbeck confirmed the "
        "recall on Tuesday. She said the fault lay in one batch of parts.",
        "Governor Ann Ruto said rates would rise. The bank raised its rate on Tuesday. She said "
        "more rises were possible.",
        "The company's shares fell on Monday. Its chief executive resigned. He also sold his stake.",
        "Police said a farmer had been questioned over the fire. He has not been charged.",
        "The prosecutor's office said in a statement that he had pleaded guilty. Carlineo faces ten "
        "years in prison. He was arrested in April.",
        "The group's budget is small. Mwangi said most of its income comes from prize money. She was cautious.",
        "Tom Hale, 45, was charged with fraud. The company has suspended him. He denies the charges.",
        "Mayor Ann Lee visited the plant on Friday. The town hall said she would return on Monday.",
        "The Clinton Foundation has published its accounts. Last year, Clinton said she would not support the deal.",
        "Ivo Brandt, 52, appealed against the fine. The High Court considered the papers last week. He "
        "argued that the fine was too high.",
        "Kenya's energy ministry praised President Ruto's plan. He said the first cargo would arrive in May.",
        "The Russian Foreign Ministry said the visit was planned for spring.\nIt added that the date "
        "was not fixed.",
        "Foreign Minister Sergei Lavrov said the visit was planned.\nHe added that the date was "
        "not fixed.",
        "Ana Ruiz founded the trust in 1990. The foundation, which bears her name, funds schools.",
        "The university, founded in 1911, hired Ana Ruiz in 2000, and she now leads it.",
        "Orsolya Kemény, the museum's director, said she had commissioned a review.",
        "Harlow Cross Housing Association was fined after a ceiling fell on a tenant, leaving her with a fractured skull.",
        "Justice Peter Mwangi ruled for the residents. Mwangi said he had been persuaded by readings, which the "
        "company had argued were unreliable. He noted that they matched the factory's own logs.",
        "The Clinton Foundation published its accounts. Secretary Clinton spoke in Ohio. Clinton has emerged as "
        "a critic of the system. On the campaign trail, she has called for an overhaul.",
        "According to the photographs, which he sent to reporters, the site was empty.",
        "The ministry said the visit was planned. Spokesman Wang Wenbin confirmed it.\nHe added "
        "that the date was not fixed.",
    ),
    message='“{pronoun}” cannot refer back to {institution}, an institution; the translation supplied a subject the source left out (write “It” or name the speaker)',
)

GENDER_SLIP = Rule(
    code="TRN013",
    name="pronoun-of-the-other-gender",
    severity=Severity.WARNING,
    summary="``he``/``his`` for a person the article otherwise makes a woman, or ``she``/``her`` for a man, "
    "when nobody else near could be meant (``Ms Oberhäuser ... the hardest decision of his career``).",
    why="Turkish, Finnish, Chinese, Korean or Persian have one pronoun for both sexes, and Spanish or "
    "French possessives agree with the thing owned; the translation guesses the gender and the reader "
    "looks for a second person who is not there.",
    example="Ms Katrin Oberhäuser, the chief executive, called the cuts painful. She said the decision "
    "had been the hardest of his career.",
    instead="... She said the decision had been the hardest of her career.",
    fires=(
        "Ms Katrin Oberhäuser, the chief executive, called the cuts painful. She said the decision "
        "had been the hardest of his career.",
        "Professor Ingrid Halvorsen led the research. She said the samples were new, and she "
        "thanked the team. Halvorsen said he had been amazed by the results.",
        "Mr Tomás Herrera opened the plant on Monday. Herrera said she expected 200 jobs.",
        "Rafael Tavares was appointed on Monday. Tavares, 47, who won the title twice with her previous "
        "club, starts on Friday.",
        'Dr Rosa Quispe said she welcomed the scrutiny. "If someone can repeat it, wonderful," he said.',
        "In a note to clients on Wednesday, Ingrid Solberg kept his rating on the stock.",
        "Annelie Brandt, a mother of three, runs the port. Brandt said his priority was safety.",
    ),
    passes=(
        "Ms Katrin Oberhäuser, the chief executive, called the cuts painful. Her husband said he "
        "had never seen her so tired.",
        "Ms Ana Ruiz met the minister on Monday. He said the talks had gone well.",
        "Ana Ruiz said the talks went well. Her deputy said his team was ready.",
        "Ms Ana Ruiz met Tomás Herrera on Monday. He said the talks had gone well.",
        "Ms Ana Ruiz thanked the volunteers. “He never gave up,” she said of her late father.",
        "Katrin Oberhäuser said she was proud. Her successor said his first task was the budget.",
        "Yoon Seo-jin visited the residents. She said that his company would pay.",
    ),
    message="“{pronoun}” stands for {person}, whom the article otherwise makes {gender} (a translation that guessed the gender?)",
)

IT_FOR_A_PERSON = Rule(
    code="TRN014",
    name="it-for-a-person",
    severity=Severity.WARNING,
    summary="``it``/``its`` standing for a named person: the subject of what only a person does in their "
    "own report (``Dr Nwosu said it had trained as a surgeon``), ``It said`` right after a sentence that "
    "names only a person, or ``its`` before a relative (``Its wife and two children``).",
    why="Pro-drop languages leave the subject out and the translation fills in the neutral pronoun; the "
    "reader stops to look for the thing that noticed, trained or married.",
    example="Dr Haddadi, who said it had first noticed the colonies on video, led the dive.",
    instead="Dr Haddadi, who said she had first noticed the colonies on video, led the dive.",
    fires=(
        "Dr Leila Haddadi, who said it had first noticed the colonies on video, led the dive.",
        "Mr Emeka Nwosu wrote to the staff. Dr Nwosu said it had trained as a junior surgeon in the same building.",
        "The study was led by Ana Quispe, who has worked in the region for ten years. It explained that the team "
        "needed three seasons.",
        "Mayor Giorgio Lanza spent the night at the school. Its wife and two children are staying with relatives.",
        "One of the patients is Joaquim Pereira, a retired teacher. Pereira says it remembers nothing of the fall.",
        "The dragon is the work of Hamid Farahani, a retired engineer. It laughed when asked how long it took.",
        'Emeka Obi, a doctoral student, found the plate. "It looked like contamination," it told the radio.',
        "Benjamín Ossandón, a chemical engineer who spent most of its career at the mine, spoke first.",
    ),
    passes=(
        "Dr Leila Haddadi said it had been a hard year for the team.",
        "Apple reported record sales. Chief executive Tim Cook said it had seen strong demand in China.",
        "The museum bought the tablets in 1911. Mehmet Karaca, its curator, said it had kept them in storage.",
        "Ana Quispe presented the frog on Monday. The university said it had funded the work. It added that more species would follow.",
        "The company's founder, Mira Dale, retired in May. Its chief executive said it expected sales to rise.",
        "Joaquim Pereira said it was a hard year for the family.",
        "Pwani Cement, which employs 900 people, said in a statement that he would appeal. It said it had spent "
        "millions on filters.",
    ),
    message="“{pronoun}” stands for {person}, a person (write he or she, his or her: a translation that left the subject out?)",
)

LOST_SPACE = Rule(
    code="TRN007",
    name="lost-space",
    severity=Severity.WARNING,
    summary="Two words joined by a lost space (``FinancialTimes``, ``officials inBrasília``, ``runnersreached``); info when "
    "the spaced form is not in the article, or rarer there than the joined one (it may be a camel-case brand).",
    why="Joined words come from re-assembling text line by line; they betray a pipeline nobody "
    "proof-read.",
    example="Mr Putin did not tell the truth, reported the FinancialTimes.",
    instead="Mr Putin did not tell the truth, reported the Financial Times.",
    fires=(
        "Mr Putin did not tell the truth, reported the FinancialTimes.",
        "The Financial Times said so first, and the FinancialTimes repeated it.",
        "Brasília said on Monday that the officials inBrasília had not been told.",
        "The comet was first seen, according toFolake Adeyemi, in November. Adeyemi said it was fast.",
        "A pack of nine runnersreached halfway in 69 minutes.",
        "The court, made up of Mrs Justice Adaeze OkonkwoMr Justice Simon Hale, said it would examine the papers.",
        "Residents were allowed to returnto their houses from midday.",
        "Riders to watch include Ilse VanderbekeChiara Montesano and Ffion Hale. Montesano won last year.",
        "The players were toldof the change at training.",
        "Hexley plant manager Ingrid Moserhalsaid the line would close in May.",
        "Expedition team leaderAna Lucía Quispe-Ferreira found the frog. Quispe-Ferreira has worked there for ten years.",
        "Chief executive DanielleOkafor said the branches would close. Danielle Okafor joined in 2019.",
        "Once the paint was stripped back, engineers fromCarrow Structural found rust in the beams.",
        "The complaint went to the chief executive, MarciaBellweather, in May.",
        "Arle Valley chief executiveAlan Petrov said the deal would go ahead.",
        "The proposals go to the county'sFinance Committee next week.",
    ),
    passes=(
        "He watched YouTube on his iPhone and played PlayStation at McDonald’s.",
        "Farmers overdrew from groundwater reserves, and the yearslong drought made it worse.",
        "The earhooks maximize comfort; we upsample to 4K in a multidecade effort.",
        "The ThermaFlux Pro is quiet; Pro owners liked it, and the Pro costs less.",
        "She sold the iPad on eBay; the app calls setTimeout before it renders.",
        "Governor Ron DeSantis spoke at LaGuardia airport.",
        "See https://example.com/FinancialTimes and #BreakingNews from @FinancialTimes.",
        "Farid Boussaid warned that the plant would close; Farid Boussaid said so twice.",
        "The delegation toured the Art Space at Melco World and teamLab Supernatural Space at the Venetian.",
        '"Bu kayalar yıllardır orada. Herkes biliyordu." – "These rocks have been there for years."',
    ),
    message='“{whole}” joins two words; the article writes “{spaced}” elsewhere',
    variants=(
        ('brand', '“{whole}” joins two words; a lost space, unless it is a brand name'),
        ('glued', '“{whole}” joins a word to the name after it; the article writes “{name}” on its own elsewhere'),
        ('glued_full_name', '“{whole}” joins a word to the name “{name}” after it; the article writes “{surname}” on its own elsewhere'),
        ('title', '“{whole}” runs the name “{name}” into the title “{title}” of the next name; a separator was lost'),
        ('glued_name_run', '“{whole}” joins “{head}” to the name “{name}” after it'),
        ('possessive', '“{whole}” runs the possessive “{owner}” into the word after it'),
        ('first_name', '“{whole}” runs the first name “{first}” into the surname after it'),
        ('glued_verb', '“{whole}” runs the name “{name}” into the verb “{verb}” after it'),
        ('lower', '“{whole}” is no English word but reads as “{spaced}” run together'),
    ),
)

MISSING_SPACE = Rule(
    code="TRN008",
    name="missing-space-after-stop",
    severity=Severity.WARNING,
    summary="A full stop, question or exclamation mark followed by the next sentence with no space (``on "
    "Ukraine.Thus far``, ``choose?Together``), or a comma or a colon glued to the next word (``to Westmoor,where "
    "they``, ``they wanted:lower prices``).",
    why="The sentence boundary was lost when text was joined; readers trip, and search and "
    "sentence splitting fail on it.",
    example="since the all-out war on Ukraine.Thus far, China has tried",
    instead="since the all-out war on Ukraine. Thus far, China has tried",
    fires=(
        "The change could not simply be rolled back.Corvane said its testing had failed. Corvane has apologised.",
        "It was the first visit since the war on Ukraine.Thus far, China has stayed neutral.",
        "The first ferry now leaves before 7am.Passengers are asked to arrive early.",
        "Samples are on their way to Lisbon and to Westmoor,where they will be studied.",
        "Which of the two plans should they choose?Together we can decide, she said.",
        "Residents said what they wanted:lower prices and more buses.",
    ),
    passes=(
        "The U.S. and the U.K. met at 3.5 p.m. on Monday.",
        "Read the report.PDF at www.Example.Com or write to press@Example.Org.",
        "Node.js and ASP.NET were mentioned by Mr. Smith.",
        "Sales in fiscal 2019.Q3 and at 10am.EST were flat; see Step 1.Remove.",
        "Tags: breakfast,canning,easy recipes. About 1,000 people came; the file is data,v2.",
        'Filed to:innovation. <img style="display:none" src="x.gif"> The ratio was 3:1 at 10:30.',
    ),
    message='no space after the full stop in “{joined}”',
    variants=(
        ('comma', 'no space after the comma in “{joined}”'),
        ('colon', 'no space after the colon in “{joined}”'),
        ('mark', 'no space after the “{mark}” in “{joined}”'),
    ),
)

STRAY_STOP = Rule(
    code="TRN009",
    name="stray-full-stop",
    severity=Severity.WARNING,
    summary="A full stop inside a sentence that goes on in lower case (``a trade ally. during the "
    "past year``), or right after a word no sentence ends with (``between March and. October``).",
    why="A sentence split in two by a stray full stop is a joining or translation artifact that "
    "changes how the sentence reads.",
    example="hailing Beijing’s contribution as a trade ally. during the past financial year",
    instead="hailing Beijing’s contribution as a trade ally during the past financial year",
    fires=(
        "The ministry praised Beijing as a trade ally. during the past year, trade grew.",
        "Some of the 212 passengers. were forced to wait for hours on the deck.",
        "The road will be closed between March and. October, the council said.",
    ),
    passes=(
        "The meeting starts at 5 p.m. on Monday, approx. during lunch.",
        "Trade grew by 30% in 2022. Officials in Beijing welcomed it.",
        "He met J. smith and the U.S. delegation.",
        "Stir in 2 Tbsp. pumpkin seeds and 1 tsp. soy sauce.",
        "The launch is on Tuesday, sort of. Think of it as a preview, something in between. Details follow.",
    ),
    message='stray full stop in “{joined}”: the sentence goes on in lower case',
)

DOUBLED_WORD = Rule(
    code="TRN010",
    name="doubled-word",
    severity=Severity.WARNING,
    summary="The same word twice in a row (``the the``), except doubles English allows (``had had``).",
    why="Doubled words are left by editing or by machine translation; they are certain slips.",
    example="the the Kremlin said",
    instead="the Kremlin said",
    fires=("Officials said the the visit would take place in spring.",),
    passes=(
        "What he had had in mind was a state visit.",
        "He said that that was the plan, bye bye.",
        "The sit-in in 1960 was peaceful.",
        '"I was really really nervous," she said.',
        "They lecture everyone on choice   choice on schools, choice on hospitals.",
    ),
    message='“{word}” is written twice',
)

SPACE_BEFORE_PUNCTUATION = Rule(
    code="TRN015",
    name="space-before-punctuation",
    severity=Severity.INFO,
    summary="White space between a word and the comma, semicolon, question or exclamation mark after it (``the "
    "union (CPV) , is``, ``firefighters ,who``), or one space before the full stop that ends a paragraph.",
    why="Machine translation works on tokens, and text put back together from them without the spacing rules "
    "keeps a space before each mark; a typist leaves one too. A slip to correct rather than a sign on its own: "
    "the sentence still reads as it should, so it is information.",
    example="The walkout, called by the dockers' union (CPV) , is a protest against the plan.",
    instead="The walkout, called by the dockers' union (CPV), is a protest against the plan.",
    fires=(
        "The walkout, called by the dockers' union (CPV) , is a protest against the plan.",
        "Around 140 firefighters ,who battled the flames overnight, were sent home.",
        "The council backed the plan ; critics called it rushed.",
        "The library used to close at 5pm and did not open on Sundays .\nNot everyone was happy.",
    ),
    passes=(
        "The Dow Jones Industrial Average .DJI fell 102 points.",
        "He paused ... and then went on.",
        "Photo Credit : PTI. Price : 12 euros.",
        "Scores were 3 , 2 and 1, in that order.",
        "Your weather is set to . You can change it later.",
        "Reach him directly at                .",
    ),
    message="a space before the {mark} in “{joined}”",
)

SPLIT_WORD = Rule(
    code="TRN016",
    name="split-word",
    severity=Severity.WARNING,
    summary="A common word cut in two by a space, one piece no word of its own (``3,000 reser vation requests``, "
    "``its Artemis m oon program``).",
    why="A word split by a stray space is what a badly undone hyphenation or line break leaves; nobody proof-read "
    "the text, and search and spell-checking miss the word.",
    example="the restaurant has received more than 3,000 reser vation requests",
    instead="the restaurant has received more than 3,000 reservation requests",
    fires=(
        "The restaurant has received more than 3,000 reser vation requests by email.",
        "Nasa picked three lander ideas for its Artemis m oon program.",
    ),
    passes=(
        "She said she would not stay any more, and every day the talks went on.",
        "The non profit group met on line, a week end before the vote.",
        "The Sarrazin ruling and the Kessel report were read in court.",
    ),
    message="“{split}” splits the word “{whole}”",
)

REPETITION_LOOP = Rule(
    code="TRN011",
    name="repetition-loop",
    severity=Severity.ERROR,
    summary="A phrase repeated three or more times in a row (a single word four or more), the "
    "output of a degenerate machine-translation decoder.",
    why="The text no longer carries the source's meaning; the passage must be retranslated.",
    example="visited the University of Bern, Bern, Bern, Bern, Bern, Bern and the University",
    instead="visited the University of Bern",
    fires=(
        "The premier visited the University of Bern, Bern, Bern, Bern, Bern and left.",
        "It covers the history of the people, the history of the people, the history of the people.",
    ),
    passes=(
        "He promised jobs, jobs, jobs to the crowd.",
        "Temperatures were 120 degrees, 0 degrees, 0 degrees and 120 degrees.",
    ),
    message='“{phrase}” repeated {repeats} times in a row: a degenerate translation',
)

# Four outlets' versions of one wire story (paragraphs one per line); the last outlet's second
# paragraph is a mistranslation of what the other three agree on.
_WIRE = (
    "The central bank raised its main interest rate by half a percentage point on Thursday, the third increase this year.",
    "Governor Elena Marsh said inflation remained too high and that further rises could not be ruled out.",
    "Mortgage lenders are expected to pass the increase on to borrowers within weeks, analysts said.",
    "The decision was backed by seven of the nine members of the monetary policy committee.",
)
_DIVERGENT = "Governor Elena Marsh told the sky was too tall and that more climbing may not be hindered by the rule."
_EDITED = "Governor Elena Marsh said inflation was still too high and that more rises could not be ruled out."


def _wire(*paragraphs: str) -> str:
    return "\n".join(paragraphs)


DIVERGENT_VERSION = Rule(
    code="TRN012",
    name="divergent-version",
    severity=Severity.INFO,
    summary="A paragraph that three or more other outlets carry in versions that agree with each "
    "other, while this one shares few of their words; the message names the versions and the "
    "similarity. Its divergence also lowers the score continuously, below the flag too.",
    why="Outlets that run the same wire copy, or translate the same original, should say the same "
    "thing; a version unlike all the others was mistranslated, cut or rewritten, and fluent English "
    "gives no other sign of it. Info, not warning: an outlet may also have updated or localised the "
    "paragraph on purpose, which only a reader can tell.",
    example="(three outlets) Governor Elena Marsh said inflation remained too high ...  (this one) "
    "Governor Elena Marsh told the sky was too tall ...",
    instead="Governor Elena Marsh said inflation remained too high ...",
    fires=(
        CorpusExample(
            articles=(
                ("wire-a", _wire(*_WIRE)),
                ("wire-b", _wire(*_WIRE)),
                ("wire-c", _wire(_WIRE[0], _EDITED, *_WIRE[2:])),
                ("wire-d", _wire(_WIRE[0], _DIVERGENT, *_WIRE[2:])),
            )
        ),
    ),
    passes=(
        CorpusExample(
            articles=(
                ("wire-a", _wire(*_WIRE)),
                ("wire-b", _wire(*_WIRE)),
                ("wire-c", _wire(_WIRE[0], _DIVERGENT, *_WIRE[2:])),
                ("wire-d", _wire(_WIRE[0], _EDITED, *_WIRE[2:])),
            )
        ),
        CorpusExample(
            articles=(
                ("wire-a", _wire(*_WIRE)),
                ("wire-b", _wire(*_WIRE)),
                ("wire-d", _wire(_WIRE[0], _DIVERGENT, *_WIRE[2:])),
            )
        ),
        CorpusExample(
            articles=(
                ("paper-a", "Rates rose again on Thursday as the bank acted against prices.\n"
                 "Governor Elena Marsh said inflation remained too high.\nBorrowers will feel it within weeks."),
                ("paper-b", "Borrowing costs climbed for a third time this year.\nMarsh, in her first year as "
                 "governor, faced questions from reporters.\nSeven of nine members backed the move."),
                ("paper-c", "A divided committee pushed rates higher.\nHouse prices are already falling in the "
                 "north.\nThe governor said more rises could not be ruled out."),
                ("paper-d", "Economists had expected the rise.\nGovernor Elena Marsh told the press the "
                 "outlook was grim.\nMarkets barely moved after the announcement."),
            )
        ),
    ),
    known_problems="Versions are found by shared rare words and aligned by anchor paragraphs, so a "
    "version whose paragraphs were reordered wholesale, or split and joined differently, is "
    "compared by position only where its anchors allow it. An outlet's deliberate update of a "
    "figure or a name is divergence too, and so is a good translation that words everything its "
    "own way when the others agree (the best human translation of the MQM TED set gets the second "
    "highest divergence). A version so far from the others that under 30% of its paragraphs "
    "anchor to them is not recognised as a version and gets nothing. An article of a story "
    "carried by more than 64 outlets looks for its versions among 64 of them (and uses 12), to "
    "bound the work.",
    message="differs from {versions} other outlets' versions of this paragraph: it shares {similarity:.0%} of its words with them, while they share {agreement:.0%} with each other (mistranslated, cut or rewritten?)",
)


ALL_RULES = (
    UNTRANSLATED, NAME_VARIANT, NAME_ORDER, LOST_NEGATION, NON_SPEAKER, PRONOUN_SLIP, GENDER_SLIP, IT_FOR_A_PERSON,
    LOST_SPACE, MISSING_SPACE, STRAY_STOP, SPACE_BEFORE_PUNCTUATION, SPLIT_WORD, DOUBLED_WORD, REPETITION_LOOP,
    DIVERGENT_VERSION,
)  # fmt: skip

RULES.register(*ALL_RULES)

# Which artifact kind each rule belongs to, for the per-source "dominant kind" summary.
KINDS: dict[str, str] = {
    UNTRANSLATED.code: "untranslated", NAME_VARIANT.code: "name_variant", NAME_ORDER.code: "name_order",
    LOST_NEGATION.code: "unidiomatic", NON_SPEAKER.code: "unidiomatic", PRONOUN_SLIP.code: "pronoun", GENDER_SLIP.code: "pronoun", IT_FOR_A_PERSON.code: "pronoun",
    LOST_SPACE.code: "join", MISSING_SPACE.code: "join", STRAY_STOP.code: "join", DOUBLED_WORD.code: "join",
    SPACE_BEFORE_PUNCTUATION.code: "join", SPLIT_WORD.code: "join",
    REPETITION_LOOP.code: "repetition", DIVERGENT_VERSION.code: "divergent_version",
}  # fmt: skip
