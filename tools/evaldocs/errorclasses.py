#!/usr/bin/env python3
"""Group every miss of `newsmon eval docs --verbose` into the error classes of batch 2
(test/evaldocs/ERRORS-batch2.md) and print them as markdown, ranked by how many misses each causes.

    newsmon eval docs --data ../shared/data --part fresh --split tune --verbose > /tmp/fresh-tune.txt
    python3 tools/evaldocs/errorclasses.py /tmp/fresh-tune.txt

The rules were written by reading the misses of batch 2's tune documents; rerun after a fix to see
which classes shrink. A miss no rule knows is listed under "unclassified" (a new error, or a fixed one
that now fails differently). Feed it tune output only: aside misses are not to be read.
"""
import collections, re, sys

# class id -> (area, title, example)
DESC = {
 "WORK": ("entity", "titles of films, TV programmes and books missed, split, or typed PERSON/ORG",
   "\"Napoleon Dynamite\" typed PERSON; \"Maria Full of Grace\" → PERSON \"Maria Full\" + PERSON \"Grace\"; \"Squawk Box\" typed ORG (22 of the 28 in the film-awards story bbc:539)"),
 "STATEABBR": ("place", "US state abbreviations (party labels \"(D-Mont.)\", \"R-Ky.\", \"(R-Tex)\"; \"SD\") not tagged as PLACE and/or left unresolved",
   "\"Sens. Bob Corker, R-Tenn., and Lindsey Graham, R-S.C.\" → Tenn. and S.C. neither entities nor places"),
 "EVENTNAME": ("entity", "named events (awards, festivals, forums, trade shows, elections) missed or typed ORG/PLACE",
   "\"Independent Spirit Awards\" typed ORG; \"Dubai Air Show\" typed PLACE and put on the map as a place"),
 "BOUNDARY": ("entity", "name spans joined or cut: coordination, \"of/on\" inside names, hyphen compounds, a paper's name cut (then also the speaker)",
   "\"Slate and Drudge Report\" one MISC; \"Commission on Presidential Debates\" → \"Presidential Debates\"; \"Argus Leader\" → \"Argus\" (entity and speaker); \"Coty-Kylie Jenner\" one PERSON"),
 "EV_BACKGROUND": ("event", "past events recalled in passing typed as events of the story (outside its time frame)",
   "\"the police killings of Trayvon Martin and Michael Brown\" → 2 attack events in a 2016 film story; 9/11 \"attacks\"; the 737 Max \"crashes\"; Meetup \"acquired … in 2017\""),
 "EV_MISSLEGAL": ("event recall", "legal nouns and plea verbs not typed legal",
   "reuters:5842 \"enforcement action\", \"proceeding\", \"complaint\", \"suits\", \"charges\" all missed; \"pleaded guilty\", \"court appearances\", \"inquiry\", \"investigated\""),
 "SPK_NOQUOTE": ("speaker", "reported speech not found as a quote at all",
   "postposed source (\"…, new figures show\"; \"…, The Wall Street Journal reports\"; \"…, the Pittsburgh-based … firm said\"); cue verbs outside the list (\"exhorted\", \"cited … as proof\", \"announce it would\"); a block quote after \"Limbaugh added:\" with no quote marks; \"said she must:\" + a bulleted list; indirect speech wrapped round a quoted fragment (\"A cashier who “steals a handful of $20s” is held accountable, Warren said\")"),
 "SPK_NOMINAL": ("speaker", "nominal speaker left as a description although the article names it (the scorer counts each twice: wrong name + described speaker)",
   "\"The bank said\" → \"The bank\" (Wells Fargo, named throughout); \"the senator said\" (Ted Cruz); \"The Fed order said\" (Federal Reserve Board); \"A company spokesperson said\" (WeWork)"),
 "EV_VOTE": ("event", "\"vote\"/\"votes\" meaning the electorate or support typed election, one event per word",
   "\"get out the black vote\", \"we don't vote against somebody\", \"buying votes\" → 9 election events (7 in one story)"),
 "SPK_PHRASE": ("speaker", "a phrase credited as speaker: non-speech verbs read as cues, or the subject kept with an adverb/preposition",
   "\"The stock added more than 2%\" → speaker \"The stock\"; \"Those gains add to\"; \"a deal announced\"; \"One campaign video … declaring\"; \"Wells Fargo just this month announced\" → \"Wells Fargo just\"; \"Senator from Texas says\" → \"from Texas\""),
 "PERSON_MISTYPE": ("entity", "person names typed ORG/PLACE/MISC: lone first names, a city as surname, \"Ms X\", a misspelt variant",
   "\"Melania\" PLACE; \"Frances Bean\" ORG; \"Michael London\" ORG; \"Ms Love\" MISC; \"McLenny\" ORG"),
 "ORGPLACE": ("entity", "companies and bodies typed PLACE",
   "\"Matt Maley, equity strategist at Miller Tabak\" → PLACE; \"Ulta\"; \"Emirates\" (a company named after a place); \"Department of Public Safety\"; \"on Twitter\""),
 "EV_IDIOM": ("event", "trigger words in another sense: idioms, targets, support-group meetings",
   "\"by accident\" → disaster; \"marching orders\" → protest; \"to meet sales targets\", \"met her opponents\" → meeting; \"attend … Narcotics Anonymous meetings\"; \"a discount is negotiated\""),
 "EV_MISSOTHER": ("event recall", "other events missed",
   "the Senate \"hearing\"; \"Election Day\", \"reelection\"; \"Growth\", \"Industrial output\" (economic); \"an address\"; the aircraft \"order\""),
 "HEAD": ("entity/speaker", "the title-case headline read as a name (and as a speaker); a wrong type from it then spreads to the whole story",
   "\"Elizabeth Warren Hammers Wells Fargo\" ORG + speaker; \"Clinton Breaks With Obama On 9/11 Lawsuit Bill\" → PLACE \"Obama On 9/11 Lawsuit Bill\", then Obama PLACE throughout and Barack Obama missed"),
 "LAW": ("entity", "laws and bills typed ORG, cut or missed",
   "\"Dodd-Frank\" → ORG \"Dodd\"; \"JASTA\" ORG; \"Jim Crow\" ORG; \"1994 Crime Bill\" missed"),
 "RECALL_ORG": ("entity recall", "well-known organisations (and one artist) missed",
   "Netflix, NBC News, Twitter, the band Hole, \"Senate banking committee\" (lower case), will.i.am"),
 "SPK_KIND": ("speaker", "speaker_kind disagrees (named/nominal/pronoun) where the speaker itself is right",
   "\"You squeezed employees …” …, she said\" → named (want pronoun); \"According to a new report by Politico\" → nominal (want named)"),
 "PARTY": ("entity", "political parties and party adjectives: British parties typed MISC or missed; Republican/Democratic adjectives missed",
   "\"the Liberal Democrats\", \"the Conservatives\" typed MISC; \"Labour\" missed; \"The Democratic nominee\" → no MISC"),
 "ANN": ("annotation", "calls of the annotation that newsmon's reading can defend (kept as annotated; listed so nobody tunes on them)",
   "\"Hofstra University\" PLACE (venue) vs newsmon's ORG; \"War On Drugs\" MISC vs EVENT; \"Wimes believes that …\" annotated as reported speech"),
 "SPK_WRONG": ("speaker", "pronoun or postposed cue resolved to the wrong person",
   "“… Obama had will.i.am …,” he said → Barack Obama (want Henry Crespo, ×2); \"he added\" after \"a UKIP spokesman said\" → Paul Sykes; \"said 9/11 widow Terry Strada\" → the previous speaker Josh Earnest; \"Malkia Cyril, the executive director at …, told The Huffington Post\" → NAACP"),
 "THE": ("entity", "a leading \"The\" dropped from a name (the annotation gives no alias without it: half strictness, half boundary)",
   "\"The Hill\" → \"Hill\"; \"The We Company\" → \"We Company\"; \"The Door in the Floor\""),
 "PRODUCT": ("entity", "aircraft models missed; \"737 Max\" → PERSON \"Max\"",
   "\"787-9 Dreamliner\", \"777x\", \"A380\", \"A330neo\" missed"),
 "EV_ECON": ("event", "trade words without a figure report typed economic",
   "\"sales targets\", \"five 787 Dreamliner sales\", \"Chinese exports are cheap\", a forecast of oil \"imports\""),
 "EV_VERBAL": ("event", "verbal attacks typed attack",
   "\"He attacked other candidates on stage\"; \"Trump had personally attacked his wife\" (a not_event)"),
 "ANTI": ("entity", "\"anti-Trump\", \"pro-Clinton\" tagged ORG; the one-type-per-name step then types Trump ORG in the whole story; \"Clintons\" ORG",
   "\"more anti-Trump than pro-Clinton\" → ORG ×2, then \"Trump\" ORG and Donald Trump missed"),
 "INNAME": ("place", "place words inside other names or phrases resolved as places",
   "\"New York State Attorney General\" → New York state on the map; \"Florida Man\" → Florida; \"the Sunshine state\" → PLACE \"Sunshine\""),
 "REGION": ("place", "regions: directional parts of a state not found; a British region resolved to a US town",
   "\"North Florida\", \"South Florida\" unresolved; \"Yorkshire millionaire\" → Yorkshire, Virginia"),
 "EV_AGREE": ("event", "agreement words in another sense: opinion, hypothetical, generic",
   "\"Anderson largely agreed with McLenny\"; \"A takeover of MCI would be\"; \"to acquire top-line growth\"; \"unwind the agreement\""),
 "SPK_NONE": ("speaker", "quote found but no speaker given",
   "“The only way Wall Street will change will be if executives face jail time” for criminal behavior, she said → no speaker; \"The report says\""),
 "DATE_FWD": ("date", "future reference resolved backward",
   "\"if his candidate were to win in November\" (Sept. 2016) → 2015-11; \"on Election Day, I will vote\" → 2015-11-03; \"could move higher in the second half of the year\" → 1986-H2"),
 "NONNAME": ("entity", "capitalised words that are not names",
   "\"Sens.\" ORG; the slogan word \"Meth\" ORG; \"Amendment\" PLACE"),
 "EV_LEGALHYPO": ("event", "hypothetical suits and \"trial lawyers\" typed legal",
   "\"legislation that would allow 9/11 families to sue\"; \"trial lawyers trying to get rich\""),
 "DLRS": ("money", "Reuters' \"dlrs\" not read as USD",
   "\"90 billion dlrs\", \"250,000 dlrs\", \"24.60 dlrs\" not found"),
 "EV_STATEMENT": ("event", "statement events on mentions of an earlier or standing announcement (debatable)",
   "\"Following announcement of the merger agreement\"; \"led the French manufacturer to announce\"; \"contains the following statement\""),
 "DATE_RANGE": ("date", "\"from 2011 to 2016\" written as one range value (2011/2016); the annotation gives each year (format question)",
   "\"2011\" → 2011/2016"),
 "PLACE_ORG": ("entity", "a hyphenated town typed ORG", "\"the city of Opa-Locka, near Miami\" → ORG"),
 "ORG_PERSON": ("entity", "an organisation typed PERSON", "\"attend Narcotics Anonymous\" → PERSON"),
 "DATE_MAY": ("date", "the month \"May\" before a noun not taken as a date", "\"During a May interview on CNBC\""),
 "DATE_BACK": ("date", "past reference resolved forward", "\"down from 23% in February\" (Nov. 2004 story) → 2005-02"),
 "UPPER": ("place", "upper-case state in a dateline unresolved", "\"SAN ANTONIO, TEXAS, March 30\" → TEXAS unresolved"),
}

