package event

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsmon/newsmon/internal/golden"
	"github.com/newsmon/newsmon/pkg/article"
)

// fixture builds an article the way the earlier extractors would leave it: entities, places and
// dates given by their surface text (first occurrence at or after the previous one of that kind).
type fixture struct {
	text     string
	entities [][2]string // {type, surface}
	places   [][3]string // {name, surface, feature}
	dates    [][3]string // {surface, value, grain}
	money    [][2]string // {surface, currency}
}

func (f fixture) article(t testing.TB) *article.Article {
	t.Helper()
	a := &article.Article{ID: "t", Text: f.text}
	find := func(surface string, from map[string]int) article.Mention {
		off := from[surface]
		i := strings.Index(f.text[off:], surface)
		if i < 0 {
			t.Fatalf("fixture: %q not in text after byte %d", surface, off)
		}
		b := off + i
		from[surface] = b + len(surface)
		rs := utf8.RuneCountInString(f.text[:b])
		return article.Mention{Text: surface, Start: rs, End: rs + utf8.RuneCountInString(surface)}
	}
	seen := map[string]int{}
	byName := map[string]int{}
	for _, e := range f.entities {
		m := find(e[1], seen)
		if k, ok := byName[e[0]+e[1]]; ok {
			a.Entities[k].Mentions = append(a.Entities[k].Mentions, m)
			a.Entities[k].Count++
			continue
		}
		byName[e[0]+e[1]] = len(a.Entities)
		a.Entities = append(a.Entities, article.Entity{Type: e[0], Name: e[1], Mentions: []article.Mention{m}, Count: 1})
	}
	seen = map[string]int{}
	for _, p := range f.places {
		m := find(p[1], seen)
		a.Places = append(a.Places, article.Place{Name: p[0], Feature: p[2], GeonameID: len(a.Places) + 1, Mentions: []article.Mention{m}})
	}
	seen = map[string]int{}
	for _, d := range f.dates {
		m := find(d[0], seen)
		a.Dates = append(a.Dates, article.Date{Text: m.Text, Start: m.Start, End: m.End, Value: d[1], Grain: d[2]})
	}
	seen = map[string]int{}
	for _, mo := range f.money {
		m := find(mo[0], seen)
		a.Money = append(a.Money, article.Money{Text: m.Text, Start: m.Start, End: m.End, Currency: mo[1]})
	}
	return a
}

var seed = fixture{
	text: "The 2023 World Intelligent Manufacturing Expo was held from Oct 20 to 23 in Wuxi, Jiangsu province. " +
		"The IoT Solutions World Congress (IOTSWC) is held annually in Barcelona since 2015, organised by Fira de Barcelona. " +
		"A delegation from Wuxi attended the congress in late January.",
	entities: [][2]string{{"EVENT", "2023 World Intelligent Manufacturing Expo"}, {"ORG", "IoT Solutions World Congress"},
		{"ORG", "IOTSWC"}, {"ORG", "Fira de Barcelona"}},
	places: [][3]string{{"Wuxi", "Wuxi", "city"}, {"Jiangsu", "Jiangsu", "admin1"}, {"Barcelona", "Barcelona", "city"},
		{"Wuxi", "Wuxi", "city"}},
	dates: [][3]string{{"Oct 20", "2023-10-20", "day"}, {"2015", "2015", "year"}, {"January", "2024-01", "month"}},
}

