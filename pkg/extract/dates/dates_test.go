package dates

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/golden"
	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/text"
)

// published is Wednesday 25 October 2023.
var published = time.Date(2023, 10, 25, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

func TestFind(t *testing.T) {
	e := New()
	type d = foundDate
	for _, tc := range []struct {
		in   string
		want []d
	}{
		{"It happened on Oct. 23, 2023.", []d{{"Oct. 23, 2023", "2023-10-23", "day"}}},
		{"It happened on 23 October 2023.", []d{{"23 October 2023", "2023-10-23", "day"}}},
		{"Filed 2023-10-23 in court.", []d{{"2023-10-23", "2023-10-23", "day"}}},
		{"Sales rose in October 2023.", []d{{"October 2023", "2023-10", "month"}}},
		{"Sales rose in 2022, not 40 percent or 2023 units.", []d{{"2022", "2022", "year"}}},
		{"The 2026 World Cup and 1,999 fans.", []d{{"2026", "2026", "year"}}}, // a year modifying a noun names it
		{"About 2000 people paid $1999 at 1800 GMT.", nil},
		{"He left today; she came yesterday and goes tomorrow.", []d{{"today", "2023-10-25", "day"}, {"yesterday", "2023-10-24", "day"}, {"tomorrow", "2023-10-26", "day"}}},
		{"Officials said on Monday.", []d{{"Monday", "2023-10-23", "day"}}},
		{"Officials met Wednesday.", []d{{"Wednesday", "2023-10-25", "day"}}},
		{"Last Tuesday was busy.", []d{{"Last Tuesday", "2023-10-24", "day"}}},
		{"Last Wednesday was busy.", []d{{"Last Wednesday", "2023-10-18", "day"}}},
		{"They will meet on Friday.", []d{{"Friday", "2023-10-27", "day"}}},
		{"They meet next Monday.", []d{{"next Monday", "2023-10-30", "day"}}},
		{"Talks resume next week.", []d{{"next week", "2023-10-30", "week"}}},
		{"Prices fell last month and last year.", []d{{"last month", "2023-09", "month"}, {"last year", "2022", "year"}}},
		{"It opened two days ago, 3 weeks ago.", []d{{"two days ago", "2023-10-23", "day"}, {"3 weeks ago", "2023-10-02", "week"}}},
		{"First announced on Oct. 12, it ends Jan. 5.", []d{{"Oct. 12", "2023-10-12", "day"}, {"Jan. 5", "2024-01-05", "day"}}},
		{"Elections are due in March.", []d{{"March", "2024-03", "month"}}},
		{"Rates rose last March.", []d{{"last March", "2023-03", "month"}}},
		{"On 5th November, and on November 5th.", []d{{"5th November", "2023-11-05", "day"}, {"November 5th", "2023-11-05", "day"}}},
		{"You may 5 times", nil},
	} {
		checkFound(t, "Find", tc.in, e.Find(tc.in, published), tc.want)
	}
}

// TestTense pins the reading of tense around dates without a year (issue #19): a reported future
// ("said … would") looks ahead from publication, a past looks back, and the cue nearest the date
// governs. Publication is Wednesday 25 October 2023.
func TestTense(t *testing.T) {
	e := New()
	type d struct{ text, value string }
	for _, tc := range []struct {
		in   string
		want []d
	}{
		{"The department has said that several programs would begin to lapse on Jan. 1 without new legislation.", []d{{"Jan. 1", "2024-01-01"}}},
		{"The club said the team would parade through the city on Monday.", []d{{"Monday", "2023-10-30"}}},
		{"The transport secretary said the first tenders would be published in March.", []d{{"March", "2024-03"}}},
		{"The bill is expected to pass in March.", []d{{"March", "2024-03"}}},
		{"The company plans to list its shares in March.", []d{{"March", "2024-03"}}},
		{"The company said it expects to close the deal in March.", []d{{"March", "2024-03"}}},
		{"The plant reopened on Friday after it was closed in August.", []d{{"Friday", "2023-10-20"}, {"August", "2023-08"}}},
		{"He would have turned 80 in March.", []d{{"March", "2023-03"}}},
		{"The vote was held in March.", []d{{"March", "2023-03"}}},
		{"The match was cancelled due to rain on Monday.", []d{{"Monday", "2023-10-23"}}},
		{"The summit will be held on Friday after talks collapsed on Monday.", []d{{"Friday", "2023-10-27"}, {"Monday", "2023-10-23"}}},
		{"The flood struck in January, and a second one in December.", []d{{"January", "2023-01"}, {"December", "2022-12"}}},
		{"The show, held every May since 1913, opens in London on Oct. 30.", []d{{"1913", "1913"}, {"Oct. 30", "2023-10-30"}}},
		{"No candidate won half of the vote, forcing a runoff on Oct. 29.", []d{{"Oct. 29", "2023-10-29"}}},
		{"Analysts said prices could rise again in December.", []d{{"December", "2023-12"}}},
		{"Analysts said prices could have risen in December.", []d{{"December", "2022-12"}}},
		{"If the party were to win in March, taxes would fall.", []d{{"March", "2024-03"}}},
		{"It struggled in early 2022, when a bond due in June of that year fell due.", []d{{"early 2022", "2022"}, {"June of that year", "2022-06"}}},
		// A date opening a "that" clause takes the clause's own verb, after it; none says the report's past.
		{"I have decided that on Election Day, I will vote for the nominee.", []d{{"Election Day", "2023-11-07"}}},
		{"He said that on Monday the talks collapsed.", []d{{"Monday", "2023-10-23"}}},
		{"He said the talks on Monday collapsed.", []d{{"Monday", "2023-10-23"}}},
	} {
		got := e.Find(tc.in, published)
		var gs []d
		for _, g := range got {
			gs = append(gs, d{g.Text, g.Value})
		}
		if !slices.Equal(gs, tc.want) {
			t.Errorf("Find(%q) = %v; want %v", tc.in, gs, tc.want)
		}
		checkOffsets(t, tc.in, got)
	}
}

func TestFindForms(t *testing.T) {
	e := New()
	type d = foundDate
	for _, tc := range []struct {
		in, host string
		want     []d
	}{
		{"Talks ran from Oct 20 to 23.", "", []d{{"Oct 20 to 23", "2023-10-20/2023-10-23", "day"}}},
		{"The fair runs 20-23 October.", "", []d{{"20-23 October", "2023-10-20/2023-10-23", "day"}}},
		{"It launches in Q3 2024.", "", []d{{"Q3 2024", "2024-Q3", "quarter"}}},
		{"Profit rose in the third quarter.", "", []d{{"third quarter", "2023-Q3", "quarter"}}},
		{"Growth slowed in the first half of 2023.", "", []d{{"first half of 2023", "2023-H1", "half"}}},
		{"Protests began in late January of this year.", "", []d{{"late January of this year", "2023-01", "month"}}},
		{"The drought lasted from 2019 to 2021.", "", []d{{"2019 to 2021", "2019/2021", "year"}}},
		// Numeric dates: a part above 12 decides, then the publisher's country.
		{"Due 10/23/2023.", "", []d{{"10/23/2023", "2023-10-23", "day"}}},
		{"Due 05/06/2023.", "www.nytimes.com", []d{{"05/06/2023", "2023-05-06", "day"}}},
		{"Due 05/06/2023.", "www.bbc.co.uk", []d{{"05/06/2023", "2023-06-05", "day"}}},
		{"Due 05/06/2023, not 25/12/2023.", "www.nytimes.com", []d{{"05/06/2023", "2023-06-05", "day"}, {"25/12/2023", "2023-12-25", "day"}}},
		{"Smith and May met in May.", "", []d{{"May", "2023-05", "month"}}},
	} {
		checkFound(t, "FindFrom "+tc.host, tc.in, e.FindFrom(tc.in, published, tc.host), tc.want)
	}
}

// foundDate is a date a case expects, as Find gives it.
type foundDate struct{ text, value, grain string }

// checkFound compares the dates got, found in in by call, with want, in order, and checks their
// offsets.
func checkFound(t *testing.T, call, in string, got []article.Date, want []foundDate) {
	t.Helper()
	gs := make([]foundDate, 0, len(got))
	for _, g := range got {
		gs = append(gs, foundDate{g.Text, g.Value, g.Grain})
	}
	if !slices.Equal(gs, want) {
		t.Errorf("%s(%q) = %v; want %v", call, in, gs, want)
	}
	checkOffsets(t, in, got)
}

func TestNoReference(t *testing.T) {
	got := New().Find("Yesterday, on Oct. 23, 2023 and on Monday.", time.Time{})
	if len(got) != 1 || got[0].Value != "2023-10-23" {
		t.Errorf("Find without reference = %v; want only the absolute date", got)
	}
}

func TestExtractUsesFetched(t *testing.T) {
	a := &article.Article{Text: "Héllo — it rained yesterday.", Fetched: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)}
	if err := New().Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Dates) != 1 || a.Dates[0].Value != "2024-01-31" {
		t.Errorf("Dates = %v; want yesterday = 2024-01-31", a.Dates)
	}
	checkOffsets(t, a.Text, a.Dates)
}

