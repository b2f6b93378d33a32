# The two commands of the README:
#   make serve  — install what is missing, build, and serve the explorer on http://127.0.0.1:8080/
#   make test   — install what is missing and run every check (what CI runs)
# Other targets: make build (dist/ for static hosting), make single (the explorer as one HTML
# file), make e2e, make size, make report (corpus review), make bench (filtering at 100×).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/e2e/node_modules/.bin:$(PATH)
export TRUNK_OFFLINE := true
WASM := --target wasm32-unknown-unknown

.PHONY: serve test setup-build setup-test fmt-check clippy unit build single e2e size report bench bench-browser

serve: setup-build
	@echo "Serving the explorer at http://127.0.0.1:8080/ (Ctrl-C to stop)"
	trunk serve --release --offline --no-autoreload

test: setup-test fmt-check clippy unit build e2e size
	@echo "make test: all checks passed"

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

fmt-check:
	cargo fmt --all -- --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy $(WASM) -p mali-russie-explorer --bins -- -D warnings

unit:
	cargo test --workspace

build:
	trunk build --release --offline

# The single-file edition: written by the build's post-build hook (scripts/single-file.mjs)
# into dist/ (where the page's footer offers it) and copied here.
single: setup-build build
	mkdir -p single
	cp dist/mali-russie-explorer.html single/mali-russie-explorer.html
	@ls -l single/mali-russie-explorer.html

e2e:
	cd e2e && node --test --test-concurrency=1 tests/*.test.mjs cross/*.test.mjs

size:
	scripts/size-report.sh dist


report:
	cargo run --quiet --bin corpus-report

bench:
	cargo run --quiet --release --example filter_bench

# Speed in headless Chromium against a plain page of the same texts (reported, not asserted).
bench-browser: setup-test build
	cd e2e && node bench/browser.mjs
