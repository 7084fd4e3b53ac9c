package article

import (
	"strings"
	"testing"
)

func TestPageLanguage(t *testing.T) {
	t.Parallel()
	en := strings.Repeat("The government said on Monday that it would raise the tax on fuel, and critics warned that the plan was unfair to families. ", 3)
	de := strings.Repeat("Die Regierung hat am Montag angekündigt, dass sie die Steuer auf Kraftstoff erhöhen wird, und die Kritiker warnen vor den Folgen. ", 3)
	tests := []struct {
		declared, text, want string
	}{
		{"de", en, "en"},            // a site template declaring German over an English story
		{"en", de, "de"},            // and the other way round
		{"de", de, "de"},            // agreement
		{"", en, "en"},              // nothing declared: detect
		{"fr", "Short text.", "fr"}, // too little text to overrule the page
		{"en", "政府周一表示将提高燃油税，批评人士警告说，这一计划对家庭不公平。", "zh"}, // script decides
		{"pt", en[:60], "pt"}, // a few English words don't overrule
	}
	for _, tt := range tests {
		if got := pageLanguage(tt.declared, tt.text); got != tt.want {
			t.Errorf("pageLanguage(%q, %.30q…) = %q; want %q", tt.declared, tt.text, got, tt.want)
		}
	}
}
