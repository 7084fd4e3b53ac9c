//go:build race

package text

// raceEnabled: the race detector changes what escapes, so allocation counts are not checked.
const raceEnabled = true
