package money

import "strings"

// The tables are read-only data. "$", "¥", "Rs", "peso", "shilling" and "krone" are placeholders that docContext.resolve turns
// into the article's currency. Word tables are keyed in lower case.

// codes are the ISO 4217 codes (plus BTC) recognised in upper case before or after a number, and
// with an "M" for millions ("30 MUSD", "MAUD 60").
var codes = setOf(`USD EUR GBP JPY CNY INR CHF AUD CAD HKD SGD NZD KRW RUB BRL ZAR NGN KES MXN SEK NOK DKK
PLN TRY AED SAR TWD THB MYR IDR PHP PKR EGP ILS QAR KWD VND BDT UAH ARS CLP COP PEN GHS ETB UGX TZS
MAD CZK HUF RON LKR NPR XOF XAF IQD JOD OMR BHD BTC CRC LAK GEL KZT UZS AZN BGN ISK TND DZD LYD
SDG SSP RWF MWK ZMW ZWL MZN AOA BWP NAD JMD TTD DOP GTQ HNL PAB PYG UYU BOB VES CUP HTG MNT KHR MMK
LBP SYP IRR AFN XBT`)

// wordlikeCodes are codes that are also common names in print ("PHP 8.2", "CUP 3"): they count
// only with a magnitude or a number of 100 or more ("PHP 5 billion", "PHP 1,500").
var wordlikeCodes = setOf(`PHP CUP BOB MAD GEL`)

// lowerCodes may also be written in lower case after a number ("half million usd"); the other codes
// collide with English words (try, mad, all, gel) and count only in upper case.
var lowerCodes = setOf(`usd eur gbp jpy cny inr chf aud cad hkd sgd nzd rmb btc`)

// letterDollars are the letters that qualify a dollar sign glued to them ("US$", "HK$", "usd$",
// "Mex$"). Single letters are case-sensitive ("A$" is AUD; "a $5 fee" is not).
var letterDollars = map[string]string{
	"us": "USD", "usd": "USD", "hk": "HKD", "hkd": "HKD", "au": "AUD", "aud": "AUD", "ca": "CAD",
	"cad": "CAD", "nz": "NZD", "nzd": "NZD", "sg": "SGD", "sgd": "SGD", "nt": "TWD", "twd": "TWD",
	"mx": "MXN", "mex": "MXN", "mxn": "MXN", "c": "CAD", "z": "ZWL", "j": "JMD", "ec": "XCD", "bz": "BZD",
	"tt": "TTD", "fj": "FJD", "n": "NAD", "jm": "JMD",
}

// caseSensitiveDollars are single letters whose dollar must be written in upper case and glued.
var caseSensitiveDollars = map[string]string{"A": "AUD", "C": "CAD", "S": "SGD", "R": "BRL", "Z": "ZWL", "J": "JMD", "N": "NAD"}

// spacedDollars may stand apart from "$" in tokenised text ("hk $ 10.05 billion", "c $ 16.4 million").
var spacedDollars = setOf(`us usd hk hkd c nz nzd mex mxn aud cad sgd nt twd`)

// letterPrefixes are other letter prefixes before a number ("Rs 500", "RMB 10 billion", "KSh 300").
var letterPrefixes = map[string]string{
	"Rs": "Rs", "RMB": "CNY", "Sh": "KES", "KSh": "KES", "Ksh": "KES", "Fr": "CHF", "SFr": "CHF",
	"Tk": "BDT", "Rp": "IDR", "RM": "MYR", "Dhs": "AED", "Dh": "AED", "SR": "SAR", "QR": "QAR",
	"NRs": "NPR", "NIS": "ILS", "R": "ZAR",
}

// gluedOnlyPrefixes must touch the number ("R500", "RM5"), since alone they are initials.
var gluedOnlyPrefixes = setOf(`R RM SR QR Dh Sh Fr`)

