package money

import (
	"sort"
	"strings"
)

// The tables are read-only data. "$", "¥" and "Rs" are placeholders that docContext.resolve turns
// into the article's currency.

// codes are the ISO 4217 codes recognised before or after a number.
var codes = setOf(`USD EUR GBP JPY CNY INR CHF AUD CAD HKD SGD NZD KRW RUB BRL ZAR NGN KES MXN SEK NOK DKK
PLN TRY AED SAR TWD THB MYR IDR PHP PKR EGP ILS QAR KWD VND BDT UAH ARS CLP COP PEN GHS ETB UGX TZS
MAD CZK HUF RON LKR NPR XOF XAF IQD JOD OMR BHD`)

// dollarPrefixes are the qualified dollar signs.
var dollarPrefixes = map[string]string{
	"US$": "USD", "U.S.$": "USD", "HK$": "HKD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
	"S$": "SGD", "NZ$": "NZD", "NT$": "TWD", "MX$": "MXN", "R$": "BRL",
}

// dollarAdjectives name the country of "… dollars".
var dollarAdjectives = map[string]string{
	"US": "USD", "U.S.": "USD", "American": "USD", "Australian": "AUD", "Canadian": "CAD",
	"Hong Kong": "HKD", "Singapore": "SGD", "Singaporean": "SGD", "New Zealand": "NZD", "Taiwan": "TWD",
	"New Taiwan": "TWD", "Zimbabwean": "ZWL", "Jamaican": "JMD", "Namibian": "NAD", "Fijian": "FJD",
}

// dollarTLDs give bare dollars a local meaning by the source's domain.
var dollarTLDs = map[string]string{
	".au": "AUD", ".ca": "CAD", ".nz": "NZD", ".sg": "SGD", ".hk": "HKD", ".tw": "TWD",
}

// symbolCurrency maps single symbols.
var symbolCurrency = map[string]string{
	"$": "$", "€": "EUR", "£": "GBP", "¥": "¥", "₹": "INR", "₩": "KRW", "₽": "RUB", "₦": "NGN",
	"₱": "PHP", "₺": "TRY", "₪": "ILS", "₫": "VND", "฿": "THB", "₴": "UAH", "₵": "GHS",
}

type prefix struct {
	text     string
	currency string
	letters  bool // made of letters, so it may be glued to the number ("Rs500", "USD5")
}

// symbolPrefixes are everything that may stand before a number, longest first.
var symbolPrefixes = buildPrefixes()

func buildPrefixes() []prefix {
	var ps []prefix
	for p, c := range dollarPrefixes {
		ps = append(ps, prefix{text: p, currency: c})
	}
	for p, c := range symbolCurrency {
		ps = append(ps, prefix{text: p, currency: c})
	}
	for c := range codes {
		ps = append(ps, prefix{text: c, currency: c, letters: true})
	}
	for p, c := range map[string]string{"Rs.": "Rs", "Rs": "Rs", "RMB": "CNY", "CN¥": "CNY", "JP¥": "JPY",
		"€ ": "EUR", "Sh": "KES", "KSh": "KES", "Ksh": "KES", "R": "ZAR", "Fr.": "CHF", "SFr.": "CHF"} {
		ps = append(ps, prefix{text: p, currency: c, letters: p != "€ "})
	}
	sort.Slice(ps, func(a, b int) bool {
		if len(ps[a].text) != len(ps[b].text) {
			return len(ps[a].text) > len(ps[b].text)
		}
		return ps[a].text < ps[b].text
	})
	return ps
}

