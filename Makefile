# communique: `make run` processes the embedded samples into out/; `make check`
# is the quick loop (vet, gofmt, every unit test with the fuzz seeds, no race
# detector); `make test` runs everything a change needs (CI runs exactly
# this, via .ci/run, with CI=1: fuzzing for FUZZTIME per target is CI-only,
# and the readers check skips with a message when node is absent outside CI).

GO        ?= go
FUZZTIME  ?= 5s
OUT       ?= out
# The binary `make build` writes; readers, report-check and notebook-check
# build it once (prerequisite) and run it.
BIN       ?= $(CURDIR)/bin/communique

# go test's own vet pass (a subset of go vet's checks, with its own facts
# for every dependency, again for -race and for the fuzz build: about 100 s
# of CPU in a fresh make test) is off where `vet` has just run the full set:
# check and test run vet first; run `make vet` with unit, race or fuzz alone.
TEST = $(GO) test -vet=off

# Fuzz targets run briefly by `CI=1 make test`: package:FuzzName, the ones
# that read untrusted article text. Every Fuzz function's seed corpus (also
# data's FuzzParseTSV and linear's FuzzRead, which read the project's own or
# a user's --data tables and model files) runs as a unit test in `unit`.
# One fuzz worker (-parallel 1): on 2 shared cores a second worker doubles
# the CPU for the same FUZZTIME.
FUZZ = ./sources:FuzzReadJSONL ./textnorm:FuzzNormalize ./extractors/segment:FuzzSegment \
       ./extractors/segment:FuzzProseWords ./extractors/dates:FuzzWords \
       ./extractors/entities:FuzzExtract ./extractors/stances:FuzzExtract ./extractors/dates:FuzzIn
# -tags nos3: without the S3 client (objstore/s3.go), whose minio-go, net/http
# and crypto/tls the fuzzer would otherwise instrument and compile once more
# for ./sources (about a minute of CPU); no fuzz target reads an object store.
FUZZ_FLAGS = -run '^$$' -parallel 1 -fuzztime $(FUZZTIME) -tags nos3

# Where `make readers` writes the sample runs it checks: the embedded samples,
# then seed-000 changed and replaced by a sharded run, then by a plain
# --reprocess (inputs in READERS_IN); and where it upgrades a copy of an
# output root of schema 1.0.0 (lake/testdata/schema-1.0.0).
READERS_OUT ?= $(CURDIR)/.readers-out
READERS_IN  ?= $(CURDIR)/.readers-in
READERS_UPGRADED ?= $(CURDIR)/.readers-upgraded

# Where `make report-check` writes the run, the page and (unless SCREENSHOT is
# set, as `make report-screenshot` does) the screenshot it checks.
REPORT_OUT ?= $(CURDIR)/.report-out
SCREENSHOT ?= $(REPORT_OUT)/report.png

# The notebook (docs/positions.ipynb) is executed by Debian's python3 with
# pandas, matplotlib and nbclient (.ci/run installs them); see docs/notebook/.
NOTEBOOK_OUT ?= $(CURDIR)/.notebook-out
NOTEBOOK_PY  ?= /usr/bin/python3
NOTEBOOK_DEPS = $(NOTEBOOK_PY) -c 'import pandas, matplotlib, nbclient, ipykernel' 2>/dev/null

# Packages where goroutines live: their tests run under the race detector
# (the workers, the ordered sink and the readers' goroutines), except
# RACE_SKIP: tests that start the test binary as child processes to kill
# them (crash consistency, not concurrency; a race-built child builds its
# models 10x slower), run without it in `unit`. Of ./cmd and ./lake, whose
# own code starts one goroutine (the analyzer built during start-up) or none,
# RACE_ALSO runs under the detector the tests that run goroutines in process:
# the in-process `run` and the racing manifest writers. Their other tests run
# in `unit`, and lake's publish and commit also run under the detector in
# ./pipeline's tests, from the sink goroutine.
RACE_PKGS = ./pipeline/... ./sources/...
RACE_SKIP = TestKilledRunRerun|TestShardsEqualOneProcess|TestShardKilledAndRerun
RACE_ALSO = ./cmd/communique:TestRunSamples ./lake:TestCreateExclusiveRace

