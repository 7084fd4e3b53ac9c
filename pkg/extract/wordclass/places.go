package wordclass

// OfName returns the classes of a lower-case word read as itself, never under a singular: what a
// one-word name means as a common noun ("christmas", "caribou"), where "kansas" is no plural of
// "kansa". pkg/geo asks it of the names of small towns.
func OfName(w string) Classes {
	c, _ := nouns().classes(w, "")
	return c
}
