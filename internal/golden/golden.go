// Package golden compares test output with files under testdata/ and rewrites them when tests run
// with -update, so extractor outputs are pinned and every change to them shows up as a diff. It is
// the only place that defines the -update flag: a test binary that imports it has the flag once.
package golden

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// UpdateFlag is the name of the test flag that rewrites golden files: `go test -run X -update`.
const UpdateFlag = "update"

var update = flag.Bool(UpdateFlag, false, "rewrite golden files in testdata/ with the current output (review the diff before committing)")

// Updating reports whether the test run was asked to rewrite golden files.
func Updating() bool { return *update }

// Check compares got with the file at path and fails t with a line diff when they differ; under
// -update it rewrites the file instead and logs what changed, so the rewrite can be reviewed.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	check(t, path, got, *update)
}

func check(t testing.TB, path string, got []byte, rewrite bool) {
	t.Helper()
	want, err := os.ReadFile(path)
	if err != nil && (!rewrite || !errors.Is(err, fs.ErrNotExist)) {
		t.Fatalf("golden file: %v (go test -%s creates it)", err, UpdateFlag)
	}
	if string(got) == string(want) {
		return
	}
	d := Diff(string(want), string(got))
	if rewrite {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("rewrite golden file: %v", err)
		}
		t.Logf("rewrote %s (-want +got):\n%s", path, d)
		return
	}
	t.Fatalf("output differs from %s (-want +got; go test -%s rewrites it, then review git diff):\n%s", path, UpdateFlag, d)
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

// diffContext is how many unchanged lines Diff shows around each change; maxDiffLines caps its
// output so a wholesale change stays readable.
const (
	diffContext  = 2
	maxDiffLines = 60
)

// Diff returns a line diff of want and got: changed lines marked "-" (only in want) and "+" (only
// in got), each run of changes with up to two unchanged lines around it and its line number in want.
func Diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	ops := lineOps(w, g)
	var b strings.Builder
	lines := 0
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-diffContext, 0)
		end := i
		for end < len(ops) && (ops[end].kind != ' ' || nearChange(ops, end)) {
			end++
		}
		end = min(end+diffContext, len(ops))
		fmt.Fprintf(&b, "@@ want line %d @@\n", ops[start].wantLine)
		for _, op := range ops[start:end] {
			if lines == maxDiffLines {
				b.WriteString("… (diff cut)\n")
				return b.String()
			}
			fmt.Fprintf(&b, "%c %s\n", op.kind, op.text)
			lines++
		}
		i = end
	}
	return b.String()
}

// nearChange reports whether a changed op follows i closely enough that their contexts touch, so
// the two belong in one hunk.
func nearChange(ops []lineOp, i int) bool {
	for j := i; j < len(ops) && j <= i+2*diffContext; j++ {
		if ops[j].kind != ' ' {
			return true
		}
	}
	return false
}

type lineOp struct {
	kind     byte // ' ' both, '-' want only, '+' got only
	text     string
	wantLine int // 1-based line in want this op sits at
}

// maxLCSCells bounds the table of the longest-common-subsequence diff; longer middles are shown as
// all removed, then all added.
const maxLCSCells = 4 << 20

// lineOps aligns w and g: common prefix and suffix as they are, the middle by longest common
// subsequence.
func lineOps(w, g []string) []lineOp {
	pre := 0
	for pre < len(w) && pre < len(g) && w[pre] == g[pre] {
		pre++
	}
	suf := 0
	for suf < len(w)-pre && suf < len(g)-pre && w[len(w)-1-suf] == g[len(g)-1-suf] {
		suf++
	}
	var ops []lineOp
	for i := range pre {
		ops = append(ops, lineOp{' ', w[i], i + 1})
	}
	mw, mg := w[pre:len(w)-suf], g[pre:len(g)-suf]
	ops = append(ops, middleOps(mw, mg, pre)...)
	for i := len(w) - suf; i < len(w); i++ {
		ops = append(ops, lineOp{' ', w[i], i + 1})
	}
	return ops
}

func middleOps(w, g []string, offset int) []lineOp {
	var ops []lineOp
	if (len(w)+1)*(len(g)+1) > maxLCSCells {
		for i, s := range w {
			ops = append(ops, lineOp{'-', s, offset + i + 1})
		}
		for _, s := range g {
			ops = append(ops, lineOp{'+', s, offset + len(w) + 1})
		}
		return ops
	}
	// lcs[i][j] is the length of the longest common subsequence of w[i:] and g[j:].
	lcs := make([][]int, len(w)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(g)+1)
	}
	for i := len(w) - 1; i >= 0; i-- {
		for j := len(g) - 1; j >= 0; j-- {
			if w[i] == g[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(w) || j < len(g) {
		switch {
		case i < len(w) && j < len(g) && w[i] == g[j]:
			ops = append(ops, lineOp{' ', w[i], offset + i + 1})
			i, j = i+1, j+1
		case i < len(w) && (j == len(g) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, lineOp{'-', w[i], offset + i + 1})
			i++
		default:
			ops = append(ops, lineOp{'+', g[j], offset + i + 1})
			j++
		}
	}
	return ops
}
