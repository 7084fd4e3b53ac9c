// Package golden compares test output with files under testdata/ and rewrites them when tests run
// with -update, so extractor outputs are pinned and every change to them shows up as a diff.
package golden

import (
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"
)

// update is the -update test flag; it is the one flag of that name in every test binary that
// imports this package.
var update = flag.Bool("update", false, "rewrite golden files in testdata/ with the current output")

// Updating reports whether the test run was asked to rewrite golden files.
func Updating() bool { return *update }

// Check compares got with the file at path, or rewrites the file under -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) == string(want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			t.Fatalf("%s line %d differs (go test -update rewrites it):\n got: %s\nwant: %s", path, i+1, g[i], w[i])
		}
	}
	t.Fatalf("%s differs in length: got %d lines, want %d (go test -update rewrites it)", path, len(g), len(w))
}

// CheckJSON is Check on v encoded as indented JSON with a final newline.
func CheckJSON(t testing.TB, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	Check(t, path, append(got, '\n'))
}

// CheckJSONLines is Check on items encoded as JSON Lines (one compact object per line), the
// format `newsmon eval` reads, so a test set written in a readable markup keeps its JSONL twin.
func CheckJSONLines[T any](t testing.TB, path string, items []T) {
	t.Helper()
	var b []byte
	for _, it := range items {
		line, err := json.Marshal(it)
		if err != nil {
			t.Fatal(err)
		}
		b = append(append(b, line...), '\n')
	}
	Check(t, path, b)
}
