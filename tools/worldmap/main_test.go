package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestRingPointsJoinsAndReversesArcs(t *testing.T) {
	arcs := [][][2]int{
		{{0, 0}, {10, 0}, {10, 10}},
		{{10, 10}, {0, 10}, {0, 0}},
	}
	for _, tt := range []struct {
		ring []int
		want string
	}{
		{[]int{0, 1}, "[[0 0] [10 0] [10 10] [0 10] [0 0]]"},
		{[]int{^1, ^0}, "[[0 0] [0 10] [10 10] [10 0] [0 0]]"}, // ^i is arc i backwards
	} {
		if got := fmtPoints(ringPoints(arcs, tt.ring)); got != tt.want {
			t.Errorf("ringPoints(%v) = %s; want %s", tt.ring, got, tt.want)
		}
	}
}

func TestWrappedSplitsAntimeridianRings(t *testing.T) {
	// A ring around the antimeridian: x near 3600 and near 0.
	ring := [][2]int{{3590, 100}, {10, 100}, {10, 110}, {3590, 110}, {3590, 100}}
	got := wrapped(ring)
	if len(got) != 2 {
		t.Fatalf("wrapped gave %d rings; want the ring and its shifted copy", len(got))
	}
	if a, b := fmtPoints(got[0]), "[[3590 100] [3610 100] [3610 110] [3590 110] [3590 100]]"; a != b {
		t.Errorf("unwrapped ring = %s; want %s", a, b)
	}
	if a, b := fmtPoints(got[1]), "[[-10 100] [10 100] [10 110] [-10 110] [-10 100]]"; a != b {
		t.Errorf("shifted copy = %s; want %s", a, b)
	}
	if plain := wrapped([][2]int{{0, 0}, {5, 0}, {5, 5}}); len(plain) != 1 {
		t.Errorf("a ring away from the antimeridian was split: %v", plain)
	}
}

func TestWriteRing(t *testing.T) {
	for _, tt := range []struct {
		pts  [][2]int
		want string
	}{
		{[][2]int{{1, 2}, {4, 2}, {4, 2}, {4, -1}, {1, 2}}, "M1 2l3 0 0-3z"},
		{[][2]int{{1, 2}, {1, 2}, {3, 3}}, ""}, // collapses below a triangle: no empty "l"
	} {
		var b bytes.Buffer
		writeRing(&b, tt.pts)
		if b.String() != tt.want {
			t.Errorf("writeRing(%v) = %q; want %q", tt.pts, b.String(), tt.want)
		}
	}
}

// TestRunWritesAnSVG runs the command on a one-square topology (quantised, delta-encoded).
func TestRunWritesAnSVG(t *testing.T) {
	dir := t.TempDir()
	topo := map[string]any{
		"type":      "Topology",
		"transform": map[string]any{"scale": []float64{1, 1}, "translate": []float64{-180, -90}},
		"objects": map[string]any{"countries": map[string]any{"type": "GeometryCollection", "geometries": []any{
			map[string]any{"type": "Polygon", "arcs": [][]int{{0}}},
			map[string]any{"type": null{}, "arcs": nil},
		}}},
		// (0,0) (10,0) (10,10) (0,10) (0,0) as deltas, i.e. lon -180…-170, lat -90…-80.
		"arcs": [][][2]int{{{0, 0}, {10, 0}, {0, 10}, {-10, 0}, {0, -10}}},
	}
	raw, err := json.Marshal(topo)
	if err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "in.json"), filepath.Join(dir, "out.svg")
	if err := os.WriteFile(in, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(in, out, "countries"); err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := `d="M0 1800l100 0 0-100-100 0z"`; !strings.Contains(string(svg), want) {
		t.Errorf("svg = %s; want the path %s", svg, want)
	}
	if err := run(in, out, "land"); err == nil {
		t.Error("run with a missing object: no error")
	}
}

// null marshals as a geometry type the command skips.
type null struct{}

func (null) MarshalJSON() ([]byte, error) { return []byte(`null`), nil }

func fmtPoints(pts [][2]int) string {
	var b strings.Builder
	b.WriteString("[")
	for i, p := range pts {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("[" + strconv.Itoa(p[0]) + " " + strconv.Itoa(p[1]) + "]")
	}
	b.WriteString("]")
	return b.String()
}