// symbolCurrency maps single symbols.
var symbolCurrency = map[string]string{
	"$": "$", "€": "EUR", "£": "GBP", "¥": "¥", "₹": "INR", "₩": "KRW", "₽": "RUB", "₦": "NGN",
	"₱": "PHP", "₺": "TRY", "₪": "ILS", "₫": "VND", "฿": "THB", "₴": "UAH", "₵": "GHS", "₿": "BTC",
	"₡": "CRC", "₭": "LAK", "₾": "GEL", "₸": "KZT", "₼": "AZN", "֏": "AMD", "৳": "BDT", "₮": "MNT",
	"៛": "KHR", "元": "CNY", "円": "JPY", "￥": "¥", "﷼": "SAR", "₨": "Rs", "¢": "¢",
}

// currencyWords follow a number ("250 billion yuan"); the value is a currency or a family name that
// adjectiveCurrency refines ("Swiss francs").
var currencyWords = map[string]string{
	"dollars": "$", "dollar": "$", "bucks": "$", "euros": "EUR", "euro": "EUR", "yuan": "CNY",
	"renminbi": "CNY", "rmb": "CNY", "yen": "JPY", "rupees": "Rs", "rupee": "Rs", "pounds": "GBP",
	"pound": "GBP", "sterling": "GBP", "quid": "GBP", "francs": "CHF", "franc": "CHF", "pesos": "peso",
	"peso": "peso", "rand": "ZAR", "naira": "NGN", "shillings": "shilling", "shilling": "shilling", "won": "KRW",
	"rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "reais": "BRL", "ringgit": "MYR",
	"baht": "THB", "rupiah": "IDR", "lira": "TRY", "liras": "TRY", "lire": "TRY", "dirhams": "AED",
	"dirham": "AED", "riyals": "SAR", "riyal": "SAR", "rials": "IRR", "rial": "IRR", "zloty": "PLN",
	"zlotys": "PLN", "zlotych": "PLN", "kronor": "SEK", "krona": "SEK", "kroner": "krone", "krone": "krone",
	"dinars": "dinar", "dinar": "dinar", "cedis": "GHS", "cedi": "GHS", "birr": "ETB", "kwacha": "ZMW",
	"taka": "BDT", "dong": "VND", "hryvnias": "UAH", "hryvnia": "UAH", "hryvnia's": "UAH",
	"shekels": "ILS", "shekel": "ILS", "forints": "HUF", "forint": "HUF", "markka": "FIM",
	"markkaa": "FIM", "pesetas": "ESP", "peseta": "ESP", "schillings": "ATS", "schilling": "ATS",
	"escudos": "PTE", "escudo": "PTE", "drachmas": "GRD", "drachma": "GRD", "drachmae": "GRD",
	"guilders": "NLG", "guilder": "NLG",
	"bitcoins": "BTC", "bitcoin": "BTC", "lei": "RON", "leu": "RON", "tenge": "KZT", "manat": "AZN",
	"lari": "GEL", "drams": "AMD", "kip": "LAK", "riel": "KHR", "kyat": "MMK", "tugrik": "MNT",
	"colones": "CRC", "colón": "CRC", "soles": "PEN", "sol": "PEN", "bolivianos": "BOB",
	"quetzales": "GTQ", "quetzal": "GTQ", "lempiras": "HNL", "guaranies": "PYG", "afghanis": "AFN",
	"afghani": "AFN", "deutschmarks": "DEM", "deutschemarks": "DEM", "ரூ": "LKR", "元": "CNY",
	"kuai": "CNY", "dirhams.": "AED", "koruna": "CZK", "korun": "CZK", "levs": "BGN", "leva": "BGN",
	"lev": "BGN",
	// Wire-service abbreviations ("18 mln dlrs", "50 mln stg"), as Reuters writes them.
	"dlrs": "$", "dlr": "$", "dls": "$", "stg": "GBP",
	// Units of account: the European Currency Unit (before the euro) and the IMF's drawing right.
	"ecus": "XEU", "ecu": "XEU", "sdrs": "XDR", "sdr": "XDR",
	// Currencies of the 1980s wires: Brazil's cruzado, Ecuador's sucre, Venezuela's bolivar.
	"cruzados": "BRC", "cruzado": "BRC", "sucres": "ECS", "bolivars": "VES",
}

