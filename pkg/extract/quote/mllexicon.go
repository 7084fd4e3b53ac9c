package quote

import "strings"

// The words the quote rules read in Spanish, French, German, Portuguese and Italian (mlatin.go)
// and Chinese (mlzh.go). English keeps its own tables (cues.go, np.go).

// latinLexicon is what the quote rules know of one language written in Latin script.
type latinLexicon struct {
	// verbs are speech verbs in the forms news use around a quote: "dijo", "sagte", "disse",
	// "déclare", and the participles of compound tenses ("déclaré", "detto") that follow an
	// auxiliary.
	verbs map[string]bool
	// auxiliaries build compound tenses with a participle: "a déclaré", "ha detto", "hat gesagt".
	auxiliaries map[string]bool
	// according name a source before it: "según X", "selon X", "laut X", "secondo X"; after a
	// quote also "so X" in German.
	according map[string]bool
	// afterOnly are sources that only follow a quote: German "so" (“…”, so Scholz).
	afterOnly map[string]bool
	// pastEnding is the ending of the simple past, third person ("-ó", "-ou", "-te"): right
	// after a quote's closing comma any such verb is its cue ("bromeó", "lamentou").
	pastEndings []string
	// complementisers open reported speech: "dijo que …".
	complementisers map[string]bool
	determiners     map[string]bool
	// particles join the parts of a name: "Luiz Inácio Lula da Silva", "Ursula von der Leyen".
	particles map[string]bool
	pronouns  map[string]bool
	// stops end a speaker phrase: prepositions and conjunctions ("tras", "lors", "am", "durante").
	stops map[string]bool
	// titles are offices and professions that stand before a name or for a person ("ministra",
	// "maire", "Sprecher"); titleSuffixes catch compounds ("Bundesfinanzminister").
	titles        map[string]bool
	titleSuffixes []string
	// orgHeads make an unnamed speaker an organisation ("el ministerio", "la empresa").
	orgHeads map[string]bool
	// dialogueDash: the language marks dialogue with dashes ("—Vamos —dijo él—.").
	dialogueDash bool
	// skip are words that sit between a speech verb and its subject: time and manner
	// ("dijo hoy", "sagte am Montag").
	skip map[string]bool
}

func newLatinLexicons() map[string]*latinLexicon {
	return map[string]*latinLexicon{"es": spanishLexicon(), "fr": frenchLexicon(), "de": germanLexicon(),
		"pt": portugueseLexicon(), "it": italianLexicon()}
}

func spanishLexicon() *latinLexicon {
	return &latinLexicon{
		dialogueDash: true,
		verbs: wordSet(`dijo dice dicen dijeron afirmó afirma afirmaron señaló señala señalaron explicó explica
			aseguró asegura aseguraron declaró declara declararon indicó indica agregó agrega añadió añade
			sostuvo sostiene manifestó advirtió advierte subrayó subraya destacó destaca precisó expresó
			comentó reconoció reconoce insistió insiste apuntó enfatizó recalcó respondió respondieron
			denunció anunció admitió concluyó criticó lamentó sentenció resumió preguntó contó relató
			aclaró puntualizó remarcó reiteró dicho afirmado declarado señalado explicado asegurado`),
		auxiliaries:     wordSet(`ha han había habían`),
		according:       wordSet(`según`),
		pastEndings:     []string{"ó"},
		complementisers: wordSet(`que`),
		determiners:     wordSet(`el la los las un una unos unas este esta su sus del al`),
		particles:       wordSet(`de del`),
		pronouns:        wordSet(`él ella ellos ellas`),
		stops: wordSet(`en tras ante durante a con sobre para por desde hasta luego después mientras
			cuando y o pero que según este esta ayer hoy`),
		titles: wordSet(`ministro ministra presidente presidenta gobernador gobernadora alcalde alcaldesa
			senador senadora diputado diputada representante portavoz vocero vocera director directora
			secretario secretaria canciller jefe jefa economista analista experto experta investigador
			investigadora profesor profesora fiscal juez jueza dirigente líder consejero consejera
			gerente coordinador coordinadora funcionario funcionaria vicepresidente vicepresidenta
			comisionado comisionada embajador embajadora general coronel obispo papa rey reina
			entrenador técnico capitán delegado delegada concejal concejala defensor defensora`),
		orgHeads: wordSet(`ministerio gobierno empresa compañía banco partido comisión consejo
			tribunal corte policía ejército fondo fondos sindicato sindicatos asociación federación
			agencia oficina instituto universidad ayuntamiento alcaldía congreso senado cámara
			organización confederación central consultora petrolera firma grupo`),
		skip: wordSet(`hoy ayer también además luego entonces finalmente lunes martes miércoles
			jueves viernes sábado domingo`),
	}
}

