package main

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// docker-compose.yml cannot run here (no Docker engine), so it is kept correct by construction:
// this test checks its structure and that every newsmon service runs a real subcommand with the
// settings that subcommand reads.
func TestDockerComposeIsConsistent(t *testing.T) {
	data, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var compose struct {
		Services map[string]struct {
			Image       string            `yaml:"image"`
			Build       any               `yaml:"build"`
			Command     []string          `yaml:"command"`
			Environment map[string]string `yaml:"environment"`
			Ports       []string          `yaml:"ports"`
			DependsOn   map[string]any    `yaml:"depends_on"`
			Deploy      struct {
				Replicas int `yaml:"replicas"`
			} `yaml:"deploy"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	if err := yaml.Unmarshal(data, &compose); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	for _, name := range []string{"nats", "elasticsearch", "kibana", "crawl", "extract", "index", "serve"} {
		if _, ok := compose.Services[name]; !ok {
			t.Errorf("service %q missing", name)
		}
	}
	if !strings.Contains(strings.Join(compose.Services["nats"].Command, " "), "-js") {
		t.Error("nats must run with JetStream (-js)")
	}
	if img := compose.Services["elasticsearch"].Image; !strings.Contains(img, "elasticsearch:8.") {
		t.Errorf("elasticsearch image %q, want an 8.x image", img)
	}
	cmds := commands()
	for _, stage := range []string{"crawl", "extract", "index", "serve"} {
		svc := compose.Services[stage]
		if len(svc.Command) == 0 {
			t.Errorf("%s: no command", stage)
			continue
		}
		if _, ok := cmds[svc.Command[0]]; !ok {
			t.Errorf("%s runs unknown subcommand %q", stage, svc.Command[0])
		}
		if svc.Environment["NEWSMON_NATS_URL"] != "nats://nats:4222" {
			t.Errorf("%s: NEWSMON_NATS_URL = %q", stage, svc.Environment["NEWSMON_NATS_URL"])
		}
		if svc.Environment["NEWSMON_ES_URL"] != "http://elasticsearch:9200" {
			t.Errorf("%s: NEWSMON_ES_URL = %q", stage, svc.Environment["NEWSMON_ES_URL"])
		}
		pipe := strings.TrimPrefix(svc.Environment["NEWSMON_PIPELINE"], "/etc/newsmon/")
		if _, err := os.Stat("../../" + pipe); err != nil {
			t.Errorf("%s: pipeline %s not in the repo (the Dockerfile copies pipelines/)", stage, pipe)
		}
		if _, ok := svc.DependsOn["nats"]; !ok {
			t.Errorf("%s must depend on nats", stage)
		}
	}
	if r := compose.Services["extract"].Deploy.Replicas; r < 2 {
		t.Errorf("extract replicas = %d, want several", r)
	}
	docker, err := os.ReadFile("../../Dockerfile")
	if err != nil || !strings.Contains(string(docker), "./cmd/newsmon") || !strings.Contains(string(docker), "COPY pipelines") {
		t.Errorf("Dockerfile must build ./cmd/newsmon and ship pipelines/: %v", err)
	}
}
