# Clientele: `make serve` to use the app, `make test` to run every test tier.
# Each target first installs the tools it needs, skipping what is present.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# The wasm-bindgen CLI must be exactly the version Cargo.lock holds.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' Cargo.lock)
BINARYEN_VERSION := 132.0.0
# The accessibility audit of the end-to-end tier (WCAG 2.2 AA); injected by
# the test driver, never part of dist/.
AXE_CORE_VERSION := 4.14.1
TOOLS := $(CURDIR)/tools
WASM_OPT := $(TOOLS)/binaryen/node_modules/.bin/wasm-opt
AXE_CORE := $(TOOLS)/axe-core/node_modules/axe-core
WASM_TARGET := wasm32-unknown-unknown
SERVE_PORT ?= 8088
# Debian's packages, the same version of each.
CHROMIUM ?= /usr/bin/chromium
CHROMEDRIVER ?= /usr/bin/chromedriver
# The gzip copy of the release wasm that dist/ ships (see ZOPFLI) may not
# exceed this many bytes: 600 KiB for the whole app, both languages included
# (the decision on the size target in the speed issue; the 150 KB target was
# withdrawn).
WASM_GZIP_BUDGET := 614400
# Zopfli writes the gzip copies in dist/ (`.ci/precompress.mjs`): the gzip
# format, some 5% smaller than `gzip -9`.
ZOPFLI_VERSION := 1.0.15
ZOPFLI := $(TOOLS)/zopfli/node_modules/@gfx/zopfli
# wasm-bindgen-test-runner stops Chromium without ending its WebDriver
# session, so each test binary would leave its browser profile (some 120 MB)
# in the temporary folder until the disk fills. Its runs get this folder as
# their temporary folder instead, removed afterwards whether they pass or fail.
BROWSER_TMP := $(CURDIR)/target/browser-tmp

export PATH := $(dir $(WASM_OPT)):$(HOME)/.cargo/bin:$(PATH)
# Leptos type-erases component views: about 10% less wasm and faster builds.
# Every target uses the same flags so that builds are shared between them.
RUSTFLAGS ?= --cfg erase_components
export RUSTFLAGS
# Release wasm (the page in dist/, the browser benchmarks) leaves inlining to
# wasm-opt: some 11 KB less gzipped wasm. Only release wasm builds use these
# flags, so native and test builds keep theirs and their caches. The
# dependencies' source paths (in panic locations) are written without the
# machine's Cargo home, so the page is the same, and as large, on every machine.
CARGO_REGISTRY_SRC := $(or $(CARGO_HOME),$(HOME)/.cargo)/registry/src
WASM_RELEASE_RUSTFLAGS := $(RUSTFLAGS) -C llvm-args=-inline-threshold=0 \
	--remap-path-prefix=$(CARGO_REGISTRY_SRC)=/cargo

.PHONY: help serve dist test test-native test-browser test-e2e lint size bench fuzz \
	tools tools-build tools-test clean

help:
	@echo "make serve   build and serve the app at http://127.0.0.1:$(SERVE_PORT)/ (rebuilds on change)"
	@echo "make dist    release build into dist/ (host that folder anywhere)"
	@echo "make test    every test tier: lint, native, in-browser, end-to-end"
	@echo "make bench   benchmarks in the browser and natively, written to target/bench/results.txt"
	@echo "make fuzz    short fuzzing runs: import, CSV and stored data (nightly Rust)"

serve: tools-build
	cargo fetch --locked
	# A folder of its own, so that serving never replaces the release build in dist/.
	trunk serve --port $(SERVE_PORT) --dist target/serve

dist: tools-build
	cargo fetch --locked
	RUSTFLAGS='$(WASM_RELEASE_RUSTFLAGS)' trunk build --release
	# .gz and .br beside each file, for hosts that serve them (README "Host it").
	node .ci/precompress.mjs dist '$(ZOPFLI)'
	@$(MAKE) --no-print-directory size

