package quote

import "testing"

// TestReportsAsSaying credits "reports X as saying", "cited X as saying" to X, as "quoted" is.
func TestReportsAsSaying(t *testing.T) {
	for _, tc := range []struct{ in, speaker string }{
		{"Staff fear that the plant will close, the Kieler Zeitung reports a union source as saying.", "a union source"},
		{"The Tribune cited the harbour master as saying that the quay would reopen in May.", "the harbour master"},
	} {
		got := spoken(t, tc.in)
		if len(got) != 1 || got[0].Speaker == nil || *got[0].Speaker != tc.speaker {
			t.Errorf("%q: want one quote by %q, got%s", tc.in, tc.speaker, show(got))
		}
	}
}
