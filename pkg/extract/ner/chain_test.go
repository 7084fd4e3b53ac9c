package ner_test

import (
	"context"
	"testing"
	"time"

	"github.com/newsmon/newsmon/pkg/article"
	"github.com/newsmon/newsmon/pkg/extract"
	"github.com/newsmon/newsmon/pkg/extract/dates"
	"github.com/newsmon/newsmon/pkg/extract/event"
	"github.com/newsmon/newsmon/pkg/extract/ner"
	"github.com/newsmon/newsmon/pkg/geo"
)

// TestEventNameThroughChain is issue #19's split event name as a regression test through the
// product's chain (ner → geo → dates → event, with the embedded gazetteer): "the 2023 World
// Internet of Things Exposition held from Oct 20 to 23 in Wuxi" is one event, with its dates and
// its city — not "2023 World Internet" and "Things Exposition", and no person "Oct".
func TestEventNameThroughChain(t *testing.T) {
	t.Parallel()
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	chain := extract.NewChain(nil, ner.New(gaz), geo.NewResolver(gaz), dates.New(), event.NewWithGazetteer(gaz))
	published := time.Date(2023, 10, 24, 9, 0, 0, 0, time.UTC)
	a := &article.Article{
		Language:  "en",
		Published: &published,
		Text: "More than 500 companies showed their products at the 2023 World Internet of Things Exposition " +
			"held from Oct 20 to 23 in Wuxi, the organisers said on Tuesday.",
	}
	if err := chain.Run(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	const name = "2023 World Internet of Things Exposition"
	var found bool
	for _, e := range a.Entities {
		switch {
		case e.Name == name:
			found = e.Type == article.TypeEvent
		case e.Type == article.TypePerson || e.Name == "Things Exposition" || e.Name == "2023 World Internet":
			t.Errorf("unexpected entity %s %q", e.Type, e.Name)
		}
	}
	if !found {
		t.Errorf("no EVENT %q in %v", name, a.Entities)
	}
	var evs []article.Event
	for _, ev := range a.Events {
		if ev.Name == name {
			evs = append(evs, ev)
		}
	}
	if len(evs) != 1 {
		t.Fatalf("events named %q: %d; want 1 (all events: %+v)", name, len(evs), a.Events)
	}
	ev := evs[0]
	if ev.Date != "2023-10-20/2023-10-23" || ev.DateEnd != "2023-10-23" {
		t.Errorf("event dates %q … %q; want 2023-10-20/2023-10-23 … 2023-10-23", ev.Date, ev.DateEnd)
	}
	if ev.Place != "Wuxi" || ev.CountryCode != "CN" {
		t.Errorf("event place %q (%s); want Wuxi (CN)", ev.Place, ev.CountryCode)
	}
}
