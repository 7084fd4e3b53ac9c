package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// alertTally is what the bus holds about alerts: the (rule, story) marks the matcher claimed, how
// many of them are still owed (claimed, never recorded delivered), and the events in the stream.
type alertTally struct {
	claimed, owed, stored, distinct int
}

func tallyAlerts(t *testing.T, natsURL string) alertTally {
	t.Helper()
	ctx := context.Background()
	nc, err := nats.Connect(natsURL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	var tally alertTally
	kv, err := bus.AlertFiredView(ctx, js) // delivery marks are packed: read them as keys
	if err != nil {
		t.Fatal(err)
	}
	keys, err := kv.Keys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var marks []string
	for _, k := range keys {
		if strings.Count(k, ".") == 1 { // "<rule id>.<story id>"
			marks = append(marks, k)
		}
	}
	tally.claimed = len(marks)
	for _, m := range marks {
		if _, done, err := kv.Get(ctx, "mark.done."+m); err != nil {
			t.Fatal(err)
		} else if !done {
			tally.owed++
		}
	}
	s, err := js.Stream(ctx, bus.StreamAlerts)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		msg, err := s.GetMsg(ctx, seq)
		if err != nil {
			continue
		}
		var ev struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(msg.Data, &ev) == nil {
			tally.stored++
			ids[ev.ID] = true
		}
	}
	tally.distinct = len(ids)
	return tally
}

// TestFaultIndexKilledAlertsOnce kills the index worker (-9) again and again while a crawl flows
// through an alert rule that matches every article: every alert claimed must be in the stream once,
// none left owed and none twice.
func TestFaultIndexKilledAlertsOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	const n, kills = 400, 6
	site := httptest.NewServer(demo.Generated(n, 11))
	defer site.Close()
	ns := newNATS(t)
	pipe := generatedPipeline(t, site.URL, n)
	spec, err := os.ReadFile(pipe)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pipe, append(spec, "alerts:\n  - {name: everything in English, lang: [en]}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	common := []string{"--nats-url", ns.url(), "--pipeline", pipe, "--log-level", "warn", "--ack-wait", "2s"}
	data := t.TempDir()
	startChild(t, false, append([]string{"crawl"}, common...)...)
	extract := startChild(t, false, append([]string{"extract", "--workers", "2"}, common...)...)
	index := startChild(t, true, append([]string{"index", "--data", data, "--http", "127.0.0.1:0"}, common...)...)
	for k := 1; k <= kills; k++ {
		waitFor(t, 60*time.Second, func() error {
			if got := search(t, index.api, "size=1").Total; got < k*n/(kills+2) {
				return fmt.Errorf("%d indexed before kill %d", got, k)
			}
			return nil
		})
		index.kill()
		index = startChild(t, true, append([]string{"index", "--data", data, "--http", "127.0.0.1:0"}, common...)...)
	}
	faultReport(t, fmt.Sprintf("index worker killed -9 %d times", kills), index.api, ns.url(), n)
	// Every article is indexed; wait for the index stage to acknowledge the last of them (its
	// alerts are published before), then count.
	waitFor(t, 60*time.Second, func() error {
		nc, err := nats.Connect(ns.url())
		if err != nil {
			return err
		}
		defer nc.Close()
		js, _ := jetstream.New(nc)
		c, err := js.Consumer(context.Background(), bus.StreamEnriched, pipeline.DurableIndex)
		if err != nil {
			return err
		}
		info, err := c.Info(context.Background())
		if err != nil {
			return err
		}
		if info.NumPending+uint64(info.NumAckPending) != 0 {
			return fmt.Errorf("index stage: %d waiting, %d unacknowledged", info.NumPending, info.NumAckPending)
		}
		return nil
	})
	tally := tallyAlerts(t, ns.url())
	t.Logf("FAULT %-34s accepted=%d alerts_fired=%d alerts_delivered=%d alerts_owed=%d duplicates=%d",
		fmt.Sprintf("alerts, index killed -9 %d times", kills), n, tally.claimed, tally.distinct, tally.owed, tally.stored-tally.distinct)
	if tally.claimed == 0 || tally.distinct != tally.claimed || tally.owed != 0 || tally.stored != tally.distinct {
		t.Errorf("alerts: %d claimed, %d delivered (%d stored), %d owed; want every claimed alert delivered once",
			tally.claimed, tally.distinct, tally.stored, tally.owed)
	}
	extract.stop()
	index.stop()
}
