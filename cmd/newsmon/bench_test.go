package main

import (
	"errors"
	"slices"
	"testing"
)

func TestBenchCounts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		articles int
		sizes    string
		want     []int // nil: a usage error
	}{
		{articles: 300, want: []int{300}},
		{articles: 300, sizes: "1000, 5000,20000", want: []int{1000, 5000, 20000}},
		{articles: 0},
		{articles: 300, sizes: "1000,x"},
		{articles: 300, sizes: "1000,0"},
	}
	for _, tt := range tests {
		got, err := benchCounts(tt.articles, tt.sizes)
		if tt.want == nil {
			var usage usageError
			if !errors.As(err, &usage) {
				t.Errorf("benchCounts(%d, %q) error = %v; want a usage error", tt.articles, tt.sizes, err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("benchCounts(%d, %q) = %v, %v; want %v", tt.articles, tt.sizes, got, err, tt.want)
		}
	}
}

func TestBenchLanguages(t *testing.T) {
	tests := []struct {
		flag    string
		want    []string
		wantErr bool
	}{
		{flag: "", want: nil},
		{flag: "en, ES,zh", want: []string{"en", "es", "zh"}},
		{flag: "en,xx", wantErr: true},
	}
	for _, tt := range tests {
		got, err := benchLanguages(tt.flag)
		var usage usageError
		if tt.wantErr != errors.As(err, &usage) || !slices.Equal(got, tt.want) {
			t.Errorf("benchLanguages(%q) = %v, %v; want %v (usage error: %v)", tt.flag, got, err, tt.want, tt.wantErr)
		}
	}
}