func checkOffsets(t *testing.T, s string, ds []article.Date) {
	t.Helper()
	for _, d := range ds {
		if got := text.SliceRunes(s, d.Start, d.End); got != d.Text {
			t.Errorf("text[%d:%d] = %q; want %q", d.Start, d.End, got, d.Text)
		}
	}
}

func TestGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: string(raw), Published: &published}
	if err := New().Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	checkOffsets(t, a.Text, a.Dates)
	golden.CheckJSON(t, "testdata/article.golden.json", a.Dates)
}

func BenchmarkFind(b *testing.B) {
	raw, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		b.Fatal(err)
	}
	e := New()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		e.Find(string(raw), published)
	}
}

// TestHolidays pins named days resolved by their rule in the year the clause points to (issue #19).
func TestHolidays(t *testing.T) {
	e := New()
	pub := time.Date(2019, 11, 19, 12, 0, 0, 0, time.UTC) // a Tuesday
	for _, tc := range []struct{ in, text, value string }{
		{"The best deals ahead of Black Friday.", "Black Friday", "2019-11-29"},
		{"Prices will drop on Cyber Monday.", "Cyber Monday", "2019-12-02"},
		{"Sales peaked on Black Friday 2018.", "Black Friday 2018", "2018-11-23"},
		{"Stores closed on Labor Day.", "Labor Day", "2019-09-02"},
		{"The bill must pass before Christmas.", "Christmas", "2019-12-25"},
		{"He was arrested on Christmas Eve.", "Christmas Eve", "2018-12-24"},
		{"Churches filled on Easter Sunday.", "Easter Sunday", "2019-04-21"},
		{"Jared Diamond wrote of Easter Island. Crowds gathered at Easter.", "Easter", "2019-04-21"},
		{"The store opens on New Year's Day.", "New Year's Day", "2020-01-01"},
		{"Crowds gathered on Memorial Day.", "Memorial Day", "2019-05-27"},
	} {
		got := e.Find(tc.in, pub)
		if len(got) != 1 || got[0].Text != tc.text || got[0].Value != tc.value {
			t.Errorf("Find(%q) = %v; want %s = %s", tc.in, got, tc.text, tc.value)
		}
	}
	if got := e.Find("a black friday sale", pub); len(got) != 0 {
		t.Errorf("lower-case names are no holiday: %v", got)
	}
}

