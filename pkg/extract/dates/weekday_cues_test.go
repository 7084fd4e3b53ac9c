package dates

import "testing"

// TestWeekdayCues: the cues a careful reader takes for a bare weekday's direction (issue #19, wave
// 3 audit classes). Published Saturday 14 October 2023: the last Tuesday is the 10th, the next the
// 17th.
func TestWeekdayCues(t *testing.T) {
	checkReader(t, []readerCase{
		// a capitalised cue word mid-sentence is part of a name, not a verb
		{"The top seed went out of the Jersey Open in Oslo on Tuesday with a loss.", "2023-10-14", "Tuesday", "2023-10-10"},
		{"She beat Jersey Open champion Ann Roe in the second round on Tuesday.", "2023-10-14", "Tuesday", "2023-10-10"},
		{"Tickets for the Will Barker tribute are on sale from Tuesday.", "2023-10-14", "Tuesday", "2023-10-17"},
		{"I'll see the doctor on Tuesday.", "2023-10-14", "Tuesday", "2023-10-17"},
		// "close to" is no closing; an adjective's "start" is a noun
		{"The pound stood close to a record low on Tuesday.", "2023-10-14", "Tuesday", "2023-10-10"},
		{"We had an early start on Tuesday because of the tour.", "2023-10-14", "Tuesday", "2023-10-10"},
		{"The markets close on Tuesday for the holiday.", "2023-10-14", "Tuesday", "2023-10-17"},
		// the present progressive of an arrangement looks ahead
		{"The chairman is meeting his rival on Thursday.", "2023-10-14", "Thursday", "2023-10-19"},
		{"Farmers are planning a march in the capital on Thursday.", "2023-10-14", "Thursday", "2023-10-19"},
		{"The summit taking place in Rome on Thursday is the first.", "2023-10-14", "Thursday", "2023-10-19"},
		{"The chairman was meeting his rival on Thursday.", "2023-10-14", "Thursday", "2023-10-12"},
	})
}

// TestQuotedTense: a date inside a quotation takes the tense of the quotation's own words, not of
// the verb of saying before it.
func TestQuotedTense(t *testing.T) {
	checkReader(t, []readerCase{
		{`The minister said on Tuesday: "Nobody doubts the poll is called on 6 May."`, "2024-01-15", "6 May", "2024-05-06"},
		{`The minister said on Tuesday: "We met them on 6 January."`, "2024-01-15", "6 January", "2024-01-06"},
	})
}

// TestMarketAndApposition: a month naming a contract through the words of its kind is a delivery
// month, never past; a comma between a town and its state does not end the clause whose verb
// dates a month.
func TestMarketAndApposition(t *testing.T) {
	checkReader(t, []readerCase{
		{"Dealers said June share price index futures rallied late.", "1987-03-15", "June", "1987-06"},
		{"The June yen eased in thin trade.", "1987-03-15", "June", "1987-06"},
		{"The January index rose 0.4 pct.", "1987-03-15", "January", "1987-01"},
		{"The hearings will open in May in Leeds, Yorkshire and close in December in Hull.", "1987-03-15", "December", "1987-12"},
		{"The hearings opened in Leeds, Yorkshire in December.", "1987-03-15", "December", "1986-12"},
	})
}

// TestWeekdayNames: a weekday that ends a club's or a person's name is no date.
func TestWeekdayNames(t *testing.T) {
	checkReader(t, []readerCase{
		{"He was sacked as Wigan Thursday manager last year.", "2023-10-14", "Thursday", ""},
		{"Then Anna Monday's Welsh side scored twice.", "2023-10-14", "Monday", ""},
		{"The cup tie between Leeds Saturday and Hull was tight.", "2023-10-14", "Saturday", ""},
		{"The striker told Reuters Monday that he would stay.", "2023-10-14", "Monday", "2023-10-09"},
		{"He flew to Ecuador Tuesday to see the damage.", "2023-10-14", "Tuesday", "2023-10-10"},
		{"Prices fell on Good Friday and Easter Monday.", "2023-10-14", "Easter Monday", "2023-04-10"},
	})
}

// TestCountedPeriods: a fiscal quarter said to end off the calendar's quarter ends names no
// calendar quarter, and "the last Saturday before" a date is not the Saturday before publication.
func TestCountedPeriods(t *testing.T) {
	checkReader(t, []readerCase{
		{"For the second quarter ended November 30, profit rose.", "2023-12-20", "second quarter", ""},
		{"For the second quarter ended November 30, profit rose.", "2023-12-20", "November 30", "2023-11-30"},
		{"For the fourth quarter ended Dec 31, profit rose.", "2024-01-20", "fourth quarter", "2023-Q4"},
		{"Shops were full on the last Saturday before the holiday.", "2023-10-14", "last Saturday", ""},
		{"Shops were full last Saturday.", "2023-10-14", "last Saturday", "2023-10-07"},
	})
}

// TestPastExpectations: the outcome that "had" been expected lies in the past of the story.
func TestPastExpectations(t *testing.T) {
	checkReader(t, []readerCase{
		{"Sales rose. Many had expected them to slip in November as buyers waited until December.", "2024-01-15", "November", "2023-11"},
		{"The firm had forecast output to peak in October.", "2024-01-15", "October", "2023-10"},
		// a plan in the past perfect may have been put back and still lie ahead
		{"The board had planned to list the shares from 20 March, but the date moved.", "2024-01-15", "20 March", "2024-03-20"},
	})
}

// TestHappenings: a day's disaster, attack or market fall is past, whatever the clause plans.
func TestHappenings(t *testing.T) {
	checkReader(t, []readerCase{
		{"Fishing will be hit by Thursday's 7.1 magnitude earthquake.", "2023-10-14", "Thursday", "2023-10-12"},
		{"Officials will study Monday's 300 point drop in shares.", "2023-10-14", "Monday", "2023-10-09"},
		{"Fans will flock to Monday's Tsunami Relief gig.", "2023-10-14", "Monday", "2023-10-16"},
	})
}

// TestSuccessiveDays: the participle of a "with" clause after a day dates that clause's own day,
// not the first one.
func TestSuccessiveDays(t *testing.T) {
	checkReader(t, []readerCase{
		{"The heats are on Wednesday with the final scheduled for Sunday.", "2023-10-13", "Wednesday", "2023-10-11"},
		{"The heats are on Wednesday with the final scheduled for Sunday.", "2023-10-13", "Sunday", "2023-10-15"},
	})
}
