package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"go.yaml.in/yaml/v3"

	"github.com/newsmon/newsmon/pkg/bus"
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
			Volumes     []string          `yaml:"volumes"`
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
	checkComposeNATS(t, compose.Services["nats"].Command, compose.Services["nats"].Volumes, compose.Services["nats"].Environment)
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
		if svc.Environment[bus.EnvUser] != "newsmon" || svc.Environment[bus.EnvPassword] != compose.Services["nats"].Environment[bus.EnvPassword] {
			t.Errorf("%s: NATS credentials %q/%q, want the nats service's user and password", stage, svc.Environment[bus.EnvUser], svc.Environment[bus.EnvPassword])
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

// checkComposeNATS: compose's nats service runs the repo's nats.conf, which keeps JetStream and
// requires the password from the environment: a nats-server started from that file (here, in
// this process) refuses a client without it and lets newsmon in with the stages' settings.
func checkComposeNATS(t *testing.T, command, volumes []string, env map[string]string) {
	t.Helper()
	if len(command) != 2 || command[0] != "-c" {
		t.Fatalf("nats command %v, want -c <config file>", command)
	}
	var conf string
	for _, v := range volumes {
		if src, dst, ok := strings.Cut(strings.TrimSuffix(v, ":ro"), ":"); ok && dst == command[1] {
			conf = filepath.Join("../..", src)
		}
	}
	if conf == "" {
		t.Fatalf("nats config %s is not mounted from the repo: volumes %v", command[1], volumes)
	}
	if !strings.HasPrefix(env[bus.EnvPassword], "${"+bus.EnvPassword) {
		t.Errorf("nats %s = %q, want it from the environment", bus.EnvPassword, env[bus.EnvPassword])
	}
	t.Setenv(bus.EnvPassword, "compose-pass-1")
	opts, err := server.ProcessConfigFile(conf)
	if err != nil {
		t.Fatalf("%s: %v", conf, err)
	}
	if !opts.JetStream {
		t.Errorf("%s: JetStream off", conf)
	}
	opts.Host, opts.Port, opts.HTTPPort, opts.StoreDir, opts.NoLog, opts.NoSigs = "127.0.0.1", server.RANDOM_PORT, 0, t.TempDir(), true, true
	srv, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.Start()
	defer srv.Shutdown()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats-server from the compose config not ready")
	}
	if nc, err := nats.Connect(srv.ClientURL()); !errors.Is(err, nats.ErrAuthorization) {
		if nc != nil {
			nc.Close()
		}
		t.Errorf("compose NATS without credentials: %v, want an authorization violation", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	b, err := bus.Connect(ctx, bus.Config{URL: srv.ClientURL(), Auth: bus.Auth{User: "newsmon", Password: "compose-pass-1"}}, nil)
	if err != nil {
		t.Fatalf("newsmon with the stages' credentials: %v", err)
	}
	_ = b.Close()
}