// familyPlaceholders are the bare currency words several countries count in, read as a
// placeholder that the article's country resolves ("500 mln francs" in a Paris story are French
// francs, in a Zurich one Swiss); "lire" is only ever the Italian plural.
var familyPlaceholders = map[string]string{
	"francs": "franc", "franc": "franc", "lira": "lira", "liras": "lira", "lire": "ITL",
}

// subUnit is a word for a hundredth (or less) of a currency: "50 cents" is 0.50 of the dollar.
type subUnit struct {
	currency string // a currency or a placeholder; "" takes the adjective's ("euro cents")
	exp      int    // the sub-unit is 10^exp of the main unit
}

var subUnitWords = map[string]subUnit{
	"cents": {"$", -2}, "cent": {"$", -2}, "cts": {"$", -2}, "pence": {"GBP", -2}, "penny": {"GBP", -2}, "pennies": {"GBP", -2},
	"sen": {"JPY", -2}, "satoshis": {"BTC", -8}, "satoshi": {"BTC", -8}, "sats": {"BTC", -8}, "paise": {"INR", -2},
	"kopeks": {"RUB", -2}, "kopecks": {"RUB", -2}, "centavos": {"MXN", -2}, "centimes": {"CHF", -2},
	"¢": {"$", -2},
}

// adjectiveCurrency refines a currency word by nationality ("Swiss francs", "Australian dollars").
// Two-word adjectives ("Hong Kong", "South African") are keyed with one space.
var adjectiveCurrency = map[string]string{
	"us": "USD", "u.s.": "USD", "u.s": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
	"hong kong": "HKD", "singapore": "SGD", "singaporean": "SGD", "new zealand": "NZD", "taiwan": "TWD",
	"new taiwan": "TWD", "taiwanese": "TWD", "zimbabwean": "ZWL", "zimbabwe": "ZWL", "jamaican": "JMD",
	"namibian": "NAD", "fijian": "FJD", "bahamian": "BSD", "barbadian": "BBD", "belize": "BZD",
	"brunei": "BND", "liberian": "LRD", "trinidad and tobago": "TTD", "east caribbean": "XCD",
	"swiss": "CHF", "cfa": "XOF", "west african cfa": "XOF", "central african cfa": "XAF",
	"egyptian": "EGP", "british": "GBP", "lebanese": "LBP", "syrian": "SYP", "sudanese": "SDG",
	"indian": "INR", "pakistani": "PKR", "sri lankan": "LKR", "nepalese": "NPR", "nepali": "NPR",
	"mauritian": "MUR", "mexican": "MXN", "philippine": "PHP", "argentine": "ARS", "argentinian": "ARS",
	"chilean": "CLP", "colombian": "COP", "cuban": "CUP", "dominican": "DOP", "uruguayan": "UYU",
	"south african": "ZAR", "kenyan": "KES", "ugandan": "UGX", "tanzanian": "TZS", "somali": "SOS",
	"japanese": "JPY", "chinese": "CNY", "brazilian": "BRL", "russian": "RUB", "turkish": "TRY",
	"saudi": "SAR", "qatari": "QAR", "uae": "AED", "emirati": "AED", "moroccan": "MAD", "swedish": "SEK",
	"norwegian": "NOK", "danish": "DKK", "icelandic": "ISK", "iraqi": "IQD", "jordanian": "JOD",
	"kuwaiti": "KWD", "bahraini": "BHD", "libyan": "LYD", "tunisian": "TND", "algerian": "DZD",
	"serbian": "RSD", "iranian": "IRR", "omani": "OMR", "yemeni": "YER", "ghanaian": "GHS",
	"ethiopian": "ETB", "bangladeshi": "BDT", "vietnamese": "VND", "ukrainian": "UAH",
	"nigerian": "NGN", "israeli": "ILS", "new israeli": "ILS", "hungarian": "HUF", "polish": "PLN",
	"thai": "THB", "indonesian": "IDR", "malaysian": "MYR", "south korean": "KRW", "korean": "KRW",
	"north korean": "KPW", "zambian": "ZMW", "finnish": "FIM", "spanish": "ESP", "dutch": "NLG",
	"netherlands": "NLG", "french": "FRF", "belgian": "BEF", "german": "DEM", "italian": "ITL",
	"czech": "CZK", "romanian": "RON", "bulgarian": "BGN", "peruvian": "PEN", "bolivian": "BOB",
	"venezuelan": "VES", "kazakh": "KZT", "georgian": "GEL", "armenian": "AMD", "azerbaijani": "AZN",
	"mongolian": "MNT", "cambodian": "KHR", "lao": "LAK", "burmese": "MMK", "afghan": "AFN",
	"rwandan": "RWF", "burundian": "BIF", "congolese": "CDF", "malawian": "MWK", "mozambican": "MZN",
	"angolan": "AOA", "botswana": "BWP", "costa rican": "CRC", "guatemalan": "GTQ", "honduran": "HNL",
	"paraguayan": "PYG", "haitian": "HTG", "euro": "EUR", "irish": "IEP", "luxembourg": "LUF", "maltese": "MTL",
	"h.k.": "HKD", "n.z.": "NZD", "european currency": "XEU", "special drawing": "XDR",
}

