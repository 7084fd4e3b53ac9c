package main

import (
	"os"
	"strings"
	"testing"
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
