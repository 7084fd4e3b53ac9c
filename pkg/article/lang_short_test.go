package article

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// langSample is one short text of testdata/lang and the language it is in ("" for a language
// the detector does not tell, where it must stay unsure).
type langSample struct{ want, text string }

func readLangSamples(t *testing.T, path string) []langSample {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []langSample
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		want, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: no tab in %q", path, line)
		}
		out = append(out, langSample{want, text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDetectLanguageShort: a headline and its lead are enough to tell each language we detect,
// and a language we do not detect gets "" rather than a wrong guess.
func TestDetectLanguageShort(t *testing.T) {
	t.Parallel()
	perLang := map[string]int{}
	for _, s := range readLangSamples(t, "testdata/lang/short.tsv") {
		perLang[s.want]++
		if got := detectLanguage(s.text); got != s.want {
			t.Errorf("detectLanguage(%q) = %q; want %q", s.text, got, s.want)
		}
	}
	for _, l := range []string{"en", "fr", "de", "es", "pt", "it", "nl", "id", "ru", "ar", "zh", "ja", "ko"} {
		if perLang[l] < 10 {
			t.Errorf("testdata/lang/short.tsv has %d samples of %s; want 10 or more", perLang[l], l)
		}
	}
}

// TestLanguageAside measures the detector on held-aside short texts it was never tuned on:
// accuracy, and wrong guesses (a language given, not the right one) apart from unsure answers.
func TestLanguageAside(t *testing.T) {
	t.Parallel()
	samples := readLangSamples(t, "testdata/lang/aside.tsv")
	right, wrong := 0, 0
	for _, s := range samples {
		switch got := detectLanguage(s.text); {
		case got == s.want:
			right++
		case got != "":
			wrong++
			t.Logf("wrong: %q → %q; want %q", s.text, got, s.want)
		default:
			t.Logf("unsure: %q; want %q", s.text, s.want)
		}
	}
	acc := float64(right) / float64(len(samples))
	t.Logf("held-aside short texts: %d, accuracy %.3f, wrong guesses %d, unsure %d", len(samples), acc, wrong, len(samples)-right-wrong)
	if acc < 0.85 || wrong > len(samples)/50 {
		t.Errorf("held-aside accuracy %.3f with %d wrong guesses; want ≥ 0.85 and ≤ %d wrong", acc, wrong, len(samples)/50)
	}
}
