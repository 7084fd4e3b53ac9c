package main

// Cluster tests (issue 20, "Scale out on a real cluster"): newsmon's stages as separate processes
// on a 3-node NATS cluster (streams and key-value buckets R3) and a 2-node Elasticsearch cluster
// (indices with 1 replica); a NATS node and the Elasticsearch data node are killed -9 mid-ingest.
// Run with the ES cluster up (docs/cluster.md):
//
//	ESNODE_DIR=/tmp/esc scripts/es-node up --nodes 2
//	NEWSMON_TEST_ES_CLUSTER_URL=$(ESNODE_DIR=/tmp/esc scripts/es-node urls) \
//	NEWSMON_TEST_ES_KILL_PIDFILE=/tmp/esc/node2.pid go test ./cmd/newsmon -run Cluster -v

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/bus"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// TestFaultClusterKillNATSAndESNode: 2,000 articles crawled through 2 extract processes and an
// index process writing to Elasticsearch, with an alert rule matching every story and a webhook;
// the NATS node leading the enriched stream is killed -9 at a quarter, the Elasticsearch data
// node at half. Every article must be indexed once and every alert delivered once.
func TestFaultClusterKillNATSAndESNode(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test")
	}
	es := esClusterFromEnv(t)
	const n = 2000
	site := httptest.NewServer(demo.Generated(n, 17))
	defer site.Close()
	hook := &hookReceiver{secret: "hook-secret", byID: map[string]int{}}
	hookSrv := httptest.NewServer(hook)
	defer hookSrv.Close()
	nc := startNATSCluster(t)
	pipe := clusterPipeline(t, site.URL, n, hookSrv.URL+"/hook")
	alias := "newsmon-cluster-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	// Wildcard deletes are refused (action.destructive_requires_name): name the one index.
	t.Cleanup(func() { _ = es.do(http.MethodDelete, "/"+alias+"-000001", nil, nil) })

	common := []string{"--nats-url", nc.plainURL(), "--nats-user", "newsmon", "--nats-password", nc.password,
		"--nats-replicas", "3", "--pipeline", pipe, "--log-level", "warn", "--ack-wait", "5s"}
	startChild(t, false, append([]string{"crawl"}, common...)...)
	var extracts []*child
	for range 2 {
		extracts = append(extracts, startChild(t, false, append([]string{"extract", "--workers", "1"}, common...)...))
	}
	index := startChild(t, true, append([]string{"index", "--data", t.TempDir(), "--http", "127.0.0.1:0",
		"--es-url", strings.Join(es.urls, ","), "--es-index", alias, "--es-replicas", "1"}, common...)...)

	indexedAtLeast := func(want int, before string) {
		waitFor(t, 5*time.Minute, func() error {
			got, err := es.count(alias)
			if err == nil && got < want {
				err = fmt.Errorf("%d of %d indexed %s", got, n, before)
			}
			return err
		})
	}
	indexedAtLeast(n/4, "before a NATS node is killed")
	if wrong := nc.replicasOtherThan(3); len(wrong) > 0 {
		t.Errorf("streams and buckets not R3: %v", wrong)
	}
	if got, err := es.replicas(alias); err != nil || got != "1" {
		t.Errorf("index replicas = %q, %v; want 1", got, err)
	}
	killed := nc.streamLeader(bus.StreamEnriched)
	nc.kill(killed)
	indexedAtLeast(n/2, "before the Elasticsearch data node is killed")
	es.killDataNode(t)
	natsURL := nc.url()
	waitFor(t, 5*time.Minute, func() error { // every article indexed or dead-lettered
		got, err := es.count(alias)
		if dead := deadArticles(t, natsURL); err == nil && got+dead < n {
			err = fmt.Errorf("%d indexed + %d dead-lettered of %d after both kills", got, dead, n)
		}
		return err
	})
	waitIndexStageDrained(t, natsURL)
	waitFor(t, 2*time.Minute, func() error {
		tally := tallyAlerts(t, natsURL)
		if _, ids, _, _ := hook.counts(); ids < tally.distinct || tally.owed > 0 {
			return fmt.Errorf("%d of %d alerts delivered, %d owed", ids, tally.distinct, tally.owed)
		}
		return nil
	})
	indexed, err := es.count(alias)
	if err != nil {
		t.Fatal(err)
	}
	dupIDs, err := es.duplicateIDs(alias)
	if err != nil {
		t.Fatal(err)
	}
	dead := deadArticles(t, natsURL)
	tally := tallyAlerts(t, natsURL)
	_, delivered, hookDups, badSig := hook.counts()
	dups := max(indexed+dead-n, 0) + dupIDs + (tally.stored - tally.distinct) + hookDups
	t.Logf("FAULT %-34s accepted=%d indexed=%d dead_lettered=%d alerts_fired=%d alerts_delivered=%d duplicates=%d",
		fmt.Sprintf("cluster: NATS n%d + ES data node -9", killed+1), n, indexed, dead, tally.distinct, delivered, dups)
	logDeadLetters(t, natsURL)
	if indexed+dead != n || dupIDs != 0 {
		t.Errorf("indexed %d + dead-lettered %d, %d ids held twice; want %d accepted articles indexed once", indexed, dead, dupIDs, n)
	}
	if tally.distinct == 0 || delivered != tally.distinct || tally.claimed != tally.distinct || tally.owed != 0 ||
		tally.stored != tally.distinct || hookDups != 0 || badSig != 0 {
		t.Errorf("alerts: %d claimed, %d in the stream (%d stored), %d owed, %d delivered (%d twice, %d bad signatures); want each delivered once",
			tally.claimed, tally.distinct, tally.stored, tally.owed, delivered, hookDups, badSig)
	}
	for _, x := range extracts {
		x.stop()
	}
	index.stop()
}