func TestSeed(t *testing.T) {
	t.Parallel()
	a := seed.article(t)
	if err := New().Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	byName := map[string]article.Event{}
	var attended *article.Event
	for i, e := range a.Events {
		if e.Trigger == nil {
			byName[e.Name] = e
		} else if e.Trigger.Text == "attended" {
			attended = &a.Events[i]
		}
	}
	expo := byName["2023 World Intelligent Manufacturing Expo"]
	if expo.Date != "2023-10-20/2023-10-23" || expo.DateEnd != "2023-10-23" || expo.Place != "Wuxi" || expo.Type != TypeConference {
		t.Errorf("expo = %+v; want 2023-10-20/2023-10-23 in Wuxi, conference", expo)
	}
	cong := byName["IoT Solutions World Congress"]
	if cong.Place != "Barcelona" || cong.Recurrence != "yearly" || !cong.Recurring || cong.Since != "2015" || cong.Organiser != "Fira de Barcelona" {
		t.Errorf("congress = %+v; want Barcelona, yearly since 2015, organised by Fira de Barcelona", cong)
	}
	var surfaces []string
	for _, m := range cong.Mentions {
		surfaces = append(surfaces, m.Text)
	}
	if want := []string{"IoT Solutions World Congress", "IOTSWC", "congress"}; !reflect.DeepEqual(surfaces, want) {
		t.Errorf("congress mentions = %q; want %q", surfaces, want)
	}
	if attended == nil {
		t.Fatalf("no event for %q; events: %+v", "attended", a.Events)
	}
	if attended.Type != TypeMeeting || attended.Date != "2024-01" || attended.Name != "IoT Solutions World Congress" || attended.Place != "Barcelona" {
		t.Errorf("attended = %+v; want meeting in 2024-01 at the congress in Barcelona", *attended)
	}
	for _, e := range a.Events {
		for _, m := range append(e.Mentions, *orEmpty(e.Trigger)) {
			if got := sliceRunes(a.Text, m.Start, m.End); got != m.Text {
				t.Errorf("mention %+v points at %q", m, got)
			}
		}
	}
}

func orEmpty(m *article.Mention) *article.Mention {
	if m == nil {
		return &article.Mention{}
	}
	return m
}

func sliceRunes(s string, start, end int) string {
	r := []rune(s)
	if start < 0 || end > len(r) || start > end {
		return "<out of range>"
	}
	return string(r[start:end])
}

// TestMentionTypes: which event types fire on a sentence (no entities needed).
func TestMentionTypes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text string
		want []string // type:trigger, in order
	}{
		{"Thousands of protesters marched through the capital.", []string{"protest:protesters"}},
		{"The planned visit was cancelled at the last minute.", nil},
		{"The visit was cancelled.", nil},
		{"Officials prepared a meeting room for the delegation.", nil},
		{"The two sides could hold talks next month.", nil},
		{"She did not attend the meeting.", nil},
		{"There is a great deal of uncertainty.", nil},
		{"He suffered a heart attack.", nil},
		{"The drug failed a clinical trial.", nil},
		{"The stock market crash wiped out savings.", nil},
		{"The company will deal with the fallout.", nil},
		{"The two leaders held talks in the capital and signed a trade deal.", []string{"meeting:talks", "agreement:signed"}},
		{"Police arrested three men after a shooting at a bar.", []string{"legal:arrested", "attack:shooting"}},
		{"Twelve people were killed when floods swept the valley.", []string{"disaster:floods"}},
		{"Gunmen killed 12 villagers.", []string{"attack:Gunmen"}},
		{"Teachers went on strike over pay.", []string{"protest:strike"}},
		{"An air strike hit the town.", []string{"attack:strike"}},
		{"Exports rose 5% in October.", []string{"economic:Exports"}},
		{"The central bank must fight inflation.", nil},
		{"The central bank held interest rates steady.", []string{"economic:rates"}},
		{"Voters went to the polls on Sunday.", []string{"election:polls"}},
		{"Polls show the ruling party ahead.", nil},
		{"The Election Commission said turnout was high.", nil},
		{"The minister announced the plan at a press conference.", []string{"statement:announced"}},
		{"The bridge collapsed after heavy rain.", []string{"disaster:collapsed"}},
		{"Talks collapsed on Friday.", []string{"meeting:Talks"}},
		{"It met expectations.", nil},
		{"Shares rallied 4% on Monday.", nil},
		{"In March, the president visited Kenya.", []string{"visit:visited"}},
		{"She won the election in a landslide.", []string{"election:election"}},
		{"A landslide blocked the highway.", []string{"disaster:landslide"}},
		{"He was charged with kidnapping.", []string{"legal:charged"}},
		{"Russia did not comment on the attack.", []string{"attack:attack"}},
		{"The two sides failed to reach an agreement.", nil},
		{"Shares of Acme rallied 8% on Friday.", nil},
		{"New supply from Australia flooded the market.", nil},
		{"Washington restricted exports of chipmaking tools in 2022.", nil},
		{"The first plant is due to start trial production in 2028.", nil},
		{"Niger chairs the Sahel negotiating group.", nil},
	} {
		a := &article.Article{Text: tc.text}
		var got []string
		for _, e := range New().Find(a) {
			if e.Trigger != nil {
				got = append(got, e.Type+":"+e.Trigger.Text)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q; want %q", tc.text, got, tc.want)
		}
	}
}

