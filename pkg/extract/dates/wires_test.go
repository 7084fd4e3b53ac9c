package dates

import (
	"testing"
	"time"
)

// TestWireForms covers forms of financial and market copy: split fiscal years, months that date a
// noun, comparisons with forecasts, delivery months and days written as words (published 25
// October 2023).
func TestWireForms(t *testing.T) {
	e := New()
	type d = foundDate
	for _, tc := range []struct {
		in   string
		want []d
	}{
		// split fiscal, crop and budget years
		{"The treasury tabled its plan for fiscal 2023/24 today.", []d{{"fiscal 2023/24", "2023/2024", "year"}, {"today", "2023-10-25", "day"}}},
		{"The 2022/23 harvest was small.", []d{{"2022/23", "2022/2023", "year"}}},
		{"Kenya's 2021/2022 tea exports fell.", []d{{"2021/2022", "2021/2022", "year"}}},
		{"The mix was 2020/30 by weight.", nil},
		// a month that dates the noun after it or its possessive
		{"Analysts said September sales were weak.", []d{{"September", "2023-09", "month"}}},
		{"The index beat August's reading.", []d{{"August", "2023-08", "month"}}},
		{"Stocks at end-September were high.", []d{{"end-September", "2023-09", "month"}}},
		{"The May poll was close.", []d{{"May", "2023-05", "month"}}},
		{"Justine May's office declined.", nil},
		{"Novelist June said she would write.", nil},
		{"Theresa May government ministers met.", nil},
		{"The September figure is likely to be revised.", []d{{"September", "2023-09", "month"}}},
		// a comparison with a forecast is no plan ahead
		{"Exporters posted better than expected orders in September.", []d{{"September", "2023-09", "month"}}},
		{"Shipments rose as forecast in July.", []d{{"July", "2023-07", "month"}}},
		// a market's delivery month is never past
		{"Traders said buyers favoured March soybeans.", []d{{"March", "2024-03", "month"}}},
		{"Cotton for July delivery rose.", []d{{"July", "2024-07", "month"}}},
		// a weekday opening a newspaper's name
		{"A poll for the Sunday Herald found a lead.", nil},
		// a range of months takes the year its end's verb gives; "in" the next month with a past
		// verb is last year's; "by" and "until" with the past perfect are past
		{"The striker joined the club in November.", []d{{"November", "2022-11", "month"}}},
		{"By December the film had earned $2m.", []d{{"December", "2022-12", "month"}}},
		{"The plant will stay shut until December.", []d{{"December", "2023-12", "month"}}},
		{"Sales in 2022/23 were 8% above the previous year.", []d{{"2022/23", "2022/2023", "year"}, {"the previous year", "2021/2022", "year"}}},
		{"It set aside funds for fiscal 2024 beginning in November.", []d{{"fiscal 2024", "2024", "year"}, {"November", "2023-11", "month"}}},
		// two months joined by a slash or a hyphen are their range
		{"GDP rose in the July/September quarter.", []d{{"July/September", "2023-07/2023-09", "month"}}},
		{"The October–December rains will be heavy.", []d{{"October–December", "2023-10/2023-12", "month"}}},
		{"The budget for fiscal 2024/25 (April-March) is due.", []d{{"fiscal 2024/25", "2024/2025", "year"}, {"April-March", "2024-04/2025-03", "month"}}},
		// halves of other things than a year
		{"Trading was heavy in the first half hour.", nil},
		{"Reserves rose in the first half of the statement period.", nil},
		{"Growth slowed in the second half of the year.", []d{{"second half", "2023-H2", "half"}}},
		{"It booked a loss for the second half of $12 million.", []d{{"second half", "2023-H2", "half"}}},
		{"Level at half-time, they conceded twice in the second half.", nil},
		// a day written as a word
		{"The last raid came on October nine, officials said.", []d{{"October nine", "2023-10-09", "day"}}},
		{"Output fell in October two years ago.", []d{{"October", "2023-10", "month"}, {"two years ago", "2021", "year"}}},
	} {
		checkFound(t, "Find", tc.in, e.Find(tc.in, published), tc.want)
	}
}

// TestPastOnSaturday covers past clauses whose weekday would otherwise be the nearer one ahead:
// published on Saturday 28 October 2023, Monday is two days ahead and five back.
func TestPastOnSaturday(t *testing.T) {
	saturday := time.Date(2023, 10, 28, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ in, text, value string }{
		// the perfect is past
		{"Its shares were halted, having fallen 8% on Monday.", "Monday", "2023-10-23"},
		{"Rebels are reported to have blown up the depot on Monday.", "Monday", "2023-10-23"},
		// a list of dates shares its verb
		{"The bank ran a deficit on Thursday, Friday and Monday.", "Monday", "2023-10-23"},
	} {
		var got []string
		for _, g := range New().Find(tc.in, saturday) {
			if g.Text == tc.text {
				got = append(got, g.Value)
			}
		}
		if len(got) != 1 || got[0] != tc.value {
			t.Errorf("Find(%q) gives %q the values %v; want %s", tc.in, tc.text, got, tc.value)
		}
	}
}

// TestMonthRangeYear covers a range of bare months read with the verb after its end: published in
// January 2024, "between July and September" of a past report is last year's.
func TestMonthRangeYear(t *testing.T) {
	january := time.Date(2024, 1, 12, 9, 0, 0, 0, time.UTC)
	got := New().Find("Growth between July and September was revised down.", january)
	if len(got) != 2 || got[0].Value != "2023-07" || got[1].Value != "2023-09" {
		t.Errorf("Find = %v; want July and September 2023", got)
	}
}
