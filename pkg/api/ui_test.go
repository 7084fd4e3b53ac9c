package api

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

func TestPageIsServedWithItsPolicy(t *testing.T) {
	f := newFixture(t, 0)
	for _, path := range []string{"/", "/static/app.js", "/static/app.css", "/static/world.svg"} {
		code, h, body := f.do(t, "GET", path, "")
		if code != 200 || len(body) == 0 {
			t.Errorf("GET %s = %d (%d bytes)", path, code, len(body))
			continue
		}
		if got := h.Get("Content-Security-Policy"); !strings.Contains(got, "script-src 'self'") || strings.Contains(got, "unsafe-inline") {
			t.Errorf("GET %s: Content-Security-Policy %q; want scripts from the page's own origin only", path, got)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no X-Content-Type-Options: nosniff", path)
		}
	}
}

// TestPageWritesOnlyText guards the page's escaping rule: server data reaches the DOM as text
// nodes and attribute values, never as markup, and no inline script or style exists for the
// policy to have to allow. (test/browser proves it in a real browser with a hostile article.)
func TestPageWritesOnlyText(t *testing.T) {
	forbidden := regexp.MustCompile(`\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\("style"|\bstyle:`)
	inline := regexp.MustCompile(`(?i)<script>|<script[^>]*>[^<]|<style|\sstyle=|\son[a-z]+=`)
	err := fs.WalkDir(uiFS, "ui", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := uiFS.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(b)
		switch {
		case strings.HasSuffix(path, ".js"):
			for i, line := range strings.Split(src, "\n") {
				if m := forbidden.FindString(line); m != "" && !strings.HasPrefix(strings.TrimSpace(line), "//") {
					t.Errorf("%s:%d: %q writes markup or code from strings", path, i+1, m)
				}
			}
		case strings.HasSuffix(path, ".html"):
			if m := inline.FindString(src); m != "" {
				t.Errorf("%s: inline %q would need 'unsafe-inline'", path, m)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