// TestNamedScan: named events ner left unlabelled.
func TestNamedScan(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f    fixture
		want string // name|type|date|place
	}{
		{fixture{text: "Ministers gathered in Dubai for the COP28 climate conference, which runs from Nov. 30 to Dec. 12.",
			places: [][3]string{{"Dubai", "Dubai", "city"}}, dates: [][3]string{{"Nov. 30", "2023-11-30", "day"}, {"Dec. 12", "2023-12-12", "day"}}},
			"COP28|conference|2023-11-30/2023-12-12|Dubai"},
		{fixture{text: "Typhoon Yagi made landfall in Hainan on Friday.",
			places: [][3]string{{"Hainan", "Hainan", "admin1"}}, dates: [][3]string{{"Friday", "2024-09-06", "day"}}},
			"Typhoon Yagi|disaster|2024-09-06|Hainan"},
		{fixture{text: "The Canton Fair is held twice a year in Guangzhou.", places: [][3]string{{"Guangzhou", "Guangzhou", "city"}}},
			"Canton Fair|conference||Guangzhou"},
		{fixture{text: "Hainan was hit by Typhoon Yagi on Friday.", places: [][3]string{{"Hainan", "Hainan", "admin1"}},
			dates: [][3]string{{"Friday", "2024-09-06", "day"}}},
			"Typhoon Yagi|disaster|2024-09-06|"},
		{fixture{text: "The Davos Summit, organised by the World Economic Forum, opens in Davos on Monday.",
			entities: [][2]string{{"EVENT", "Davos Summit"}, {"EVENT", "World Economic Forum"}},
			places:   [][3]string{{"Davos", "Davos", "city"}}, dates: [][3]string{{"Monday", "2024-01-15", "day"}}},
			"Davos Summit|meeting|2024-01-15|Davos"},
	} {
		var got []string
		for _, e := range New().Find(tc.f.article(t)) {
			if e.Trigger == nil {
				got = append(got, strings.Join([]string{e.Name, e.Type, e.Date, e.Place}, "|"))
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%q: named %q; want [%q]", tc.f.text, got, tc.want)
		}
	}
}

func TestParticipants(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f    fixture
		want []string // name:role
	}{
		{fixture{text: "Police arrested John Smith on Monday.", entities: [][2]string{{"PERSON", "John Smith"}}},
			[]string{"John Smith:target"}},
		{fixture{text: "John Smith was arrested by the FBI.", entities: [][2]string{{"PERSON", "John Smith"}, {"ORG", "FBI"}}},
			[]string{"John Smith:target", "FBI:agent"}},
		{fixture{text: "Xi Jinping and Emmanuel Macron held talks in Paris.", entities: [][2]string{{"PERSON", "Xi Jinping"}, {"PERSON", "Emmanuel Macron"}}},
			[]string{"Emmanuel Macron:agent", "Xi Jinping:agent"}},
		{fixture{text: "Acme signed a deal with Globex.", entities: [][2]string{{"ORG", "Acme"}, {"ORG", "Globex"}}},
			[]string{"Acme:agent", "Globex:target"}},
	} {
		a := tc.f.article(t)
		evs := New().Find(a)
		if len(evs) == 0 || evs[0].Trigger == nil {
			t.Errorf("%q: no event mention: %+v", tc.f.text, evs)
			continue
		}
		var got []string
		for _, p := range evs[0].Participants {
			got = append(got, p.Name+":"+p.Role)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: participants %q; want %q", tc.f.text, got, tc.want)
		}
	}
}

