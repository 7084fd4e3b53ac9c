package pipeline

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/newsmon/newsmon/pkg/alert"
)

// The YAML decoder's own errors speak Go ("field pol not found in type pipeline.Source", "cannot
// unmarshal !!str `20 seconds` into time.Duration") and place an unknown field at column 1 of its
// mapping. shapeChecker walks the parsed document beside the Spec type instead and says what is
// wrong in the file's terms, where it is: the key or value itself, the path of its section
// (sources[0].poll), and what to write instead.
type shapeChecker struct {
	file     string
	problems Problems
}

var (
	durationType    = reflect.TypeFor[time.Duration]()
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
)

func (c *shapeChecker) add(n *yaml.Node, format string, args ...any) {
	c.problems = append(c.problems, Problem{c.file, n.Line, max(n.Column, 1), fmt.Sprintf(format, args...)})
}

// walk checks node n against type t; path names n in messages ("" for the top level).
func (c *shapeChecker) walk(n *yaml.Node, t reflect.Type, path string) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value, which validation judges
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		if err := reflect.New(t).Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
			c.add(n, "%s: %s", path, strings.TrimPrefix(unwrapTypeError(err), fmt.Sprintf("line %d: ", n.Line)))
		}
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			c.add(n, "%s wants a section of `key: value` lines, not %s", describePath(path), describeNode(n))
			return
		}
		fields := map[string]reflect.StructField{}
		var names []string
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
			if name == "" || name == "-" || !f.IsExported() {
				continue
			}
			fields[name] = f
			names = append(names, name)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			f, ok := fields[key.Value]
			if !ok {
				msg := fmt.Sprintf("unknown field `%s` %s", key.Value, describeSection(path))
				if s := alert.Suggest(key.Value, names, 1); len(s) > 0 {
					msg += fmt.Sprintf("; did you mean `%s`?", s[0])
				} else {
					msg += " (known: " + strings.Join(names, ", ") + ")"
				}
				c.add(key, "%s", msg)
				continue
			}
			c.walk(val, f.Type, joinPath(path, key.Value))
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			c.add(n, "%s wants a list (`- item` lines or [a, b]), not %s", describePath(path), describeNode(n))
			return
		}
		for i, item := range n.Content {
			c.walk(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	default:
		if n.Kind != yaml.ScalarNode {
			c.add(n, "%s wants a single value, not %s", describePath(path), describeNode(n))
			return
		}
		if t == durationType {
			if _, err := time.ParseDuration(n.Value); err != nil {
				c.add(n, "%s: `%s` is not a duration: %s", path, n.Value, durationHint(n.Value))
			}
			return
		}
		if err := n.Decode(reflect.New(t).Interface()); err != nil {
			switch t.Kind() {
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				c.add(n, "%s: `%s` is not a whole number", path, n.Value)
			case reflect.Bool:
				c.add(n, "%s: `%s` is not true or false", path, n.Value)
			default:
				c.add(n, "%s: `%s` is not a %s", path, n.Value, t.Kind())
			}
		}
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func describePath(path string) string {
	if path == "" {
		return "the file"
	}
	return "`" + path + "`"
}

func describeSection(path string) string {
	if path == "" {
		return "at the top level"
	}
	return "in " + path
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a section of `key: value` lines"
	case yaml.SequenceNode:
		return "a list"
	}
	return "`" + n.Value + "`"
}

func unwrapTypeError(err error) string {
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		return strings.Join(te.Errors, "; ")
	}
	return err.Error()
}

// durationWordRE reads durations as people write them: "20 seconds", "5 min", "2 days", "90".
var durationWordRE = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*$`)

// durationUnits maps unit words to Go's unit and a multiplier (days and weeks have no Go unit).
var durationUnits = map[string]struct {
	unit string
	mult float64
}{
	"ms": {"ms", 1}, "msec": {"ms", 1}, "millisecond": {"ms", 1}, "milliseconds": {"ms", 1},
	"s": {"s", 1}, "sec": {"s", 1}, "secs": {"s", 1}, "second": {"s", 1}, "seconds": {"s", 1},
	"m": {"m", 1}, "min": {"m", 1}, "mins": {"m", 1}, "minute": {"m", 1}, "minutes": {"m", 1},
	"h": {"h", 1}, "hr": {"h", 1}, "hrs": {"h", 1}, "hour": {"h", 1}, "hours": {"h", 1},
	"d": {"h", 24}, "day": {"h", 24}, "days": {"h", 24},
	"w": {"h", 168}, "week": {"h", 168}, "weeks": {"h", 168},
}

// durationHint says how to write a value as a Go duration: "use 20s" for "20 seconds".
func durationHint(v string) string {
	const general = "write a number with a unit, such as 90s, 5m or 1h30m"
	m := durationWordRE.FindStringSubmatch(v)
	if m == nil {
		return general
	}
	n, _ := strconv.ParseFloat(m[1], 64)
	if m[2] == "" {
		return fmt.Sprintf("use %ss (a number alone has no unit)", m[1])
	}
	u, ok := durationUnits[strings.ToLower(m[2])]
	if !ok {
		return general
	}
	return "use " + strconv.FormatFloat(n*u.mult, 'f', -1, 64) + u.unit
}

// emptyDocument reports whether the parsed file holds nothing: no bytes, only comments, or only
// a document marker.
func emptyDocument(root *yaml.Node) bool {
	if root.Kind == 0 {
		return true
	}
	if root.Kind != yaml.DocumentNode {
		return false
	}
	if len(root.Content) == 0 {
		return true
	}
	c := root.Content[0]
	return c.Kind == yaml.ScalarNode && c.Tag == "!!null"
}
