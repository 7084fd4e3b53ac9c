package event

// Senses of the statement nouns "speech" and "statement" that hold no statement event (issue #19,
// 2016 US politics read part): speeches as a habit or a genre — "his stump speech", "paid
// speeches to banks", "in almost every speech", "has said in speeches" — and a statement that is a
// claim weighed for its truth — "an inaccurate statement", "take that statement back", "a
// statement of principles" — rather than one issued on a day.

// genreSpeechPrev are modifiers that make "speech(es)" a kind of talk given again and again, not
// one address: "stump speech", "paid speeches", "commencement speeches".
var genreSpeechPrev = words(`stump paid high-paid high-dollar rally graduation commencement fundraising
	various numerous many several countless`)

// occasionSpeechPrev name one occasion's addresses, so even a plural is the evening's ("their
// victory speeches").
var occasionSpeechPrev = words(`victory acceptance concession keynote opening closing farewell inaugural`)

// claimStatementPrev are judgements of truth or candour: the statement is a claim weighed, not an
// announcement made ("an inaccurate statement", "a bracingly honest statement").
var claimStatementPrev = words(`inaccurate false untrue misleading accurate true incorrect correct honest
	dishonest hypocritical truthful untruthful factual erroneous`)

// documentStatementOf follow "statement of" for a creed or aims written down, not a statement
// issued ("a statement of principles").
var documentStatementOf = words(`principle principles purpose values beliefs faith intent aims`)

// dayWords anchor a speech to one day ("Thursday's speeches", "speeches Tuesday night").
var dayWords = words(`monday tuesday wednesday thursday friday saturday sunday today tonight yesterday`)

// claimSense reports a "speech"/"speeches"/"statement" mention at [i, end) that names a habit, a
// genre or a claim rather than one statement made.
func (d *doc) claimSense(i, end int, prev, next string) bool {
	switch d.w(i) {
	case "speech", "speeches":
		if occasionSpeechPrev[prev] {
			return false
		}
		if genreSpeechPrev[prev] {
			// "gave a stump speech Tuesday night": one of them, on a day
			return !(d.w(i-2) == "a" && dayWords[next])
		}
		if prev == "every" || prev == "each" {
			return true // "mentioning him in almost every speech"
		}
		if d.w(i) == "speeches" {
			// a plural with no day: speeches in general or over time ("says it in speeches",
			// "her public speeches", "delivering speeches on topics")
			day := dayWords[next] || dayWords[d.possessor(i)] || dayWords[prev]
			return !day
		}
	case "statement":
		if claimStatementPrev[prev] {
			return true
		}
		if next == "back" {
			return true // "I will take that statement back": a claim withdrawn
		}
		if next == "of" && documentStatementOf[d.w(end+1)] {
			return true
		}
	}
	return false
}
