package bus_test

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/newsmon/newsmon/pkg/bus"
)

// startCluster runs three in-process NATS servers with JetStream, routed to each other, and
// returns a client URL listing them all.
func startCluster(t *testing.T) string {
	t.Helper()
	var lns []net.Listener
	for range 3 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
	}
	var routes []*url.URL
	for _, ln := range lns {
		routes = append(routes, &url.URL{Scheme: "nats-route", Host: ln.Addr().String()})
		ln.Close()
	}
	var urls string
	for i, r := range routes {
		port, _ := strconv.Atoi(r.Port())
		s, err := server.NewServer(&server.Options{ServerName: fmt.Sprintf("n%d", i+1), Host: "127.0.0.1", Port: -1,
			JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true, Routes: routes,
			Cluster: server.ClusterOpts{Name: "test", Host: "127.0.0.1", Port: port}})
		if err != nil {
			t.Fatal(err)
		}
		s.Start()
		t.Cleanup(s.Shutdown)
		if !s.ReadyForConnections(10 * time.Second) {
			t.Fatalf("server n%d not ready", i+1)
		}
		if urls != "" {
			urls += ","
		}
		urls += s.ClientURL()
	}
	return urls
}

// A replicated bucket reports a compare-and-swap conflict with its own error code: it must read
// as a lost race (false), not as a failure. Two workers increment one counter; every increment
// must land.
func TestCompareAndSwapOnReplicatedBucketReportsConflictsAsLostRaces(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a 3-server cluster")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: startCluster(t), Replicas: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	kv, err := b.KV(ctx, "cas_test", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := kv.Put(ctx, "n", []byte("0")); err != nil {
		t.Fatal(err)
	}
	const workers, each = 2, 40
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for range workers {
		wg.Go(func() {
			for done := 0; done < each; {
				v, _, err := kv.Get(ctx, "n")
				if err != nil {
					errs <- err
					return
				}
				n, _ := strconv.Atoi(string(v))
				ok, err := kv.CompareAndSwap(ctx, "n", v, []byte(strconv.Itoa(n+1)))
				if err != nil {
					errs <- err
					return
				}
				if ok {
					done++
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("CompareAndSwap: %v", err)
	}
	if v, _, err := kv.Get(ctx, "n"); err != nil || string(v) != strconv.Itoa(workers*each) {
		t.Errorf("counter = %s, %v; want %d", v, err, workers*each)
	}
}
