# Perspectief: two commands.
#   make run   sets up what is missing, builds a release and serves it at http://127.0.0.1:8080
#   make test  the whole suite (format, lints, unit tests, wasm check, build, browser tests)
# Nothing here downloads a prebuilt binary: tools come from cargo, npm and apt by name.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3; exit}' Cargo.lock)
CHROMIUM ?= /usr/bin/chromium
PORT ?= 8080
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: run test bare-clone dist dist-codec setup setup-build setup-browser setup-jpmml setup-office check-core-pure lint unit browser demo clean bench bench-corpus screenshots fuzz

run: setup-build dist
	node tools/serve.mjs dist $(PORT)

test: setup-build setup-browser lint unit check-core-pure dist browser

# --- setup: install only what is missing -------------------------------------------------
setup: setup-build setup-browser setup-office

setup-build: node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qx "trunk $(TRUNK_VERSION)" || cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)" || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --locked || \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@cargo fetch --locked

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

setup-browser:
	@test -x $(CHROMIUM) || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# LibreOffice without a desktop, from Debian: the report tests open the Word files it writes.
setup-office:
	@command -v soffice >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui; }
	@# A font for the trees the command line draws into its report (perspectief run).
	@test -n "$$(find /usr/share/fonts -name '*.ttf' -print -quit 2>/dev/null)" || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-dejavu-core; }

# JPMML-Evaluator, the independent PMML consumer of the rules test: its jars from the PyPI
# package (pinned), a Java compiler from Debian, and tests/pmml/Score.java compiled against them.
JPMML_VERSION := 0.16.0
JPMML := target/jpmml
setup-jpmml: $(JPMML)/classes/Score.class

$(JPMML)/classes/Score.class: tests/pmml/Score.java
	@command -v javac >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y default-jdk-headless; }
	@test -f $(JPMML)/jars/pmml-evaluator-1.7.7.jar || { python3 -m pip download jpmml-evaluator==$(JPMML_VERSION) --no-deps -d $(JPMML)/wheel && \
	  python3 -c "import zipfile, glob, os; os.makedirs('$(JPMML)/jars', exist_ok=True); z = zipfile.ZipFile(glob.glob('$(JPMML)/wheel/*.whl')[0]); [open(os.path.join('$(JPMML)/jars', os.path.basename(n)), 'wb').write(z.read(n)) for n in z.namelist() if n.startswith('jpmml_evaluator/dependencies/') and n.endswith('.jar')]"; }
	javac -d $(JPMML)/classes -cp '$(JPMML)/jars/*' tests/pmml/Score.java

# --- build --------------------------------------------------------------------------------
# Trunk's own `cargo metadata` call ignores --offline: fetch first, then build offline.
dist: setup-build
	CARGO_NET_OFFLINE=true trunk build --release
	node tools/postbuild.mjs dist

# The build with the codec comparison's test hook (bench/tree-browser.mjs), beside the shipped one.
dist-codec: setup-build
	CARGO_NET_OFFLINE=true trunk build --release --features codec-bench --dist target/dist-codec
	node tools/postbuild.mjs target/dist-codec

# --- benchmarks (not part of make test) -----------------------------------------------------
# Reading 100,000 rows, linking 1,000,000 × 1,000,000, trees on the demo and on 1,000,000 rows, and
# making 1,000,000 rows 5-anonymous,
# natively and in headless Chromium.
bench: setup-build setup-browser dist dist-codec
	cargo build --release --locked -p perspectief-cli --features bench
	target/release/perspectief bench-data --rows 100000 --out target/bench
	node bench/parse-browser.mjs target/bench
	target/release/perspectief bench-link --rows 1000000 --out target/bench
	node bench/link-browser.mjs target/bench 1000000
	target/release/perspectief bench-data --rows 1000000 --out target/bench
	node bench/tree-browser.mjs target/bench/registratie_1000000.csv target/dist-codec
	node bench/tree-edit-browser.mjs target/bench/registratie_1000000.csv
	target/release/perspectief bench-anonymise --rows 1000000 --out target/bench
	node bench/anonymise-browser.mjs target/bench/anonimiseer_1000000.csv
	$(MAKE) bench-corpus

# Every broken corpus file read by the release CLI: time and peak memory each (budget 2 s, 1 GB).
bench-corpus:
	cargo build --release --locked -p perspectief-cli
	cargo test -q --locked -p perspectief-core --test bad_corpus every_broken_file
	bench/corpus-read.sh target/release/perspectief tests/corpus/bad