func frenchLexicon() *latinLexicon {
	return &latinLexicon{
		verbs: wordSet(`dit déclare affirme explique souligne ajoute estime assure précise indique
			martèle insiste reconnaît avertit confie rappelle commente déplore répond juge poursuit
			résume lance raconte observe note prévient regrette conclut admet dénonce annonce
			déclaré dit affirmé expliqué souligné ajouté estimé assuré précisé indiqué martelé insisté
			reconnu averti confié rappelé commenté déploré répondu jugé poursuivi résumé lancé raconté
			observé noté prévenu regretté conclu admis dénoncé annoncé déclarait disait expliquait
			affirmait ajoutait`),
		auxiliaries:     wordSet(`a ont avait avaient`),
		according:       wordSet(`selon`),
		pastEndings:     nil,
		complementisers: wordSet(`que qu`),
		determiners:     wordSet(`le la les l un une ce cette son sa ses du des au aux`),
		particles:       wordSet(`de du d`),
		pronouns:        wordSet(`il elle ils elles`),
		stops: wordSet(`lors en à au aux dans devant après avant pendant sur pour par avec depuis
			et ou mais que selon ce mardi hier`),
		titles: wordSet(`ministre président présidente maire porte-parole directeur directrice
			député députée sénateur sénatrice secrétaire chef cheffe économiste analyste expert
			experte chercheur chercheuse professeur professeure procureur juge dirigeant dirigeante
			responsable conseiller conseillère gouverneur ambassadeur ambassadrice commissaire
			préfet préfète général colonel entraîneur sélectionneur capitaine délégué déléguée
			syndicaliste avocat avocate patron patronne fondateur fondatrice présidente-directrice`),
		orgHeads: wordSet(`ministère gouvernement entreprise société banque parti commission conseil
			tribunal cour police armée fonds syndicat syndicats association fédération agence
			office institut université mairie assemblée sénat organisation groupe élysée`),
		skip: wordSet(`aussi encore ensuite alors hier aujourd'hui lundi mardi mercredi jeudi
			vendredi samedi dimanche matin soir`),
	}
}

func germanLexicon() *latinLexicon {
	return &latinLexicon{
		verbs: wordSet(`sagte sagt sagten sagen erklärte erklärt erklärten betonte betont betonten
			meinte meint warnte warnt kritisierte kritisiert forderte fordert mahnte mahnt bekräftigte
			versicherte unterstrich ergänzte ergänzt fügte räumte teilte sprach schrieb schreibt
			berichtete berichtet kündigte verkündete verkündet antwortete antwortet erläuterte
			erläutert bilanzierte resümierte erzählt erzählte gesagt erklärt betont`),
		auxiliaries:     wordSet(`hat haben hatte hatten`),
		according:       wordSet(`laut`),
		afterOnly:       wordSet(`so`),
		pastEndings:     []string{"te"},
		complementisers: wordSet(`dass`),
		determiners:     wordSet(`der die das den dem des ein eine einer eines einem sein seine ihr ihre`),
		particles:       wordSet(`von van de zu`),
		pronouns:        wordSet(`er sie`),
		stops: wordSet(`am im in an auf bei nach vor während gegenüber mit für und oder aber dass
			laut so wie auch am vom zum zur`),
		titles: wordSet(`Minister Ministerin Kanzler Kanzlerin Bundeskanzler Bundeskanzlerin Präsident
			Präsidentin Bürgermeister Bürgermeisterin Oberbürgermeister Oberbürgermeisterin Sprecher
			Sprecherin Chef Chefin Vorsitzende Vorsitzender Direktor Direktorin Geschäftsführer
			Geschäftsführerin Abgeordnete Abgeordneter Ökonom Ökonomin Analyst Analystin Experte Expertin
			Forscher Forscherin Professor Professorin Staatsanwalt Staatsanwältin Richter Richterin
			Trainer Trainerin Kapitän Botschafter Botschafterin Gewerkschafter Gewerkschafterin
			Ministerpräsident Ministerpräsidentin Landrat Landrätin Senator Senatorin Vorstand
			Vorstandschef Vorstandschefin Leiter Leiterin Polizeisprecher Polizeisprecherin`),
		titleSuffixes: []string{"minister", "ministerin", "präsident", "präsidentin", "sprecher",
			"sprecherin", "chef", "chefin", "kanzler", "kanzlerin", "meister", "meisterin", "vorsitzende",
			"vorsitzender", "leiter", "leiterin", "direktor", "direktorin", "experte", "expertin",
			"ökonom", "ökonomin", "analyst", "analystin", "trainer", "trainerin"},
		orgHeads: wordSet(`Ministerium Regierung Unternehmen Konzern Firma Bank Partei Kommission Rat
			Gericht Polizei Armee Bundeswehr Gewerkschaft Verband Agentur Amt Institut Universität
			Stadt Senat Bundesregierung Landesregierung Behörde Ministerien Staatsanwaltschaft`),
		skip: wordSet(`am Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag gestern heute
			auch zudem außerdem dann später noch bereits nun`),
	}
}

