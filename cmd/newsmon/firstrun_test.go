package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/demo"
)

// runFails runs one newsmon command line to its end (at most 30 s) and returns its exit code,
// output, error output and how long it took.
func runFails(t *testing.T, args ...string) (code int, stdout, stderr string, took time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	start := time.Now()
	code = Main(ctx, args, &out, &errOut)
	return code, out.String(), errOut.String(), time.Since(start)
}

// TestRunReportsUnusableDataOrBusyPort: a --data that is a file, lies under a file or cannot be
// written, and an --http or --nats-listen address already taken, are each reported at once,
// naming the path or address and the cause, before the embedded NATS server starts.
func TestRunReportsUnusableDataOrBusyPort(t *testing.T) {
	pipe := writeDemoPipeline(t, "http://127.0.0.1:9") // nothing is crawled: run stops before
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	readOnly := filepath.Join(dir, "read-only")
	if err := os.Mkdir(readOnly, 0o555); err != nil {
		t.Fatal(err)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	taken := busy.Addr().String()

	for _, tc := range []struct {
		name string
		args []string
		want []string
		skip bool
	}{
		{name: "data is a file", args: []string{"--data", file},
			want: []string{"data folder " + file + " is a file"}},
		{name: "data under a file", args: []string{"--data", filepath.Join(file, "sub")},
			want: []string{"data folder " + filepath.Join(file, "sub") + " cannot be created", "not a directory"}},
		{name: "data not writable", args: []string{"--data", readOnly}, skip: os.Geteuid() == 0,
			want: []string{"data folder " + readOnly + " is not writable", "permission denied"}},
		{name: "http port in use", args: []string{"--data", t.TempDir(), "--http", taken},
			want: []string{"cannot listen on " + taken + " (--http)", "address already in use"}},
		{name: "nats port in use", args: []string{"--data", t.TempDir(), "--nats-listen", taken},
			want: []string{"cannot listen on " + taken + " (--nats-listen)", "address already in use"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip {
				t.Skip("root writes anywhere")
			}
			args := append([]string{"run", "--pipeline", pipe, "--log-level", "warn"}, tc.args...)
			if !strings.Contains(strings.Join(tc.args, " "), "--http") {
				args = append(args, "--http", "127.0.0.1:0")
			}
			code, stdout, stderr, took := runFails(t, args...)
			if code == 0 {
				t.Fatalf("exit 0; want a failure")
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("error output %q does not say %q", stderr, w)
				}
			}
			if strings.Contains(stdout, "embedded NATS") {
				t.Errorf("the embedded NATS started before the problem was reported:\n%s", stdout)
			}
			if took > 5*time.Second {
				t.Errorf("took %s to report it", took.Round(time.Millisecond))
			}
		})
	}
}

// TestSecondRunOnSameDataExitsAtOnce: while one run holds a data folder, a second run on it exits
// at once saying which process has it, instead of starting a second NATS on the same store and
// hanging on the index lock.
func TestSecondRunOnSameDataExitsAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts newsmon run")
	}
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	pipe := writeDemoPipeline(t, site.URL)
	data := t.TempDir()
	startCommand(t, context.Background(), true, "run", "--pipeline", pipe, "--data", data, "--http", "127.0.0.1:0", "--log-level", "warn")

	code, stdout, stderr, took := runFails(t, "run", "--pipeline", pipe, "--data", data, "--http", "127.0.0.1:0", "--log-level", "warn")
	want := fmt.Sprintf("%s is in use by process %d", data, os.Getpid()) // the first run is this test process
	if code == 0 || !strings.Contains(stderr, want) {
		t.Errorf("second run: exit %d, error output %q; want a failure saying %q", code, stderr, want)
	}
	if strings.Contains(stdout, "embedded NATS") {
		t.Errorf("the second run started an embedded NATS on the same store:\n%s", stdout)
	}
	if took > 3*time.Second {
		t.Errorf("second run took %s to give up; want at once", took.Round(time.Millisecond))
	}
	t.Logf("second run on the same --data: exit %d after %s: %s", code, took.Round(time.Millisecond), strings.TrimSpace(stderr))
}

// TestStopWithOpenAlertStream: a browser tab following the alert stream does not hold the
// shutdown: run stops within a second or two and exits 0.
func TestStopWithOpenAlertStream(t *testing.T) {
	if testing.Short() {
		t.Skip("starts newsmon run")
	}
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	ctx := context.Background()
	api, stop := runCommand(t, ctx, true, "run", "--pipeline", writeDemoPipeline(t, site.URL), "--data", t.TempDir(),
		"--http", "127.0.0.1:0", "--log-level", "warn")
	_, stopAlerts := readAlerts(t, ctx, api)
	defer stopAlerts()
	start := time.Now()
	stop() // fails the test on a non-zero exit
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("run took %s to stop with an alert stream open", took.Round(time.Millisecond))
	}
}