# --- fuzzing (not part of make test) ------------------------------------------------------------
# Every parser of the core under libFuzzer (cargo-fuzz, nightly toolchain), seeded from the demo
# files: FUZZ_RUNS executions per target (the goal is ten million), at most FUZZ_SECONDS each. A
# crash stops the run and its input is copied to fuzz/regressions/<target>/, where
# crates/core/tests/fuzz_regressions.rs replays it in make test. What each target does:
# crates/core/src/fuzzing.rs.
FUZZ_RUNS ?= 10000000
FUZZ_SECONDS ?= 3600
FUZZ_MAX_LEN ?= 65536
FUZZ_TARGETS ?= csv_reader spreadsheet_reader dates numbers vnummer columns recept chaid_params load_csv load_spreadsheet linkage_file
# The targets that run the whole load (reader, header search, mapping, values): built without
# libFuzzer's comparison tracing, which took 60 % of their 3.7 ms per input (perf), so that they
# reach a million executions within the hour; the reader-only targets keep it.
FUZZ_FAST ?= load_csv load_spreadsheet linkage_file
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cargo build --release --locked -p perspectief-cli
	fuzz/seed.sh target/release/perspectief target/fuzz-seed
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  fast=$$(case " $(FUZZ_FAST) " in *" $$t "*) echo --no-trace-compares;; esac); \
	  if ! cargo +nightly fuzz run -O -s none $$fast $$t fuzz/corpus/$$t target/fuzz-seed/$$t -- \
	    -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -max_len=$(FUZZ_MAX_LEN) \
	    -print_final_stats=1 > target/fuzz-$$t.log 2>&1; then \
	    tail -30 target/fuzz-$$t.log; mkdir -p fuzz/regressions/$$t; \
	    cp fuzz/artifacts/$$t/crash-* fuzz/artifacts/$$t/oom-* fuzz/artifacts/$$t/timeout-* fuzz/regressions/$$t/ 2>/dev/null; \
	    echo "$$t: crashing input kept in fuzz/regressions/$$t"; \
	    exit 1; \
	  fi; \
	  echo "$$t: $$(grep -h 'stat::number_of_executed_units' target/fuzz-$$t.log | tail -1) in $$(grep -h 'Done' target/fuzz-$$t.log | tail -1)"; \
	done

# One screenshot per view on the demo data (docs/screenshots, linked from the README).
screenshots: setup-build setup-browser dist
	node tools/screenshots.mjs dist docs/screenshots

# --- checks -------------------------------------------------------------------------------
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy -p perspectief-cli -p perspectief-core --all-targets --features perspectief-cli/bench --locked -- -D warnings

# The unit tests, run once, from a copy of the repository with nothing beside it: a test that
# reads a file outside the repository (../shared, say) or one git does not know fails here. The
# copy keeps the files' times (cp -p) and always lies at the same path, so its target directory
# (target/bare-clone, kept between runs) builds only what changed. It is a target directory of its
# own: cargo names a workspace's artifacts by paths relative to the workspace, so a shared target/
# would hand one checkout the other's test binaries, with the other's paths compiled in.
BARE := $(or $(TMPDIR),/tmp)/perspectief-bare
# The broken files the corpus browser test drops on the page: written by the core's bad_corpus
# test; make unit brings them back from its copy, and make browser writes them when they are missing.
CORPUS := tests/corpus/bad
unit: setup-jpmml setup-office
	rm -rf $(BARE) && mkdir -p $(BARE)/perspectief
	git ls-files -z --cached --others --exclude-standard | xargs -0 cp -p --parents -t $(BARE)/perspectief
	cd $(BARE)/perspectief && CARGO_TARGET_DIR=$(CURDIR)/target/bare-clone \
	  JPMML_CLASSPATH='$(CURDIR)/$(JPMML)/classes:$(CURDIR)/$(JPMML)/jars/*' cargo test --workspace --locked
	rm -rf $(CORPUS) && cp -r $(BARE)/perspectief/$(CORPUS) $(CORPUS)
	rm -rf $(BARE)
bare-clone: unit

# The engine compiles for the browser and depends on no web crate.
check-core-pure:
	cargo check -p perspectief-core --target wasm32-unknown-unknown --locked
	@if cargo tree -p perspectief-core -e normal --prefix none | grep -E '^(leptos|web-sys|wasm-bindgen|js-sys|gloo)'; then \
	  echo "perspectief-core depends on a web crate"; exit 1; fi

browser: setup-browser setup-office
	@test -d $(CORPUS) || cargo test -q --locked -p perspectief-core --test bad_corpus every_broken_file
	CHROMIUM=$(CHROMIUM) node --test --test-concurrency=1 tests/browser/

demo:
	cargo run -q -p perspectief-cli -- demo --out demo

clean:
	rm -rf dist target/dist