func portugueseLexicon() *latinLexicon {
	return &latinLexicon{
		dialogueDash: true,
		verbs: wordSet(`disse diz dizem disseram afirmou afirma afirmaram declarou declara declararam
			explicou explica destacou destaca ressaltou acrescentou garantiu garante observou avaliou
			avalia comentou ponderou salientou sublinhou completou concluiu respondeu admitiu reconheceu
			alertou informou criticou lamentou defendeu contou relatou afirmara declarara
			dito afirmado declarado`),
		auxiliaries:     wordSet(`tem têm havia`),
		according:       wordSet(`segundo conforme`),
		pastEndings:     []string{"ou", "eu", "iu"},
		complementisers: wordSet(`que`),
		determiners:     wordSet(`o a os as um uma do da dos das ao à seu sua este esta`),
		particles:       wordSet(`de da do dos das`),
		pronouns:        wordSet(`ele ela eles elas`),
		stops: wordSet(`em na no nas nos durante após antes com para por sobre desde até e ou mas
			que segundo nesta neste ontem hoje`),
		titles: wordSet(`ministro ministra presidente presidenta governador governadora prefeito
			prefeita senador senadora deputado deputada porta-voz diretor diretora secretário secretária
			chefe economista analista especialista pesquisador pesquisadora professor professora
			procurador procuradora juiz juíza líder dirigente conselheiro conselheira gerente
			coordenador coordenadora embaixador embaixadora general técnico treinador capitão
			presidente-executivo vice-presidente delegado delegada vereador vereadora`),
		orgHeads: wordSet(`ministério governo empresa companhia banco partido comissão conselho
			tribunal polícia exército fundo sindicato associação federação agência instituto
			universidade prefeitura congresso senado câmara organização grupo petroleira`),
		skip: wordSet(`hoje ontem também ainda depois nesta neste segunda-feira terça-feira
			quarta-feira quinta-feira sexta-feira sábado domingo`),
	}
}

func italianLexicon() *latinLexicon {
	return &latinLexicon{
		verbs: wordSet(`dice dicono disse dissero afferma affermò dichiara dichiarò spiega spiegò
			aggiunge aggiunse sottolinea sottolineò precisa precisò commenta commentò osserva osservò
			ribadisce ribadì conclude concluse sostiene sostenne assicura assicurò annuncia annunciò
			avverte avvertì denuncia ammette ammise racconta raccontò replica replicò
			detto dichiarato affermato spiegato aggiunto sottolineato precisato commentato osservato
			ribadito concluso sostenuto assicurato annunciato avvertito denunciato ammesso raccontato
			replicato`),
		auxiliaries:     wordSet(`ha hanno aveva avevano`),
		according:       wordSet(`secondo`),
		pastEndings:     []string{"ò"},
		complementisers: wordSet(`che`),
		determiners:     wordSet(`il lo la i gli le l un una uno del della dei degli delle al alla suo sua`),
		particles:       wordSet(`di de da del`),
		pronouns:        wordSet(`lui lei loro`),
		stops:           wordSet(`in a al alla durante dopo prima con per su da e o ma che secondo ieri oggi`),
		titles: wordSet(`ministro ministra presidente presidentessa sindaco sindaca premier senatore
			senatrice deputato deputata portavoce direttore direttrice segretario segretaria capo
			economista analista esperto esperta ricercatore ricercatrice professore professoressa
			procuratore giudice leader dirigente consigliere governatore ambasciatore generale
			allenatore capitano commissario assessore`),
		orgHeads: wordSet(`ministero governo azienda società banca partito commissione consiglio
			tribunale polizia esercito fondo sindacato associazione federazione agenzia istituto
			università comune regione camera senato organizzazione gruppo`),
		skip: wordSet(`oggi ieri anche poi inoltre lunedì martedì mercoledì giovedì venerdì sabato domenica`),
	}
}

// isTitle reports whether a word names an office or a profession in lx's language.
func (lx *latinLexicon) isTitle(w string) bool {
	if lx.titles[w] || lx.titles[lower(w)] {
		return true
	}
	lw := lower(w)
	for _, suf := range lx.titleSuffixes {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf) {
			return true
		}
	}
	return false
}

