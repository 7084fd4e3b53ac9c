package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalQuotes runs `newsmon eval quotes` on a two-article corpus written here, with the quote
// extractor alone (no entities), and checks the contract's last line and the --json object.
func TestEvalQuotes(t *testing.T) {
	corpus := `{"id":"a","text":"“We will win the vote,” said Smith.","attributions":[{"id":"E1","source":{"start":29,"end":34,"text":"Smith"},"cue":{"start":24,"end":28,"text":"said"},"content":{"start":0,"end":23,"text":"“We will win the vote,”"},"direct":true}]}
{"id":"b","text":"Prices will rise next year, officials said. Li wants a raise.","attributions":[{"id":"E1","source":{"start":28,"end":37,"text":"officials"},"cue":{"start":38,"end":42,"text":"said"},"content":{"start":0,"end":26,"text":"Prices will rise next year"},"direct":false},{"id":"E2","source":{"start":44,"end":46,"text":"Li"},"cue":{"start":47,"end":52,"text":"wants"},"content":{"start":53,"end":60,"text":"a raise"},"direct":false}]}
`
	path := filepath.Join(t.TempDir(), "quotes.jsonl")
	if err := os.WriteFile(path, []byte(corpus), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := cmdEval(context.Background(), []string{"quotes", "--data", path, "--extractors", "quote"}, &out, &errOut); err != nil {
		t.Fatalf("eval quotes: %v (%s)", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "quotes content_f1=1.0000 speaker_accuracy=1.0000 ") {
		t.Errorf("last line = %q; want quotes content_f1=1.0000 speaker_accuracy=1.0000 …", last)
	}
	if !strings.Contains(out.String(), "according to") {
		t.Errorf("output does not list the speech cues:\n%s", out.String())
	}

	out.Reset()
	if err := cmdEval(context.Background(), []string{"quotes", "--data", path, "--extractors", "quote", "--json"}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	var m struct {
		ContentF1 float64 `json:"content_f1"`
		Direct    struct {
			Gold int `json:"gold"`
		} `json:"direct"`
		Indirect struct {
			Gold int `json:"gold"`
		} `json:"indirect"`
	}
	if err := json.Unmarshal(out.Bytes(), &m); err != nil {
		t.Fatalf("--json output %q: %v", out.String(), err)
	}
	if m.ContentF1 != 1 || m.Direct.Gold != 1 || m.Indirect.Gold != 1 { // "wants" is not a speech cue
		t.Errorf("--json = %s", out.String())
	}
}
