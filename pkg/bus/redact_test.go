package bus_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsmon/newsmon/internal/testutil"
	"github.com/newsmon/newsmon/pkg/bus"
)

// syncBuffer is a log destination safe for the NATS client's callback goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// TestReconnectLogHidesPassword: a NATS URL given with user and password is logged, when the
// connection comes back after a server restart, without the password.
func TestReconnectLogHidesPassword(t *testing.T) {
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	_ = ln.Close()
	dir := t.TempDir()
	// The server requires this user and password (kept across its restart).
	credsFile := filepath.Join(dir, "credentials")
	if err := os.WriteFile(credsFile, []byte(bus.EnvUser+"=newsmon\n"+bus.EnvPassword+"=hunter2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := bus.EmbeddedConfig{StoreDir: filepath.Join(dir, "store"), Port: port, CredentialsFile: credsFile}
	srv, err := bus.StartEmbedded(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	b, err := bus.Connect(ctx, bus.Config{URL: fmt.Sprintf("nats://newsmon:hunter2@127.0.0.1:%d", port)},
		slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		srv.Shutdown()
		t.Fatal(err)
	}
	defer b.Close()
	srv.Shutdown()
	if srv, err = bus.StartEmbedded(cfg); err != nil {
		t.Fatal(err)
	}
	defer srv.Shutdown()
	testutil.Eventually(t, 15*time.Second, func() error {
		if out := logs.String(); !strings.Contains(out, "nats reconnected") {
			return fmt.Errorf("no reconnect logged:\n%s", out)
		}
		return nil
	})
	if out := logs.String(); strings.Contains(out, "hunter2") || !strings.Contains(out, "newsmon:***@") {
		t.Errorf("log shows the password or lost the user:\n%s", out)
	}
}
