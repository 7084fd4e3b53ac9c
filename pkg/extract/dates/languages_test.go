package dates

import (
	"testing"
	"time"
)

// TestLanguages reads each language's date expressions against a Thursday, 19 November 2026.
func TestLanguages(t *testing.T) {
	ref := time.Date(2026, 11, 19, 13, 30, 0, 0, time.UTC)
	type want struct{ text, value, grain string }
	for _, tt := range []struct {
		lang, in string
		want     []want
	}{
		{"es", "La petrolera anunció el miércoles una inversión.", []want{{"miércoles", "2026-11-18", "day"}}},
		{"es", "La reunión será el martes en Madrid.", []want{{"martes", "2026-11-24", "day"}}},
		{"es", "Se firmó el 3 de marzo de 2024 y rige desde el 1 de enero.", []want{{"3 de marzo de 2024", "2024-03-03", "day"}, {"1 de enero", "2026-01-01", "day"}}},
		{"es", "Ayer llovió; mañana por la mañana saldrá el sol.", []want{{"Ayer", "2026-11-18", "day"}, {"mañana", "2026-11-20", "day"}}},
		{"es", "El próximo martes, la semana pasada y el año pasado.", []want{{"próximo martes", "2026-11-24", "day"}, {"semana pasada", "2026-11-09", "week"}, {"año pasado", "2025", "year"}}},
		{"es", "Llegó hace tres días; el festival será del 3 al 5 de diciembre y producirá antes de 2030.", []want{{"hace tres días", "2026-11-16", "day"}, {"3 al 5 de diciembre", "2026-12-03/2026-12-05", "day"}, {"2030", "2030", "year"}}},
		{"es", "Plácido Domingo cantó en el teatro.", nil},
		{"fr", "Le président a annoncé mercredi que le sommet aura lieu le 1er mars 2027.", []want{{"mercredi", "2026-11-18", "day"}, {"1er mars 2027", "2027-03-01", "day"}}},
		{"fr", "Hier, aujourd'hui et demain.", []want{{"Hier", "2026-11-18", "day"}, {"aujourd'hui", "2026-11-19", "day"}, {"demain", "2026-11-20", "day"}}},
		{"fr", "Il reviendra mardi prochain, il y a deux semaines, le 15.10.2026.", []want{{"mardi prochain", "2026-11-24", "day"}, {"il y a deux semaines", "2026-11-02", "week"}, {"15.10.2026", "2026-10-15", "day"}}},
		{"de", "Das Unternehmen teilte am Montag mit, dass am 3. März 2027 gewählt wird.", []want{{"Montag", "2026-11-16", "day"}, {"3. März 2027", "2027-03-03", "day"}}},
		{"de", "Gestern und heute Morgen; vor 3 Jahren; vom 3. bis 5. Dezember wird gefeiert.", []want{{"Gestern", "2026-11-18", "day"}, {"heute", "2026-11-19", "day"}, {"vor 3 Jahren", "2023", "year"}, {"3. bis 5. Dezember", "2026-12-03/2026-12-05", "day"}}},
		{"pt", "O governo anunciou na segunda-feira que em 1º de janeiro de 2027 tudo muda.", []want{{"segunda-feira", "2026-11-16", "day"}, {"1º de janeiro de 2027", "2027-01-01", "day"}}},
		{"pt", "Ficou em segunda posição na próxima sexta-feira.", []want{{"próxima sexta-feira", "2026-11-20", "day"}}},
		{"zh", "无锡市政府16日宣布，将于2024年3月16日举行签约仪式。", []want{{"16日", "2026-11-16", "day"}, {"2024年3月16日", "2024-03-16", "day"}}},
		{"zh", "国务院周二发布通知，上周二和下周，去年和明天。", []want{{"周二", "2026-11-17", "day"}, {"上周二", "2026-11-10", "day"}, {"下周", "2026-11-23", "week"}, {"去年", "2025", "year"}, {"明天", "2026-11-20", "day"}}},
		{"zh-Hant", "會議將於星期三舉行。", []want{{"星期三", "2026-11-25", "day"}}},
		{"it", "Il governo ha annunciato ieri che dal 3 marzo 2027 cambia tutto.", []want{{"ieri", "2026-11-18", "day"}, {"3 marzo 2027", "2027-03-03", "day"}}},
		{"nl", "Het kabinet viel gisteren; de verkiezingen zijn op 3 maart 2027.", []want{{"gisteren", "2026-11-18", "day"}, {"3 maart 2027", "2027-03-03", "day"}}},
		// English reads none of them.
		{"en", "el martes 3 de marzo", nil},
	} {
		got := New().FindIn(tt.in, ref, "", tt.lang)
		if len(got) != len(tt.want) {
			t.Errorf("%s %q: %d dates %+v; want %d", tt.lang, tt.in, len(got), got, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			if g := got[i]; g.Text != w.text || g.Value != w.value || g.Grain != w.grain {
				t.Errorf("%s %q: date %d = %q %s %s; want %q %s %s", tt.lang, tt.in, i, g.Text, g.Value, g.Grain, w.text, w.value, w.grain)
			}
		}
	}
}

// TestChineseParts reads quarters and halves: "第三季度", "三季度", "2028年下半年".
func TestChineseParts(t *testing.T) {
	ref := time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"腾讯公布第三季度净利润": "第三季度 2026-Q3 quarter", "一季度GDP增长": "一季度 2026-Q1 quarter",
		"计划于2028年下半年试产": "2028年下半年 2028-H2 half", "上半年营收": "上半年 2026-H1 half",
		"第3季度": "第3季度 2026-Q3 quarter", "今年前三季度": "今年 2026 year",
	} {
		got := New().FindIn(in, ref, "", "zh")
		if len(got) != 1 || got[0].Text+" "+got[0].Value+" "+got[0].Grain != want {
			t.Errorf("%q = %+v; want %s", in, got, want)
		}
	}
}
