package money

import (
	"testing"
)

// TestLanguages reads sums written the way each language writes them: its number format, scale
// words, currency words and signs.
func TestLanguages(t *testing.T) {
	type want struct {
		text     string
		amount   float64
		currency string
	}
	for _, tt := range []struct {
		lang, in string
		want     []want
	}{
		{"es", "Petrosur anuncia una inversión de US$4.000 millones en Vaca Muerta", []want{{"US$4.000 millones", 4e9, "USD"}}},
		{"es", "una inversión de 4.000 millones de dólares; el barril a 70 dólares", []want{{"4.000 millones de dólares", 4e9, "USD"}, {"70 dólares", 70, "USD"}}},
		{"es", "un crédito de 1,5 billones de pesos colombianos", []want{{"1,5 billones de pesos colombianos", 1.5e12, "COP"}}},
		{"es", "costará mil millones de dólares y un millón de euros", []want{{"mil millones de dólares", 1e9, "USD"}, {"un millón de euros", 1e6, "EUR"}}},
		{"es", "El gobierno de México destinará 500 mdd y 2.300 millones de pesos", []want{{"500 mdd", 5e8, "USD"}, {"2.300 millones de pesos", 2.3e9, "MXN"}}},
		{"es", "una multa de 30 mil pesos en Bogotá, Colombia", []want{{"30 mil pesos", 3e4, "COP"}}},
		{"fr", "un plan de 3 millions d'euros et 2 milliards de dollars", []want{{"3 millions d'euros", 3e6, "EUR"}, {"2 milliards de dollars", 2e9, "USD"}}},
		{"fr", "1 234 567,8 euros, 500 000 FCFA et 3 M€", []want{{"1 234 567,8 euros", 1234567.8, "EUR"}, {"500 000 FCFA", 5e5, "XOF"}, {"3 M€", 3e6, "EUR"}}},
		{"fr", "une dette de 1,2 billion d'euros", []want{{"1,2 billion d'euros", 1.2e12, "EUR"}}},
		{"de", "5 Millionen Euro, 1,2 Mrd. Euro und 2,5 Milliarden US-Dollar", []want{{"5 Millionen Euro", 5e6, "EUR"}, {"1,2 Mrd. Euro", 1.2e9, "EUR"}, {"2,5 Milliarden US-Dollar", 2.5e9, "USD"}}},
		{"de", "100 Schweizer Franken oder CHF 1’234.50", []want{{"100 Schweizer Franken", 100, "CHF"}, {"CHF 1’234.50", 1234.5, "CHF"}}},
		{"de", "Schulden von 2 Billionen Euro", []want{{"2 Billionen Euro", 2e12, "EUR"}}},
		{"pt", "R$ 3,5 bilhões e US$ 4 bilhões", []want{{"R$ 3,5 bilhões", 3.5e9, "BRL"}, {"US$ 4 bilhões", 4e9, "USD"}}},
		{"pt", "3 milhões de reais, 4 mil milhões de euros e R$ 5 bi", []want{{"3 milhões de reais", 3e6, "BRL"}, {"4 mil milhões de euros", 4e9, "EUR"}, {"R$ 5 bi", 5e9, "BRL"}}},
		{"pt-PT", "uma dívida de 2 biliões de euros", []want{{"2 biliões de euros", 2e12, "EUR"}}},
		{"zh", "无锡将投资2500亿元（约合343亿美元）", []want{{"2500亿元", 2.5e11, "CNY"}, {"343亿美元", 3.43e10, "USD"}}},
		{"zh", "人民币5亿元、1.2万亿元、50多亿元和3000万欧元", []want{{"人民币5亿元", 5e8, "CNY"}, {"1.2万亿元", 1.2e12, "CNY"}, {"50多亿元", 5e9, "CNY"}, {"3000万欧元", 3e7, "EUR"}}},
		{"zh-Hant", "新台幣300億元", []want{{"新台幣300億元", 3e10, "TWD"}}},
		{"it", "un investimento di 2 miliardi di euro", []want{{"2 miliardi di euro", 2e9, "EUR"}}},
		{"nl", "een tekort van 3 miljard euro", []want{{"3 miljard euro", 3e9, "EUR"}}},
		// English is read as before: "billion" is a thousand million, "4.000 million" four million.
		{"", "$4.000 million and 2 billion euros", []want{{"$4.000 million", 4e6, "USD"}, {"2 billion euros", 2e9, "EUR"}}},
	} {
		got := find(tt.in, hints{lang: tt.lang})
		if len(got) != len(tt.want) {
			t.Errorf("%s %q: %d sums %v; want %d", tt.lang, tt.in, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Text != w.text || !closeTo(g.Amount, w.amount) || g.Currency != w.currency {
				t.Errorf("%s %q: sum %d = %q %v %s; want %q %v %s", tt.lang, tt.in, i, g.Text, g.Amount, g.Currency, w.text, w.amount, w.currency)
			}
		}
	}
}

func closeTo(a, b float64) bool { return a == b || a > b*0.9999 && a < b*1.0001 }

// TestLanguageRestatement links a conversion in parentheses, full-width ones too.
func TestLanguageRestatement(t *testing.T) {
	got := find("无锡将投资2500亿元（约合343亿美元）", hints{lang: "zh"})
	if len(got) != 2 || got[1].EquivalentOf == nil || *got[1].EquivalentOf != 0 || !got[1].Approximate {
		t.Errorf("got %+v; want the second sum an approximate equivalent of the first", got)
	}
}

// TestLanguageDetails: ranges in each language's words, "元人民币" as one sum, and "签约" (sign a
// contract) is no "约" (about).
func TestLanguageDetails(t *testing.T) {
	for _, tt := range []struct {
		lang, in, text string
		amount, max    float64
		approx         bool
	}{
		{"fr", "il faudrait de 215 à 387 milliards de dollars", "215 à 387 milliards de dollars", 215e9, 387e9, false},
		{"de", "zwischen 3 bis 5 Millionen Euro", "3 bis 5 Millionen Euro", 3e6, 5e6, false},
		{"zh", "无锡新吴区签约2500亿元芯片项目", "2500亿元", 2.5e11, 0, false},
		{"zh", "项目总投资2500亿元人民币（约合342.3亿美元）", "2500亿元人民币", 2.5e11, 0, false},
		{"zh", "单车均价约25万元", "25万元", 2.5e5, 0, true},
	} {
		got := find(tt.in, hints{lang: tt.lang})
		if len(got) == 0 || got[0].Text != tt.text || got[0].Amount != tt.amount || got[0].AmountMax != tt.max || got[0].Approximate != tt.approx {
			t.Errorf("%s %q = %+v; want %q %v–%v approximate %v", tt.lang, tt.in, got, tt.text, tt.amount, tt.max, tt.approx)
		}
	}
	if got := find("项目总投资2500亿元人民币（约合342.3亿美元）", hints{lang: "zh"}); len(got) != 2 || got[1].EquivalentOf == nil {
		t.Errorf("restatement not linked: %+v", got)
	}
}

// TestRegionTags reads a tag with a region as its language: "R$ 1.518" is 1518 reais in pt-BR.
func TestRegionTags(t *testing.T) {
	if got := FindIn("O salário mínimo passa a ser de R$ 1.518.", "", "pt-BR"); len(got) != 1 || got[0].Amount != 1518 {
		t.Errorf("got %+v; want 1518 BRL", got)
	}
}
