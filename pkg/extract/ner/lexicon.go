package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The word lists below are the baseline's whole "model". They are data, not state: New turns them
// into sets owned by the Tagger, so nothing package-level is ever mutated.

// commonWords are frequent English words that are capitalised only because they open a sentence.
const commonWords = `a about above according across actually after afterwards again against ago all almost
along already also although always among amid an and another any anyone anything are around as asked
at authorities back based be because been before being below besides between beyond both but by can
cannot certainly citing could critics currently daily despite did do does doing during each earlier
early either elsewhere else even eventually ever every everyone everything experts few finally first
following for former from further furthermore given had has have having he her here hers herself him
himself his how however i if in including indeed instead into is it its itself just last late lately
later latest less let like many may maybe meanwhile might more moreover most mostly much must my
nearly neither never nevertheless new next no none nor not nothing now of off officials often on once
one only or other others otherwise our ours over overall perhaps people police previously rather
recently regardless residents said say says second separately several she should similarly since so
some someone something sometimes soon speaking still such than thanks that the their theirs them
themselves then there therefore these they third this those though three through thus to today
together tomorrow tonight too two under unless unlike until up upon us usually very via was we well
were what whatever when whenever where whereas whether which while who whoever whole whom whose why
will with within without would yes yet yesterday you your yours analysts investors observers workers
sources lawmakers students scientists researchers locals witnesses
addressing responding commenting reporting writing noting adding
plus`

// nonNames are capitalised words that are never part of a name: weekdays, months, pronouns.
const nonNames = `Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
May June July August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep.
Sept. Oct. Nov. Dec. I I'm I've I'd I'll OK`

// honorifics mark a person but say nothing about their role.
const honorifics = `Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof. Sir Dame Lord Lady Madam Mme Mme. Messrs.
Monsieur Herr Frau Sheikh`

// titles mark a person and are their role ("Foreign Minister Wang Yi" → role "Foreign Minister").
const titles = `President President-elect Vice Premier Minister Prime Senator Sen. Rep. Representative
Governor Gov. Mayor Chairman Chairwoman Chairperson CEO Secretary Secretary-General General Gen.
Lt. Col. Colonel Captain Capt. Admiral Adm. Sgt. Sergeant Major Maj. King Queen Prince Princess
Pope Judge Justice Chancellor Ambassador Commissioner Director Professor Prof Emir Sultan Chief
Executive Coach Inspector Officer Deputy Councillor Councilman Councilwoman Spokesman Spokeswoman
Spokesperson Bishop Archbishop Cardinal Rabbi Imam Leader Superintendent Commander Marshal Auditor
Treasurer Attorney Lawmaker Congressman Congresswoman MP Envoy Head Founder Chair Vice-President
Vice-Premier Detective Constable Pastor Father Sister Brother Ayatollah Crown`

// orgWords make a name an organisation wherever they appear in it.
const orgWords = `Inc Inc. Ltd Ltd. Corp Corp. Co. Group Bank Ministry University Council Party Agency
Company Association Commission Committee Fund Organization Organisation News Times Institute
Foundation Federation Union Authority Department Office Bureau Police Army Navy Court Parliament
Assembly Senate Congress Administration Government Centre Center Society League Alliance Coalition
Movement Front Club FC School College Academy Hospital Service Services Reserve Exchange Trust Board
Holdings Motors Airlines Airways Technologies Technology Systems Partners Capital Securities Bancorp
Pharmaceuticals Pharma Labs Media Network Press Post Journal Daily Herald Tribune Telegraph Gazette
Broadcasting Television Radio Corporation Enterprises Industries Industrial Insurance Investments
Energy Electric Petroleum Oil Steel Secretariat Cabinet Forces Guard Brigade Regiment Unit
GmbH AG SA SE NV BV Plc PLC LLC LLP Pty Bhd Co Cooperative Consortium Institution Observatory
Tribunal Directorate Inspectorate Commissionerate Embassy Consulate Mission Church Mosque Temple`

// eventWords make a name an event.
const eventWords = `Summit Games Olympics Olympic Paralympics Cup Election Elections Conference Festival Forum
War Earthquake Championship Championships Expo Marathon Olympiad Biennale Fair Tournament Open Prix
Awards Oscars Revolution Crisis Pandemic Hurricane Typhoon Cyclone Storm Flood Floods Massacre
Congress Convention Meeting Talks Dialogue Week Tour Derby Series Grand Classic Jubilee
Referendum Uprising Protests Siege Battle Offensive Ceasefire Accord Accords Treaty Agreement Plenum
Session Assembly`

