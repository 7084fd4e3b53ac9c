package event

import "testing"

// TestAttackSenses: attack triggers in another sense than violence done (issue #19, audit of
// unseen BBC and Reuters stories): filming and target shooting, deaths in a disaster, violence
// and fighting in general, computer attacks, criticism.
func TestAttackSenses(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"footage shot", fixture{text: "Most of the footage was shot in Portugal last spring."}, nil},
		{"animals that can be shot", fixture{text: "Deer that can be shot include red and roe deer."}, nil},
		{"start shooting a film", fixture{text: "The director hopes to start shooting the sequel in the autumn."}, nil},
		{"shooting at targets", fixture{text: "Visitors may practise shooting at clay targets on the range."}, nil},
		{"a shooting session", fixture{text: "Each shooting session costs ten pounds."}, nil},
		{"a figure of speech", fixture{text: "The poster was the party's first shot in the campaign."}, nil},
		{"a wave that killed", fixture{text: "The tidal wave which killed 20,000 destroyed the coast."}, nil},
		{"the dead of a disaster story", fixture{text: "The earthquake struck at dawn. At least 300 people were reported killed across the region."}, []string{"disaster|"}},
		{"a fire that killed", fixture{text: "A mine fire that killed one miner caused heavy damage."}, nil},
		{"a time bomb", fixture{text: "The country has swallowed a time bomb, an economist said."}, nil},
		{"violence on television", fixture{text: "The council monitors violence and bad language on television."}, nil},
		{"a country far off", fixture{text: "The candidate regularly incites political violence and wants to ban visitors from entering France.",
			places: [][3]string{{"France", "France", "country"}}}, nil},
		{"fighting change", fixture{text: "Some unions are still fighting change."}, nil},
		{"a net attack", fixture{text: "Home users must protect their computers against malicious net attacks."}, nil},
		{"attack by hackers", fixture{text: "The servers were vulnerable to attack by hackers."}, nil},
		{"a country's policy", fixture{text: "The senator attacked French policy on farming in an interview."}, nil},
		{"attacked as too little", fixture{text: "The offer was attacked by the opposition as too little."}, nil},
		{"a row with a magazine", fixture{text: "The singer clashed with a weekly magazine over the pictures.",
			entities: [][2]string{{"PERSON", "singer"}}}, nil},
		// still attacks
		{"a man shot", fixture{text: "A man was shot in the leg outside the club."}, []string{"attack|"}},
		{"shot dead", fixture{text: "The journalist was shot dead in 1996."}, []string{"attack|"}},
		{"gunmen shot guards", fixture{text: "Gunmen shot two guards at the gate."}, []string{"attack|"}},
		{"the shooting took place", fixture{text: "When the shooting took place outside the studio, the interview ended."}, []string{"attack|"}},
		{"troops killed", fixture{text: "The flood hit the town. Troops killed four looters there."}, []string{"disaster|", "attack|"}},
		{"violence in a city", fixture{text: "The worst violence was in the capital, where rocks were thrown.",
			places: [][3]string{{"Quito", "capital", "city"}}}, []string{"attack|"}},
		{"clashes with police", fixture{text: "Students fought clashes with riot police in three cities."}, []string{"attack|"}},
		{"attacks on installations", fixture{text: "The escalation of attacks on oil installations ended a lull in air force action."}, []string{"attack|"}},
	})
}

// TestSportsStory: in a match report, "attack", "clash", "shot", "strikers", "visit" and "trip"
// are the game's.
func TestSportsStory(t *testing.T) {
	t.Parallel()
	match := "The striker scored twice as the league leaders won the match. "
	checkSenses(t, []senseCase{
		{"attack", fixture{text: match + "The side showed little in attack before half-time."}, nil},
		{"clash", fixture{text: match + "Their clash with the champions is on Sunday."}, nil},
		{"shot", fixture{text: match + "The winger added a second with a 20-yard shot."}, nil},
		{"strikers", fixture{text: match + "We need two strikers who score goals."}, nil},
		{"visit", fixture{text: match + "Everton visit Plymouth in the next round."}, nil},
		{"trip", fixture{text: match + "The coach expects him to be fit for the trip to Cardiff."}, nil},
		// an armed sentence keeps its sense
		{"armed", fixture{text: match + "Gunmen attacked the team bus with rifles."}, []string{"attack|"}},
		// one sports word is no sports story
		{"one word", fixture{text: "The football club's owner visited Beijing on Monday.",
			dates: [][3]string{{"Monday", "2026-11-16", "day"}}}, []string{"visit|2026-11-16"}},
	})
}

// TestMonthNotTrigger: "march" as the month's name in a date, found by the dates extractor or
// before a day of the month, is no protest.
func TestMonthNotTrigger(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"dateline", fixture{text: "LIMA, MARCH 31 - The government said it would assume the debt."}, nil},
		{"lower case", fixture{text: "The notes are due march 20, 1990, the company said."}, nil},
		{"a season", fixture{text: "March/April sold at 4,340 dlrs."}, nil},
		{"found by dates", fixture{text: "Bonds due march 2027 were sold.",
			dates: [][3]string{{"march 2027", "2027-03", "month"}}}, nil},
		{"still a march", fixture{text: "Thousands march through the city against the war."}, []string{"protest|"}},
	})
}
