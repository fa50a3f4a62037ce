# Kiln — common tasks. `make demo` and `make test` work on a fresh machine.
SWIFT ?= swift
BIN = $(shell $(SWIFT) build --show-bin-path)

.PHONY: demo test build deps test-deps lint format bench clean

## Install what is missing, build, and render the example repository's prod environment.
demo: deps build
	$(BIN)/kiln render --env prod

## Install what is missing (including the Python template reference) and run every test.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build:
	$(SWIFT) build --product kiln

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --test
	@scripts/install-test-daemons

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

## Benchmarks (figures, not pass/fail).
bench: deps test-deps
	scripts/bench-jinja
	scripts/bench-render

clean:
	rm -rf .build out
