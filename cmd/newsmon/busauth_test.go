package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/newsmon/newsmon/internal/demo"
	"github.com/newsmon/newsmon/pkg/bus"
)

// lockedBuffer collects a command's output while it runs.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// running is a newsmon command line running in this process.
type running struct {
	stdout, stderr lockedBuffer
	done           chan int
	stop           context.CancelFunc
}

// startRunning runs a command line until the test ends (then it must exit 0).
func startRunning(t *testing.T, args ...string) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{done: make(chan int, 1), stop: cancel}
	go func() { r.done <- Main(ctx, args, &r.stdout, &r.stderr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-r.done:
			if code != 0 {
				t.Errorf("newsmon %s exited %d:\n%s", args[0], code, tail(r.stderr.String(), 3000))
			}
		case <-time.After(30 * time.Second):
			t.Errorf("newsmon %s did not stop", args[0])
		}
	})
	return r
}

// waitOutput waits until the command's stdout or stderr holds want.
func (r *running) waitOutput(t *testing.T, want string) {
	t.Helper()
	waitFor(t, 60*time.Second, func() error {
		select {
		case code := <-r.done:
			t.Fatalf("exited %d before %q:\n%s%s", code, want, r.stdout.String(), tail(r.stderr.String(), 3000))
		default:
		}
		if strings.Contains(r.stdout.String()+r.stderr.String(), want) {
			return nil
		}
		return fmt.Errorf("no %q in the output", want)
	})
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// TestRunExposesEmbeddedNATSOnlyWithCredentials: `run --nats-listen` makes credentials in the data
// folder (0600), never prints them, refuses clients without them — so nobody can inject an
// article or rewrite an alert rule — and a worker given them in its environment joins, while
// the service works.
func TestRunExposesEmbeddedNATSOnlyWithCredentials(t *testing.T) {
	site := httptest.NewServer(demo.Handler())
	defer site.Close()
	data := t.TempDir()
	natsAddr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	pipe := writeDemoPipeline(t, site.URL)
	run := startRunning(t, "run", "--pipeline", pipe, "--data", data, "--http", "127.0.0.1:0",
		"--nats-listen", natsAddr, "--log-level", "info")
	run.waitOutput(t, "serving http://")
	api := servingRE.FindStringSubmatch(run.stdout.String())[1]

	credsFile := filepath.Join(data, natsCredentialsFile)
	info, err := os.Stat(credsFile)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("%s has mode %04o, want 0600", credsFile, perm)
	}
	creds, err := bus.LoadOrCreateCredentials(credsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(run.stdout.String(), "embedded NATS at nats://"+natsAddr) {
		t.Errorf("stdout does not say where the embedded NATS is:\n%s", run.stdout.String())
	}

	natsURL := "nats://" + natsAddr
	for name, opts := range map[string][]nats.Option{
		"no credentials":   nil,
		"guessed password": {nats.UserInfo(creds.User, "newsmon")},
	} {
		nc, err := nats.Connect(natsURL, opts...)
		if err == nil {
			nc.Close()
			t.Fatalf("%s: a client joined the embedded NATS", name)
		}
		if !errors.Is(err, nats.ErrAuthorization) {
			t.Errorf("%s: %v, want an authorization violation", name, err)
		}
	}

	// A worker in another process joins with the credentials file in its environment.
	t.Setenv(bus.EnvUser, creds.User)
	t.Setenv(bus.EnvPassword, creds.Password)
	worker := startRunning(t, "extract", "--nats-url", natsURL, "--pipeline", pipe, "--workers", "1", "--log-level", "info")
	worker.waitOutput(t, "newsmon started")

	resp, err := http.Get(api + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/readyz: %s", resp.Status)
	}
	if testing.Short() {
		waitFor(t, 60*time.Second, func() error {
			if n := search(t, api, "size=1").Total; n == 0 {
				return errors.New("nothing indexed")
			}
			return nil
		})
	} else {
		checkDemoSearchable(t, api)
	}
	for name, out := range map[string]string{"run": run.stdout.String() + run.stderr.String(),
		"extract": worker.stdout.String() + worker.stderr.String()} {
		if strings.Contains(out, creds.Password) {
			t.Errorf("%s printed the NATS password:\n%s", name, out)
		}
	}
}

// natsWithPassword starts an embedded NATS whose user newsmon has the given password, and
// returns its URL (without credentials).
func natsWithPassword(t *testing.T, password string) string {
	t.Helper()
	dir := t.TempDir()
	credsFile := filepath.Join(dir, "credentials.env")
	if err := os.WriteFile(credsFile, []byte(bus.EnvUser+"=newsmon\n"+bus.EnvPassword+"="+password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: filepath.Join(dir, "nats"), CredentialsFile: credsFile})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Shutdown)
	return srv.URL()
}

// TestWorkerNATSCredentials: a worker joins a NATS that requires a password with the user and
// password from its environment; wrong or missing credentials and unusable credential or TLS
// files end it at once, saying why, without printing the password.
func TestWorkerNATSCredentials(t *testing.T) {
	natsURL := natsWithPassword(t, "natspass1")
	pipe := writeDemoPipeline(t, "http://127.0.0.1:9")
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(notPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}

	t.Run("env credentials", func(t *testing.T) {
		t.Setenv(bus.EnvUser, "newsmon")
		t.Setenv(bus.EnvPassword, "natspass1")
		w := startRunning(t, "extract", "--nats-url", natsURL, "--pipeline", pipe, "--workers", "1", "--log-level", "info")
		w.waitOutput(t, "newsmon started")
	})
	for _, tc := range []struct {
		name     string
		env      map[string]string
		args     []string
		want     string
		password string // must not be printed
	}{
		{name: "wrong password", env: map[string]string{bus.EnvUser: "newsmon", bus.EnvPassword: "wrong-pass-7"},
			want: "refused the connection: nats: Authorization Violation", password: "wrong-pass-7"},
		{name: "wrong password by flag", args: []string{"--nats-user", "newsmon", "--nats-password", "wrong-pass-8"},
			want: "refused the connection", password: "wrong-pass-8"},
		{name: "no credentials", want: "refused the connection: nats: Authorization Violation"},
		{name: "user without password", args: []string{"--nats-user", "newsmon"}, want: "a user needs a password"},
		{name: "missing creds file", args: []string{"--nats-creds", filepath.Join(dir, "nope.creds")}, want: "nope.creds: no such file"},
		{name: "CA file without certificates", args: []string{"--nats-tls-ca", notPEM}, want: notPEM + " holds no PEM certificate"},
		{name: "certificate without key", args: []string{"--nats-tls-cert", notPEM}, want: "needs its key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(bus.EnvUser, "")
			t.Setenv(bus.EnvPassword, "")
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			args := append([]string{"extract", "--nats-url", natsURL, "--pipeline", pipe}, tc.args...)
			code, stdout, stderr, took := runFails(t, args...)
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, want an error with %q:\n%s", code, tc.want, stderr)
			}
			if took > 10*time.Second {
				t.Errorf("took %s to fail", took)
			}
			if tc.password != "" && strings.Contains(stdout+stderr, tc.password) {
				t.Errorf("output shows the password:\n%s%s", stdout, stderr)
			}
		})
	}

	// -h lists the flags without the password the environment gives.
	t.Setenv(bus.EnvPassword, "env-secret-9")
	_, _, stderr, _ := runFails(t, "extract", "-h")
	if !strings.Contains(stderr, "-nats-password") || strings.Contains(stderr, "env-secret-9") {
		t.Errorf("help hides --nats-password or shows its value:\n%s", stderr)
	}
}