func TestDateRanges(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		f    fixture
		want string
	}{
		{fixture{text: "The fair runs from Oct 20 to 23 in Wuxi.", dates: [][3]string{{"Oct 20", "2023-10-20", "day"}}}, "2023-10-20/2023-10-23"},
		{fixture{text: "The fair runs Oct 20-23 in Wuxi.", dates: [][3]string{{"Oct 20", "2023-10-20", "day"}}}, "2023-10-20/2023-10-23"},
		{fixture{text: "The fair runs from 20 to 23 October.", dates: [][3]string{{"23 October", "2023-10-23", "day"}}}, "2023-10-20/2023-10-23"},
		{fixture{text: "The fair runs from Oct 30 to Nov 2.", dates: [][3]string{{"Oct 30", "2023-10-30", "day"}, {"Nov 2", "2023-11-02", "day"}}}, "2023-10-30/2023-11-02"},
		{fixture{text: "The fair opens on Oct 20.", dates: [][3]string{{"Oct 20", "2023-10-20", "day"}}}, "2023-10-20"},
		{fixture{text: "The fair runs Oct 20 to 23.", dates: [][3]string{{"Oct 20 to 23", "2023-10-20/2023-10-23", "day"}}}, "2023-10-20/2023-10-23"},
		{fixture{text: "The fair ran on Oct. 17 and 18.", dates: [][3]string{{"Oct. 17", "2023-10-17", "day"}}}, "2023-10-17/2023-10-18"},
		{fixture{text: "Ministers met on Wednesday and Thursday.", dates: [][3]string{{"Wednesday", "2024-02-21", "day"}, {"Thursday", "2024-02-22", "day"}}}, "2024-02-21/2024-02-22"},
	} {
		a := tc.f.article(t)
		d := newDoc(newVocab(), a)
		k := d.bestDate(0, 0, 3, false)
		if k < 0 {
			t.Errorf("%q: no date", tc.f.text)
			continue
		}
		got, end := d.dateRange(k)
		if got != tc.want {
			t.Errorf("%q: date %q; want %q", tc.f.text, got, tc.want)
		}
		if i := strings.IndexByte(tc.want, '/'); i >= 0 && end != tc.want[i+1:] {
			t.Errorf("%q: date_end %q; want %q", tc.f.text, end, tc.want[i+1:])
		}
	}
}

