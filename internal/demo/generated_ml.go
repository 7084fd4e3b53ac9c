package demo

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// GeneratedLanguages are the languages a generated site can be written in ("en" is the templated
// English of genTopics; the others are genLangs').
var GeneratedLanguages = []string{"en", "es", "fr", "de", "pt", "zh"}

// CheckGeneratedLanguages says which of langs a generated site cannot be written in.
func CheckGeneratedLanguages(langs []string) error {
	for _, l := range langs {
		if !slices.Contains(GeneratedLanguages, l) {
			return fmt.Errorf("generated site: no articles in language %q (have %s)", l, strings.Join(GeneratedLanguages, ","))
		}
	}
	return nil
}

// genLang is how a generated story is written in one language other than English: places under the
// names the alternate-names gazetteer knows (München, Bayern, 无锡, 江苏), people with roles, money
// and dates in the language's own forms, and quotes with its quotation marks and speech verbs.
type genLang struct {
	places      []genPlace
	first, last []string
	nameSep     string   // between first and last name ("" in Chinese)
	roles       []string // %c city, %o organisation
	orgs        []string
	titles      []string // %c city, %r region, %o organisation
	facts       []string // the first one leads; %c, %r, %n country, %o, %m money, %w when, %j jobs
	quotes      []string
	// quote renders a quotation q by speaker (name, role).
	quote func(q, name, role string) string
	money func(v int) string
	when  []string // relative dates; dated() adds "<day> <month>" forms
	// dated renders day d of month m (1-12) as the language writes a date in running text.
	dated func(d, m int) string
	close string // the last paragraph; %o, %r
}