// placeWords make a name a place when they end it (or, for the first group, start it).
const placeWords = `Province Prefecture County District City Region Island Islands River Lake Mountains
Mountain Hills Sea Ocean Valley Bay Gulf Peninsula Desert Street Avenue Road Square Strait Straits
Coast Highway Airport Park Bridge Port Harbour Harbor Village Town Township Republic Kingdom
Emirates Territory Territories Borough Municipality Canyon Falls Reef Delta Basin Plateau Plain
Plains Heights Gorge Pass Canal`

// placeFirstWords make a name a place when they start it ("Mount Everest", "Lake Victoria").
const placeFirstWords = `Mount Mt. Lake Gulf Republic Kingdom Cape Port Fort Isle Bay Strait`

// lowerPlaceCues follow a place name in lower case ("Xinwu district", "Jiangsu province").
const lowerPlaceCues = `province prefecture county district city region state municipality town village
township island islands river capital area suburb borough`

// knownOrgs are organisations that carry no keyword: news agencies and a few household names.
const knownOrgs = `Reuters Xinhua AFP AP Bloomberg CNN BBC Al Jazeera NATO OPEC UNESCO UNICEF WHO IMF
Interpol Europol Google Apple Microsoft Amazon Meta Facebook Twitter Tesla Huawei Alibaba Tencent
Samsung Sony Toyota Boeing Airbus Nvidia Intel OpenAI Baidu ByteDance TikTok Xiaomi Siemens Shell
Gazprom Aramco Hamas Hezbollah Taliban Kremlin Pentagon`

// personSpeechCues follow or precede a person's name ("Cui said", "told Cui").
const personSpeechCues = `said says told added noted warned stressed asked explained insisted argued claimed
recalled admitted wrote tweeted replied continued urged`

// roleWords make an appositive after a name a role ("Cui Rongguo, Party secretary of Xinwu district,").
const roleWords = `secretary director minister president chairman chairwoman chair chief head spokesman
spokeswoman spokesperson ceo founder co-founder professor mayor governor ambassador leader official
analyst economist researcher manager executive officer deputy vice commander editor member senator
lawmaker adviser advisor partner coach captain strategist scientist lecturer fellow correspondent
premier chancellor general secretary-general dean principal owner president-elect representative
envoy commissioner counsel lawyer attorney judge inspector superintendent candidate
vice-president vice-chairman board expert engineer doctor physician author founder-director
administrator coordinator consultant trustee treasurer negotiator diplomat`

// givenNames are common first names from several cultures; a run starting with one is a person.
const givenNames = `James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward
Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel
Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas
Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin
Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne
Roy Ralph Randy Eugene Vincent Russell Elijah Louis Bobby Philip Johnny Boris Vladimir Emmanuel
Olaf Angela Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie
Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Helen Anna Brenda Pamela Nicole Emma Samantha
Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce
Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline
Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise
Amber Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose
Alexis Kayla Kamala Hillary Ursula Giorgia Jacinda Liz Rishi Keir
Muhammad Mohammed Mohamed Ahmed Ali Omar Hassan Hussein Ibrahim Mustafa Khalid Yusuf Abdullah Abdul
Fatima Aisha Layla Mariam Zainab Amina Nour Tariq Karim Samir Rami Walid Bashar Recep Tayyip Mehmet
Ahmet Emine Narendra Rahul Amit Raj Sanjay Vijay Sunil Anil Rajesh Suresh Arvind Priya Sonia Indira
Nirmala Shashi Imran Nawaz Benazir Shehbaz Sheikh Hasina Yuki Hiroshi Takeshi Kenji Shinzo Fumio
Yoshihide Akira Haruki Naomi Kim Jae Min Ji Hyun Seo Yoon Moon Park Nguyen Thanh Duc Minh Jokowi
Joko Prabowo Anwar Mahathir Rodrigo Ferdinand Leni Ramaphosa Cyril Nelson Thabo Uhuru
Raila Bola Muhammadu Goodluck Olusegun Yoweri Abiy Kwame Kofi Chinua Wole Ngozi Akinwumi Ama
Luiz Inacio Lula Jair Dilma Javier Alberto Mauricio Cristina Andres Manuel Claudia Gustavo
Nicolas Hugo Evo Pedro Pablo Carlos Luis Miguel Fernando Jorge Ricardo Francisco Antonio Alejandro
Sergio Diego Rafael Mateo Santiago Sofia Valentina Camila Lucia Ana Carmen Isabel Elena Marta
Giuseppe Giovanni Marco Matteo Luca Francesco Mario Silvio Friedrich Helmut
Gerhard Frank-Walter Annalena Wolfgang Klaus Hans Jurgen Dieter Heinz Pierre Jean-Luc Jacques Francois
Marine Edouard Michel Dmitry Sergei Sergey Alexei Alexey Mikhail Ivan Igor
Yuri Oleg Volodymyr Petro Yulia Olena Andrzej Viktor Yair Naftali Isaac Avi
Moshe Ehud Golda Xavier Mette Sanna Jens Magnus Erik Lars Ole Sven José María Jesús Ángel
Álvaro Andrés Sebastián Joaquín Ramón Hélène François Frédéric Élise Zoë Søren Jürgen Günter Björn
Łukasz Agnieszka Małgorzata Zoltán Dóra Gábor Ştefan Anne Claire Camille Chloé Léa Lucas`

