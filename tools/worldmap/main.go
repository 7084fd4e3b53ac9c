// Command worldmap turns the Natural Earth country outlines of the npm package world-atlas
// (TopoJSON) into the compact SVG world map the researcher's page draws places on
// (pkg/api/ui/world.svg): an equirectangular projection, one unit per degree, x = lon+180,
// y = 90-lat, so the page can place a circle at (lon+180, 90-lat) with no map library.
//
// Rebuild (needs npm once; the Go build never does):
//
//	cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//	go run ./tools/worldmap -in "$OLDPWD/package/countries-110m.json" -out pkg/api/ui/world.svg
//
// (run the second line from the repository root, with the first line's directory in place of
// $OLDPWD). Natural Earth is public domain; world-atlas is ISC-licensed.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
)

// topology is the part of a TopoJSON file this command reads.
type topology struct {
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]struct {
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
	Arcs [][][2]float64 `json:"arcs"`
}

type geometry struct {
	Type string          `json:"type"`
	Arcs json.RawMessage `json:"arcs"`
}

// precision is the number of path units per degree: tenths of a degree are finer than the
// 1:110m outlines.
const precision = 10

func main() {
	in := flag.String("in", "", "world-atlas countries-110m.json")
	out := flag.String("out", "pkg/api/ui/world.svg", "SVG file to write")
	object := flag.String("object", "countries", "TopoJSON object to draw")
	flag.Parse()
	if err := run(*in, *out, *object); err != nil {
		fmt.Fprintln(os.Stderr, "worldmap:", err)
		os.Exit(1)
	}
}

func run(in, out, object string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("read topology: %w", err)
	}
	var topo topology
	if err := json.Unmarshal(raw, &topo); err != nil {
		return fmt.Errorf("decode topology %s: %w", in, err)
	}
	obj, ok := topo.Objects[object]
	if !ok {
		return fmt.Errorf("topology %s has no object %q", in, object)
	}
	arcs := topo.decodeArcs()
	var path bytes.Buffer
	for i, g := range obj.Geometries {
		var polygons [][][]int
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return fmt.Errorf("geometry %d: %w", i, err)
			}
			polygons = [][][]int{rings}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polygons); err != nil {
				return fmt.Errorf("geometry %d: %w", i, err)
			}
		default:
			continue // null geometries of tiny territories
		}
		for _, rings := range polygons {
			for _, ring := range rings {
				for _, pts := range wrapped(ringPoints(arcs, ring)) {
					writeRing(&path, pts)
				}
			}
		}
	}
	var svg bytes.Buffer
	svg.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3600 1800" preserveAspectRatio="none">` + "\n")
	svg.WriteString("<!-- Natural Earth 1:110m countries (public domain) via world-atlas 2.0.2 (ISC); built by tools/worldmap -->\n")
	svg.WriteString(`<path fill="#dfe5ec" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" d="`)
	svg.Write(path.Bytes())
	svg.WriteString("\"/>\n</svg>\n")
	if err := os.WriteFile(out, svg.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write map: %w", err)
	}
	fmt.Printf("worldmap: wrote %s (%d bytes, %d geometries)\n", out, svg.Len(), len(obj.Geometries))
	return nil
}

// decodeArcs undoes TopoJSON's quantisation and delta encoding and projects each point to
// integer map units.
func (t *topology) decodeArcs() [][][2]int {
	out := make([][][2]int, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([][2]int, 0, len(arc))
		for _, d := range arc {
			x += d[0]
			y += d[1]
			lon := x*t.Transform.Scale[0] + t.Transform.Translate[0]
			lat := y*t.Transform.Scale[1] + t.Transform.Translate[1]
			pts = append(pts, project(lon, lat))
		}
		out[i] = pts
	}
	return out
}

func project(lon, lat float64) [2]int {
	return [2]int{round((lon + 180) * precision), round((90 - lat) * precision)}
}

func round(f float64) int {
	if f < 0 {
		return int(f - 0.5)
	}
	return int(f + 0.5)
}

// ringPoints joins a ring's arcs; ^i (negative) means arc i reversed. Each arc after the first
// starts where the previous one ended, so its first point is dropped.
func ringPoints(arcs [][][2]int, ring []int) [][2]int {
	var pts [][2]int
	for k, ai := range ring {
		var arc [][2]int
		if ai < 0 {
			src := arcs[^ai]
			arc = make([][2]int, len(src))
			for j := range src {
				arc[j] = src[len(src)-1-j]
			}
		} else {
			arc = arcs[ai]
		}
		if k > 0 && len(arc) > 0 {
			arc = arc[1:]
		}
		pts = append(pts, arc...)
	}
	return pts
}

// wrapped makes a ring that crosses the antimeridian (Fiji, Chukotka) continuous, then returns
// it and its copy shifted by a world width, so each half shows at its edge of the map (the SVG
// clips the rest) instead of a stripe drawn across the whole map.
func wrapped(pts [][2]int) [][][2]int {
	const width = 360 * precision
	crosses := false
	for i := 1; i < len(pts); i++ {
		if d := pts[i][0] - pts[i-1][0]; d > width/2 || d < -width/2 {
			crosses = true
			break
		}
	}
	if !crosses {
		return [][][2]int{pts}
	}
	out := make([][2]int, len(pts))
	out[0] = pts[0]
	minX := pts[0][0]
	for i := 1; i < len(pts); i++ {
		x := pts[i][0]
		for x-out[i-1][0] > width/2 {
			x -= width
		}
		for x-out[i-1][0] < -width/2 {
			x += width
		}
		out[i] = [2]int{x, pts[i][1]}
		minX = min(minX, x)
	}
	shift := width
	if minX >= 0 {
		shift = -width
	}
	copyPts := make([][2]int, len(out))
	for i, p := range out {
		copyPts[i] = [2]int{p[0] + shift, p[1]}
	}
	return [][][2]int{out, copyPts}
}

// writeRing appends the ring as "M x y l dx dy … z", dropping points that round onto the
// previous one, the closing point (z draws it), and rings that shrink below a triangle (an empty
// "l" would end SVG parsing).
func writeRing(b *bytes.Buffer, pts [][2]int) {
	kept := make([][2]int, 0, len(pts))
	for _, p := range pts {
		if len(kept) == 0 || p != kept[len(kept)-1] {
			kept = append(kept, p)
		}
	}
	if len(kept) > 1 && kept[len(kept)-1] == kept[0] {
		kept = kept[:len(kept)-1] // "z" closes the ring
	}
	if len(kept) < 3 {
		return
	}
	b.WriteString("M" + strconv.Itoa(kept[0][0]) + " " + strconv.Itoa(kept[0][1]) + "l")
	for i, p := range kept[1:] {
		dx, dy := p[0]-kept[i][0], p[1]-kept[i][1]
		if i > 0 && dx >= 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(dx))
		if dy >= 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(dy))
	}
	b.WriteByte('z')
}
