package dates

import (
	"slices"
	"testing"
	"time"
)

// TestTenseTimeML pins the classes of wrong directions found on TimeBank (`newsmon eval timex`,
// issue #19), each with sentences of our own. Publication is Wednesday 25 October 2023.
func TestTenseTimeML(t *testing.T) {
	e := New()
	for _, tc := range []struct {
		class, in string
		want      []textValue
	}{
		// A weekday takes the tense of a clause the date's own clause leaves out or reports.
		{"comparison after a comma", "Volume was 900 million shares, up from 443 million Thursday and the week's busiest session.", []textValue{{"Thursday", "2023-10-19"}}},
		{"reported, no verb after", "The agency said at the close of business Thursday 5 million shares and bonds were tendered.", []textValue{{"Thursday", "2023-10-19"}}},
		{"plan in the past perfect", "The offer had been due to expire Friday evening.", []textValue{{"Friday", "2023-10-20"}}},
		{"plan in the past perfect", "The vote had been scheduled for Friday.", []textValue{{"Friday", "2023-10-20"}}},
		{"appointment in the present", "Voters return to the polls on Sunday for a runoff.", []textValue{{"Sunday", "2023-10-29"}}},
		{"weekday possessive", "As of Friday's close, the index was down 6%.", []textValue{{"Friday", "2023-10-20"}}},
		{"weekday timetable plural", "Books open on Monday, and trading is expected to begin on Nov. 6.", []textValue{{"Monday", "2023-10-30"}, {"Nov. 6", "2023-11-06"}}},
		{"weekday forecast", "The storm is forecast to reach the coast on Friday.", []textValue{{"Friday", "2023-10-27"}}},
		// A past verb does not throw a date of the next two months a year back: deadlines and
		// record dates are written without their year.
		{"deadline after a past verb", "The partners extended the offer to Nov. 20.", []textValue{{"Nov. 20", "2023-11-20"}}},
		{"deadline after a past verb", "The bidders said the tender would close Nov. 10, and the board approved it.", []textValue{{"Nov. 10", "2023-11-10"}}},
		{"adjective, not a past", "The reduced dividend is payable Jan. 2 to holders of record Dec. 15.", []textValue{{"Jan. 2", "2024-01-02"}, {"Dec. 15", "2023-12-15"}}},
		{"far after publication", "Sales fell 4% in the year ended March 31.", []textValue{{"March 31", "2023-03-31"}}},
		{"since", "The rule has applied since Dec. 1.", []textValue{{"Dec. 1", "2022-12-01"}}},
		// A future verb does not throw a date of the two weeks before publication a year ahead.
		{"future verb, date just past", "Sites could be visited under the Oct. 16 accord signed in Baghdad.", []textValue{{"Oct. 16", "2023-10-16"}}},
		{"future verb, date well past", "The summit will be held on Sept. 15.", []textValue{{"Sept. 15", "2024-09-15"}}},
		// A bare month without a tense is this year's unless it lies more than six months ahead.
		{"month without tense", "Its chief, who stepped down as chairman, president and director in March, left.", []textValue{{"March", "2023-03"}}},
		{"month after a past verb", "Dealers placed heavy orders for November delivery.", []textValue{{"November", "2023-11"}}},
		{"obligation", "The campaign now has to persuade voters to turn out in November.", []textValue{{"November", "2023-11"}}},
	} {
		if got := foundValues(t, e, tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("%s: Find(%q) = %v; want %v", tc.class, tc.in, got, tc.want)
		}
	}
}

// TestYearOwnedPeriods pins the periods a year written beside them owns, as TimeBank's financial
// news writes them: "the 1988 third quarter", "the year-ago quarter", "January this year".
// Publication is Wednesday 25 October 2023.
func TestYearOwnedPeriods(t *testing.T) {
	e := New()
	for in, want := range map[string][]textValue{
		"Profit fell in the 1988 third quarter.":                             {{"1988 third quarter", "1988-Q3"}},
		"Net income rose from the year-ago third quarter.":                   {{"year-ago third quarter", "2022-Q3"}},
		"Sales matched the year-earlier third-quarter level.":                {{"year-earlier third-quarter", "2022-Q3"}},
		"The spin-off could take effect early in next year's first quarter.": {{"next year's first quarter", "2024-Q1"}},
		"Sales slipped in last year's fourth quarter.":                       {{"last year's fourth quarter", "2022-Q4"}},
		"Earnings will be lower in the last half of 2023.":                   {{"last half of 2023", "2023-H2"}},
		"In January this year, police reopened the case.":                    {{"January this year", "2023-01"}},
		"The bridge opened in June last year.":                               {{"June last year", "2022-06"}},
		"The third quarter last year was weak.":                              {{"third quarter last year", "2022-Q3"}},
		"It was signed on June 5 last year.":                                 {{"June 5 last year", "2022-06-05"}},
	} {
		if got := foundValues(t, e, in); !slices.Equal(got, want) {
			t.Errorf("Find(%q) = %v; want %v", in, got, want)
		}
	}
}

