// Package bustest starts real, in-process NATS servers with JetStream for tests.
package bustest

import (
	"testing"

	"github.com/newsmon/newsmon/pkg/bus"
)

// JetStream starts an embedded server storing in a temporary folder, stopped when the test ends,
// and returns its client URL, which carries the user and password the server requires
// (nats://newsmon:…@127.0.0.1:port), so nats.Connect and bus.Connect take it as is.
func JetStream(t testing.TB) string {
	t.Helper()
	e, err := bus.StartEmbedded(bus.EmbeddedConfig{StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	return e.ClientURL()
}