// latinMarks are the quotation marks of the Latin-script languages we read, most specific first:
// “ ” and " " (Spanish, Portuguese, Italian, and English-style typography everywhere), « » with
// or without inner spaces (French, Spanish, Italian, Swiss German), „ “ and » « (German),
// ‹ › and ‚ ‘ (their single forms).
var latinMarks = []quoteMark{
	{"“", []string{"”", "“"}, false},
	{"\"", []string{"\""}, false},
	{"«", []string{"»"}, false},
	{"„", []string{"“", "”"}, false},
	{"»", []string{"«"}, false},
	{"‹", []string{"›"}, false},
	{"‚", []string{"‘", "’"}, false},
}

// chineseMarks are the quotation marks of Chinese text: “ ” (Simplified), 「」 and 『』
// (Traditional), and " " typed on a Western keyboard.
var chineseMarks = []quoteMark{
	{"“", []string{"”"}, false},
	{"「", []string{"」"}, false},
	{"『", []string{"』"}, false},
	{"\"", []string{"\""}, false},
}

// chineseVerbs are speech verbs of Chinese news (Simplified and Traditional), longest first so
// that "介绍说" wins over "说".
var chineseVerbs = []string{"接受采访时表示", "接受採訪時表示", "补充说", "補充說", "介绍说", "介紹說",
	"表示", "指出", "强调", "強調", "介绍", "介紹", "透露", "坦言", "直言", "回应", "回應", "宣布", "宣佈",
	"说道", "說道", "问道", "問道", "写道", "寫道", "提到", "告诉", "告訴", "认为", "認為", "称", "稱",
	"说", "說"}

// chineseTitles are offices and professions that stand before a Chinese name ("发言人汪文斌"),
// longest first.
var chineseTitles = []string{"首席执行官", "首席執行官", "首席经济学家", "首席經濟學家", "董事长", "董事長",
	"总经理", "總經理", "发言人", "發言人", "副市长", "副市長", "副主席", "副总理", "副總理", "副省长",
	"分析师", "分析師", "经济学家", "經濟學家", "负责人", "負責人", "秘书长", "秘書長", "国务委员",
	"委员", "委員", "书记", "書記", "主席", "总理", "總理", "总统", "總統", "首相", "部长", "部長", "市长",
	"市長", "省长", "省長", "局长", "局長", "主任", "院长", "院長", "校长", "校長", "教授", "研究员",
	"研究員", "专家", "專家", "总裁", "總裁", "经理", "經理", "大使", "外长", "外長", "行政长官",
	"行政長官", "特首", "官员", "官員", "主管", "队长", "隊長", "教练", "教練", "博士", "记者", "記者",
	"人士", "代表", "律师", "律師", "法官", "检察官", "檢察官", "CEO", "主持人", "创始人", "創辦人",
	"市民", "居民", "村民", "网友", "網友", "游客", "遊客", "学生", "學生", "员工", "員工", "工人", "农民",
	"農民", "司机", "司機", "店主", "老板", "老闆", "家长", "家長", "患者", "志愿者", "志願者"}

// chineseTitlesAfterName are offices written after a name as well as before it ("李强总理").
var chineseTitlesAfterName = map[string]bool{"总理": true, "總理": true, "主席": true, "总统": true,
	"總統": true, "部长": true, "部長": true, "市长": true, "市長": true, "省长": true, "省長": true,
	"书记": true, "書記": true, "教授": true, "局长": true, "局長": true, "主任": true, "大使": true,
	"首相": true, "外长": true, "外長": true, "博士": true, "院长": true, "院長": true}

// chineseOrgEnds end the names of organisations: "外交部", "无锡市人民政府", "太湖微电子公司".
var chineseOrgEnds = []string{"部", "局", "委", "厅", "廳", "院", "会", "會", "公司", "集团", "集團",
	"银行", "銀行", "政府", "中心", "协会", "協會", "大学", "大學", "办公室", "辦公室", "署", "所", "组织",
	"組織", "联盟", "聯盟", "法院", "机构", "機構"}

// chinesePronouns stand for the last person named: 他 (he), 她 (she), 他们/她们 (they).
var chinesePronouns = []string{"他们", "他們", "她们", "她們", "他", "她"}

// chineseAdverbials open a phrase between a speaker and its verb ("在签约仪式上", "对记者",
// "接受采访时"): the speaker ends before them.
var chineseAdverbials = []string{"在", "于", "於", "对", "對", "向", "接受", "当天", "當天", "日前",
	"近日", "昨天", "今天", "昨日", "今日", "周一", "周二", "周三", "周四", "周五", "周六", "周日",
	"週一", "週二", "週三", "週四", "週五", "也", "还", "還", "则", "則", "随后", "隨後",
	"进一步", "進一步", "明确", "明確", "同时", "同時", "此前", "上午", "下午", "晚间", "晚間"}
