package article

import (
	"strings"
	"testing"
	"time"
)

func TestParseDateText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		ctx  dateContext
		want string // RFC 3339, or "" for no date
		day  bool   // only a day was given
	}{
		{in: "Asia Pacific Wire 17 Nov 2026 10:05 HKT Font: A+ A-", want: "2026-11-17T02:05:00Z"},
		{in: "Nov. 18, 2019, 3:04 p.m. ET", want: "2019-11-18T20:04:00Z"},
		{in: "Published June 3, 2024 10:15 am EDT", want: "2024-06-03T14:15:00Z"},
		{in: "July 4, 2025 9:00 AM ET", want: "2025-07-04T13:00:00Z"}, // daylight saving time
		{in: "Updated 3:04 AM ET, Mon November 18, 2019", want: "2019-11-18T08:04:00Z"},
		{in: "18 de noviembre de 2026", want: "2026-11-18T00:00:00Z", day: true},
		{in: "Publicado em 5 de março de 2025 às 14h30 BRT", want: "2025-03-05T17:30:00Z"},
		{in: "17 novembre 2026 à 10h05 CET", want: "2026-11-17T09:05:00Z"},
		{in: "17. November 2026, 10.05 Uhr", want: "2026-11-17T10:05:00Z"},
		{in: "2026年11月17日 16:30", ctx: dateContext{language: "zh"}, want: "2026-11-17T08:30:00Z"}, // China time
		{in: "2026年11月9日 7時35分", ctx: dateContext{language: "ja"}, want: "2026-11-08T22:35:00Z"},
		{in: "17.11.2026, 10:05 Uhr", ctx: dateContext{language: "de"}, want: "2026-11-17T09:05:00Z"},
		{in: "17.07.2026, 10:05 Uhr", ctx: dateContext{language: "de"}, want: "2026-07-17T08:05:00Z"}, // summer time
		{in: "05/03/2025 14h30", ctx: dateContext{language: "pt", region: "BR"}, want: "2025-03-05T17:30:00Z"},
		{in: "05/03/2025 14h30", ctx: dateContext{language: "en"}, want: "2025-03-05T14:30:00Z"}, // zone unknown: UTC
		{in: "发布时间：2026-11-17 16:30 CST", ctx: dateContext{language: "zh"}, want: "2026-11-17T08:30:00Z"},
		{in: "Posted 2019-11-18 14:00 CST", want: "2019-11-18T20:00:00Z"},
		{in: "02/01/2026 - 15:04 CET", want: "2026-01-02T14:04:00Z"},
		{in: "11/10/2026 8:00 PM EST", ctx: dateContext{monthFirst: true}, want: "2026-11-11T01:00:00Z"},
		{in: "25/10/2026", ctx: dateContext{monthFirst: true}, want: "2026-10-25T00:00:00Z", day: true},
		{in: "Tuesday 19 November 2019 06.00 GMT", want: "2019-11-19T06:00:00Z"},
		{in: "19 Nov 2019 at 09:30 IST", want: "2019-11-19T04:00:00Z"},
		{in: "Mon 18 Nov 2019 22:15 (UTC+08:00)", want: "2019-11-18T14:15:00Z"},
		{in: "19.11.2019, 16:45 +0300", want: "2019-11-19T13:45:00Z"},
		{in: "20 ноября 2019, 10:00 MSK", want: "2019-11-20T07:00:00Z"},
		{in: "Senin, 18 November 2019 07:00 WIB", want: "2019-11-18T00:00:00Z"},
		{in: "Nov 18 2019 · 8 min read", want: "2019-11-18T00:00:00Z", day: true},
		{in: "Published 17 Nov 2026 | Updated 18 Nov 2026 09:00", want: "2026-11-17T00:00:00Z", day: true},
		{in: "Updated: 18 Nov 2026 09:00 UTC. First published 17 Nov 2026 08:00 UTC", want: "2026-11-17T08:00:00Z"},
		{in: "2019年11月18日", want: "2019-11-18T00:00:00Z", day: true},
		{in: "10:30 JST 2019/11/19", want: "2019-11-19T01:30:00Z"},
		{in: "Our 2019 review: 25 tips", want: ""},
		{in: "31 Feb 2020", want: ""},
		{in: "Mayor 2026 race", want: ""},
		{in: "", want: ""},
	}
	for _, tt := range tests {
		got, ok := parseDateText(tt.in, tt.ctx)
		if tt.want == "" {
			if ok {
				t.Errorf("parseDateText(%q) = %v; want no date", tt.in, got.t)
			}
			continue
		}
		want, _ := time.Parse(time.RFC3339, tt.want)
		if !ok || !got.t.Equal(want) || (got.grain == grainDay) != tt.day {
			t.Errorf("parseDateText(%q) = %v (day only %v), %v; want %v (day only %v)", tt.in, got.t, got.grain == grainDay, ok, want, tt.day)
		}
	}
}

func FuzzParseDateText(f *testing.F) {
	for _, s := range []string{"17 Nov 2026 10:05 HKT", "Nov. 18, 2019, 3:04 p.m. ET", "2026年11月17日", "02/01/2026 - 15:04 CET", "10:30 JST 2019/11/19 GMT+5:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if td, ok := parseDateText(s, dateContext{}); ok && (td.t.Year() < 1989 || td.t.Year() > 2101) {
			t.Errorf("parseDateText(%q) = %v, out of range", s, td.t)
		}
		_ = strings.ToValidUTF8(s, "")
	})
}

