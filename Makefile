# The two set-up commands of the README: `make demo` and `make test`.
# Both install what is missing first (system libraries through apt), then build.
SWIFT ?= swift
PACKAGES := libssl-dev zlib1g-dev pkg-config

.PHONY: demo test deps build-release lint

## Installs the system libraries TLS and deflate go through, when pkg-config cannot find them.
deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists zlib openssl; then \
		echo "deps: zlib $$(pkg-config --modversion zlib), openssl $$(pkg-config --modversion openssl) found"; \
	else \
		echo "deps: installing $(PACKAGES) with apt-get"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PACKAGES); \
	fi

build-release: deps
	@echo "demo: building chargesim in release mode (the first build fetches and compiles dependencies: several minutes)"
	$(SWIFT) build -c release --product chargesim

## Runs `chargesim demo` on the embedded default: no account, no network.
demo: build-release
	@echo "demo: starting chargesim demo"
	"$$($(SWIFT) build -c release --show-bin-path)/chargesim" demo

## Builds and runs the whole test suite, then the conformance runs in scripts/.
test: deps
	scripts/test.sh

lint:
	$(SWIFT) format lint --strict -r Sources Tests