// adjectiveFirstWords are the first words of the adjectives of two or three words.
var adjectiveFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for k := range adjectiveCurrency {
		if first, _, ok := strings.Cut(k, " "); ok {
			m[first] = true
		}
	}
	return m
}()

// currencyFamily names the currency word a currency is counted in, as currencyWords' values do
// ("$" for every dollar, "CHF" for every franc …); currencies absent here use their own code.
var currencyFamily = map[string]string{
	"USD": "$", "AUD": "$", "CAD": "$", "HKD": "$", "SGD": "$", "NZD": "$", "TWD": "$", "ZWL": "$",
	"JMD": "$", "NAD": "$", "FJD": "$", "BSD": "$", "BBD": "$", "BZD": "$", "BND": "$", "LRD": "$",
	"TTD": "$", "XCD": "$",
	"XOF": "CHF", "XAF": "CHF", "FRF": "CHF", "BEF": "CHF", "RWF": "CHF", "BIF": "CHF", "CDF": "CHF", "LUF": "CHF",
	"MTL": "TRY",
	"EGP": "GBP", "LBP": "GBP", "SYP": "GBP", "SDG": "GBP",
	"INR": "Rs", "PKR": "Rs", "LKR": "Rs", "NPR": "Rs", "MUR": "Rs",
	"MXN": "peso", "PHP": "peso", "ARS": "peso", "CLP": "peso", "COP": "peso", "CUP": "peso", "DOP": "peso",
	"UYU": "peso",
	"KES": "shilling", "UGX": "shilling", "TZS": "shilling", "SOS": "shilling",
	"QAR": "SAR", "OMR": "IRR", "YER": "SAR", "IRR": "IRR",
	"MAD": "AED", "DKK": "krone", "NOK": "krone", "ISK": "SEK", "JOD": "dinar", "KWD": "dinar", "BHD": "dinar", "LYD": "dinar",
	"TND": "dinar", "DZD": "dinar", "RSD": "dinar", "IQD": "dinar", "KPW": "KRW", "FIM": "DEM", "ESP": "ESP", "NLG": "NLG",
	"DEM": "DEM", "ITL": "TRY", "ZMW": "ZMW", "MWK": "ZMW", "RON": "RON", "BGN": "BGN", "PEN": "PEN",
	"BOB": "BOB", "VES": "BOB", "KZT": "KZT", "GEL": "GEL", "AMD": "AMD", "AZN": "AZN", "MNT": "MNT",
	"KHR": "KHR", "LAK": "LAK", "MMK": "MMK", "AFN": "AFN", "MZN": "MZN", "AOA": "AOA", "BWP": "BWP",
	"CRC": "CRC", "GTQ": "GTQ", "HNL": "HNL", "PYG": "PYG", "HTG": "HTG", "CZK": "CZK",
}

