//go:build !unix

package ner

import "time"

func processCPU() time.Duration { return 0 }
