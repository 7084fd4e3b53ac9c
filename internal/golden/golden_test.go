package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestCheckJSONMatchesFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "x.golden.json")
	if err := os.WriteFile(path, []byte("{\n  \"a\": 1\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	CheckJSON(t, path, map[string]int{"a": 1})
}

// fakeT records how a check ended instead of ending the test that runs it.
type fakeT struct {
	testing.TB
	failed bool
	msgs   []string
}

func (f *fakeT) Helper() {}

func (f *fakeT) Logf(format string, args ...any) {
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = true
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
	runtime.Goexit()
}

func (f *fakeT) Fatal(args ...any) { f.Fatalf("%s", fmt.Sprint(args...)) }

// run calls check on a fakeT in its own goroutine, as the testing package runs a test, so that
// Fatalf's Goexit ends only the check.
func run(check func(t testing.TB)) *fakeT {
	f := &fakeT{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		check(f)
	}()
	<-done
	return f
}

func TestCheckFailsOnMismatchWithADiff(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "x.golden.json")
	want := "one\ntwo\nthree\nfour\nfive\nsix\nseven\n"
	if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
	f := run(func(ft testing.TB) {
		check(ft, path, []byte("one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\n"), false)
	})
	if !f.failed {
		t.Fatal("Check passed on output that differs from the golden file")
	}
	msg := strings.Join(f.msgs, "\n")
	for _, line := range []string{"- four", "+ FOUR", "+ eight", "  three", "-" + UpdateFlag, path} {
		if !strings.Contains(msg, line) {
			t.Errorf("failure message lacks %q:\n%s", line, msg)
		}
	}
	if strings.Contains(msg, "  one") {
		t.Errorf("diff shows lines far from any change:\n%s", msg)
	}
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Errorf("a failing Check changed the golden file to %q", got)
	}
}

func TestCheckFailsOnMissingFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "missing.golden.json")
	if f := run(func(ft testing.TB) { check(ft, path, []byte("x\n"), false) }); !f.failed {
		t.Fatal("Check passed without a golden file")
	}
}

func TestUpdateRewritesAndLogsTheDiff(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "x.golden.json")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := run(func(ft testing.TB) { check(ft, path, []byte("new\n"), true) })
	if f.failed {
		t.Fatalf("rewrite failed: %v", f.msgs)
	}
	if got, _ := os.ReadFile(path); string(got) != "new\n" {
		t.Errorf("golden file = %q after rewrite; want %q", got, "new\n")
	}
	if msg := strings.Join(f.msgs, "\n"); !strings.Contains(msg, "- old") || !strings.Contains(msg, "+ new") {
		t.Errorf("rewrite did not log the diff: %q", msg)
	}
	if f := run(func(ft testing.TB) { check(ft, path, []byte("new\n"), false) }); f.failed {
		t.Errorf("Check fails right after a rewrite: %v", f.msgs)
	}
}

func TestDiff(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, want, got, diff string }{
		{"changed line", "a\nb\nc", "a\nB\nc", "@@ want line 1 @@\n  a\n- b\n+ B\n  c\n"},
		{"added at end", "a\nb", "a\nb\nc", "@@ want line 1 @@\n  a\n  b\n+ c\n"},
		{"removed at start", "a\nb\nc\nd\ne", "b\nc\nd\ne", "@@ want line 1 @@\n- a\n  b\n  c\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9", "X\n2\n3\n4\n5\n6\n7\n8\nY",
			"@@ want line 1 @@\n- 1\n+ X\n  2\n  3\n@@ want line 7 @@\n  7\n  8\n- 9\n+ Y\n"},
	} {
		if got := Diff(tt.want, tt.got); got != tt.diff {
			t.Errorf("%s: Diff =\n%s\nwant\n%s", tt.name, got, tt.diff)
		}
	}
}