.PHONY: all build run check test vet unit race fuzz readers report-check report-screenshot notebook notebook-check examples-check bench bench-memory schema model clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/communique

run:
	$(GO) run ./cmd/communique run --out $(OUT)

# The quick loop (fuzz targets run their seed corpus as unit tests).
check: vet
	$(TEST) ./...

test: vet unit race $(if $(CI),fuzz) readers report-check notebook-check examples-check

vet:
	$(GO) vet ./...
	$(GO) build -tags nos3 ./sources ./lake
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: run gofmt -w"; exit 1; }

# Every package but the ones race runs, and RACE_SKIP, without the race detector.
unit:
	$(TEST) -cover $$($(GO) list ./... | grep -v -e /pipeline -e /sources)
	$(TEST) -cover -run '^($(RACE_SKIP))$$' ./pipeline
	$(TEST) -tags nos3 ./objstore

race:
	$(TEST) -race -cover -skip '^($(RACE_SKIP))$$' $(RACE_PKGS)
	@for t in $(RACE_ALSO); do echo "$(TEST) -race -run '^$${t##*:}$$' $${t%%:*}"; \
		$(TEST) -race -run "^$${t##*:}$$" $${t%%:*} || exit 1; done

fuzz:
	@for t in $(FUZZ); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
		$(TEST) $(FUZZ_FLAGS) -fuzz "^$$name$$" $$pkg > .fuzz.log 2>&1 \
		|| { grep -q 'context deadline exceeded' .fuzz.log && echo "retry: fuzz engine timed out starting workers (machine busy)" \
		     && $(TEST) $(FUZZ_FLAGS) -fuzz "^$$name$$" $$pkg > .fuzz.log 2>&1; } \
		|| { cat .fuzz.log; exit 1; }; tail -n 1 .fuzz.log; \
	done

# Real readers (DuckDB, polars) open a sample run; npm installs them as the lock file
# pins them (npm install: npm ci rejects the lock for lacking other platforms' binaries).
readers: build
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		if [ -n "$(CI)" ]; then echo "readers: node and npm are required in CI"; exit 1; fi; \
		echo "readers: SKIPPED (node and npm not found; install Node.js to check the DuckDB and polars readers)"; exit 0; fi
	rm -rf $(READERS_OUT) $(READERS_IN) $(READERS_UPGRADED)
	mkdir -p $(READERS_IN)
	sed '1!d; s/"text": "/"text": "Talks resumed. /' data/samples/seeds.jsonl > $(READERS_IN)/a.jsonl
	sed '2!d' data/samples/seeds.jsonl > $(READERS_IN)/b.jsonl
	$(BIN) run --out $(READERS_OUT) --run-id readers-1 --progress never
	for i in 0 1; do $(BIN) run --out $(READERS_OUT) --run-id readers-2 --shards 2 --shard-index $$i \
		--progress never $(READERS_IN) || exit 1; done
	$(BIN) commit --out $(READERS_OUT) --run-id readers-2 --shards 2
	$(BIN) run --out $(READERS_OUT) --run-id readers-3 --reprocess --progress never $(READERS_IN)/a.jsonl
	cp -R lake/testdata/schema-1.0.0 $(READERS_UPGRADED)
	echo '{"id":"readers-new","text":"Chad and Mali agreed to hold talks on border security."}' | \
		$(BIN) run --out $(READERS_UPGRADED) --run-id readers-upgrade -
	cd docs/readers && npm install --no-audit --no-fund --loglevel=error && \
		COMMUNIQUE_OUT=$(READERS_OUT) COMMUNIQUE_UPGRADED=$(READERS_UPGRADED) COMMUNIQUE_BIN=$(BIN) node --test

