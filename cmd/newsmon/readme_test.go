package main

import (
	"os"
	"strings"
	"testing"

	"github.com/newsmon/newsmon/pkg/pipeline"
)

// TestReadmeListsEveryCommand keeps README's command table true: every subcommand and every eval
// scorer the binary has must be named there, so a newcomer reading README finds all of them.
func TestReadmeListsEveryCommand(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "\n## Commands\n")
	if !ok {
		t.Fatal("README.md has no ## Commands section")
	}
	table, _, _ = strings.Cut(table, "\n## ")
	for name := range commands() {
		if !strings.Contains(table, "`newsmon "+name) && !strings.Contains(table, "`"+name+"`") && !strings.Contains(table, ", "+name) {
			t.Errorf("README's command table does not mention `newsmon %s`", name)
		}
	}
	for _, s := range evalScorers() {
		if !strings.Contains(table, s.name) {
			t.Errorf("README's command table does not mention the eval scorer %q", s.name)
		}
	}
	if strings.Contains(string(data), "../shared") {
		t.Error("README.md links outside the repository (../shared): describe it in docs/ instead")
	}
}

// TestReadmePipelineExampleIsValid: the pipeline file README shows is one `newsmon lint` accepts,
// so a user who copies it starts from a working file.
func TestReadmePipelineExampleIsValid(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "```yaml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("README.md shows no ```yaml pipeline example")
	}
	opts := loadOptions()
	opts.Vars = map[string]string{"NEWSMON_WEBHOOK_SECRET": "s", "SMTP_PASSWORD": "p"}
	if _, err := pipeline.Parse("README.md example", []byte(example), opts); err != nil {
		t.Errorf("README's pipeline example does not lint:\n%v", err)
	}
}