var esMonths = []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
var frMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
var deMonths = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
var ptMonths = []string{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"}

// decimalComma writes v tenths as "1,5" (the decimal comma of es, fr, de, pt).
func decimalComma(tenths int) string {
	return strconv.Itoa(tenths/10) + "," + strconv.Itoa(tenths%10)
}

var genLangs = map[string]*genLang{
	"es": {
		places: []genPlace{{"Bogotá", "Cundinamarca", "Colombia"}, {"Monterrey", "Nuevo León", "México"},
			{"Sevilla", "Andalucía", "España"}, {"Barcelona", "Cataluña", "España"}, {"Medellín", "Antioquia", "Colombia"}},
		first: []string{"Lucía", "Javier", "Carmen", "Andrés", "Valentina", "Diego", "Camila", "Mateo"},
		last:  []string{"García", "Fernández", "Restrepo", "Morales", "Herrera", "Castillo", "Ortega", "Vargas"}, nameSep: " ",
		roles:  []string{"alcalde de %c", "presidente de %o", "economista de la Universidad de %c", "portavoz del gobierno regional"},
		orgs:   []string{"Grupo Andino", "Energía del Sur", "Constructora Pacífico", "Banco Regional"},
		titles: []string{"%o invertirá %m en una nueva planta en %c", "El gobierno de %r aprueba un plan de obras para %c", "%c recibe la mayor inversión industrial del año"},
		facts: []string{"La empresa %o anunció %w que invertirá %m en una planta en las afueras de %c, en %r, según documentos a los que tuvo acceso este diario.",
			"El proyecto creará unos %j empleos en %r cuando funcione a plena capacidad, dijeron las autoridades.",
			"Es la mayor inversión del sector en %n este año y se suma a un paquete de %m anunciado %w.",
			"El gobierno regional aportará terrenos y beneficios fiscales por %m durante diez años."},
		quotes: []string{"Es un compromiso de largo plazo con %c y con la gente de %r", "Las cuentas solo cierran si la demanda se mantiene", "Estudiamos tres países y %c ganó en todo"},
		quote:  func(q, name, role string) string { return "«" + q + "», dijo " + name + ", " + role + "." },
		money: func(v int) string {
			if v%2 == 0 {
				return strconv.Itoa(v) + " millones de dólares"
			}
			return "US$" + strconv.Itoa(v) + " millones"
		},
		when:  []string{"el martes", "el lunes", "la semana pasada", "a principios de mes"},
		dated: func(d, m int) string { return "el " + strconv.Itoa(d) + " de " + esMonths[m-1] },
		close: "Ni %o ni el gobierno de %r respondieron a las solicitudes de comentarios.",
	},
	"fr": {
		places: []genPlace{{"Lyon", "Auvergne-Rhône-Alpes", "France"}, {"Marseille", "Provence-Alpes-Côte d'Azur", "France"},
			{"Bordeaux", "Nouvelle-Aquitaine", "France"}, {"Toulouse", "Occitanie", "France"}},
		first: []string{"Camille", "Julien", "Claire", "Mathieu", "Élodie", "Antoine", "Sophie", "Nicolas"},
		last:  []string{"Dubois", "Moreau", "Lefèvre", "Girard", "Rousseau", "Fontaine", "Mercier", "Lambert"}, nameSep: " ",
		roles:  []string{"maire de %c", "président de %o", "économiste à l'université de %c", "porte-parole de la région"},
		orgs:   []string{"Groupe Rhodanien", "Énergies du Midi", "Compagnie Atlantique", "Banque des Territoires"},
		titles: []string{"%o va investir %m dans une nouvelle usine près de %c", "La région %r adopte un plan d'investissement pour %c", "%c décroche le plus gros investissement industriel de l'année"},
		facts: []string{"Le groupe %o a annoncé %w qu'il investirait %m dans une usine à la périphérie de %c, en %r, selon des documents consultés par notre journal.",
			"Le projet doit créer environ %j emplois dans la région %r une fois à pleine capacité, selon les autorités.",
			"Il s'agit du plus gros investissement du secteur en %n cette année, après un plan de %m annoncé %w.",
			"La région apportera des terrains et des allègements fiscaux pour %m sur dix ans."},
		quotes: []string{"C'est un engagement de long terme pour %c et pour les habitants de %r", "Les chiffres ne tiennent que si la demande se maintient", "Nous avons étudié trois pays et %c l'a emporté sur tous les critères"},
		quote:  func(q, name, role string) string { return "« " + q + " », a déclaré " + name + ", " + role + "." },
		money: func(v int) string {
			if v%2 == 0 {
				return strconv.Itoa(v) + " millions d'euros"
			}
			return decimalComma(v) + " milliards d'euros"
		},
		when:  []string{"mardi", "lundi", "la semaine dernière", "en début de mois"},
		dated: func(d, m int) string { return "le " + strconv.Itoa(d) + " " + frMonths[m-1] },
		close: "Ni %o ni la région %r n'ont répondu aux demandes de commentaires.",
	},
	"de": {
		places: []genPlace{{"München", "Bayern", "Deutschland"}, {"Stuttgart", "Baden-Württemberg", "Deutschland"},
			{"Dresden", "Sachsen", "Deutschland"}, {"Düsseldorf", "Nordrhein-Westfalen", "Deutschland"}},
		first: []string{"Ulrike", "Thomas", "Katrin", "Michael", "Anja", "Stefan", "Julia", "Markus"},
		last:  []string{"Becker", "Schmidt", "Hofmann", "Wagner", "Schneider", "Fischer", "Weber", "Krüger"}, nameSep: " ",
		roles:  []string{"Oberbürgermeister von %c", "Vorstandschef von %o", "Ökonomin an der Universität %c", "Sprecher der Landesregierung"},
		orgs:   []string{"Südwerke", "Alpenstrom", "Rheinmetallbau", "Landesbank Süd"},
		titles: []string{"%o investiert %m in neues Werk bei %c", "Landesregierung in %r beschließt Ausbauplan für %c", "%c holt die größte Industrieansiedlung des Jahres"},
		facts: []string{"Der Konzern %o hat %w angekündigt, %m in ein Werk am Stadtrand von %c in %r zu investieren, wie aus Unterlagen hervorgeht, die dieser Zeitung vorliegen.",
			"Das Projekt soll nach Angaben der Behörden rund %j Arbeitsplätze in %r schaffen, wenn es voll ausgelastet ist.",
			"Es ist die größte Investition der Branche in %n in diesem Jahr und folgt auf ein Paket von %m, das %w vorgestellt wurde.",
			"Das Land stellt Flächen und Steuererleichterungen im Wert von %m über zehn Jahre bereit."},
		quotes: []string{"Das ist eine langfristige Zusage an %c und an die Menschen in %r", "Die Rechnung geht nur auf, wenn die Nachfrage hält", "Wir haben drei Länder geprüft, und %c lag überall vorn"},
		quote:  func(q, name, role string) string { return "„" + q + "“, sagte " + name + ", " + role + "." },
		money: func(v int) string {
			if v%2 == 0 {
				return strconv.Itoa(v) + " Millionen Euro"
			}
			return decimalComma(v) + " Milliarden Euro"
		},
		when:  []string{"am Dienstag", "am Montag", "in der vergangenen Woche", "Anfang des Monats"},
		dated: func(d, m int) string { return "am " + strconv.Itoa(d) + ". " + deMonths[m-1] },
		close: "Weder %o noch die Landesregierung von %r wollten sich auf Anfrage äußern.",
	},
	"pt": {
		places: []genPlace{{"São Paulo", "São Paulo", "Brasil"}, {"Porto Alegre", "Rio Grande do Sul", "Brasil"},
			{"Curitiba", "Paraná", "Brasil"}, {"Belo Horizonte", "Minas Gerais", "Brasil"}},
		first: []string{"João", "Mariana", "Paulo", "Beatriz", "Rafael", "Fernanda", "Lucas", "Ana"},
		last:  []string{"Souza", "Oliveira", "Santos", "Pereira", "Costa", "Almeida", "Ribeiro", "Carvalho"}, nameSep: " ",
		roles:  []string{"prefeito de %c", "presidente da %o", "economista da Universidade de %c", "porta-voz do governo estadual"},
		orgs:   []string{"Metalúrgica Paulista", "Energia Sul", "Construtora Horizonte", "Banco do Sul"},
		titles: []string{"%o vai investir %m em nova fábrica perto de %c", "Governo de %r aprova plano de obras para %c", "%c recebe o maior investimento industrial do ano"},
		facts: []string{"A empresa %o anunciou %w que vai investir %m em uma fábrica nos arredores de %c, no estado de %r, segundo documentos obtidos pela reportagem.",
			"O projeto deve criar cerca de %j empregos em %r quando estiver em plena operação, disseram as autoridades.",
			"É o maior investimento do setor no %n este ano e se soma a um pacote de %m anunciado %w.",
			"O governo estadual vai oferecer terrenos e incentivos fiscais de %m ao longo de dez anos."},
		quotes: []string{"É um compromisso de longo prazo com %c e com o povo de %r", "As contas só fecham se a demanda se mantiver", "Estudamos três países e %c saiu na frente em tudo"},
		quote:  func(q, name, role string) string { return "“" + q + "”, disse " + name + ", " + role + "." },
		money: func(v int) string {
			if v%2 == 0 {
				return "R$ " + strconv.Itoa(v) + " milhões"
			}
			return "R$ " + decimalComma(v) + " bilhões"
		},
		when:  []string{"na terça-feira", "na segunda-feira", "na semana passada", "no início do mês"},
		dated: func(d, m int) string { return "em " + strconv.Itoa(d) + " de " + ptMonths[m-1] },
		close: "A %o e o governo de %r não responderam aos pedidos de comentário.",
	},
	"zh": {
		places: []genPlace{{"无锡", "江苏", "中国"}, {"苏州", "江苏", "中国"}, {"杭州", "浙江", "中国"}, {"成都", "四川", "中国"}, {"深圳", "广东", "中国"}},
		first:  []string{"王", "李", "张", "刘", "陈", "杨", "赵", "周"},
		last:   []string{"建国", "晓明", "丽华", "志强", "海燕", "国栋", "文静", "立新"}, nameSep: "",
		roles:  []string{"%c市市长", "%o董事长", "%c大学经济学教授", "省政府发言人"},
		orgs:   []string{"华东新能源集团", "长江精密制造", "江南半导体公司", "西部投资集团"},
		titles: []string{"%o拟在%c投资%m建设新工厂", "%r省政府批准%c基础设施规划", "%c迎来年内最大工业投资项目"},
		facts: []string{"%o%w宣布，将投资%m在%r省%c市郊建设新工厂。",
			"据当地官员介绍，项目全面投产后将在%r创造约%j个就业岗位。",
			"这是%n该行业今年最大的一笔投资，此前%w已公布一项%m的扶持计划。",
			"地方政府将在十年内提供价值%m的土地和税收优惠。"},
		quotes: []string{"这是对%c和%r人民的长期承诺", "只有需求保持稳定，这笔账才算得过来", "我们比较了三个国家，%c在各方面都领先"},
		quote:  func(q, name, role string) string { return role + name + "说：“" + q + "。”" },
		money: func(v int) string {
			if v%2 == 0 {
				return strconv.Itoa(v) + "亿元"
			}
			return strconv.Itoa(v) + "万元人民币"
		},
		when:  []string{"周二", "本周一", "上周", "本月初"},
		dated: func(d, m int) string { return strconv.Itoa(m) + "月" + strconv.Itoa(d) + "日" },
		close: "%o和%r省政府未回应置评请求。",
	},
}

// storyIn builds article i in lang; English is write's.
func (g *genWriter) storyIn(i int, lang string) *story {
	l := genLangs[lang]
	if l == nil {
		return g.write(i)
	}
	g.place = l.places[g.rng.IntN(len(l.places))]
	g.org = genOrg{Name: g.pick(l.orgs), Kind: "company"}
	o := &outletDefs[i%len(outletDefs)]
	title := g.fillIn(l, g.pick(l.titles))
	person := func() (string, string) {
		role := strings.NewReplacer("%c", g.place.City, "%o", g.org.Name).Replace(g.pick(l.roles))
		return g.pick(l.first) + l.nameSep + g.pick(l.last), role
	}
	n1, r1 := person()
	n2, r2 := person()
	st := &story{
		outlet:    o,
		Slug:      slugify(g.org.Name) + "-" + lang + "-" + strconv.Itoa(i),
		Title:     title,
		Section:   sectionFor(o, "business"),
		Language:  lang,
		Charset:   "utf-8",
		Authors:   []string{g.pick(l.first) + l.nameSep + g.pick(l.last)},
		Published: generatedEnd.Add(-time.Duration(g.rng.Int64N(int64(21 * 24 * time.Hour)))).Truncate(time.Minute).In(o.Zone),
		Places:    []string{g.place.City, g.place.Region, g.place.Country},
		Tags:      []string{"business", g.place.Country},
	}
	qi := g.rng.IntN(len(l.quotes))
	paras := []string{
		g.fillIn(l, l.facts[0]),
		g.fillIn(l, l.facts[1]),
		l.quote(g.fillIn(l, l.quotes[qi]), n1, r1),
		g.fillIn(l, l.facts[2]),
		l.quote(g.fillIn(l, l.quotes[(qi+1)%len(l.quotes)]), n2, r2),
		g.fillIn(l, l.facts[3]),
		g.fillIn(l, l.close),
	}
	for _, p := range paras {
		st.Body = append(st.Body, block{Text: p})
	}
	st.Dek = paras[1]
	return st
}

// fillIn is fill in language l: its money and dates, no English.
func (g *genWriter) fillIn(l *genLang, s string) string {
	s = strings.NewReplacer("%c", g.place.City, "%r", g.place.Region, "%n", g.place.Country, "%o", g.org.Name).Replace(s)
	for strings.Contains(s, "%m") {
		s = strings.Replace(s, "%m", l.money(g.rng.IntN(900)+12), 1)
	}
	for strings.Contains(s, "%w") {
		when := l.dated(g.rng.IntN(28)+1, g.rng.IntN(11)+1) // January to November: before generatedEnd
		if g.rng.IntN(2) == 0 {
			when = g.pick(l.when)
		}
		s = strings.Replace(s, "%w", when, 1)
	}
	jobs := (g.rng.IntN(90) + 5) * 100
	if l.nameSep != "" { // the Latin-script languages write 8.600 (fr 8 600; a dot reads the same)
		s = strings.ReplaceAll(s, "%j", strings.Replace(thousands(jobs), ",", ".", 1))
	}
	return strings.ReplaceAll(s, "%j", strconv.Itoa(jobs))
}