// familyWords are extra family names a currency word may carry for an adjective: "marks" only ever
// counts with one ("German marks"), being an ordinary English word alone.
var familyWords = map[string]string{"marks": "DEM", "mark": "DEM", "pula": "BWP", "kwanza": "AOA",
	"metical": "MZN", "meticais": "MZN", "gourdes": "HTG", "cordobas": "NIO", "bolivars": "VES",
	"units": "XEU", "unit": "XEU", "rights": "XDR", "punts": "IEP", "punt": "IEP"}

// number words: units and tens add; "hundred" multiplies; magnitudes close a group.
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// wordMagnitudes follow a number as a word ("2 billion", "5 lakh crore"); the value is the exponent.
var wordMagnitudes = map[string]int{
	"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "lakh": 5, "lakhs": 5, "lac": 5,
	"crore": 7, "crores": 7, "mn": 6, "mln": 6, "mlns": 6, "bn": 9, "bln": 9, "tn": 12, "trn": 12,
	"millions": 6, "billions": 9, "thousands": 3,
}

// shortMagnitudes are glued to the number ("$5m", "£1.2bn", "$500k", "$2B").
var shortMagnitudes = map[string]int{
	"k": 3, "K": 3, "m": 6, "M": 6, "mn": 6, "mln": 6, "bn": 9, "b": 9, "B": 9, "bln": 9, "tn": 12,
	"tr": 12, "trn": 12, "MM": 6, "mm": 6, "Bn": 9, "Mn": 6, "BN": 9,
	"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "lakh": 5, "crore": 7,
}

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// countryCurrency is the currency a country's own dollar, peso, shilling or rupee is, by ISO 3166
// code: bare "pesos" in a Colombian story are COP. placeholderOf names the placeholder each serves.
var countryCurrency = map[string]string{
	"US": "USD", "AU": "AUD", "CA": "CAD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "TW": "TWD",
	"JM": "JMD", "ZW": "ZWL", "NA": "NAD", "FJ": "FJD", "BS": "BSD", "BB": "BBD", "BZ": "BZD",
	"BN": "BND", "LR": "LRD", "TT": "TTD",
	"MX": "MXN", "CO": "COP", "AR": "ARS", "CL": "CLP", "PH": "PHP", "UY": "UYU", "DO": "DOP", "CU": "CUP",
	"KE": "KES", "UG": "UGX", "TZ": "TZS", "SO": "SOS",
	"IN": "INR", "PK": "PKR", "LK": "LKR", "NP": "NPR", "MU": "MUR",
	"DK": "DKK", "NO": "NOK",
	"FR": "FRF", "BE": "BEF", "LU": "LUF", "CH": "CHF", "LI": "CHF", "SN": "XOF", "CI": "XOF", "ML": "XOF",
	"BF": "XOF", "NE": "XOF", "TG": "XOF", "BJ": "XOF", "CM": "XAF", "GA": "XAF", "CG": "XAF", "TD": "XAF",
	"CF": "XAF", "RW": "RWF", "BI": "BIF", "CD": "CDF",
	"IT": "ITL", "TR": "TRY", "MT": "MTL", "DE": "DEM", "FI": "FIM", "IE": "IEP",
	"IQ": "IQD", "KW": "KWD", "BH": "BHD", "JO": "JOD", "LY": "LYD", "TN": "TND", "DZ": "DZD", "RS": "RSD",
}