// chineseSurnames start Chinese names ("Cui Rongguo", "Xi Jinping"): surname first, given name after.
const chineseSurnames = `Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo
Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng
Wei Su Lu Ding Ren Shen Yao Cui Zhong Tan Fan Jin Shi Lei Xi Qin Bai Kong Mao Hou Fu Qiu Dai Xia Gu
Yin Wen Zou Meng Hao Kang Fang Jia Tao Qian Mo Duan Wan Liao Lai Lam Leung Wong Chan Cheung Ho Ng Tsang
Chow Lau Yip Kwok Chiang Tsai Hsu Lee Kuo`

// nameParticles may sit inside a person's name ("Ursula von der Leyen", "Osama bin Laden").
const nameParticles = `de van von der den du da dos das di del della la le bin ibn al el abu ben`

// orgConnectors may sit inside an organisation, event or place name ("Bank of China").
const orgConnectors = `of for and the &`

// wordSet splits whitespace-separated lists into one set.
func wordSet(lists ...string) map[string]bool {
	set := make(map[string]bool)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			set[w] = true
		}
	}
	return set
}

// lexicon holds the word sets one Tagger uses.
type lexicon struct {
	common, nonNames, honorifics, titles, orgWords, eventWords, placeWords, placeFirst,
	lowerPlaceCues, knownOrgs, speechCues, roleWords, givenNames, chineseSurnames,
	particles, connectors map[string]bool
}

func newLexicon() *lexicon {
	return &lexicon{
		common:          wordSet(commonWords),
		nonNames:        wordSet(nonNames),
		honorifics:      wordSet(honorifics),
		titles:          wordSet(titles),
		orgWords:        wordSet(orgWords),
		eventWords:      wordSet(eventWords),
		placeWords:      wordSet(placeWords),
		placeFirst:      wordSet(placeFirstWords),
		lowerPlaceCues:  wordSet(lowerPlaceCues),
		knownOrgs:       wordSet(knownOrgs),
		speechCues:      wordSet(personSpeechCues),
		roleWords:       wordSet(roleWords),
		givenNames:      wordSet(givenNames),
		chineseSurnames: wordSet(chineseSurnames),
		particles:       wordSet(nameParticles),
		connectors:      wordSet(orgConnectors),
	}
}

// lexiconChecksum identifies what the model's features read of the word lists: the lexicon flags
// of every word (buildLexMap). A model records it and refuses to load with other lists, as it does
// for the cluster and profile tables, so that editing a list the features read cannot silently
// change a shipped model's inputs.
//
// The sum is over the normalized table, not over this file's text: the words in byte order, each
// with its flags. A word listed twice, the order of a list, its line breaks, its comments, and the
// lists only the rules read (commonWords, personSpeechCues, nameParticles, orgConnectors) leave it
// as it is, because none of them changes a feature; adding, removing or moving a word between
// the lists the features read changes it. Its form is the cluster table's: 16 hex digits of SHA-256.
func lexiconChecksum(flags map[string]uint16) string {
	h := sha256.New()
	var line []byte
	for _, w := range slices.Sorted(maps.Keys(flags)) {
		line = append(strconv.AppendUint(append(append(line[:0], w...), '\t'), uint64(flags[w]), 10), '\n')
		h.Write(line)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
