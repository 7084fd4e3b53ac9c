package event

import "testing"

// TestStoryKinds: "shot" and "shooting" in a story of films, "attack" in a story of computer
// crime, "clash" and "attack" in a match report whose words WordNet also gives as military
// ("squad", "flanker", "fight"), a clash of dates — none of them violence (issue #19, audit of
// unseen BBC stories).
func TestStoryKinds(t *testing.T) {
	t.Parallel()
	film := "The director cast two actors in the sequel. The actress said the movie was hard to make. "
	cyber := "Hackers use phishing and spyware to steal passwords. "
	checkSenses(t, []senseCase{
		{"filmed in a museum", fixture{text: film + "Some scenes will be shot in the old museum."}, nil},
		{"location shooting", fixture{text: film + "The crew was doing location shooting in the desert."}, nil},
		{"a hacker's attack", fixture{text: cyber + "Older attacks relied on users clicking links."}, nil},
		{"a squad's clash", fixture{text: "The coach named his squad for the match. The striker is injured. " +
			"The flanker is in the squad for Saturday's clash with Italy."}, nil},
		{"a fight to the finish", fixture{text: "The league match is on Tuesday, the coach said. The striker is fit. " +
			"He expects the clash with the champions to be a fight to the finish."}, nil},
		{"a clash of dates", fixture{text: "The clash with last week's ceremony forced some guests to stay away."}, nil},
		{"a hostage to plans", fixture{text: "The nation will become a hostage to the cartel's plans."}, nil},
		// still violence
		{"a film story's real shooting", fixture{text: film + "The actor was shot dead outside his home by a gunman."}, []string{"attack|"}},
		{"a cyber story's bombing", fixture{text: cyber + "The attack killed three guards at the bank."}, []string{"attack|"}},
		{"no story kind", fixture{text: "Some villagers were shot in the old market."}, []string{"attack|"}},
	})
}

// TestAnimalsShot: "to be shot" reads its subject before the infinitive: foxes, not people.
func TestAnimalsShot(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"foxes to be shot", fixture{text: "Hunters may flush out foxes to be shot."}, nil},
		{"a man to be shot", fixture{text: "The court ordered the man to be shot."}, []string{"attack|"}},
	})
}

// TestDateNotEventName: a month's name closing a capitalised run ("Dublin on 12 March") is a
// date, not a protest march; a named march is still one.
func TestDateNotEventName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f    fixture
		want int
	}{
		{fixture{text: "France play Ireland in Dublin on 12 March.", dates: [][3]string{{"12 March", "2005-03-12", "day"}},
			places: [][3]string{{"Dublin", "Dublin", "city"}}}, 0},
		{fixture{text: "The Budget goes to the House of Commons on 16 March.", dates: [][3]string{{"16 March", "2005-03-16", "day"}}}, 0},
		{fixture{text: "Thousands joined the 2004 Freedom March in the capital."}, 1},
	} {
		if got := len(New().Find(tc.f.article(t))); got != tc.want {
			t.Errorf("%q: %d events; want %d", tc.f.text, got, tc.want)
		}
	}
}

// TestDealsWithTopic: "deals with" a subject matter is no deal made.
func TestDealsWithTopic(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"a novel's topic", fixture{text: "The novel deals with moral issues."}, nil},
		{"a deal with a firm", fixture{text: "Apple made a deal with Motorola.", entities: [][2]string{{"ORG", "Apple"}, {"ORG", "Motorola"}}}, []string{"agreement|"}},
		{"a deal with creditors", fixture{text: "The company reached a deal with its creditors."}, []string{"agreement|"}},
	})
}

// TestStatementModifiers: "speech" naming the faculty ("speech technology") and "declared" as
// an adjective after a possessive ("his declared income") make no statement.
func TestStatementModifiers(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"speech technology", fixture{text: "The firm has married speech technology with search."}, nil},
		{"declared income", fixture{text: "His declared income includes fees for columns."}, nil},
		{"a speech", fixture{text: "The minister gave a speech to delegates."}, []string{"statement|"}},
	})
}

// TestMeetingsOfPlay: in a match report "met" and "meeting" are the game's unless officials meet;
// a goal met before its verb and the verb "talks to" hold no meeting.
func TestMeetingsOfPlay(t *testing.T) {
	t.Parallel()
	match := "The striker scored twice as the league leaders won the match. "
	checkSenses(t, []senseCase{
		{"met a cross", fixture{text: match + "He met the cross at the back post."}, nil},
		{"a meeting with a seed", fixture{text: match + "The win set up a meeting with the top seed."}, nil},
		{"officials met", fixture{text: match + "The fixtures were agreed at a meeting of officials in Dublin."}, []string{"meeting|"}},
		{"a target met", fixture{text: "He must trim spending each year, a target he says he has now met for the year."}, nil},
		{"talks to", fixture{text: "The software works and talks to other standards."}, nil},
		{"today's talks", fixture{text: "The body will send a record of today's talks to the committee."}, []string{"meeting|"}},
	})
}

// TestWebVisit: a visit to a web site, or by net surfers, is a page view.
func TestWebVisit(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"search engines", fixture{text: "Most surfers visit search engines first."}, nil},
		{"websites", fixture{text: "He had visited explicit websites at home."}, nil},
		{"a city", fixture{text: "The minister visited the old port on Monday."}, []string{"visit|"}},
	})
}
