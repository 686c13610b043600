# Rewire's Makefile adds set-up, the sqlite_fts5 build tag and a few
# conveniences to plain `go` commands; nothing here is magic.

GO      ?= go
TAGS    := sqlite_fts5
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# The app's version lives in cmd/rewire/FyneApp.toml; VERSION is the commit.
APPVERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' cmd/rewire/FyneApp.toml)
LDFLAGS := -s -w -X main.version=$(APPVERSION) -X main.commit=$(VERSION)
BIN     := bin
# Every go command builds with -trimpath, as the release build must: one
# build cache for tests and binaries, so cgo (GLFW, SQLite, ALSA) compiles
# once on a cold machine.
export GOFLAGS += -trimpath
# Pure-Go packages: built without cgo and tested under the race detector.
PURE    := ./crypto/... ./journal ./journal/demo/... ./journal/insights/... ./journal/practice ./journal/reminder ./sound ./internal/instance ./internal/autostart

.PHONY: all setup build run test test-long bench lint smoke clean package install newuser-check coldstart rss

all: build

# setup installs what is missing (apt packages, Go modules); it does
# nothing when everything is present.
setup:
	@sh scripts/setup.sh

build: setup
	$(GO) build -tags $(TAGS) -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/rewire ./cmd/rewire
	$(GO) build -tags $(TAGS) -trimpath -ldflags '$(LDFLAGS)' -o $(BIN)/rewire-cli ./cmd/rewire-cli

run: build
	./$(BIN)/rewire

test: setup lint
	CGO_ENABLED=0 $(GO) build $(PURE)
	$(GO) test -tags $(TAGS) -count=1 ./...
	# Our copy of the passphrase estimator, a module of its own (see its README).
	cd third_party/zxcvbn && $(GO) vet ./... && $(GO) test -count=1 ./...
	$(GO) test -tags $(TAGS) -count=1 -race $(PURE)
	# The GUI's flows under the race detector too (Fyne's test driver; about 5 min).
	$(GO) test -tags $(TAGS) -count=1 -race -timeout 20m ./ui
	sh scripts/smoke-gui.sh
	sh scripts/newuser-check.sh

# test-long runs the crash tests with many more kills.
test-long: setup
	REWIRE_CRASH_KILLS=2000 REWIRE_PASSWD_KILLS=500 $(GO) test -tags $(TAGS) -count=1 -timeout 60m -run 'Crash|Kill' -v ./journal/sqlite/
	REWIRE_BACKUP_KILLS=1000 REWIRE_RESTORE_KILLS=500 $(GO) test -tags $(TAGS) -count=1 -timeout 60m -run 'Crash' -v ./journal/backup/

lint:
	$(GO) vet -tags $(TAGS) ./...
	$(GO) tool staticcheck -tags $(TAGS) ./...

bench: setup
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -timeout 60m ./... | tee $(BIN)/bench.txt | $(GO) run ./scripts/benchtable

smoke: build
	sh scripts/smoke-gui.sh

# package builds the Linux release tarball in bin/ and checks it installs
# and runs from a temporary prefix; install installs it into ~/.local
# (PREFIX=dir for another prefix).
package: setup
	sh scripts/package.sh

install: setup
	sh scripts/package.sh --install

# newuser-check builds a clean copy in a fresh HOME and starts
# `rewire --demo` under Xvfb (make test runs it too).
newuser-check: setup
	sh scripts/newuser-check.sh

# coldstart measures the start to the unlock prompt, median of 5.
coldstart: setup
	sh scripts/coldstart.sh

# rss measures the real app's memory on a 10k vault under Xvfb (unlock,
# Today, journal), typing the passphrase with xdotool.
rss: setup
	sh scripts/rss.sh

clean:
	rm -rf $(BIN)
