package dates

import (
	"testing"
	"time"
)

// TestResultsCopy covers the periods of company results and statistics as wires write them:
// quarters with digit ordinals and "qtr", the period a year before the one just named, quarters
// named by their last month, a year before the accounts it dates, the week a statistic ends on,
// and "starts" as a noun (published 12 March 2024).
func TestResultsCopy(t *testing.T) {
	ref := time.Date(2024, 3, 12, 9, 0, 0, 0, time.UTC)
	type d = foundDate
	for _, tc := range []struct {
		in   string
		want []d
	}{
		// digit ordinals and the wire's "qtr"
		{"Profit in the 4th quarter rose.", []d{{"4th quarter", "2023-Q4", "quarter"}}},
		{"NOTE: 2023 4th qtr net includes a gain.", []d{{"2023 4th qtr", "2023-Q4", "quarter"}}},
		{"Net rose from fiscal 2023's second quarter.", []d{{"fiscal 2023's second quarter", "2023-Q2", "quarter"}}},
		{"Sales in the first qtr of 2023 fell.", []d{{"first qtr of 2023", "2023-Q1", "quarter"}}},
		{"He came 4th in the race.", nil},
		// the year-ago period is the one just named, a year back
		{"It earned $9 million in the third quarter, against $7 million in the year-ago quarter.", []d{{"third quarter", "2023-Q3", "quarter"}, {"year-ago quarter", "2022-Q3", "quarter"}}},
		{"Sales in 2023 rose. In the year-ago period, it lost money. Costs fell from the year ago period.", []d{{"2023", "2023", "year"}, {"year-ago period", "2022", "year"}, {"year ago period", "2022", "year"}}},
		{"Profit rose from the year-ago quarter.", nil},
		{"Imports in January were 34 tonnes, down from 41 in December but above 13 in the year ago month.", []d{{"January", "2024-01", "month"}, {"December", "2023-12", "month"}, {"year ago month", "2023-01", "month"}}},
		// a later quarter that a future verb follows lies ahead
		{"If output stays low, the third quarter will be in better balance.", []d{{"third quarter", "2024-Q3", "quarter"}}},
		{"Profit in the third quarter fell.", []d{{"third quarter", "2023-Q3", "quarter"}}},
		// a quarter named by the month it ends
		{"Money growth in the December quarter was high.", []d{{"December quarter", "2023-Q4", "quarter"}}},
		{"The March quarter will show a rise.", []d{{"March quarter", "2024-Q1", "quarter"}}},
		// a year before the accounts, trade or crops it dates
		{"Total 2023 exports were $2 billion, and 2024 earnings will not reach 2023 levels.", []d{{"2023", "2023", "year"}, {"2024", "2024", "year"}, {"2023", "2023", "year"}}},
		{"The firm hired 2023 workers.", nil},
		// the week a statistic ends on
		{"Stocks fell in the week ended March 8.", []d{{"week ended March 8", "2024-03-02/2024-03-08", "day"}}},
		{"Demand rose in the four weeks ended March 8.", []d{{"four weeks ended March 8", "2024-02-10/2024-03-08", "day"}}},
		{"The February three-month average rose.", nil}, // no day "February three"
		// a month's shipments in the past are a statistic, not a delivery window
		{"February shipments were $677 million.", []d{{"February", "2024-02", "month"}}},
		{"Traders sought February shipments.", []d{{"February", "2025-02", "month"}}},
		{"February shipments of palm olein traded at $335.", []d{{"February", "2025-02", "month"}}},
		// a period after "after" shares the clause's verb
		{"Output rose 0.7% in January, after a 0.5% September/December rise.", []d{{"January", "2024-01", "month"}, {"September/December", "2023-09/2023-12", "month"}}},
		// a fiscal year is named by the year it ends in
		{"It will spend $96 million in fiscal 2025, ending January 31.", []d{{"fiscal 2025", "2025", "year"}, {"January 31", "2025-01-31", "day"}}},
		{"Sales in 2022/23 ended May 31 fell. Shareholders registered May 1 get a bonus.", []d{{"2022/23", "2022/2023", "year"}, {"May 31", "2023-05-31", "day"}, {"May 1", "2024-05-01", "day"}}},
		// a day written as a word before a conjunction or preposition
		{"The offer will expire April one unless extended.", []d{{"April one", "2024-04-01", "day"}}},
		{"In March two people died.", []d{{"March", "2024-03", "month"}}},
		// a schedule verb before a finite verb is a plural noun
		{"In February, housing starts were unchanged.", []d{{"February", "2024-02", "month"}}},
	} {
		checkFound(t, "Find", tc.in, New().Find(tc.in, ref), tc.want)
	}
}

// TestFarDatelineYear covers a dateline months away from the publication date given: the year the
// story writes most often among the dateline's nearest year and those beside it is its year; near
// publication the nearest year stands whatever years the story names.
func TestFarDatelineYear(t *testing.T) {
	ref := time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ in, day string }{
		{"LONDON, Oct 19 - Profit in the third quarter of 2024 rose, and nine-month profit for 2024 beat 2023.", "2024-10-19"},
		{"LONDON, Oct 19 - Profit rose.", "2023-10-19"},
		{"LONDON, Oct 19 - The product will be ready next year, after tests begun in 2022.", "2023-10-19"},
		{"LONDON, March 12 - Forecasts for 2025 and 2025 sales were cut.", "2024-03-12"},
	} {
		got := New().Find(tc.in, ref)
		if len(got) == 0 || got[0].Value != tc.day {
			t.Errorf("Find(%q) = %v; want the dateline %s", tc.in, got, tc.day)
		}
	}
}