func TestGolden(t *testing.T) {
	a := goldenFixture.article(t)
	if err := New().Extract(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	golden.CheckJSON(t, "testdata/article.golden.json", a.Events)
}

var goldenFixture = fixture{
	text: "Thousands of protesters clashed with police in Dhaka on Sunday, and at least 40 people were arrested. " +
		"Prime Minister Sheikh Hasina met opposition leaders on Monday.\n\n" +
		"Separately, Kenya and China signed a $1.5 billion loan agreement in Nairobi on Wednesday. " +
		"The planned visit of the Chinese premier was cancelled.",
	entities: [][2]string{{"PERSON", "Sheikh Hasina"}, {"PLACE", "Kenya"}, {"PLACE", "China"}},
	places: [][3]string{{"Dhaka", "Dhaka", "city"}, {"Kenya", "Kenya", "country"}, {"China", "China", "country"},
		{"Nairobi", "Nairobi", "city"}},
	dates: [][3]string{{"Sunday", "2023-11-05", "day"}, {"Monday", "2023-11-06", "day"}, {"Wednesday", "2023-11-08", "day"}},
	money: [][2]string{{"$1.5 billion", "USD"}},
}

func BenchmarkFind(b *testing.B) {
	a := goldenFixture.article(b)
	// A news-length article: the fixture paragraph five times with shifted offsets.
	big := *a
	big.Text = strings.Repeat(a.Text+"\n\n", 5)
	big.Entities, big.Places, big.Dates, big.Money = nil, nil, nil, nil
	n := utf8.RuneCountInString(a.Text) + 2
	for k := 0; k < 5; k++ {
		shift := func(m article.Mention) article.Mention { m.Start += k * n; m.End += k * n; return m }
		for _, e := range a.Entities {
			e2 := e
			e2.Mentions = nil
			for _, m := range e.Mentions {
				e2.Mentions = append(e2.Mentions, shift(m))
			}
			big.Entities = append(big.Entities, e2)
		}
		for _, p := range a.Places {
			p2 := p
			p2.Mentions = nil
			for _, m := range p.Mentions {
				p2.Mentions = append(p2.Mentions, shift(m))
			}
			big.Places = append(big.Places, p2)
		}
		for _, d := range a.Dates {
			d.Start += k * n
			d.End += k * n
			big.Dates = append(big.Dates, d)
		}
	}
	ex := New()
	b.SetBytes(int64(len(big.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ex.Find(&big)
	}
}

// BenchmarkFindArticle runs the stage on a 5.4 KB news article (two of the bundled demo site's
// stories, with the entities, places, dates and money the earlier extractors found; regenerate with
// `newsmon analyze --text --published 2026-11-17`) and reports articles per second on one core.
func BenchmarkFindArticle(b *testing.B) {
	data, err := os.ReadFile("testdata/bench_article.json")
	if err != nil {
		b.Fatal(err)
	}
	var a article.Article
	if err := json.Unmarshal(data, &a); err != nil {
		b.Fatal(err)
	}
	ex := New()
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		ex.Find(&a)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if used := processCPU() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used.Seconds(), "articles/cpu-s")
	}
}

func TestConcurrentFind(t *testing.T) {
	ex := New()
	want, _ := json.Marshal(ex.Find(seed.article(t)))
	done := make(chan string, 8)
	for i := 0; i < 8; i++ {
		a := seed.article(t)
		go func() {
			got, _ := json.Marshal(ex.Find(a))
			done <- string(got)
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != string(want) {
			t.Errorf("concurrent Find differs:\n%s\nwant\n%s", got, want)
		}
	}
}

// TestSenses pins the issue #19 classes: a type needs its trigger in that sense, and an event's
// date is the one bound to it, not one a subordinate or reported clause gives another event.
// want lists "type|date" of each event found, in text order.
func TestSenses(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"vaccine trial", fixture{text: "Researchers began vaccinating volunteers on Monday in the country's largest trial of a new tuberculosis vaccine.",
			dates: [][3]string{{"Monday", "2026-11-16", "day"}}}, nil},
		{"trial with no cue in a vaccine story", fixture{text: "The vaccine was safe in early tests. The trial aims to enrol 6,000 adolescents and adults."}, nil},
		{"court trial", fixture{text: "The trial of the former minister on corruption charges opened on Monday before a judge in Nairobi.",
			dates: [][3]string{{"Monday", "2026-11-16", "day"}}}, []string{"legal|2026-11-16"}},
		{"stand trial", fixture{text: "He will stand trial in March."}, []string{"legal|"}},
		{"bacteria killed", fixture{text: "Scientists found bacteria that produce a molecule capable of killing some of the most dangerous drug-resistant infections."}, nil},
		{"killed by a wall", fixture{text: "One of the dead was a 78-year-old woman killed by that wall in the city."}, nil},
		{"people killed", fixture{text: "Gunmen killed 12 villagers in the north."}, []string{"attack|"}},
		{"a team's attack", fixture{text: "Strand has experimented heavily with her attack this year."}, nil},
		{"senate vote", fixture{text: "Senators passed the farm bill after the vote on Thursday. Farm groups largely welcomed the vote."}, nil},
		{"committee vote on funding", fixture{text: "The committee voted 12 to 9 to release the funding."}, nil},
		{"election vote", fixture{text: "Voters in Arizona cast ballots on Tuesday, and the vote count continued."}, []string{"election|"}},
		{"a congress's caucus", fixture{text: "The deal needs approval from Congress, where the farm caucus is the largest bloc."}, []string{"agreement|"}},
		{"election workers", fixture{text: "Election workers began a hand count."}, nil},
		{"demonstration area", fixture{text: "The county was named a national demonstration area for green farming."}, nil},
		{"demonstration of protest", fixture{text: "Thousands joined a demonstration against the tax in Nairobi."}, []string{"protest|"}},
		{"votes counted", fixture{text: "The race was decided by 287 votes, and recounts rarely move hundreds of votes."}, nil},
		{"year in the noun phrase", fixture{text: "He was indicted on Tuesday on charges of trying to overturn the 2020 election.",
			dates: [][3]string{{"Tuesday", "2023-08-01", "day"}}}, []string{"legal|2023-08-01", "election|2020"}},
		{"a law's year", fixture{text: "Police cited a 2023 law during the protests."}, []string{"protest|"}},
		{"central bank cut rates", fixture{text: "The central bank cut rates by a quarter point."}, []string{"economic|"}},
		{"a mountain's summit", fixture{text: "The freezing level rose higher than the summit of any Alpine peak."}, nil},
		{"a leaders' summit", fixture{text: "Leaders met at a summit in Lyon."}, []string{"meeting|"}},
		{"market rally", fixture{text: "Economists said the yield reflected a general rally in emerging-market debt."}, nil},
		{"markets rallied", fixture{text: "Markets rallied on the news."}, nil},
		{"an offset separates a date", fixture{text: "The sides signed the accord on Monday, two years after talks collapsed in Cairo.",
			dates: [][3]string{{"Monday", "2025-07-14", "day"}}}, []string{"agreement|2025-07-14", "meeting|"}},
		{"latest sign", fixture{text: "The sale is the latest sign that African governments are returning to markets."}, nil},
		{"date of another clause", fixture{text: "The pact takes effect early next year after two rounds of negotiations.",
			dates: [][3]string{{"early next year", "2027", "year"}}}, []string{"agreement|2027", "meeting|"}},
		{"date of a reported clause", fixture{text: "Delegates gathered in the square to celebrate, and the club said the team would parade through the city on Monday.",
			dates: [][3]string{{"Monday", "2026-11-16", "day"}}}, []string{"meeting|"}},
		{"preposition after", fixture{text: "Under the deal reached shortly after midnight on Wednesday, the region will spend more.",
			dates: [][3]string{{"Wednesday", "2026-11-04", "day"}}}, []string{"agreement|2026-11-04"}},
		{"relative clause of the trigger", fixture{text: "The protest, which began on Monday, drew thousands.",
			dates: [][3]string{{"Monday", "2026-11-16", "day"}}}, []string{"protest|2026-11-16"}},
		// Triggers in another sense (senses.go).
		{"teams' meetings", fixture{text: "The Bruins beat the Devils for the eighth time in nine meetings."}, nil},
		{"teams meet", fixture{text: "The friendly was the first of two games; the teams meet again on Wednesday."}, nil},
		{"meet a standard", fixture{text: "We open the door to products that meet none of them."}, nil},
		{"leaders meet", fixture{text: "The two presidents will meet in Geneva."}, []string{"meeting|"}},
		{"shop deals", fixture{text: "Monday's best deals include various laptops from $700 at Amazon."}, nil},
		{"today's deal", fixture{text: "Today’s deal is a $50 price break at the store."}, nil},
		{"a deal sealed at a price", fixture{text: "The deal was sealed after the price of gas rose."}, []string{"agreement|"}},
		{"Black Friday deals", fixture{text: "Shoppers queued for Black Friday deals."}, nil},
		{"Friday's deal", fixture{text: "Friday's deal between the two firms was approved."}, []string{"agreement|"}},
		{"an annual general meeting", fixture{text: "He was speaking at the club's annual general meeting, where he confirmed the team's season goals."}, []string{"meeting|"}},
		{"a dinner hosted", fixture{text: "He told him at a dinner hosted by the deputy prime minister."}, []string{"meeting|"}},
		{"agreed with to", fixture{text: "The team had agreed with Chilean authorities to share any future royalties."}, []string{"agreement|"}},
		{"agreed with that", fixture{text: "The judge agreed with her that there was no case."}, nil},
		{"a deal signed", fixture{text: "The two companies signed a deal worth $2 billion."}, []string{"agreement|"}},
		{"hazards listed", fixture{text: "The fund helps countries adapt to extreme heat, floods and droughts."}, nil},
		{"warning for floods", fixture{text: "They asked for early warning systems for floods."}, nil},
		{"floods struck", fixture{text: "Heavy rain triggered floods and landslides in the province."}, []string{"disaster|"}},
		{"fuel on the fire", fixture{text: "The authorities continue to pour fuel on the fire."}, nil},
		{"voters in general", fixture{text: "Voters have every right to know more about his finances."}, nil},
		{"elections in general", fixture{text: "He refuses to do what every candidate has done in the past nine elections."}, nil},
		{"share of GDP", fixture{text: "Public debt stood at about two-thirds of GDP."}, nil},
		{"forecast GDP", fixture{text: "Economists estimate that the reform will increase Brazil's GDP by 0.4 per cent."}, nil},
		{"GDP reported", fixture{text: "GDP grew 2.1 per cent in the third quarter."}, []string{"economic|"}},
		{"a ceremony attended", fixture{text: "Passports were handed out at a ceremony attended by ministers."}, nil},
		{"attended talks", fixture{text: "Ministers attended talks in Paris."}, []string{"meeting|"}},
		{"hosted a show", fixture{text: "Carson, who hosted the Tonight Show for 30 years, died in January."}, nil},
		{"hosted a summit", fixture{text: "Lyon hosted a summit of leaders."}, []string{"meeting|"}},
		{"accord not yet reached", fixture{text: "The minister said the country is near accord with creditor banks."}, nil},
		{"visit a website", fixture{text: "For more information, please visit: www.example.com"}, nil},
		{"a history of negotiations", fixture{text: "The pact ends a quarter of a century of negotiations."}, []string{"agreement|"}},
		{"fans gathered", fixture{text: "Thousands of fans gathered in the plaza to celebrate."}, nil},
		{"campaign rally", fixture{text: "The candidate spoke during a rally in Kenansville."}, nil},
		{"protest rally", fixture{text: "Thousands joined a rally against the tax in Nairobi."}, []string{"protest|"}},
		{"protests in general", fixture{text: "The city has become a flashpoint for protests against mass tourism."}, nil},
		{"original agreements", fixture{text: "The original loan agreements were kept secret."}, nil},
		{"output forecast", fixture{text: "The IMF expects that U.S. output will expand by 1.6 percent."}, nil},
		{"profit forecast", fixture{text: "Higher costs may lead to a drop in 2005 net profit."}, nil},
		{"declared emergencies", fixture{text: "Penalties apply if the sites are unavailable during declared emergencies."}, nil},
		{"said in a speech", fixture{text: "The minister said in a speech to delegates that the fund would grow."}, []string{"statement|"}},
		{"free speech", fixture{text: "The law protects free speech and the freedom of speech."}, nil},
		{"a gathering of leaders", fixture{text: "He spoke at a gathering of industry leaders."}, []string{"meeting|"}},
		{"net income reported", fixture{text: "Net income fell to 537m euros."}, []string{"economic|"}},
		{"attack in words", fixture{text: "There are valid reasons to attack and critique the candidate."}, nil},
	})
}

