package main

// Engines for the cluster tests: a 3-node NATS cluster run as child processes of this test binary
// (nats-server from go.mod's module, so it can be killed -9 like a real server), and the 2-node
// Elasticsearch cluster of `scripts/es-node up --nodes 2`, reached through the environment.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// envAsNATS makes the test binary run nats-server on the configuration file it names.
const envAsNATS = "NEWSMON_TEST_AS_NATS"

// init turns the test binary into a nats-server before any test runs when envAsNATS is set: a
// TestMain branch would do the same, but TestMain belongs to the fault tests' file, and this way
// the cluster nodes need no separate build of nats-server.
func init() {
	if conf := os.Getenv(envAsNATS); conf != "" {
		os.Exit(runNATSServer(conf))
	}
}

// runNATSServer runs nats-server on conf until SIGTERM or SIGINT, as the nats-server command does.
func runNATSServer(conf string) int {
	opts, err := server.ProcessConfigFile(conf)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nats-server:", err)
		return 1
	}
	s, err := server.NewServer(opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "nats-server:", err)
		return 1
	}
	s.ConfigureLogger()
	if err := server.Run(s); err != nil {
		fmt.Fprintln(os.Stderr, "nats-server:", err)
		return 1
	}
	s.WaitForShutdown()
	return 0
}

// natsCluster is three nats-server processes with JetStream, routed to each other, requiring the
// user newsmon and a password from clients (as deploy/nats.conf) and a password on routes.
type natsCluster struct {
	t        *testing.T
	dir      string
	password string
	client   [3]int // client ports
	route    [3]int
	nodes    [3]*exec.Cmd
	exited   [3]chan struct{}
}

func startNATSCluster(t *testing.T) *natsCluster {
	t.Helper()
	ports := freePorts(t, 6)
	c := &natsCluster{t: t, dir: t.TempDir(), password: "cluster-" + strconv.FormatInt(time.Now().UnixNano(), 36)}
	copy(c.client[:], ports[:3])
	copy(c.route[:], ports[3:])
	for i := range c.nodes {
		c.start(i)
	}
	t.Cleanup(func() {
		for i := range c.nodes {
			c.kill(i)
		}
	})
	c.waitReady(c.url(), 60*time.Second)
	return c
}

// freePorts returns n ports free on 127.0.0.1 a moment ago: all are held open together, so they differ.
func freePorts(t *testing.T, n int) []int {
	t.Helper()
	var ports []int
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	return ports
}

// config is node i's configuration file: deploy/nats.conf's settings plus the cluster block.
func (c *natsCluster) config(i int) string {
	var routes []string
	for _, p := range c.route {
		routes = append(routes, fmt.Sprintf("nats-route://route:%s@127.0.0.1:%d", c.password, p))
	}
	return fmt.Sprintf(`server_name: n%d
listen: 127.0.0.1:%d
max_payload: 8MB
jetstream { store_dir: %q, max_memory_store: 256MB, max_file_store: 4GB }
authorization { users: [ {user: newsmon, password: %q} ] }
cluster {
  name: newsmon
  listen: 127.0.0.1:%d
  authorization { user: route, password: %q }
  routes: [%s]
}
`, i+1, c.client[i], filepath.Join(c.dir, fmt.Sprintf("store%d", i+1)), c.password, c.route[i], c.password, strings.Join(routes, ", "))
}

// start runs node i (0-based) on its store.
func (c *natsCluster) start(i int) {
	c.t.Helper()
	conf := filepath.Join(c.dir, fmt.Sprintf("n%d.conf", i+1))
	if err := os.WriteFile(conf, []byte(c.config(i)), 0o600); err != nil {
		c.t.Fatal(err)
	}
	logFile, err := os.Create(filepath.Join(c.dir, fmt.Sprintf("n%d.log", i+1)))
	if err != nil {
		c.t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), envAsNATS+"="+conf)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		logFile.Close()
		close(exited)
	}()
	c.nodes[i], c.exited[i] = cmd, exited
}

// kill ends node i with SIGKILL: no clean shutdown, no flush of its store.
func (c *natsCluster) kill(i int) {
	if c.nodes[i] == nil {
		return
	}
	_ = c.nodes[i].Process.Signal(syscall.SIGKILL)
	select {
	case <-c.exited[i]:
	case <-time.After(10 * time.Second):
		c.t.Errorf("nats node n%d did not die", i+1)
	}
	c.nodes[i] = nil
}

// url lists every node, each with the client credentials, as workers are given it.
func (c *natsCluster) url() string {
	var urls []string
	for _, p := range c.client {
		urls = append(urls, fmt.Sprintf("nats://newsmon:%s@127.0.0.1:%d", c.password, p))
	}
	return strings.Join(urls, ",")
}

// plainURL lists every node without credentials (workers get them from --nats-user/--nats-password).
func (c *natsCluster) plainURL() string {
	var urls []string
	for _, p := range c.client {
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", p))
	}
	return strings.Join(urls, ",")
}

// waitReady waits until JetStream answers through url: the cluster has elected its meta leader.
func (c *natsCluster) waitReady(url string, d time.Duration) {
	c.t.Helper()
	waitFor(c.t, d, func() error {
		js, done, err := jetStream(url)
		if err != nil {
			return err
		}
		defer done()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_, err = js.AccountInfo(ctx)
		return err
	})
}

