package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
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
	esVersion := esNodeVersion(t)
	for _, svc := range []string{"elasticsearch", "kibana"} {
		if img := compose.Services[svc].Image; !strings.HasSuffix(img, ":"+esVersion) {
			t.Errorf("%s image %q, want version %s, the one CI tests against (test/esnode/pom.xml)", svc, img, esVersion)
		}
	}
	var builders []string
	for name, svc := range compose.Services {
		if svc.Build != nil {
			builders = append(builders, name)
		}
	}
	if len(builders) != 1 {
		t.Errorf("services with a build section: %v, want exactly one (the stages share its image)", builders)
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
		if len(builders) == 1 && svc.Image != compose.Services[builders[0]].Image {
			t.Errorf("%s runs image %q, want the built %q", stage, svc.Image, compose.Services[builders[0]].Image)
		}
		if _, ok := svc.DependsOn["nats"]; !ok {
			t.Errorf("%s must depend on nats", stage)
		}
	}
	if r := compose.Services["extract"].Deploy.Replicas; r < 2 {
		t.Errorf("extract replicas = %d, want several", r)
	}
	ignore, err := os.ReadFile("../../.dockerignore")
	for _, kept := range []string{".env", "newsmon-data/", ".git"} {
		if err != nil || !slices.Contains(strings.Fields(string(ignore)), kept) {
			t.Errorf(".dockerignore must keep %s out of the build context (%v)", kept, err)
		}
	}
	docker, err := os.ReadFile("../../Dockerfile")
	if err != nil || !strings.Contains(string(docker), "./cmd/newsmon") || !strings.Contains(string(docker), "COPY pipelines") {
		t.Errorf("Dockerfile must build ./cmd/newsmon and ship pipelines/: %v", err)
	}
}

// esNodeVersion is the Elasticsearch version of the CI node (test/esnode/pom.xml's es.version).
func esNodeVersion(t *testing.T) string {
	t.Helper()
	pom, err := os.ReadFile("../../test/esnode/pom.xml")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(pom), "<es.version>")
	version, _, ok2 := strings.Cut(rest, "</es.version>")
	if !ok || !ok2 || version == "" {
		t.Fatal("test/esnode/pom.xml: no <es.version>")
	}
	return strings.TrimSpace(version)
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