func TestPublishedPrecedence(t *testing.T) {
	t.Parallel()
	day := func(s string) *time.Time { return ts(s + "T00:00:00Z") }
	tests := []struct {
		name string
		m    pageMeta
		hint *time.Time
		want *time.Time
	}{
		{"structured metadata wins", pageMeta{Published: ts("2026-11-17T02:05:00Z"), Dateline: &textDate{t: *ts("2026-11-17T03:00:00Z"), grain: grainMinute}, URLDate: day("2026-11-17")},
			ts("2026-11-16T20:00:00Z"), ts("2026-11-17T02:05:00Z")},
		{"feed date beats the URL's day", pageMeta{URLDate: day("2026-11-17")}, ts("2026-11-17T02:05:00Z"), ts("2026-11-17T02:05:00Z")},
		{"dateline beats the URL's day", pageMeta{URLDate: day("2026-11-17"), Dateline: &textDate{t: *ts("2026-11-17T02:05:00Z"), grain: grainMinute}},
			nil, ts("2026-11-17T02:05:00Z")},
		{"a timed feed date beats a day-only dateline", pageMeta{Dateline: &textDate{t: *day("2026-11-17"), grain: grainDay}},
			ts("2026-11-17T02:05:00Z"), ts("2026-11-17T02:05:00Z")},
		{"a day-only dateline beats the URL", pageMeta{URLDate: day("2026-11-16"), Dateline: &textDate{t: *day("2026-11-17"), grain: grainDay}},
			nil, day("2026-11-17")},
		{"a timed dateline refines day-only metadata", pageMeta{Published: day("2025-01-06"), PublishedDay: true,
			Dateline: &textDate{t: *ts("2025-01-06T08:30:00Z"), grain: grainMinute}}, nil, ts("2025-01-06T08:30:00Z")},
		{"the URL's day is the last resort", pageMeta{URLDate: day("2026-11-17")}, nil, day("2026-11-17")},
		{"nothing known", pageMeta{}, nil, nil},
	}
	for _, tt := range tests {
		got := publishedOf(tt.m, tt.hint)
		if (got == nil) != (tt.want == nil) || (got != nil && !got.Equal(*tt.want)) {
			t.Errorf("%s: publishedOf = %v; want %v", tt.name, got, tt.want)
		}
	}
}

func TestFindPlaceDateline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, place, region string
	}{
		{"NAIROBI, Kenya — Kenya's treasury said on Friday...", "NAIROBI", "Kenya"},
		{"SAN PEDRO DE ATACAMA, Chile — Astronomers said...", "SAN PEDRO DE ATACAMA", "Chile"},
		{"ARNOLD, Calif. (AP) — A wildfire forced...", "ARNOLD", "Calif."},
		{"DUBBO, N.S.W. - Farmers in...", "DUBBO", "N.S.W."},
		{"WASHINGTON — The Senate voted...", "WASHINGTON", ""},
		{"LONDON (Reuters) - Britain's economy...", "LONDON", ""},
		{"BEIJING, Nov. 17 (Xinhua) -- China's exports...", "BEIJING", ""},
		{"WUXI, China, Nov. 17 — Officials...", "WUXI", "China"},
		{"Wuxi, China — Officials in the city...", "Wuxi", "China"},
		{"FRANKFURT AM MAIN, Germany — The ECB...", "FRANKFURT AM MAIN", "Germany"},
		{"Photo: Jane Doe/Reuters\nMOMBASA, Kenya — Port workers...", "MOMBASA", "Kenya"},
		{"ST. LOUIS — Voters...", "ST. LOUIS", ""},
		{"By Jane Doe\n\nLAGOS, Nigeria: The central bank...", "LAGOS", "Nigeria"},
		{"BAAR, SWITZERLAND\n\nBased on Ascom's connectivity...", "BAAR", "SWITZERLAND"},
		{"MADRID, 18 de noviembre (EFE). – El Consejo de Ministros...", "MADRID", ""},
		{"CIUDAD DE MÉXICO (EFE).- Pemex destinará...", "CIUDAD DE MÉXICO", ""},
		// not datelines
		{"BREAKING NEWS\n\nThe Senate voted...", "", ""},
		{"SPORTS, WEATHER AND TRAFFIC UPDATES ARE BELOW.", "", ""},
		{"The Senate voted on Tuesday — narrowly.", "", ""},
		{"Officials said — again — that...", "", ""},
		{"Kenya's treasury said on Friday, Nov. 14 — ", "", ""},
		{"NASA said the probe — launched in 2024 — was fine.", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		dl, ok := FindPlaceDateline(tt.text)
		if tt.place == "" {
			if ok {
				t.Errorf("FindPlaceDateline(%q) = %+v; want none", tt.text, dl)
			}
			continue
		}
		if !ok || dl.Place != tt.place || dl.Region != tt.region {
			t.Errorf("FindPlaceDateline(%q) = %q, %q, %v; want %q, %q", tt.text, dl.Place, dl.Region, ok, tt.place, tt.region)
			continue
		}
		runes := []rune(tt.text)
		if got := string(runes[dl.PlaceSpan.Start:dl.PlaceSpan.End]); got != tt.place {
			t.Errorf("FindPlaceDateline(%q): place span reads %q", tt.text, got)
		}
		if tt.region != "" {
			if got := string(runes[dl.RegionSpan.Start:dl.RegionSpan.End]); got != tt.region {
				t.Errorf("FindPlaceDateline(%q): region span reads %q", tt.text, got)
			}
		}
	}
}