// TestTheWeekend: "the weekend" after a preposition is the one its clause's tense points to, else
// the nearer one; TimeBank annotates it, newsmon read only "this/last/next weekend".
func TestTheWeekend(t *testing.T) {
	e := New()
	for _, tc := range []struct{ in, published, want string }{
		{"Officials met over the weekend.", "2023-10-25", "2023-10-21/2023-10-22"},
		{"Protests are planned for the weekend.", "2023-10-25", "2023-10-28/2023-10-29"},
		{"Talks went on through the weekend, aides say.", "2023-10-23", "2023-10-21/2023-10-22"}, // Monday: just past
		{"Talks go on through the weekend, aides say.", "2023-10-26", "2023-10-28/2023-10-29"},   // Thursday: coming
		{"Rain is expected over the weekend.", "2023-10-22", "2023-10-28/2023-10-29"},            // Sunday: next week's
		{"Fans gathered during the weekend.", "2023-10-22", "2023-10-21/2023-10-22"},             // Sunday: this one
		{"The weekend's papers led with it.", "2023-10-25", ""},
	} {
		published, _ := time.Parse(time.DateOnly, tc.published)
		got := e.Find(tc.in, published)
		value := ""
		if len(got) > 0 {
			value = got[0].Value
		}
		if value != tc.want {
			t.Errorf("Find(%q) published %s = %v; want %s", tc.in, tc.published, got, tc.want)
		}
	}
}

// TestYearEarlier: "a year ago" in a comparison, and "a year earlier", count from the period their
// sentence names ("a year earlier" from nothing else, so it is no date without one), as a reader
// compares periods. Publication is Wednesday 25 October 2023.
func TestYearEarlier(t *testing.T) {
	e := New()
	for in, want := range map[string][]textValue{
		"Net income fell to 537m euros during 2022, from 798m euros a year ago.": {{"2022", "2022"}, {"a year ago", "2021"}},
		"Prices rose 2.1 per cent in September from a year earlier.":             {{"September", "2023-09"}, {"a year earlier", "2022-09"}},
		"Sales in the third quarter were up 5% compared with a year earlier.":    {{"third quarter", "2023-Q3"}, {"a year earlier", "2022-Q3"}},
		"Exports on Oct. 3 were twice those of two weeks earlier.":               {{"Oct. 3", "2023-10-03"}, {"two weeks earlier", "2023-09-19"}},
		"Profit rose from a year ago.":                                           {{"a year ago", "2022"}},
		"The firm was founded in 1998. Profit rose from a year ago.":             {{"1998", "1998"}, {"a year ago", "2022"}},
		"He joined in 2019, two years ago.":                                      {{"2019", "2019"}, {"two years ago", "2021"}},
		"Prices were higher a year earlier.":                                     nil,
		"Output from August 2022 to July 2023 fell from a year earlier.":         {{"August 2022", "2022-08"}, {"July 2023", "2023-07"}}, // the end of a span: no period to count from
	} {
		if got := foundValues(t, e, in); !slices.Equal(got, want) {
			t.Errorf("Find(%q) = %v; want %v", in, got, want)
		}
	}
}

// textValue is a found expression as the tests compare it: its text and value.
type textValue struct{ text, value string }

// foundValues runs e on in, published on the tests' day, checks the offsets and returns each
// expression's text and value.
func foundValues(t *testing.T, e *Extractor, in string) []textValue {
	t.Helper()
	got := e.Find(in, published)
	checkOffsets(t, in, got)
	var out []textValue
	for _, g := range got {
		out = append(out, textValue{g.Text, g.Value})
	}
	return out
}
