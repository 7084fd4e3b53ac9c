package eval

import (
	"reflect"
	"testing"
)

func TestParseMarkup(t *testing.T) {
	plain, spans, err := ParseMarkup("Zürich paid [[€5m|5000000|EUR]] on [[Oct. 23|2023-10-23|day]].")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Zürich paid €5m on Oct. 23."; plain != want {
		t.Errorf("plain = %q, want %q", plain, want)
	}
	want := []Marked{
		{Text: "€5m", Start: 12, End: 15, Fields: []string{"5000000", "EUR"}},
		{Text: "Oct. 23", Start: 19, End: 26, Fields: []string{"2023-10-23", "day"}},
	}
	if !reflect.DeepEqual(spans, want) {
		t.Errorf("spans = %+v, want %+v", spans, want)
	}
	if _, _, err := ParseMarkup("open [[x|1"); err == nil {
		t.Error("unclosed span: want an error")
	}
}
