package main

import (
	"strings"
	"testing"
)

// TestErrorsHideCredentials: NATS and Elasticsearch URLs given with credentials never show them,
// neither in the log nor in the error newsmon exits with.
func TestErrorsHideCredentials(t *testing.T) {
	natsURL := strings.Replace(natsWithPassword(t, "natspass1"), "nats://", "nats://newsmon:natspass1@", 1)
	code, stdout, stderr, _ := runFails(t, "index", "--nats-url", natsURL, "--es-url", "http://elastic:espass2@es.example:bad",
		"--data", t.TempDir())
	if code == 0 {
		t.Fatal("exit 0 with a bad Elasticsearch URL")
	}
	for _, secret := range []string{"natspass1", "espass2"} {
		if strings.Contains(stdout+stderr, secret) {
			t.Errorf("output shows %q:\n%s%s", secret, stdout, stderr)
		}
	}
	if !strings.Contains(stderr, "elastic:***@es.example") {
		t.Errorf("error no longer names the URL: %s", stderr)
	}
}
