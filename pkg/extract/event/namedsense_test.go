package event

import (
	"reflect"
	"testing"
)

// TestNamesThatGoOn: a name that goes on past its event word, a company in apposition, a
// country's legislature and a broadcast programme are no events; a sentence's first function word
// and a month's name are no part of an event's name.
func TestNamesThatGoOn(t *testing.T) {
	t.Parallel()
	checkNamed(t, []namedCase{
		{fixture{text: "Lawyers of Fair Trials Abroad said the men were innocent."}, nil},
		{fixture{text: "The casino could be built at the Riverside Exhibition and Conference Centre."}, nil},
		{fixture{text: "Moonbeam Games, the makers of the title, said it sells responsibly.", entities: [][2]string{{"ORG", "Moonbeam Games"}}}, nil},
		{fixture{text: "The bill faces a fight in the U.S. Congress.", entities: [][2]string{{"EVENT", "U.S. Congress"}}}, nil},
		{fixture{text: "He called for talks between the Cabinet Office and Congress on the budget.", entities: [][2]string{{"EVENT", "Cabinet Office and Congress"}}}, nil},
		{fixture{text: "He starred in the sketch programme The Quick Show last year.", entities: [][2]string{{"EVENT", "Quick Show"}}}, nil},
		{fixture{text: "But Kent Film Festival organisers were pleased."}, []string{"Kent Film Festival"}},
		{fixture{text: "The plan goes before the July Harbour Trade Conference in Geneva."}, []string{"Harbour Trade Conference"}},
		// still events
		{fixture{text: "He played at the Newport Jazz Festival and Carnegie Hall."}, []string{"Newport Jazz Festival"}},
	})
}

// TestAgreementsInForce: an agreement kept to or broken, a traded instrument, a consensus, a
// deal's people and sums, and "signs" as the noun make no agreement.
func TestAgreementsInForce(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"adhere to", fixture{text: "Output will stay low as long as members adhere to the pact."}, nil},
		{"violated", fixture{text: "Workers said the firm violated contract rules on seniority."}, nil},
		{"current contract", fixture{text: "The current contract expires in June."}, nil},
		{"repurchase", fixture{text: "Dealers used repurchase agreements with the central bank."}, nil},
		{"delivery month", fixture{text: "Selling in the June contract dried up."}, nil},
		{"consensus", fixture{text: "There is broad agreement among traders that rates will rise."}, nil},
		{"brokers", fixture{text: "The firm has several acquisition brokers looking for targets."}, nil},
		{"amid signs", fixture{text: "Talks begin amid signs officials are irritated."}, []string{"meeting|"}},
		// still agreements
		{"a deal worth", fixture{text: "The assets went to the state firm in a deal worth $9bn."}, []string{"agreement|"}},
		{"an agreement that", fixture{text: "Lenders reached an interim agreement that defers payments."}, []string{"agreement|"}},
		{"failed to seal", fixture{text: "The two exchanges failed to seal a merger."}, nil},
	})
}

// TestAttributiveAndAllowed: a participle of telling before its noun ("the previously announced
// sale") and what a rule allows ("can be detained") hold no event.
func TestAttributiveAndAllowed(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"previously announced", fixture{text: "The loss follows the previously announced sale of the unit."}, nil},
		{"newly unveiled", fixture{text: "Critics attacked the newly unveiled plan in parliament."}, nil},
		{"can be detained", fixture{text: "Under the act suspects can be detained without charge."}, nil},
		{"has already announced", fixture{text: "Labour has already announced plans to help buyers."}, []string{"statement|"}},
	})
}

// TestEconomicBase: the base of a share behind modifiers and a possessor, and the verb "exports",
// report no figure; a measure that moved does.
func TestEconomicBase(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"share of output", fixture{text: "The unit controls about 16% of the country's total crude oil output."}, nil},
		{"the verb", fixture{text: "The dairy is the second largest producer and exports its cheese to Greece."}, nil},
		{"balance of payments", fixture{text: "The balance of payments surplus rose to 840 mln dlrs."}, []string{"economic|"}},
		{"volume of imports", fixture{text: "The volume of oil imports declined to 31 pct of the total."}, []string{"economic|"}},
	})
}

// TestDisastersSupposed: a faked accident, another outbreak to come and a crash of prices are no
// disaster; a plane crash is.
func TestDisastersSupposed(t *testing.T) {
	t.Parallel()
	checkSenses(t, []senseCase{
		{"faked", fixture{text: "The sprinters were accused of faking a motorcycle accident."}, nil},
		{"another outbreak", fixture{text: "The plan prepares for another major disease outbreak."}, nil},
		{"crash in prices", fixture{text: "The country was hit by last year's crash in oil prices."}, nil},
		{"property crash", fixture{text: "Fewer buyers could bring another property crash."}, nil},
		{"a plane crash", fixture{text: "Nine people died when the plane crashed in the Bahamas."}, []string{"disaster|"}},
	})
}

// TestApposedEvent: an apposition that names a gathering keeps the event.
func TestApposedEvent(t *testing.T) {
	t.Parallel()
	f := fixture{text: "The pledge was made at the Harbour Climate Summit, a gathering of 60 governments.",
		entities: [][2]string{{"EVENT", "Harbour Climate Summit"}}}
	var got []string
	for _, e := range New().Find(f.article(t)) {
		if e.Trigger == nil {
			got = append(got, e.Name)
		}
	}
	if !reflect.DeepEqual(got, []string{"Harbour Climate Summit"}) {
		t.Errorf("%q: named %q; want the summit", f.text, got)
	}
}
