package article

import "testing"

func TestCanonicalize(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"HTTPS://Example.COM:443/a/./b/../c?utm_source=x&b=2&a=1#frag": "https://example.com/a/c?a=1&b=2",
		"http://example.com":                          "http://example.com/",
		"http://example.com:8080/x/?fbclid=abc":       "http://example.com:8080/x/",
		"https://news.example.org/story?id=5&ref=rss": "https://news.example.org/story?id=5",
	} {
		got, err := Canonicalize(in)
		if err != nil || got != want {
			t.Errorf("Canonicalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"ftp://x/y", "/relative", "mailto:a@b", "http://"} {
		if got, err := Canonicalize(bad); err == nil {
			t.Errorf("Canonicalize(%q) = %q, want error", bad, got)
		}
	}
}

func TestIDForIsStable(t *testing.T) {
	a, b := IDFor("https://example.com/a"), IDFor("https://example.com/a")
	if a != b || len(a) != 32 {
		t.Fatalf("IDFor unstable or wrong length: %q %q", a, b)
	}
}