// currencyWords follow a number ("250 billion yuan"); the value is a currency or a family name that
// adjectiveCurrency refines ("Swiss francs").
var currencyWords = map[string]string{
	"dollars": "$", "dollar": "$", "euros": "EUR", "euro": "EUR", "yuan": "CNY", "renminbi": "CNY",
	"yen": "JPY", "rupees": "INR", "rupee": "INR", "pounds sterling": "GBP", "pounds": "GBP",
	"pound": "GBP", "sterling": "GBP", "francs": "CHF", "franc": "CHF", "pesos": "MXN", "peso": "MXN",
	"rand": "ZAR", "naira": "NGN", "shillings": "KES", "shilling": "KES", "won": "KRW", "rubles": "RUB",
	"roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "reais": "BRL", "real": "BRL", "ringgit": "MYR",
	"baht": "THB", "rupiah": "IDR", "lira": "TRY", "liras": "TRY", "dirhams": "AED", "dirham": "AED",
	"riyals": "SAR", "riyal": "SAR", "zloty": "PLN", "zlotys": "PLN", "kronor": "SEK", "krona": "SEK",
	"kroner": "NOK", "krone": "NOK", "dinars": "IQD", "dinar": "IQD", "cedis": "GHS", "cedi": "GHS",
	"birr": "ETB", "kwacha": "ZMW", "taka": "BDT", "dong": "VND", "hryvnias": "UAH", "hryvnia": "UAH",
	"shekels": "ILS", "shekel": "ILS", "forints": "HUF", "forint": "HUF",
}

// adjectiveCurrency refines a currency word by nationality ("Swiss francs", "Australian dollars").
var adjectiveCurrency = buildAdjectives()

func buildAdjectives() map[string]string {
	m := map[string]string{
		"Swiss": "CHF", "CFA": "XOF", "Egyptian": "EGP", "British": "GBP", "Lebanese": "LBP",
		"Indian": "INR", "Pakistani": "PKR", "Sri Lankan": "LKR", "Nepalese": "NPR", "Nepali": "NPR",
		"Mexican": "MXN", "Philippine": "PHP", "Argentine": "ARS", "Argentinian": "ARS", "Chilean": "CLP",
		"Colombian": "COP", "South African": "ZAR", "Kenyan": "KES", "Ugandan": "UGX", "Tanzanian": "TZS",
		"Japanese": "JPY", "Chinese": "CNY", "Brazilian": "BRL", "Russian": "RUB", "Turkish": "TRY",
		"Saudi": "SAR", "Qatari": "QAR", "UAE": "AED", "Emirati": "AED", "Moroccan": "MAD", "Swedish": "SEK",
		"Norwegian": "NOK", "Danish": "DKK", "Iraqi": "IQD", "Jordanian": "JOD", "Kuwaiti": "KWD",
		"Ghanaian": "GHS", "Ethiopian": "ETB", "Bangladeshi": "BDT", "Vietnamese": "VND",
		"Ukrainian": "UAH", "Nigerian": "NGN", "Israeli": "ILS", "Hungarian": "HUF", "Polish": "PLN",
		"Thai": "THB", "Indonesian": "IDR", "Malaysian": "MYR", "South Korean": "KRW", "Korean": "KRW",
		"Zambian": "ZMW",
	}
	for adj, c := range dollarAdjectives {
		m[adj] = c
	}
	return m
}

// currencyFamily names the currency word a currency is counted in, as currencyWords' values do
// ("$" for every dollar, "CHF" for every franc …); currencies absent here use their own code.
var currencyFamily = map[string]string{
	"USD": "$", "AUD": "$", "CAD": "$", "HKD": "$", "SGD": "$", "NZD": "$", "TWD": "$", "ZWL": "$",
	"JMD": "$", "NAD": "$", "FJD": "$", "XOF": "CHF", "EGP": "GBP", "LBP": "GBP", "PKR": "INR",
	"LKR": "INR", "NPR": "INR", "PHP": "MXN", "ARS": "MXN", "CLP": "MXN", "COP": "MXN", "UGX": "KES",
	"TZS": "KES", "QAR": "SAR", "MAD": "AED", "DKK": "NOK", "JOD": "IQD", "KWD": "IQD",
}

func setOf(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}