R = [
 # (class, doc substring, regex on the miss line)
 ("HEAD", "", r'"(Elizabeth Warren Hammers Wells Fargo|Evolution Of The U.S. Prison System|Obama On 9/11 Lawsuit Bill)"'),
 ("HEAD", "clinton-breaks", r'"(Obama|Barack Obama)"$'),
 ("ANN", "elizabeth-warren", r'spurious PLACE "(Mont|Ohio)"'),
 ("ANN", "clinton-campaign", r'"Democratic party"'),
 ("ANN", "rush-limbaugh", r'Hofstra University'),
 ("ANN", "bbc:201", r'meeting "meeting"'),
 ("ANN", "ready-for-trump", r'agreement "pact"'),
 ("ANN", "ava-duvernay", r'War On Drugs'),
 ("ANN", "clinton-campaign", r'no quote found at "the Clinton campaign took'),
 ("STATEABBR", "", r'"(Mont\.|Ky\.|Wis\.|Tenn\.|S\.C\.|La\.|Ore\.|N\.J\.|Tex|SD)"|spurious PLACE "Mont"'),
 ("UPPER", "", r'place "TEXAS"'),
 ("REGION", "", r'"(North Florida|South Florida)"|place "Yorkshire"'),
 ("INNAME", "", r'spurious PLACE "(New York|Florida|Sunshine)"|place extra "New York"|not a place "Florida"'),
 ("EVENTNAME", "", r'Independent Spirit Awards|Academy Award|"Oscars"|Sundance|Commander-in-Chief|European elections|Dubai Air Show|EVENT "9/11"|spurious MISC "European"'),
 ("PRODUCT", "", r'787-9|777x|737 Max|A330neo|A380|PERSON "Max"'),
 ("THE", "", r'"(We Company|The We Company|Hill|The Hill|Door in the Floor|The Door in the Floor)"'),
 ("WORK", "bbc:539", r'entity (missed|spurious|typed) .*"(Sideways|Maria Full|Grace|Maria Full of Grace|Kinsey|Schmidt|About Schmidt|Brother to Brother|Robbing Peter|Primer|Motorcycle Diaries|The Motorcycle Diaries|Woodsman|The Woodsman|Napoleon Dynamite|Garden State|Scrubs)"'),
 ("WORK", "", r'Squawk Box|Nightly News|CBS This Morning|MISC "13th"|New Jim Crow'),
 ("SPK_WRONG", "", r'speaker "[^"]+" given as "(Barack Obama|Josh Earnest|Mitch McConnell|NAACP|Paul Sykes)"'),
 ("RECALL_ORG", "articles-dev:3f65", r'missed ORG "Twitter"'),
 ("LAW", "", r'"Dodd"|Dodd-Frank|JASTA|1994 Crime Bill|"Jim Crow"'),
 ("PARTY", "", r'"(Liberal Democrats|Conservatives|Labour)"|missed MISC "(Republican|Democratic)"'),
 ("ANTI", "clinton-campaign", r'"(anti-Trump|pro-Clinton|Trump|Donald Trump|Clintons)"'),
 ("ORGPLACE", "", r'"(Miller Tabak|Ulta|Emirates|Department of Public Safety|Twitter)"'),
 ("BOUNDARY", "", r'"Argus"|"Argus Leader"'),
 ("PERSON_MISTYPE", "", r'"(Frances Bean|Michael London|Ms Love|Melania|McLenny)"'),
 ("ORG_PERSON", "", r'"Narcotics Anonymous"'),
 ("PLACE_ORG", "", r'"Opa-Locka"'),
 ("BOUNDARY", "", r'"(Coty-Kylie Jenner|Slate and Drudge Report|Slate|Drudge Report|Presidential Debates|Commission on Presidential Debates)"'),
 ("RECALL_ORG", "", r'missed (ORG|PERSON) "(will\.i\.am|NBC News|Netflix|Hole|Senate banking committee)"'),
 ("NONNAME", "", r'"(Sens|Meth|Amendment)"'),
 ("SPK_NOMINAL", "", r'given as "(The bank|the senator|The Fed order|the Fed order|A company spokesperson)"|left as a description'),
 ("SPK_PHRASE", "", r'phrase: "(Wells Fargo just|from Texas|that too much|The stock|Those gains|a deal|One campaign video)"|given as "Wells Fargo just"'),
 ("SPK_WRONG", "", r'speaker "[^"]+" given as "(Barack Obama|Josh Earnest|Mitch McConnell|NAACP|Paul Sykes)"'),
 ("SPK_NOQUOTE", "", r'no quote found'),
 ("SPK_NONE", "", r'given as "" at'),
 ("SPK_KIND", "", r'speaker kind'),
 ("DATE_RANGE", "", r'2011/2016'),
 ("DATE_FWD", "", r'date "(November|Election Day|second half of the year)"'),
 ("DATE_BACK", "", r'date "February"'),
 ("DATE_MAY", "", r'date "May"'),
 ("DLRS", "", r'dlrs'),
 ("EV_VOTE", "", r'election "(vote|votes)"'),
 ("EV_BACKGROUND", "", r'(election "election"|attack "killings"|disaster "crashes"|agreement "acquired"|legal "imprisoned"|statement "declared"|conference "Republican National Convention"|statement "speech")'),
 ("EV_BACKGROUND", "clinton-breaks", r'attack "(attack|attacks)"'),
 ("EV_VERBAL", "", r'attack "(attacked|attack|attacks)"'),
 ("EV_IDIOM", "", r'(disaster "accident"|protest "marching"|meeting "meet"|meeting "met"|meeting "attend"|meeting "meetings"|meeting "negotiated")'),
 ("EV_ECON", "", r'spurious economic'),
 ("EV_AGREE", "", r'spurious agreement'),
 ("EV_STATEMENT", "", r'spurious statement'),
 ("EV_LEGALHYPO", "", r'legal "(sue|trial)"'),
 ("EV_MISSLEGAL", "", r'missed legal'),
 ("EV_MISSOTHER", "", r'event missed'),
]