// TestSpokenDay pins relative day words inside quotations, which count from the day the story
// reports (the quote was spoken then), and names ending in "Today" (issue #19).
func TestSpokenDay(t *testing.T) {
	e := New()
	pub := time.Date(2019, 11, 20, 9, 0, 0, 0, time.UTC) // a Wednesday
	for _, tc := range []struct{ in, text, value string }{
		{"The hearing ended on Tuesday. \"Today's hearing was a sham,\" she said.", "Today", "2019-11-19"},
		{"The hearing ended on Tuesday. “Something happened last night,” he said.", "last night", "2019-11-18"},
		{"The hearing ended on Tuesday. Today the House votes.", "Today", "2019-11-20"},
		{"\"Today we won,\" he said.", "Today", "2019-11-20"},
		{"The show aired on Sunday. \"His tweet yesterday was odd. He will debate tomorrow night,\" he said.", "tomorrow", "2019-11-18"},
	} {
		var got []string
		for _, d := range e.Find(tc.in, pub) {
			if d.Text == tc.text {
				got = append(got, d.Value)
			}
		}
		if len(got) != 1 || got[0] != tc.value {
			t.Errorf("Find(%q) %q = %v; want %s", tc.in, tc.text, got, tc.value)
		}
	}
	for _, in := range []string{"He told USA Today on Monday.", "He told BBC Radio 4's Today programme on Monday."} {
		if got := e.Find(in, pub); len(got) != 1 || got[0].Text != "Monday" {
			t.Errorf("%q: a name holding Today is no date: %v", in, got)
		}
	}
	// Published on Sunday evening UTC, Monday morning in Asia: "struck early on Monday" is today.
	late := time.Date(2026, 11, 8, 23, 35, 0, 0, time.UTC)
	if got := e.Find("An earthquake struck early on Monday.", late); len(got) != 1 || got[0].Value != "2026-11-09" {
		t.Errorf("late UTC: %v; want Monday 2026-11-09", got)
	}
}