# The HTML report opened in headless Chromium (Debian's chromium, driven by
# playwright-core; .ci/run installs chromium): no console errors, every figure
# drawn, every link landing. The run covers the repository's gold and held-out
# articles plus an undated article, a bad date, a malformed line and a missing
# file, so that every figure has marks.
report-check: build
	@if ! command -v node >/dev/null || ! command -v npm >/dev/null || ! test -x $${CHROMIUM:-/usr/bin/chromium}; then \
		if [ -n "$(CI)" ]; then echo "report-check: node, npm and chromium are required in CI"; exit 1; fi; \
		echo "report-check: SKIPPED (node, npm or /usr/bin/chromium not found; apt-get install chromium to check the HTML report)"; exit 0; fi
	rm -rf $(REPORT_OUT) && mkdir -p $(REPORT_OUT)
	printf '%s\n' '{"id":"undated-1","title":"An article without a date","text":"The ministers agreed to meet again next month."}' \
		'{"id":"bad-date-1","title":"A date that is not one","published":"soon","text":"The council called for calm."}' \
		'{not json' > $(REPORT_OUT)/extra.jsonl
	$(BIN) run --progress never --partial-ok --run-id report --out $(REPORT_OUT)/out \
		data/gold/dev.jsonl data/heldout/*.jsonl $(REPORT_OUT)/extra.jsonl $(REPORT_OUT)/missing.jsonl 2> $(REPORT_OUT)/run.log \
		|| { cat $(REPORT_OUT)/run.log; exit 1; }
	cd $(REPORT_OUT) && $(BIN) report --out out --html report.html
	cd docs/report && npm install --no-audit --no-fund --loglevel=error \
		&& COMMUNIQUE_REPORT=$(REPORT_OUT)/report.html SCREENSHOT=$(SCREENSHOT) node --test

# Refreshes the screenshot in docs/ (look at it before committing).
report-screenshot:
	$(MAKE) report-check SCREENSHOT=$(CURDIR)/docs/report.png

# The notebook's stored outputs: executed on a run of the embedded samples.
notebook:
	@$(NOTEBOOK_DEPS) || { echo "notebook: $(NOTEBOOK_PY) lacks pandas, matplotlib, nbclient or ipykernel (apt-get install python3-pandas python3-matplotlib python3-nbclient python3-ipykernel)"; exit 1; }
	rm -rf $(NOTEBOOK_OUT) && mkdir -p $(NOTEBOOK_OUT)
	$(GO) run ./cmd/communique run --progress never --run-id samples --out $(NOTEBOOK_OUT)/samples 2> $(NOTEBOOK_OUT)/run.log
	cd docs/readers && npm install --no-audit --no-fund --loglevel=error
	$(NOTEBOOK_PY) docs/notebook/execute.py docs/positions.ipynb --out $(NOTEBOOK_OUT)/samples --write

# Executes the notebook on the samples (fails on an error or a missing output,
# warns when the stored outputs are stale: rerun make notebook) and on a run
# with an article without a publication date.
notebook-check: build
	@if ! $(NOTEBOOK_DEPS) || ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		if [ -n "$(CI)" ]; then echo "notebook-check: $(NOTEBOOK_PY) with pandas, matplotlib, nbclient, ipykernel and node are required in CI"; exit 1; fi; \
		echo "notebook-check: SKIPPED ($(NOTEBOOK_PY) lacks pandas, matplotlib, nbclient or ipykernel, or node is missing: apt-get install python3-pandas python3-matplotlib python3-nbclient python3-ipykernel)"; exit 0; fi
	rm -rf $(NOTEBOOK_OUT) && mkdir -p $(NOTEBOOK_OUT)
	$(BIN) run --progress never --run-id samples --out $(NOTEBOOK_OUT)/samples 2> $(NOTEBOOK_OUT)/run.log
	$(BIN) run --progress never --run-id samples --out $(NOTEBOOK_OUT)/undated 2>> $(NOTEBOOK_OUT)/run.log
	printf '%s\n' '{"id":"undated-1","title":"No date","text":"France condemned the attack. Germany called on both sides to show restraint."}' > $(NOTEBOOK_OUT)/undated.jsonl
	$(BIN) run --progress never --run-id undated --out $(NOTEBOOK_OUT)/undated $(NOTEBOOK_OUT)/undated.jsonl 2>> $(NOTEBOOK_OUT)/run.log
	cd docs/readers && npm install --no-audit --no-fund --loglevel=error
	$(NOTEBOOK_PY) docs/notebook/execute.py docs/positions.ipynb --out $(NOTEBOOK_OUT)/samples --check
	$(NOTEBOOK_PY) docs/notebook/execute.py docs/positions.ipynb --out $(NOTEBOOK_OUT)/undated

# Runs the Python and shell examples of docs/*.md on a run of the embedded
# samples (the SQL examples run in `readers`), with Debian's
# python3 and pandas; stand-ins read the Parquet files through DuckDB's
# Node.js binding where no Python reader is installed (docs/notebook/README.md).
# Fails on a block neither run nor marked with how it is checked.
EXAMPLES_OUT ?= $(CURDIR)/.examples-out
examples-check: build
	@if ! $(NOTEBOOK_DEPS) || ! command -v node >/dev/null || ! command -v npm >/dev/null; then \
		if [ -n "$(CI)" ]; then echo "examples-check: $(NOTEBOOK_PY) with pandas and node are required in CI"; exit 1; fi; \
		echo "examples-check: SKIPPED ($(NOTEBOOK_PY) lacks pandas, or node is missing: apt-get install python3-pandas)"; exit 0; fi
	rm -rf $(EXAMPLES_OUT) && mkdir -p $(EXAMPLES_OUT)
	$(BIN) run --progress never --run-id samples --out $(EXAMPLES_OUT)/out 2> $(EXAMPLES_OUT)/run.log
	cd docs/readers && npm install --no-audit --no-fund --loglevel=error
	$(NOTEBOOK_PY) docs/notebook/examples.py docs/*.md --out $(EXAMPLES_OUT)/out --bin $(dir $(BIN))

# Benchmarks: every stage, the whole pipeline on a generated corpus of
# BENCH_ARTICLES articles (tokens/s, articles/s, peak RSS) and the prose
# baseline. Compare two runs with benchstat (docs/PERFORMANCE.md).
BENCH_ARTICLES ?= 10000
BENCH_COUNT    ?= 1
# Long-article sizes in KB (time per MB should stay flat; 4000 and 8000 take minutes today).
BENCH_SIZES_KB ?= 100,1000
bench:
	$(GO) test -run '^$$' -bench 'Normalize|Segment|Entities|Stances|ParquetWrite' -benchmem -count $(BENCH_COUNT) ./pipeline
	$(GO) test -run '^$$' -bench 'ShortArticles|ArticleSize' -benchtime 3x -count $(BENCH_COUNT) ./pipeline -args -sizes $(BENCH_SIZES_KB)
	$(GO) test -run '^$$' -bench 'Run|Prose' -benchtime 1x -count $(BENCH_COUNT) -timeout 60m ./pipeline -args -articles $(BENCH_ARTICLES)

# Peak RSS of whole runs on 1,000, 10,000 and 100,000 articles (a few minutes).
bench-memory:
	$(GO) test -run '^$$' -bench 'Memory' -benchtime 1x -timeout 60m ./pipeline

# The stance model (data/models/stances): trained deterministically on the
# real-text training split in ../shared and the project's gold files, scored
# on the real-text development split, never trained on.
SHARED ?= ../shared
model:
	$(GO) run ./cmd/communique train --shared $(SHARED) --out data/models/stances

schema:
	$(GO) run ./cmd/communique schema --markdown > docs/SCHEMA.md

clean:
	rm -rf bin $(OUT) $(READERS_OUT) $(READERS_IN) $(READERS_UPGRADED) $(REPORT_OUT) $(NOTEBOOK_OUT) $(EXAMPLES_OUT) .fuzz.log