def classify(lines):
    doc, out, unknown = None, collections.defaultdict(list), []
    for line in lines:
        line = line.rstrip("\n")
        m = re.match(r"^(\S+) \((tune|aside)\): \d+ misses", line)
        if m:
            if m.group(2) != "tune":
                sys.exit("errorclasses: aside misses in the input; run with --split tune")
            doc = m.group(1)
            continue
        if doc is None or not line.startswith("  ") or line.startswith("    ") or re.match(r"  (entities|places|speakers|dates|events) ", line):
            continue
        for c, d, rx in R:
            if d in doc and re.search(rx, line):
                out[c].append((doc, line.strip()))
                break
        else:
            unknown.append((doc, line.strip()))
    return out, unknown

def short(doc):
    kind, _, rest = doc.partition(":")
    return doc if kind in ("bbc", "reuters") else kind + ":" + rest[:28] + "…"

def main():
    out, unknown = classify(open(sys.argv[1], encoding="utf-8"))
    total = sum(len(v) for v in out.values()) + len(unknown)
    ranked = sorted(out.items(), key=lambda kv: (kv[0] == "ANN", -len(kv[1]), kv[0]))
    print("| rank | misses | area | class | example |")
    print("|---:|---:|---|---|---|")
    rank = 0
    for c, v in ranked:
        area, title, example = DESC[c]
        rank_cell = "–" if c == "ANN" else str(rank := rank + 1)
        print("| %s | %d | %s | %s (`%s`) | %s |" % (rank_cell, len(v), area, title, c, example))
    if unknown:
        print("| – | %d | ? | unclassified | |" % len(unknown))
    print("\nTotal: %d misses.\n" % total)
    print("## Every miss, by class\n")
    for c, v in ranked:
        print("### `%s` (%d)\n" % (c, len(v)))
        for d, l in v:
            print("- %s — %s" % (short(d), l))
        print()
    if unknown:
        print("### unclassified (%d)\n" % len(unknown))
        for d, l in unknown:
            print("- %s — %s" % (short(d), l))

if __name__ == "__main__":
    main()
