//go:build race

package geo

// raceEnabled relaxes timing checks: the race detector slows parsing several times.
const raceEnabled = true
