package golden

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCheckJSONMatchesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden.json")
	if err := os.WriteFile(path, []byte("{\n  \"a\": 1\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	CheckJSON(t, path, map[string]int{"a": 1})
}