// streamLeader is the index (0-based) of the node leading stream.
func (c *natsCluster) streamLeader(stream string) int {
	c.t.Helper()
	js, done, err := jetStream(c.url())
	if err != nil {
		c.t.Fatal(err)
	}
	defer done()
	s, err := js.Stream(context.Background(), stream)
	if err != nil {
		c.t.Fatal(err)
	}
	info, err := s.Info(context.Background())
	if err != nil || info.Cluster == nil {
		c.t.Fatalf("stream %s: no cluster info (%v)", stream, err)
	}
	n, err := strconv.Atoi(strings.TrimPrefix(info.Cluster.Leader, "n"))
	if err != nil {
		c.t.Fatalf("stream %s: leader %q is not one of ours", stream, info.Cluster.Leader)
	}
	return n - 1
}

// replicas lists every stream (key-value buckets are streams named KV_<bucket>) whose replicas
// are not want.
func (c *natsCluster) replicasOtherThan(want int) []string {
	c.t.Helper()
	js, done, err := jetStream(c.url())
	if err != nil {
		c.t.Fatal(err)
	}
	defer done()
	var wrong []string
	streams := js.ListStreams(context.Background())
	for info := range streams.Info() {
		if info.Config.Replicas != want {
			wrong = append(wrong, fmt.Sprintf("%s: R%d", info.Config.Name, info.Config.Replicas))
		}
	}
	if err := streams.Err(); err != nil {
		c.t.Fatal(err)
	}
	return wrong
}

func jetStream(url string) (jetstream.JetStream, func(), error) {
	nc, err := nats.Connect(url, nats.Timeout(2*time.Second))
	if err != nil {
		return nil, nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return js, nc.Close, nil
}

// esCluster is the 2-node Elasticsearch cluster of `scripts/es-node up --nodes 2`: URLs from
// NEWSMON_TEST_ES_CLUSTER_URL (`scripts/es-node urls`: node 1, the master, first) and node 2's pid
// file in NEWSMON_TEST_ES_KILL_PIDFILE, so the test can kill the data node.
type esCluster struct {
	urls    []string
	pidFile string
}

func esClusterFromEnv(t *testing.T) esCluster {
	t.Helper()
	urls, pidFile := os.Getenv("NEWSMON_TEST_ES_CLUSTER_URL"), os.Getenv("NEWSMON_TEST_ES_KILL_PIDFILE")
	if urls == "" || pidFile == "" {
		t.Skip("NEWSMON_TEST_ES_CLUSTER_URL and NEWSMON_TEST_ES_KILL_PIDFILE not set: start a 2-node cluster with " +
			"`scripts/es-node up --nodes 2`, then set NEWSMON_TEST_ES_CLUSTER_URL=$(scripts/es-node urls) " +
			"NEWSMON_TEST_ES_KILL_PIDFILE=$ESNODE_DIR/node2.pid (docs/cluster.md)")
	}
	return esCluster{urls: strings.Split(urls, ","), pidFile: pidFile}
}

// killDataNode kill -9's node 2.
func (e esCluster) killDataNode(t *testing.T) {
	t.Helper()
	b, err := os.ReadFile(e.pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("%s: %v", e.pidFile, err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill -9 Elasticsearch node 2 (pid %d): %v", pid, err)
	}
}

// do sends a request to node 1 (which outlives node 2) and decodes the JSON answer into out.
func (e esCluster) do(method, path string, body any, out any) error {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, e.urls[0]+path, r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, b)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(b, out)
}

// count is the number of documents behind alias, after a refresh.
func (e esCluster) count(alias string) (int, error) {
	if err := e.do(http.MethodPost, "/"+alias+"/_refresh", nil, nil); err != nil {
		return 0, err
	}
	var r struct {
		Count int `json:"count"`
	}
	err := e.do(http.MethodGet, "/"+alias+"/_count", nil, &r)
	return r.Count, err
}

// duplicateIDs is the number of article ids held by more than one document behind alias.
func (e esCluster) duplicateIDs(alias string) (int, error) {
	var r struct {
		Aggregations struct {
			Dups struct {
				Buckets []json.RawMessage `json:"buckets"`
			} `json:"dups"`
		} `json:"aggregations"`
	}
	q := map[string]any{"size": 0, "aggs": map[string]any{"dups": map[string]any{
		"terms": map[string]any{"field": "id", "min_doc_count": 2, "size": 1000}}}}
	err := e.do(http.MethodPost, "/"+alias+"/_search", q, &r)
	return len(r.Aggregations.Dups.Buckets), err
}

// replicas is number_of_replicas of the indices behind alias.
func (e esCluster) replicas(alias string) (string, error) {
	var r map[string]struct {
		Settings struct {
			Index struct {
				Replicas string `json:"number_of_replicas"`
			} `json:"index"`
		} `json:"settings"`
	}
	if err := e.do(http.MethodGet, "/"+alias+"/_settings", nil, &r); err != nil {
		return "", err
	}
	var got []string
	for _, s := range r {
		got = append(got, s.Settings.Index.Replicas)
	}
	return strings.Join(got, ","), nil
}
