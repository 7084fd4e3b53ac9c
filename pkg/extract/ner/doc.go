// Package ner finds names of people, organisations, places and events in Article.Text and fills
// Article.Entities, one entity per canonical name with all its mentions, a count and a stated role.
// It owns Article.Entities only, reads only Article.Text and does no I/O (the models are embedded).
//
// # How it works
//
// Tokens — pkg/text's, with clitics split off as the Penn Treebank does, then as the model's corpus
// has them (Model.tokens: OntoNotes splits hyphenated words, "Teng-hui" → "Teng" "-" "hui"; both
// corpora keep "2:52", "12/32" and "US$" whole) — are labelled by a two-stage averaged structured
// perceptron with first-order Viterbi decoding. Its labels are BILOU — per type
// B(egin), I(nside), L(ast), U(nit, a one-token entity), and O — under the constraints that keep
// them well formed; the data it reads and every tag it prints are IOB2. BILOU gives an entity's last
// token labels of its own, and boundary errors were most of the errors: with the same features,
// OntoNotes dev 83.50 → 84.10 (ORG 79.10 → 81.02, PERSON 87.33 → 88.18, TIME 64.45 → 68.37), CoNLL
// 93.00 → 93.10, for twice the labels to score (see the speed below).
//
//   - Stage 1 reads 56 hashed feature templates per token: lower-cased and exact word (digits
//     folded to 0), collapsed shape, prefixes and suffixes of 1–4 letters, words and shapes in a ±2
//     window, word bigrams and trigrams, capitalisation class with sentence position and headline
//     (all-caps sentence) flags, word-cluster path prefixes (4/8/12/all bits for the word, coarser
//     for ±1 and ±2), gazetteer membership of 1–3 word capitalised n-grams (PlaceLookup, i.e.
//     pkg/geo), word-list flags (given names, Chinese surnames, titles, organisation/event/place
//     keywords from lexicon.go), document facts: the word appears capitalised elsewhere in the
//     document (not at the start of a sentence or of a clause after a dash, colon, opening quote
//     or ellipsis) or in lower case elsewhere, and the word's profile (below) and its neighbours'
//     share of occurrences inside entities.
//   - Stage 1 is trained cost-augmented: while it decodes a training sentence every wrong label gets
//     a head start (the margin, 0.0025 × the number of training sentences), so updates continue
//     until the gold labels win by that margin. Stage 1 alone on OntoNotes dev: 82.42 → 82.92 F1.
//   - Stage 2 is residual: it adds to stage 1's scores (weighted 0.1; 0.03 for OntoNotes, whose
//     margin-trained stage 1 scores are ~3× larger) the weights of 9 templates
//     computed from stage 1's labels over the whole document: the majority type of the word's other
//     occurrences and the type of its first one, the type of a multi-word entity the word was part
//     of, the shape of the stage-1 entity holding the token (type, place in it, length), and stage-1
//     labels around the token, alone and as a ±2 window. Measured over one cached BILOU stage 1
//     (OntoNotes dev, stage 2 with seeds 1/2/3): the first 6 of them (2^18 rows) 84.04/84.15/84.12,
//     all 9 (2^16 rows) 84.14/84.20/84.19, and with 3 more pairing stage-1 labels with the word and
//     its neighbours (2^18 rows) 84.20/84.27/84.16 — no better, so dropped, though with IOB2 labels
//     they had helped (83.47/83.42/83.34 → 83.85/83.77/83.70 for all 12). On the training set
//     stage 1's labels and scores come from 5-fold cross-validation, so stage 2 learns from labels
//     as noisy as those it sees on new text. Measured on CoNLL dev (IOB2, 6 templates): stage 1
//     alone 91.26 F1, residual stage 2 92.79, a full second perceptron over all features also
//     92.79 but twice the memory reads per token, residual with weight 0.02: 92.58.
//
// Features are hashed (FNV-1a + splitmix) into a table of 2^20 rows × labels (2^16 for stage 2);
// no feature string is ever built, so tagging allocates a few slices per article and none per token.
// Weights are averaged, quantised to int16 with one scale per stage and stored sparsely (non-zero
// rows only) with gzip. In memory each row becomes int8 weights with a power-of-two shift: tagging
// time is dominated by cache misses on the table, and this halves them (CoNLL dev 92.79 → 92.77,
// OntoNotes 83.03 → 82.99 for the int16 → int8 step). Other measured choices: 2^22 rows did not beat
// 2^20 (collisions are not the limit); gazetteer features are worth +0.35 F1 on CoNLL dev, the word
// clusters +0.5; six more templates (shape bigrams, skip-gram, neighbour suffixes) and clusters
// from a ±2 context window were no better (3 seeds each) and were dropped; pruning rows whose
// largest weight is small buys little speed for its loss (OntoNotes: 71% of rows dropped → +17%
// tokens/s, −0.45 F1).
//
// Word profiles are learned from the labels a model gives text (ProfileCounter, profiles.go): a
// base model — the same features without profiles — tags the 3.5M words of unlabeled news, the
// cross-validation its stage 2 needs anyway labels the training split (each fold by a model that
// never saw it), and each word seen twice or more in the two gets a code: the label it was given
// most often (O or a type), how consistently (in ≥ 90, 70 or 50 % of them), how often it was seen,
// and its majority entity type with its share of occurrences inside entities. A name seen rarely or
// never in the training split has often been seen in that text (83% of the OntoNotes dev set's name
// tokens have a profile from the unlabeled text alone), and its profile carries what the base model
// made of it there: OntoNotes dev stage 1 83.60 → 83.96 from the unlabeled text alone, 84.08 with
// the training split's cross-validated labels too; both stages 84.14 → 84.40 → 84.54; CoNLL-2003
// dev (the same OntoNotes profiles) 93.06 → 93.51 → 93.70; tagging speed −3% (alternated test
// binaries: 185k → 178k tokens/s; the training split's counts changed it by no more than the noise:
// 163–167k before, 161–163k after, at an hour when the host was slower). Tried with the first
// (unlabeled-only) profiles (stage 1, OntoNotes dev) and no better: profiles of capitalised word
// pairs (83.85), of lower-cased words (83.95), the CoNLL model's profiles besides (84.02), the
// majority BILOU label (84.07 and 83.88 over seeds 1 and 2, against 83.97 and 83.97), the labels
// that follow or precede the word (83.85), and a second round tagging the text with the
// profile-trained model (84.06, for another full training); with both stages, the profile paired
// with the stage-1 label as a stage-2 template (84.19), and stage-2 base weights 0.02 and 0.05
// (84.34, 84.35).
//
// Word clusters are learned by our own code (BuildClusters): positive PMI with the left and right
// neighbour among the 2,000 most frequent words, randomly projected to 128 dimensions and split
// top-down by spherical 2-means into a binary tree, whose paths serve like Brown-cluster bit
// strings. The table stores hashed word keys only, no text.
//
// The Tagger then drops value types (DATE, MONEY, CARDINAL, …), maps the scheme's types to docs/contracts.md
// §1 (OntoNotes: PERSON → PERSON; GPE, LOC, FAC → PLACE; ORG → ORG; EVENT → EVENT; NORP, PRODUCT,
// WORK_OF_ART, LAW, LANGUAGE → MISC; CoNLL: PER, LOC, ORG, MISC likewise), keeps names out of
// bylines, datelines with a clock time, photo credits and section labels, extends a person's name
// over lower-case particles the model left out ("Lula" + "da Silva"), makes a hyphenated word the
// gazetteer knows one place ("Guinea-Bissau", not Guinea and "Bissau"), reads roles (appositive
// "X, director of Y," / title "Foreign Minister X" / leading "Its chief executive, X,"), and merges
// mentions: short forms to full names ("Cui" → "Cui Rongguo"), defined acronyms ("(WHO)") and
// upper-case datelines ("WUXI" → "Wuxi").
//
// # One type per name in a document
//
// Then a document-level step (doctype.go; Tagger.Extract and Tagger.Tag only — Model.TagText, which
// `newsmon eval ner` scores, is the model alone, so the dev figures below are unchanged) reads the
// model's mentions as a careful reader would. It drops what is no name (a dateline's "Nov 17", the
// currency code "CHF", the acronym "AI", a portfolio inside a title: "Health" in "Deputy Health
// Minister X"; "Kunshan's Party secretary" keeps the place), takes a title off a person's name and
// keeps it as the role
// ("Economist Aly-Khan Jiwa" → "Aly-Khan Jiwa", role "Economist"), trims a day or a score off a name
// ("Suzhou Marathon on Sunday", "Grêmio Fluminense 2-1"), and keeps names whole across "of" and
// possessives ("2023 World Internet of Things Exposition", one event; "Newell’s Old Boys"; a known
// company's "Macy’s"; a company's name the model split into a place and a body, "China Road and
// Bridge Corporation", but not a list, "Samsung Electronics and Toyota Motor Corp."). Each name then gets one type from the votes of all its mentions and from
// evidence that outweighs them: a legal form ending the name ("GmbH", "S.A.", "SpA"), an
// organisation head word ("Railways", "Policy", "Partido", "Fundació", "Rugby", "Unidos"; a first
// word that is a common first name blocks this, unless it is also a place: "Kenya Railways"), an
// outlet's head word ending a "place" ("Asia Pacific Wire"), a class noun before the name ("the think
// tank X", "state miner X", "the constellation X") or heading an apposition after it ("X, a
// family-owned chipmaker from Bavaria"; a clause such as ", the company said" is none), a title
// ("Senator X"), a place noun after it ("the Chajnantor plateau"), and "the" before a one-word name,
// which no person takes ("the Bundestag" → ORG; "the Rhône", with water words around it or a
// gazetteer place, → PLACE, and names listed with it alike: "the Rhine, the Rhône and the Po").
// Names are also kept whole or split as a reader sees them: an upper-case dateline's place
// ("NEW YORK", not "YORK") and no date inside the name after it; "The Hague"; institutions across
// "of" a place or after one ("Central Bank of Kenya", "Hong Kong Polytechnic University", "the
// Communist party"); names joined by "/", ":" or "|" and two events joined by "and" split; a table
// row's figures, a result line's score, a royal title and a title before a body ("Founder of X")
// taken off. More typing evidence: facilities and places by their head word ("State Capitol",
// "Arena Corinthians"), a place with a compass word ("Nottingham North"), a place with a
// capitalised plural (a club, "New York Islanders"), products by their model word or number, an
// "i"-name or a known platform ("AirPods Pro", "iPhone 11", "Bluetooth": MISC), nationality and
// region adjectives ("European", "Bavarian": MISC, never a short form of "European Space Agency"),
// and common-noun acronyms and diseases ("ICU", "Covid-19") dropped; a lone word the model called a
// person that no full name introduces, with no title, role or given name, is a body ("Hefce",
// "Sky", "Rakuten"): news introduces people by their full names — but a common census surname
// ("Reagan said"), a player in sports copy ("Subs: Pires, Lehmann") and "the Obama
// administration" stay people, and a WordNet people's noun is MISC ("Briton", "Englishman";
// lonenames.go). A person's noun before a given name makes a person though the noun names
// companies too ("fellow broadcaster X", "film-maker X"); a company's name before an acronym, a
// model word or a word in mixed case read as a thing is its product ("the Sony PSP", "the Nintendo
// DS", products.go); a person "of" a body is no part of the body ("Ward McCarthy of Merrill Lynch
// Inc."), nor a nationality of the person ("American X"); a country's "Congress" is its
// legislature, no event (runs.go); a title before "director", after "directed", "starred in",
// "episode of", "credits include" or before "movie" is a work (works.go); and a company the
// knowledge lists name that the model passed over inside a sentence is added ("on Twitter",
// knowncompanies.go). Wire copy (wirefigures.go) adds its own: a currency is no name ("51 billion
// U.S. Dlrs" keeps the place), a table's figure no part of a place ("Ireland 100,000"), a firm's
// legal tail joins its name ("Goldman, Sachs and Co", "Norsk Hydro A/S") and two names run
// together across "and" are a list ("Swiss Bank Corp and Credit Suisse", "Greece and Turkey");
// capitals are places by where they stand (a dateline's "ILL.", a table's "ECUADOR nil 10,010");
// a title or role before a name the model called a body makes a person, a news agency after a
// "person" or a bracketed alias of a body makes a body, and an oil field, a ship or a holiday is
// read by its class noun. Political copy (politicnames.go) adds its own: a surname the gazetteer
// knows as a small town is the person the text names in full ("Cruz" beside "Sen. Ted Cruz"; "in
// Clinton" stays the town) or a leader's before "administration"; "the Clintons" the family; a
// news outlet or platform named alone a body ("(UPI)", "told Politico"); a party's word MISC and
// no short form of the party ("a Democratic congressman"); "a super PAC" no name; "State of the
// Union" whole.
// What a name's head noun means is read from WordNet (pkg/extract/wordclass.NameHead, nameheads.go)
// where the hand lists say nothing: a head of occasions — contests, meetings, fairs, festivals,
// parades, elections, wars, awards — makes an event of what the model called a place, a work or a
// body ("Baltic Sea Summit", "Sardinia Referendum", never a place on the map; a body only when the
// head names no group of people first or a mention reads as an occasion: "the 2025 X", "attended
// the X"), joins a run the model split ("Kisumu" + "Regatta") or passed over after "the"
// ("the Commander-in-Chief Forum", "the Oscars"), and keeps a name whole across "of", "on" and
// "for" ("World Conference on Ocean Plastics"); an organisation's head makes a body of a "person"
// with no given name; an apposition's head types the name before it ("X, an annual music
// festival", "X, a brokerage"); and a name after a person's noun and "at" or "with" ("a strategist
// at X", "a dentist with X") is the employer, a body, unless the gazetteer knows it as a place.
// Short forms are linked after typing, so "Brenner" follows "Brenner Halbleiter", and a club's last
// word follows the club ("Fluminense" → "Grêmio Fluminense"). What is known of names comes from open
// data in knowledge/ (US census first names and surnames, company names, legal forms; see its
// SOURCES.md).
//
// Text in a language with a model of its own (languages.go: Spanish "es" and Dutch "nl", trained
// on CoNLL-2002 news with the same features and code as the English models) is tagged by that model
// and goes through the same document-level step, less what opens in lower case or ends in "$"
// (keepNames); each Tagger decodes a language's model on the first article in that language and
// keeps it (0.04–0.07 s, ~19 MiB of weight tables outside the Go heap, BenchmarkLoadLanguageModel).
// Measured on CoNLL-2002's test split (testb; testa stopped training; every 10th training document
// was held aside, never trained or stopped on):
//
//	es: model on the corpus' tokens f1=0.8030 (held aside 0.8359); through our tokeniser (--text)
//	    0.7905; the entities articles get (--text --entities) 0.7934
//	nl: 0.8237 (held aside 0.8299); --text 0.8169; --entities 0.7260
//
// --entities scores less because the document-level step leaves out what it reads as no prose:
// the corpus' one-line "sentences" (Dutch bylines such as "De Morgen" or "Jan Scheidtweiler") are
// metadata lines to it, and it types nationality adjectives and lone words by English evidence
// ("Europese", "Vlaamse": MISC → ORG). Models trained on WikiANN's silver Wikipedia fragments
// (French, German, Portuguese) did well on WikiANN and badly on news prose, so none is embedded
// (model/README.md).
//
// Text in another language than English without a model (Article.Language set) yields only the places
// the model found that the gazetteer knows: the English model's people, organisations and other
// names there are guesses ("Hoy Colombia", "Según Echeverría", "Celui-ci"). People named with a
// common given name and capitalised surnames read the same in any language and are kept ("Kyle
// Busch"), and found by that pattern where the model passed over them (a flattened table of
// results). Text whose language is unknown is read as English.
//
// # Measured (dev sets, `newsmon eval ner`, embedded models)
//
//	CoNLL-2003 dev:  ner f1=0.9358 p=0.9354 r=0.9362  (PER 96.14, LOC 96.40, ORG 89.39, MISC 88.82)
//	OntoNotes dev:   ner f1=0.8455 p=0.8419 r=0.8492  (GPE 92.65, PERSON 89.86, ORG 81.59, NORP 89.61)
//
// Those read the corpora's own tokens. What articles go through — text, tokenised and split into
// sentences by our code — is measured by `newsmon eval ner --text`, which rebuilds each document's
// text from its tokens and matches entities by character offsets: OntoNotes dev 83.94, CoNLL-2003
// dev 93.33 (82.40 and 92.12 with the same models before Model.tokens read text as the corpora are
// tokenised: hyphenated names such as "Lee Teng-hui", "Moon Jae-in" or "Bautista-Agut" had been one
// token no OntoNotes sentence ever shows, "2:52 PM" and "12/32" three).
//
// The OntoNotes floor of the issue (86.0) is not reached: stage 1 alone gives 84.21, stage 2 84.55
// (without word profiles 83.60 and 84.14; IOB2 labels: 82.92 and 83.50; without the margin 82.4 and
// 83.1). Not counting words after a dash, colon, opening quote or ellipsis as "capitalised
// elsewhere" moved stage 1 with seeds 1 and 2 from 84.08 and 84.15 to 84.21 and 84.30, both stages
// from 84.54 and 84.60 to 84.55 and 84.74 (seed 3: 84.28 and 84.67); the embedded model is seed 1's.
// Which stage-1 epoch early stopping picks moves stage 2 by ±0.1, so one training cannot show a
// smaller gain. Tried and no better on OntoNotes dev: a span lexicon of the training split's entity
// strings (jackknifed, 2 templates: 82.88, and −6% speed), passive-aggressive updates,
// AdaGrad-scaled updates (stage 1, margin 40/80/150: 83.51/83.52/83.45), features dropped at random
// while training (10%: 83.52, 20%: 83.32), the average of three perceptrons trained with other
// seeds (83.58), the margin on stage 2 too, a third residual stage over stage 2's labels (IOB2:
// 83.85 → 83.50), a smaller or larger margin with BILOU (90: 83.62, 250: below 150 at every epoch),
// and word-embedding clusters of our own (skip-gram with negative sampling on the cluster corpus,
// k-means at k = 100…2000, 7 templates: stage 1 +0.08…+0.17 over 3 seeds for −12% speed). The CoNLL
// model's labels as stage-1 features of the OntoNotes model ("stacking") gave stage 1 +0.31 (82.92
// → 83.23, IOB2) but tagging twice costs more speed than there is room for. Also no better (stage 1,
// 84.08 before): the 692k words of PolNeAR's 2016 election news (../shared/data/quotes) added to
// the text the profiles learn from (84.09); US census first names and surnames (by rank) as word
// lists (84.02, against 84.20 without them, same features otherwise); and a re-ranker of stage 1's
// entities — each against its neighbours one or two tokens wider or narrower, scored by an averaged
// perceptron over the span's words, edges, neighbours and the tokens gained or lost, trained on the
// cross-validated stage-1 labels of the training split — which changed ~60 of 11,170 dev entities
// and fixed as many as it broke (84.08 → 84.06…84.09), though picking the right neighbour every time
// would give 87.0: most boundary errors are the corpus' own inconsistencies ("the 1980s" and
// "1980s", "the Gallup Poll" and "Gallup").
// Training on the 2-core machine: CoNLL 30 s, OntoNotes 6.6 min wall (partly beside another job),
// 11–18 min beside others, twice over (the base model for the profiles, then the final one), plus
// 25 s to tag the unlabeled text (the latest rebuild: 6m33s + 30 s + 10m31s); training is
// deterministic.
// Speed on one core of that machine when quiet (`go test -run '^$' -bench 'TokenizeAndLabel|Tag$'
// -cpu 1`): tokenise + label 177–179k tokens/s, with entity merging and roles (BenchmarkTag)
// 165–167k (measured with the first profiles, which cost the same; without word profiles 181–185k
// and 167–172k; IOB2 models: 246–250k and 228k); in a later, slower hour of the same machine
// 154–161k and 140–148k, the same as the models before (154–159k, 142–146k, alternated). Four
// things make it so: the weight table lives in
// memory advised to use huge pages (without: ~110k with IOB2, TLB misses); emissions first gathers
// and touches every weight row of a sentence (both cache lines of a BILOU row), so that the CPU
// overlaps their cache misses; a token's rows are summed eight weights at a time in 16-bit lanes of
// two uint64s, per shift, unpacked once per token (sumRows8: 147k → 188k with BILOU, under load,
// four at a time; eight, with the next, 60–77k → 84–122k tokens per CPU-second on the loaded
// machine of the seventh session); a frequent word's 21 weight rows that read the word alone are
// not read at all, but their sums, kept per word (wordSums); and
// Viterbi skips predecessors that cannot win — a predecessor scoring more than the largest spread
// of transition scores below the best one never wins (the tags are identical, see
// TestViterbiPruningIsExact). Decoding the OntoNotes model (BenchmarkLoadModel): 0.29–0.36 s.
//
// # Models and how to rebuild them
//
// model/ holds the cluster table, the word profiles and both models; they are embedded and decoded
// lazily, once per process (see LoadModel): decoding the OntoNotes model takes about 0.3 s and
// leaves ~42 MB resident (int8 rows of the used hash slots only, decoded row by row from the file's
// int16 weights, which are never held whole; keeping every slot's row cost 62 MB more: `newsmon
// analyze` peak RSS 202 → 140 MB).
// Rebuild them from the repository root with the corpora of ../shared/data (training is
// deterministic for a given seed):
//
//	D=../shared/data
//	go run ./cmd/newsmon train clusters --out pkg/extract/ner/model/clusters.bin.gz \
//	  --conll $D/ner/conll2003/train.txt --conll $D/ner/ontonotes5/train.txt \
//	  $D/unlabeled/reuters21578/text.txt.gz $D/unlabeled/bbc/text.txt.gz
//	go run ./cmd/newsmon train ner --scheme ontonotes --seed 1 --base-weight 0.03 --profiles none \
//	  --train $D/ner/ontonotes5/train.txt --dev $D/ner/ontonotes5/dev.txt \
//	  --out /tmp/ontonotes-base.model.gz --cv-counts /tmp/ontonotes-cv-counts.bin.gz
//	go run ./cmd/newsmon train profiles --model /tmp/ontonotes-base.model.gz \
//	  --counts /tmp/ontonotes-cv-counts.bin.gz --out pkg/extract/ner/model/profiles.bin.gz \
//	  $D/unlabeled/reuters21578/text.txt.gz $D/unlabeled/bbc/text.txt.gz
//	go run ./cmd/newsmon train ner --scheme conll2003 --seed 1 \
//	  --train $D/ner/conll2003/train.txt --dev $D/ner/conll2003/dev.txt \
//	  --out pkg/extract/ner/model/conll2003.model.gz
//	go run ./cmd/newsmon train ner --scheme ontonotes --seed 1 --base-weight 0.03 \
//	  --train $D/ner/ontonotes5/train.txt --dev $D/ner/ontonotes5/dev.txt \
//	  --out pkg/extract/ner/model/ontonotes.model.gz
//	go run ./cmd/newsmon eval ner --scheme conll2003 --data $D/ner/conll2003/dev.txt
//	go run ./cmd/newsmon eval ner --scheme ontonotes --data $D/ner/ontonotes5/dev.txt
//
// The base model is the OntoNotes model without profiles (the word-profile templates stay empty);
// the final models read the profiles it wrote. A model records the feature version and the
// checksums of the cluster and profile tables and of the word lists the features read (lexicon.go)
// it was trained with, and refuses to load with others: changing features.go, those lists, the
// clusters or the profiles means retraining. (The models trained before headers carried the word
// lists' checksum got it from tools/stamplexicon, which rewrites only the header.)
// The gazetteer is not checksummed; the models were trained against pkg/geo as it was then.
package ner