// TestTenseAround pins dates without a year whose tense is read after them, the timetable present,
// a coordinated month's year and a weekday that picks the year (issue #19).
func TestTenseAround(t *testing.T) {
	e := New()
	pub := time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC) // a Tuesday, no time known
	for _, tc := range []struct{ in, text, value string }{
		{"But in May, when the agency tapped three companies, two agreed.", "May", "2019-05"},
		{"In May, its head said returning to the moon was necessary.", "May", "2019-05"},
		{"The minister on Thursday in a speech accused the banks.", "Thursday", "2019-11-14"},
		{"The governor on Wednesday announced a plan to extend the line.", "Wednesday", "2019-11-13"},
		{"The World Cup begins in June, with matches in eight cities.", "June", "2020-06"},
		{"The pact takes effect in June.", "June", "2020-06"},
		{"After floods in April and May 2018, homes were razed.", "April", "2018-04"},
		{"Rain fell between December and February 2019.", "December", "2018-12"},
		{"The impact of Monday's debate is still small, he wrote.", "Monday", "2019-11-18"},
		{"“The impact of Friday’s debate is still small,” wrote an analyst.", "Friday", "2019-11-15"},
		{"Monday's debate might not move mountains.", "Monday", "2019-11-18"},
		{"Obama, dedicating the museum on Saturday, said it would tell a story.", "Saturday", "2019-11-16"},
		{"As she put it to Michael M. Grynbaum in July, the channel is different.", "July", "2019-07"},
		{"Following Monday's debate, the polls moved.", "Monday", "2019-11-18"},
		{"As she put it to a colleague in July, RT is ''providing a view you won't get elsewhere.''", "July", "2019-07"},
		{"She was taken at 6:38 p.m. on Saturday, May 18.", "Saturday, May 18", "2019-05-18"},
		{"She said the country would leave the E.U. by the end of March and suggested more.", "March", "2020-03"},
	} {
		var got []string
		for _, d := range e.Find(tc.in, pub) {
			if d.Text == tc.text {
				got = append(got, d.Value)
			}
		}
		if len(got) != 1 || got[0] != tc.value {
			t.Errorf("Find(%q) %q = %v; want %s", tc.in, tc.text, got, tc.value)
		}
	}
}

// TestRelativeMore pins relative expressions read as a reader does (issue #19).
func TestRelativeMore(t *testing.T) {
	e := New()
	pub := time.Date(2019, 11, 18, 0, 0, 0, 0, time.UTC) // a Monday
	for _, tc := range []struct{ in, text, value string }{
		{"Soldiers took to the streets to clear barricades this weekend.", "this weekend", "2019-11-16/2019-11-17"},
		{"Fans will gather this weekend.", "this weekend", "2019-11-23/2019-11-24"},
		{"Controls imposed in October 2017 were expanded the following year.", "the following year", "2018"},
		{"Sales fell in 2016 after rising the previous year.", "the previous year", "2015"},
		{"The lead she has held all month.", "all month", "2019-11"},
		{"Twenty-two years ago, a paper praised him.", "Twenty-two years ago", "1997"},
		{"Clearing fell in the twelve months to July.", "July", "2019-07"},
	} {
		var got []string
		for _, d := range e.Find(tc.in, pub) {
			if d.Text == tc.text {
				got = append(got, d.Value)
			}
		}
		if len(got) != 1 || got[0] != tc.value {
			t.Errorf("Find(%q) %q = %v; want %s", tc.in, tc.text, got, tc.value)
		}
	}
}