// TestNamedNonEvents pins names a reader does not take for an event held (issue #19), and text in
// another language, which the English triggers do not read.
func TestNamedNonEvents(t *testing.T) {
	checkNamed(t, []namedCase{
		{fixture{text: "He helped his hometown team to a Stanley Cup title last season.", entities: [][2]string{{"EVENT", "Stanley Cup"}}}, nil},
		{fixture{text: "Iraq War veteran Tom Young lay down on the tracks.", entities: [][2]string{{"EVENT", "Iraq War"}}}, nil},
		{fixture{text: "He hopes to take full control of the Championship side.", entities: [][2]string{{"EVENT", "Championship"}}}, nil},
		{fixture{text: "Carson hosted the Tonight Show for 30 years.", entities: [][2]string{{"EVENT", "Tonight Show"}}}, nil},
		{fixture{text: "The Stanley Cup final opens on Monday.", entities: [][2]string{{"EVENT", "Stanley Cup"}}}, []string{"Stanley Cup"}},
		{fixture{text: "Visitors crowded the Geneva Motor Show.", entities: [][2]string{{"EVENT", "Geneva Motor Show"}}}, []string{"Geneva Motor Show"}},
	})
	a := fixture{text: "Os manifestantes protestaram; the protest in Lisbon drew thousands."}.article(t)
	a.Language = "pt"
	if evs := New().Find(a); len(evs) != 0 {
		t.Errorf("another language: %v; want none", evs)
	}
}
