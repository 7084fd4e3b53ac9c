package pipeline

import (
	"os"
	"testing"
)

// FuzzParse: any bytes give a spec or line-numbered problems, never a panic.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"testdata/good.yaml", "testdata/bad.yaml", "testdata/unknown_field.yaml", "../../pipelines/demo.yaml"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("name: x\nsources: [{name: a, kind: feed, url: '${X:-http://h/f}'}]\n"))
	f.Add([]byte("&a [*a, *a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		spec, err := Parse("fuzz.yaml", data, known)
		if err == nil && spec == nil {
			t.Fatal("nil spec without an error")
		}
		if ps, ok := err.(Problems); ok && len(ps) == 0 {
			t.Fatal("empty Problems returned as an error")
		}
	})
}
