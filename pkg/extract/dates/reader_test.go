package dates

import (
	"testing"
	"time"
)

// readerCase is one expression a careful reader dates: in the text published on the given day, the
// expression's value ("" when it is no date at all).
type readerCase struct{ in, published, text, want string }

// checkReader runs the cases through Find and reports each expression whose value differs.
func checkReader(t *testing.T, cases []readerCase) {
	t.Helper()
	for _, tc := range cases {
		published, err := time.Parse(time.DateOnly, tc.published)
		if err != nil {
			t.Fatalf("bad published %q: %v", tc.published, err)
		}
		got := ""
		for _, d := range New().Find(tc.in, published) {
			if d.Text == tc.text {
				got = d.Value
			}
		}
		if got != tc.want {
			t.Errorf("Find(%q) published %s: %q = %q; want %q", tc.in, tc.published, tc.text, got, tc.want)
		}
	}
}

// TestDatelineDay: a wire's dateline fixes the story's day, from which its relative expressions
// count, whatever day the text was published or fetched (issue #19: dates read as a reader does).
func TestDatelineDay(t *testing.T) {
	checkReader(t, []readerCase{
		{"OSLO, June 3 - The ferry sank yesterday, the agency said.", "2023-03-10", "yesterday", "2023-06-02"},
		{"OSLO, June 3 - The ferry sank yesterday, the agency said.", "2023-03-10", "June 3", "2023-06-03"},
		{"RED DEER, Alberta, Oct. 12 (Reuters) - Talks resume on Monday, officials said.", "2023-09-01", "Monday", "2023-10-16"},
		{"PARIS, Feb 20 - Shares fell today after the strike.", "2023-02-25", "today", "2023-02-20"},
		// a month name in a headline-like opening that is no dateline leaves publication the reference
		{"OSLO police said on Monday the ferry sank.", "2023-10-25", "Monday", "2023-10-23"},
	})
}

// TestWeekendsAndClocks: "last weekend" written on a Saturday is the one before, and four digits
// before a time zone tell the time whatever cue precedes them.
func TestWeekendsAndClocks(t *testing.T) {
	checkReader(t, []readerCase{
		{"The club lost at home last weekend.", "2023-10-28", "last weekend", "2023-10-21/2023-10-22"},
		{"The club lost at home last weekend.", "2023-10-29", "last weekend", "2023-10-28/2023-10-29"},
		{"Shares had fallen 3% by 1830 GMT.", "2023-10-25", "1830", ""},
		{"The deadline was extended until 1800 EDT on Friday.", "2023-10-25", "1800", ""},
	})
}

// TestNarrativeYear: a day written without its year in a story of the past goes on in the year of
// the date written with one before it, as a reader carries the year on.
func TestNarrativeYear(t *testing.T) {
	checkReader(t, []readerCase{
		{"The memo was sent on 7 March 2003. On 10 March, officials asked for a ruling.", "2005-01-15", "10 March", "2003-03-10"},
		{"The memo was sent on 17 March 2003. The advice of 7 March was not shown.", "2005-01-15", "7 March", "2003-03-07"},
		// the future, a date far from the written one, or a written date near publication keep
		// the nearest year
		{"The law was signed on 3 March 2021 and takes effect on 10 March.", "2023-10-25", "10 March", "2024-03-10"},
		{"The plant opened on 2 May 2019. It closed on 20 August.", "2023-10-25", "20 August", "2023-08-20"},
		{"The bid was made on Sept. 5, 2023. Talks ended on Oct. 2.", "2023-10-25", "Oct. 2", "2023-10-02"},
	})
}

// TestReaderTense: what a reader reads of a clause's time beside its verbs — a played match's
// score or result, a base form after a modal, a forecast "for", the day pointed back to, a
// newspaper's title and the day of the 2001 attacks.
func TestReaderTense(t *testing.T) {
	checkReader(t, []readerCase{
		// published Saturday 28 October 2023
		{"The club is set to appeal over a red card in Wednesday's 3-1 defeat.", "2023-10-28", "Wednesday", "2023-10-25"},
		{"The coach will praise the pack after Tuesday's Six Nations win in Rome.", "2023-10-28", "Tuesday", "2023-10-24"},
		{"The side will face Leeds in Sunday's final after coming through 3-6 6-4.", "2023-10-28", "Sunday", "2023-10-29"},
		{`"If we can beat them at home (on 10 April), we will be level."`, "2024-01-15", "10 April", "2024-04-10"},
		{"The vote, widely predicted for May, is near.", "2024-01-15", "May", "2024-05"},
		{"The budget comes on 13 March. It will be read at noon on that Wednesday.", "2024-01-15", "that Wednesday", "2024-03-13"},
		{"He said that Wednesday had been a good day.", "2024-01-17", "Wednesday", "2024-01-17"},
		{"He told the Mail on Sunday he would stay.", "2024-01-17", "Sunday", ""},
		{"A book by Sunday Telegraph writer Jo Bloggs.", "2024-01-17", "Sunday", ""},
		{"Flights fell after the 11 September attacks.", "2005-01-15", "11 September", "2001-09-11"},
		{"The anti-terror law passed after 11 September was struck down.", "2005-01-15", "11 September", "2001-09-11"},
		{"The harvest festival ends on 11 September.", "2005-01-15", "11 September", "2005-09-11"},
	})
}

