package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// readJSONL decodes r as one JSON value of T a line. Blank lines are skipped, and so are lines
// starting with comment when it is not empty; check, when given, vets each value. Errors name what
// is read and the line: "money cases line 3: …".
func readJSONL[T any](r io.Reader, what, comment string, check func(T) error) ([]T, error) {
	var out []T
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20) // a PolNeAR article is one line of up to a few MB
	for line := 1; sc.Scan(); line++ {
		b := sc.Bytes()
		if len(bytes.TrimSpace(b)) == 0 || comment != "" && bytes.HasPrefix(b, []byte(comment)) {
			continue
		}
		var v T
		if err := json.Unmarshal(b, &v); err != nil {
			return nil, fmt.Errorf("%s line %d: %w", what, line, err)
		}
		if check != nil {
			if err := check(v); err != nil {
				return nil, fmt.Errorf("%s line %d: %w", what, line, err)
			}
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	return out, nil
}
