package redact

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestURL(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"nats://user:s3cret@nats.example:4222", "nats://user:***@nats.example:4222"},
		{"nats://TOKEN123@nats.example:4222", "nats://***@nats.example:4222"},
		{"https://elastic:p@ss:w0rd@es.example:9200/", "https://elastic:***@es.example:9200/"},
		{"nats://a:1@h1:4222,nats://b:2@h2:4222", "nats://a:***@h1:4222,nats://b:***@h2:4222"},
		{"nats://h1:4222,nats://b:2@h2:4222", "nats://h1:4222,nats://b:***@h2:4222"},
		{`connect nats nats://u:pw@10.0.0.1:4222: dial tcp: connection refused`, `connect nats nats://u:***@10.0.0.1:4222: dial tcp: connection refused`},
		{`bad Elasticsearch URL "http://u:pw@es:bad"`, `bad Elasticsearch URL "http://u:***@es:bad"`},
		{"http://es.example:9200/_bulk", "http://es.example:9200/_bulk"},
		{"https://example.com/path/@handle", "https://example.com/path/@handle"},
		{"write to ops@example.com", "write to ops@example.com"},
		{"https://example.com?next=user@x.org", "https://example.com?next=user@x.org"},
		{"", ""},
	} {
		if got := URL(tc.in); got != tc.want {
			t.Errorf("URL(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

var errRefused = errors.New("connection refused")

func TestErrorKeepsChain(t *testing.T) {
	err := Error(fmt.Errorf("connect nats nats://u:pw@h:4222: %w", errRefused))
	if strings.Contains(err.Error(), "pw") || !errors.Is(err, errRefused) {
		t.Errorf("Error = %q (is refused: %v); want the password hidden and the chain kept", err, errors.Is(err, errRefused))
	}
	if Error(nil) != nil || Error(errRefused) != errRefused {
		t.Error("nil and clean errors must pass unchanged")
	}
}

func TestHandler(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	log := slog.New(Handler(slog.NewTextHandler(&buf, nil))).With("url", "nats://u:pw1@h:4222")
	log.WithGroup("g").Warn("reconnected to https://e:pw2@es:9200", "err", errors.New("dial nats://tok3@h:1 failed"),
		slog.Group("es", "url", "https://e:pw4@es:9200"), "n", 5)
	out := buf.String()
	for _, secret := range []string{"pw1", "pw2", "tok3", "pw4"} {
		if strings.Contains(out, secret) {
			t.Errorf("log line shows %q: %s", secret, out)
		}
	}
	if !strings.Contains(out, "n=5") || !strings.Contains(out, "u:***@h:4222") {
		t.Errorf("log line lost its content: %s", out)
	}
}