// deadArticles is the number of articles the extract and index stages dead-lettered.
func deadArticles(t *testing.T, natsURL string) int {
	return countDeadLetters(t, natsURL, bus.SubjectDeadPrefix+"extract") + countDeadLetters(t, natsURL, bus.SubjectDeadPrefix+"index")
}

// logDeadLetters logs why each dead letter was given up on.
func logDeadLetters(t *testing.T, natsURL string) {
	t.Helper()
	b, err := bus.Connect(context.Background(), bus.Config{URL: natsURL, Replicas: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	dls, err := b.DeadLetters(context.Background(), bus.SubjectDeadPrefix+">", 20)
	if err != nil {
		t.Fatal(err)
	}
	for _, dl := range dls {
		t.Logf("dead letter on %s after %d deliveries: %s", dl.Subject, dl.Deliveries, dl.Reason)
	}
}

// clusterPipeline is generatedPipeline with an alert rule matching every English story, delivered
// to hookURL.
func clusterPipeline(t *testing.T, siteURL string, n int, hookURL string) string {
	t.Helper()
	pipe := generatedPipeline(t, siteURL, n)
	spec, err := os.ReadFile(pipe)
	if err != nil {
		t.Fatal(err)
	}
	spec = append(spec, fmt.Sprintf("alerts:\n  - {name: everything in English, lang: [en]}\n"+
		"notify: {webhooks: [{url: %q, secret: hook-secret}], allow_networks: [127.0.0.0/8]}\n", hookURL)...)
	if err := os.WriteFile(pipe, spec, 0o644); err != nil {
		t.Fatal(err)
	}
	return pipe
}

// waitIndexStageDrained waits until the index stage has acknowledged every enriched article (its
// alerts are published before the acknowledgement).
func waitIndexStageDrained(t *testing.T, natsURL string) {
	t.Helper()
	waitFor(t, 2*time.Minute, func() error {
		js, done, err := jetStream(natsURL)
		if err != nil {
			return err
		}
		defer done()
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
}

// TestClusterExtractThroughput measures the extract stage on the 3-node NATS cluster (R3) with 1
// and with 2 extract processes: a crawl fills the fetched stream first, then the extractors
// drain it. The rate is taken from a tenth to all of the articles enriched, so that process start
// is not counted. A measurement, not a check: it runs when NEWSMON_TEST_CLUSTER_THROUGHPUT=1.
func TestClusterExtractThroughput(t *testing.T) {
	if os.Getenv("NEWSMON_TEST_CLUSTER_THROUGHPUT") != "1" {
		t.Skip("NEWSMON_TEST_CLUSTER_THROUGHPUT=1 not set: skipping the extract throughput measurement on a NATS cluster")
	}
	const n = 1000
	for _, workers := range []int{1, 2} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			site := httptest.NewServer(demo.Generated(n, 23))
			defer site.Close()
			nc := startNATSCluster(t)
			common := []string{"--nats-url", nc.plainURL(), "--nats-user", "newsmon", "--nats-password", nc.password,
				"--nats-replicas", "3", "--pipeline", generatedPipeline(t, site.URL, n), "--log-level", "warn"}
			crawl := startChild(t, false, append([]string{"crawl"}, common...)...)
			waitFor(t, 5*time.Minute, func() error { return streamHolds(nc.url(), bus.StreamFetched, n) })
			crawl.stop()
			for range workers {
				startChild(t, false, append([]string{"extract", "--workers", "1"}, common...)...)
			}
			waitFor(t, 5*time.Minute, func() error { return streamHolds(nc.url(), bus.StreamEnriched, n/10) })
			start := time.Now()
			waitFor(t, 10*time.Minute, func() error {
				return streamHolds(nc.url(), bus.StreamEnriched, n-deadArticles(t, nc.url()))
			})
			elapsed := time.Since(start)
			t.Logf("THROUGHPUT extract, 3-node NATS cluster (R3): %d extract process(es) × 1 worker: %d articles in %.1fs, %.0f articles/s",
				workers, n-n/10, elapsed.Seconds(), float64(n-n/10)/elapsed.Seconds())
		})
	}
}

// streamHolds returns nil once stream holds at least want messages.
func streamHolds(natsURL, stream string, want int) error {
	js, done, err := jetStream(natsURL)
	if err != nil {
		return err
	}
	defer done()
	s, err := js.Stream(context.Background(), stream)
	if err != nil {
		return err
	}
	info, err := s.Info(context.Background())
	if err != nil {
		return err
	}
	if got := int(info.State.Msgs); got < want {
		return fmt.Errorf("%s holds %d of %d messages", stream, got, want)
	}
	return nil
}

func TestReplicaFlagsTakeTheEnvironmentAndRejectNonsense(t *testing.T) {
	for _, tc := range []struct {
		nats, es         string // environment values ("": unset)
		wantNATS, wantES int
	}{
		{"", "", 1, 0},
		{"3", "1", 3, 1},
		{" 3 ", "two", 3, -1}, // -1: openElastic rejects it, naming the variable
	} {
		t.Setenv("NEWSMON_NATS_REPLICAS", tc.nats)
		t.Setenv("NEWSMON_ES_REPLICAS", tc.es)
		var o options
		fs := flag.NewFlagSet("index", flag.ContinueOnError)
		o.register(fs, 0)
		if err := fs.Parse(nil); err != nil {
			t.Fatal(err)
		}
		if o.natsReplicas != tc.wantNATS || o.esReplicas != tc.wantES {
			t.Errorf("env %q, %q: replicas %d, %d; want %d, %d", tc.nats, tc.es, o.natsReplicas, o.esReplicas, tc.wantNATS, tc.wantES)
		}
	}
	o := options{natsURL: "nats://127.0.0.1:1", natsReplicas: 0}
	if _, _, err := connectBus(context.Background(), &o, false, nil, io.Discard); !errors.As(err, new(usageError)) {
		t.Errorf("--nats-replicas 0: %v; want a usage error", err)
	}
	o = options{esURL: "http://127.0.0.1:1", esReplicas: -1}
	if _, err := openElastic(context.Background(), &o, nil); !errors.As(err, new(usageError)) {
		t.Errorf("--es-replicas -1: %v; want a usage error", err)
	}
}
