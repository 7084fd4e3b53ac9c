package event

import "testing"

// TestTypeEvidence: disaster, protest, visit, agreement, meeting and statement triggers in
// another sense (issue #19, audit of unseen stories), and their events kept.
func TestTypeEvidence(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"an explosion in traffic", fixture{text: "The explosion in online traffic surprised the operators."}, nil},
		{"a market's explosion", fixture{text: "The gadget explosion signalled strong growth last year."}, nil},
		{"a blast of a show", fixture{text: "Working on the show has been a blast."}, nil},
		{"an outbreak of feuding", fixture{text: "The year began with a fresh outbreak of feuding between the two ministers."}, nil},
		{"money flooded in", fixture{text: "The currency rose as foreign funds have flooded into the country."}, nil},
		{"a party's landslide", fixture{text: "He became leader after the 1997 Labour landslide.",
			entities: [][2]string{{"ORG", "Labour"}}}, nil},
		{"a crash course", fixture{text: "She was given a crash course in film-making."}, nil},
		{"shares sank", fixture{text: "Shares in the chain sank 14% on the news."}, nil},
		{"protested that", fixture{text: "Foreign firms had protested that the rules were unfair."}, nil},
		{"protested innocence", fixture{text: "Some of the players protested their innocence online."}, nil},
		{"a country protested", fixture{text: "Britain has also protested the limits.",
			entities: [][2]string{{"PLACE", "Britain"}}}, nil},
		{"called off", fixture{text: "Campaigners have called off a demonstration planned for the weekend."}, nil},
		{"oil arrived", fixture{text: "The crude oil is scheduled to arrive in the port by June."}, nil},
		{"sign up", fixture{text: "More than 10,000 people signed up for the service."}, nil},
		{"sign up a client", fixture{text: "It was the first company to sign up a client, a courier firm."}, []string{"agreement|"}},
		{"a sign", fixture{text: "A company sign had been turned into a shrine."}, nil},
		{"a precursor to a takeover", fixture{text: "The stake is a precursor to a takeover, an analyst said."}, nil},
		{"will sign", fixture{text: "The two countries will sign the treaty on Monday."}, []string{"agreement|"}},
		{"sign language", fixture{text: "Relay services for sign language users are free."}, nil},
		{"the surest sign", fixture{text: "It is the surest sign yet of a recovery."}, nil},
		{"futures contracts", fixture{text: "Members will trade index futures and options contracts."}, nil},
		{"a raw deal", fixture{text: "Performers say they get a raw deal abroad."}, nil},
		{"any agreement", fixture{text: "Any agreement on missiles should include short-range weapons."}, nil},
		{"in general accord", fixture{text: "The two chairmen are in general accord on the need for cuts."}, nil},
		{"rules met", fixture{text: "The ministry said these conditions have been met."}, nil},
		{"meeting objectives", fixture{text: "Our performance was strong, meeting or exceeding all of our objectives."}, nil},
		{"it really talks", fixture{text: "It is the warmth that really talks to people."}, nil},
		{"meet regulations", fixture{text: "Firms have a year to meet tough new regulations."}, nil},
		{"a chart's summit", fixture{text: "The single reached the summit of the chart in a week."}, nil},
		{"a statement period", fixture{text: "Reserves averaged 1 billion dlrs in the latest statement period."}, nil},
		// still events
		{"an explosion at a refinery", fixture{text: "An explosion at the refinery on Monday halted output.",
			dates: [][3]string{{"Monday", "2026-11-16", "day"}}}, []string{"disaster|2026-11-16"}},
		{"the blast refers back", fixture{text: "The dam was destroyed early on Tuesday. Both sides blamed each other for the blast."}, []string{"disaster|"}},
		{"an explosion and fire", fixture{text: "The explosion and fire caused extensive damage."}, []string{"disaster|"}},
		{"an outbreak of disease", fixture{text: "An outbreak of foot-and-mouth disease has halted exports."}, []string{"disaster|"}},
		{"rivers flooded", fixture{text: "The river flooded the valley overnight."}, []string{"disaster|"}},
		{"a flooded home", fixture{text: "She salvaged pots from her flooded home."}, []string{"disaster|"}},
		{"protesters", fixture{text: "Protesters marched against the war."}, []string{"protest|"}},
		{"the minister arrived", fixture{text: "The minister arrived in Caracas last night."}, []string{"visit|"}},
		{"signed a deal", fixture{text: "The two firms signed a supply deal."}, []string{"agreement|"}},
	})
}

// TestNoEventHeld: triggers that speak of events supposed, allowed or in general (issue #19):
// an indefinite subject in the conditional, an infinitive a rule allows, a topic of
// information, an economic noun qualifying another.
func TestNoEventHeld(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"a takeover would be", fixture{text: "A takeover of the carrier would be the fifth this year."}, nil},
		{"bare plural supposed", fixture{text: "Early elections in Britain could cause a delay."}, nil},
		{"will try to", fixture{text: "It will try to sign up the rival's customers."}, nil},
		{"allow … to sue", fixture{text: "The bill would allow 9/11 families to sue foreign states."}, nil},
		{"vote your conscience", fixture{text: "He told delegates at the convention to vote their conscience."}, nil},
		{"cannot afford a trip", fixture{text: "Hunters who cannot afford a trip to Texas can shoot online."}, nil},
		{"always vote", fixture{text: "Most pensioners say they always vote, a survey found."}, nil},
		{"every month", fixture{text: "The firm announces its flaws every month."}, nil},
		{"regularly scheduled", fixture{text: "The board will consider the bid at a regularly scheduled board meeting."}, []string{"meeting|"}},
		{"must call", fixture{text: "The government must call an election by June."}, nil},
		{"election time", fixture{text: "Parties avoid the issue at election time."}, nil},
		{"allowed by a rule", fixture{text: "The law would allow families to sue foreign states."}, nil},
		{"a topic", fixture{text: "The regulator asked for information on acquisitions and divestitures."}, nil},
		{"a law on protests", fixture{text: "Police cited a 2023 law on protests."}, nil},
		{"a sales force", fixture{text: "Only 1 percent of the bank's sales force was involved."}, nil},
		{"attack my wife", fixture{text: "\"I don't support people who attack my wife and attack my father,\" he said."}, nil},
		// still events
		{"money spent on acquisitions", fixture{text: "The group spent 5.5 billion francs on acquisitions last year."}, []string{"agreement|"}},
		{"a crackdown on protesters", fixture{text: "The ban followed the crackdown on protesters in the square."}, []string{"protest|"}},
		{"a meeting, not the subject", fixture{text: "Nervousness in advance of a meeting of the fund could make trading choppy."}, []string{"meeting|"}},
		{"the agreement would", fixture{text: "The agreement would also let the country defer payments."}, []string{"agreement|"}},
		{"a loss on sales of", fixture{text: "The firm reported a loss of 5 mln dlrs on sales of 217 mln dlrs."}, []string{"economic|"}},
		{"sales rose", fixture{text: "Sales rose 8% to $4bn in the quarter."}, []string{"economic|"}},
	})
}