size:
	@wasm=$$(ls dist/*_bg.wasm); raw=$$(wc -c < "$$wasm"); gz=$$(wc -c < "$$wasm.gz"); br=$$(wc -c < "$$wasm.br"); \
	gzip9=$$(gzip -9 -c "$$wasm" | wc -c); \
	echo "wasm size: $$raw bytes raw, $$gz bytes gzipped as shipped ($$gzip9 by gzip -9), $$br bytes brotli (gzip budget $(WASM_GZIP_BUDGET))"; \
	named="$${CARGO_TARGET_DIR:-target}/$(WASM_TARGET)/release/clientele.wasm"; \
	if [ -f "$$named" ]; then node .ci/wasm-contributors.mjs "$$named"; fi; \
	if [ "$$gz" -gt $(WASM_GZIP_BUDGET) ]; then echo "wasm over its size budget"; exit 1; fi

test: tools-test lint test-native test-browser dist test-e2e
	@echo "all test tiers passed"

# Short fuzzing runs, FUZZ_SECONDS each, of the import path (`import`), CSV
# lists from a CRM (`csv`) and the stored-data decoder (`stored`), each seeded
# with its fixtures. Needs nightly Rust (`rustup toolchain install nightly`)
# and cargo-fuzz; `make test` never does.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := import csv stored
fuzz:
	@cargo +nightly --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
	@cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	mkdir -p $(addprefix fuzz/corpus/,$(FUZZ_TARGETS))
	cp tests/fixtures/good/*.json tests/fixtures/bad/*.json tests/fixtures/older/*.json public/example.clientele.json fuzz/corpus/import/
	cp fuzz/seeds/csv/*.csv fuzz/corpus/csv/
	# Plain stored text, and what storage keeps today (packed).
	cp tests/fixtures/good/*.json tests/fixtures/older/*.json tests/fixtures/bad/packed-*.json public/example.clientele.json fuzz/corpus/stored/
	cd fuzz && for target in $(FUZZ_TARGETS); do \
		cargo +nightly fuzz run $$target corpus/$$target -- -max_total_time=$(FUZZ_SECONDS) || exit 1; \
	done

# Benchmarks: native, in headless Chromium (wasm-bindgen-test), and on the
# release page through WebDriver. Each writes target/bench/<tier>.txt;
# target/bench/results.txt puts them together with the machine they ran on.
bench: dist tools-test
	mkdir -p target/bench
	rm -f target/bench/page.txt
	cargo test --locked --release --test bench -- --ignored --nocapture
	rm -rf '$(BROWSER_TMP)' && mkdir -p '$(BROWSER_TMP)'
	status=0; TMPDIR='$(BROWSER_TMP)' CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/tests/webdriver.json \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	RUSTFLAGS='$(WASM_RELEASE_RUSTFLAGS)' \
	cargo test --locked --release --target $(WASM_TARGET) --test browser_bench -- --nocapture \
		| tee target/bench/browser.log || status=$$?; \
	rm -rf '$(BROWSER_TMP)'; exit $$status
	sed -n 's/^bench: //p' target/bench/browser.log > target/bench/browser.txt
	CHROMIUM=$(CHROMIUM) CHROMEDRIVER=$(CHROMEDRIVER) DIST_DIR=$(CURDIR)/dist \
	cargo test --locked --release --features e2e --test e2e -- --test-threads=1 --ignored bench::
	{ echo "Clientele benchmarks, $$(date -u +%Y-%m-%d)"; \
	  echo "machine: $$(nproc) x $$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $$(free -g | awk '/^Mem:/ {print $$2}') GB; $$($(CHROMIUM) --version 2>/dev/null)"; \
	  echo; echo "in the browser (wasm, release):"; sed 's/^/  /' target/bench/browser.txt; \
	  echo; echo "on the page (release build in dist/):"; sed 's/^/  /' target/bench/page.txt; \
	  echo; echo "native (release), for comparison:"; sed 's/^/  /' target/bench/native.txt; \
	} > target/bench/results.txt
	@cat target/bench/results.txt

lint:
	bash .ci/check-inner-html.sh
	cargo fmt --check
	cargo clippy --locked --all-targets --features e2e -- -D warnings
	cargo clippy --locked --target $(WASM_TARGET) --lib --tests -- -D warnings

test-native:
	cargo test --locked

# wasm-bindgen-test in headless Chromium: storage and components.
test-browser: tools-test
	rm -rf '$(BROWSER_TMP)' && mkdir -p '$(BROWSER_TMP)'
	status=0; TMPDIR='$(BROWSER_TMP)' CHROMEDRIVER=$(CHROMEDRIVER) \
	WASM_BINDGEN_TEST_WEBDRIVER_JSON=$(CURDIR)/tests/webdriver.json \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --locked --target $(WASM_TARGET) \
		--test browser_storage --test browser_app --test browser_no_storage --test browser_profiles \
		--test browser_import --test browser_hostile || status=$$?; \
	rm -rf '$(BROWSER_TMP)'; exit $$status

# WebDriver against the release build in dist/, served on a free loopback port.
test-e2e: tools-test
	CHROMIUM=$(CHROMIUM) CHROMEDRIVER=$(CHROMEDRIVER) DIST_DIR=$(CURDIR)/dist \
	AXE_CORE=$(AXE_CORE)/axe.min.js \
	cargo test --locked --features e2e --test e2e -- --test-threads=1

tools: tools-build tools-test

tools-build:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)' || \
		cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked || { \
		echo "wasm-bindgen-cli's own lock file names a crate the registry no longer serves;"; \
		echo "installing the same CLI version with freshly resolved dependencies."; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); }
	@command -v npm >/dev/null || $(call need_debian,nodejs npm,npm (Node.js))
	@[ -x '$(WASM_OPT)' ] && '$(WASM_OPT)' --version | grep -q 'version $(firstword $(subst ., ,$(BINARYEN_VERSION)))' || \
		npm install --prefix '$(TOOLS)/binaryen' --no-audit --no-fund 'binaryen@$(BINARYEN_VERSION)'
	@grep -q '"version": "$(ZOPFLI_VERSION)"' '$(ZOPFLI)/package.json' 2>/dev/null || \
		npm install --prefix '$(TOOLS)/zopfli' --no-audit --no-fund '@gfx/zopfli@$(ZOPFLI_VERSION)'

tools-test: tools-build
	@[ -x '$(CHROMIUM)' ] && [ -x '$(CHROMEDRIVER)' ] || $(call need_debian,chromium chromium-driver,Chromium and ChromeDriver)
	@[ -f '$(AXE_CORE)/axe.min.js' ] && grep -q '"version": "$(AXE_CORE_VERSION)"' '$(AXE_CORE)/package.json' || \
		npm install --prefix '$(TOOLS)/axe-core' --no-audit --no-fund 'axe-core@$(AXE_CORE_VERSION)'

# Installs Debian packages $(1) when running as root; otherwise says what to install.
define need_debian
{ if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1); \
  else echo "Please install $(2): sudo apt-get install $(1)"; exit 1; fi; }
endef

clean:
	cargo clean
	rm -rf dist
