# communique: `make run` processes the embedded samples into out/; `make test`
# runs everything a change needs (CI runs exactly this, via .ci/run).

GO        ?= go
FUZZTIME  ?= 5s
OUT       ?= out

# Fuzz targets run briefly by `make test`: package:FuzzName.
FUZZ = ./sources:FuzzReadJSONL ./textnorm:FuzzNormalize ./extractors/segment:FuzzSegment \
       ./extractors/entities:FuzzExtract ./extractors/stances:FuzzExtract ./data:FuzzParseTSV

# Where `make readers` writes the sample run it checks.
READERS_OUT ?= $(CURDIR)/.readers-out

.PHONY: all build run test vet unit fuzz readers bench bench-memory schema model clean

all: build

build:
	$(GO) build -o bin/communique ./cmd/communique

run:
	$(GO) run ./cmd/communique run --out $(OUT)

test: vet unit fuzz readers

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: run gofmt -w"; exit 1; }

unit:
	$(GO) test -race -cover ./...

fuzz:
	@for t in $(FUZZ); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) $$pkg > .fuzz.log 2>&1 \
		|| { grep -q 'context deadline exceeded' .fuzz.log && echo "retry: fuzz engine timed out starting workers (machine busy)" \
		     && $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) $$pkg > .fuzz.log 2>&1; } \
		|| { cat .fuzz.log; exit 1; }; tail -n 1 .fuzz.log; \
	done

# Real readers (DuckDB, polars) open a sample run; npm installs them as the lock file
# pins them (npm install: npm ci rejects the lock for lacking other platforms' binaries).
readers:
	rm -rf $(READERS_OUT)
	$(GO) run ./cmd/communique run --out $(READERS_OUT) --run-id readers
	cd docs/readers && npm install --no-audit --no-fund --loglevel=error && COMMUNIQUE_OUT=$(READERS_OUT) node --test

# Benchmarks: every stage, the whole pipeline on a generated corpus of
# BENCH_ARTICLES articles (tokens/s, articles/s, peak RSS) and the prose
# baseline. Compare two runs with benchstat (docs/PERFORMANCE.md).
BENCH_ARTICLES ?= 10000
BENCH_COUNT    ?= 1
bench:
	$(GO) test -run '^$$' -bench 'Normalize|Segment|Entities|Stances|ParquetWrite' -benchmem -count $(BENCH_COUNT) ./pipeline
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
	rm -rf bin $(OUT) $(READERS_OUT) .fuzz.log
