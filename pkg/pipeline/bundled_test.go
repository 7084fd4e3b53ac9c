package pipeline_test

import (
	"io/fs"
	"testing"

	"github.com/newsmon/newsmon/pipelines"
	"github.com/newsmon/newsmon/pkg/pipeline"
)

// Every pipeline shipped in pipelines/ must load cleanly.
func TestBundledPipelinesAreValid(t *testing.T) {
	files, err := fs.Glob(pipelines.Files, "*.yaml")
	if err != nil || len(files) < 2 {
		t.Fatalf("bundled pipelines: %v %v", files, err)
	}
	opts := pipeline.LoadOptions{
		Extractors: []string{"ner", "geo", "money", "dates", "quote", "event"},
		Vars:       map[string]string{"DEMO_URL": "http://127.0.0.1:8081"},
	}
	for _, name := range files {
		data, _ := fs.ReadFile(pipelines.Files, name)
		spec, err := pipeline.Parse(name, data, opts)
		if err != nil {
			t.Errorf("%s:\n%v", name, err)
			continue
		}
		if name == "world-news.yaml" && len(spec.Sources) < 24 {
			t.Errorf("world-news has %d sources, want a few dozen", len(spec.Sources))
		}
	}
}
