package extractors

import (
	"slices"
	"strings"
	"testing"
)

func TestDefaultRunsEveryExtractorInOrder(t *testing.T) {
	chain, gaz, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if gaz == nil {
		t.Error("Default returned no gazetteer")
	}
	if got, want := chain.Names(), Names(); !slices.Equal(got, want) {
		t.Errorf("Default chain runs %v; want %v", got, want)
	}
}

func TestBuild(t *testing.T) {
	t.Parallel()
	tests := []struct {
		names   []string
		wantErr string
	}{
		{names: nil},
		{names: []string{"money", "dates"}},
		{names: []string{"money", "sentiment"}, wantErr: `unknown extractor "sentiment"`},
	}
	for _, tt := range tests {
		chain, err := Build(tt.names, nil, nil)
		switch {
		case tt.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Build(%v) error = %v; want %q", tt.names, err, tt.wantErr)
			}
		case err != nil:
			t.Errorf("Build(%v): %v", tt.names, err)
		case !slices.Equal(chain.Names(), tt.names) && len(tt.names) > 0:
			t.Errorf("Build(%v) runs %v", tt.names, chain.Names())
		}
	}
}

func TestNamesIsACopy(t *testing.T) {
	t.Parallel()
	n := Names()
	n[0] = "changed"
	if Names()[0] != "ner" {
		t.Error("changing the slice Names returned changed the default order")
	}
}