// countryNames are the ways a text names a peso, shilling, krone, rupee or dinar country when no resolved
// places are given (a bare Find): the country with the most mentions decides.
var countryNames = []struct{ text, country string }{
	{"Mexic", "MX"}, {"Méxic", "MX"}, {"Colombia", "CO"}, {"Bogotá", "CO"}, {"Bogota", "CO"},
	{"Argentin", "AR"}, {"Buenos Aires", "AR"}, {"Chile", "CL"}, {"Santiago", "CL"},
	{"Philippin", "PH"}, {"Filipino", "PH"}, {"Manila", "PH"}, {"Uruguay", "UY"}, {"Montevideo", "UY"},
	{"Dominican", "DO"}, {"Cuba", "CU"}, {"Havana", "CU"},
	{"Kenya", "KE"}, {"Nairobi", "KE"}, {"Uganda", "UG"}, {"Kampala", "UG"}, {"Tanzania", "TZ"},
	{"Dar es Salaam", "TZ"}, {"Somali", "SO"}, {"Mogadishu", "SO"},
	{"India", "IN"}, {"Pakistan", "PK"}, {"Sri Lanka", "LK"}, {"Nepal", "NP"}, {"Mauriti", "MU"},
	{"Denmark", "DK"}, {"Danish", "DK"}, {"Copenhagen", "DK"}, {"Greenland", "DK"}, {"Norw", "NO"}, {"Oslo", "NO"},
	{"France", "FR"}, {"French", "FR"}, {"Paris", "FR"}, {"Belgi", "BE"}, {"Brussels", "BE"},
	{"Luxembourg", "LU"}, {"Swiss", "CH"}, {"Switzerland", "CH"}, {"Zurich", "CH"}, {"Geneva", "CH"},
	{"Senegal", "SN"}, {"Ivory Coast", "CI"}, {"Cameroon", "CM"},
	{"Ital", "IT"}, {"Rome", "IT"}, {"Milan", "IT"}, {"Turk", "TR"}, {"Ankara", "TR"}, {"Istanbul", "TR"},
	{"Malta", "MT"}, {"German", "DE"}, {"Bundesbank", "DE"}, {"Frankfurt", "DE"}, {"Bonn", "DE"},
	{"Finland", "FI"}, {"Finnish", "FI"}, {"Helsinki", "FI"}, {"Ireland", "IE"}, {"Irish", "IE"}, {"Dublin", "IE"},
	{"Iraq", "IQ"}, {"Baghdad", "IQ"}, {"Kuwait", "KW"}, {"Bahrain", "BH"}, {"Manama", "BH"}, {"Jordan", "JO"},
	{"Amman", "JO"}, {"Liby", "LY"}, {"Tunisia", "TN"}, {"Tunis", "TN"}, {"Algeria", "DZ"}, {"Algiers", "DZ"},
	{"Serbia", "RS"}, {"Belgrade", "RS"}, {"Swed", "SE"}, {"Stockholm", "SE"}, {"Iceland", "IS"},
	{"Reykjavik", "IS"}, {"Czech", "CZ"}, {"Prague", "CZ"},
}

// tldCountry are the country domains a publisher's host may give (".com.co" ends in ".co").
var tldCountry = map[string]string{
	".mx": "MX", ".co": "CO", ".ar": "AR", ".cl": "CL", ".ph": "PH", ".uy": "UY", ".do": "DO", ".cu": "CU",
	".ke": "KE", ".ug": "UG", ".tz": "TZ", ".so": "SO", ".in": "IN", ".pk": "PK", ".lk": "LK", ".np": "NP",
	".mu": "MU", ".dk": "DK", ".no": "NO", ".fr": "FR", ".be": "BE", ".lu": "LU", ".ch": "CH", ".it": "IT",
	".tr": "TR", ".mt": "MT", ".de": "DE", ".fi": "FI",
}