// TestPaperDays: only Sunday papers carry a weekday in their title.
func TestPaperDays(t *testing.T) {
	checkReader(t, []readerCase{
		{"Graham told The Huffington Post on Thursday.", "2016-09-22", "Thursday", "2016-09-22"},
		{"The Times on Saturday wrote that he lost.", "2016-10-04", "Saturday", "2016-10-01"},
		{"Scotland on Sunday reported the deal.", "2016-10-04", "Sunday", ""},
	})
}

// TestForecastPeriods: a later part of the year in a sentence that looks ahead is this year's,
// unless a report on it shows it is over.
func TestForecastPeriods(t *testing.T) {
	checkReader(t, []readerCase{
		{"Acme forecast about 85 cts a share in the second quarter, against 68 cts a year ago.", "2023-03-15", "second quarter", "2023-Q2"},
		{"The group would earn 7 cts in the first quarter and 8 cts in the third quarter compared to 5 cts earned in 2022.", "2023-03-15", "third quarter", "2023-Q3"},
		{"Acme expects a good year, its chairman said in a third quarter statement.", "2023-03-15", "third quarter", "2022-Q3"},
		{"Profits fell in the third quarter.", "2023-03-15", "third quarter", "2022-Q3"},
		{"The referee sent him off in the second half and United would have won.", "2023-03-15", "second half", ""},
	})
}

// TestComparisonAfter: the verb of a comparison after a date is the other period's; "compared" as
// the main verb is this one's.
func TestComparisonAfter(t *testing.T) {
	checkReader(t, []readerCase{
		{"In his reply on Tuesday, Howard compared the figures to a plan.", "2023-10-28", "Tuesday", "2023-10-24"},
		{"The index is seen at 120 on Monday compared with 115 reached a week earlier.", "2023-10-28", "Monday", "2023-10-30"},
	})
}

// TestMonthCommaYear: wires write "April, 1986" for a month of a year; a count after the comma
// stays a count. A statistic's month just past stays past whatever is forecast of it.
func TestMonthCommaYear(t *testing.T) {
	checkReader(t, []readerCase{
		{"The panel was set up in April, 1986 to make contacts.", "1987-03-15", "April, 1986", "1986-04"},
		{"It was the worst month since July, 1984, when the index fell.", "1987-03-15", "July, 1984", "1984-07"},
		{"In May, 2000 people marched.", "1987-03-15", "May", "1987-05"},
		{"Overall, December sales are forecast to rise by 4%.", "2005-01-15", "December", "2004-12"},
		{"The tax will take effect in December.", "2005-01-15", "December", "2005-12"},
	})
}

// TestRepeatedDay: a day and month the text wrote with its year before is that date again; an
// expiry ahead and a hope for a meeting look forward.
func TestRepeatedDay(t *testing.T) {
	checkReader(t, []readerCase{
		{"Debt will total 6 billion by June 30, 2023. It had hoped to win agreement from creditors prior to June 30.", "2023-03-04", "June 30", "2023-06-30"},
		{"The deal extends a standstill, expiring June 30, that has been in place since 2021.", "2023-03-24", "June 30", "2023-06-30"},
		{"He said he hoped for wide-ranging talks at the weekend.", "2023-03-30", "the weekend", "2023-04-01/2023-04-02"},
	})
}

// TestHolidayFigures: "Father Christmas" is a figure, not a day.
func TestHolidayFigures(t *testing.T) {
	checkReader(t, []readerCase{
		{"The song mentions Father Christmas twice.", "2004-12-10", "Christmas", ""},
		{"Shops open late before Christmas.", "2004-12-10", "Christmas", "2004-12-25"},
	})
}

// TestTwoDigitYears: a two-digit year is in the century nearest to publication.
func TestTwoDigitYears(t *testing.T) {
	checkReader(t, []readerCase{
		{"Stocks as of 04/09/87 were lower.", "1987-03-15", "04/09/87", "1987-04-09"},
		{"Filed on 10/23/23 in court.", "2023-10-25", "10/23/23", "2023-10-23"},
	})
}

// TestMatchHalves: the halves of a match, told by its score or its play, are no half-years.
func TestMatchHalves(t *testing.T) {
	checkReader(t, []readerCase{
		{"He missed a chance to make it 2-0 midway through the second half.", "2005-01-15", "second half", ""},
		{"He came on as a second half replacement.", "2005-01-15", "second half", ""},
		{"Growth did slow in the second half, the bank said.", "2005-01-15", "second half", "2004-H2"},
	})
}

// TestDatelineForms: datelines in mixed or lower case, and with the agency after a comma.
func TestDatelineForms(t *testing.T) {
	checkReader(t, []readerCase{
		{"Bogota, march 4 - Coffee prices fell today.", "2023-02-10", "today", "2023-03-04"},
		{"MONTREAL, March 20, Reuter - The seaway reopens tomorrow.", "2023-02-10", "tomorrow", "2023-03-21"},
		{"New York, April 1 - Shares rose yesterday.", "2023-02-10", "yesterday", "2023-03-31"},
		{"Turnout on March 4 - the day of the vote - was low; today it rose.", "2023-02-10", "today", "2023-02-10"},
	})
}
