# The two commands of the README: `make run` and `make test`. Everything they need is set up here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test stop install icu chromium web graphiql apollo-client subscription-clients neo4j-start neo4j-stop lint run-docker bench
GRAPHIQL := web/graphiql
GRAPHIQL_DIST := $(GRAPHIQL)/dist/graphiql.js
APOLLO := tests/clients/apollo
APOLLO_STAMP := $(APOLLO)/node_modules/.installed-stamp

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	@$(MAKE) --no-print-directory icu
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## The web explorer (web/dist, served by the hub): npm ci when the lock changed, vite build when
## a source did. web/graphiql/ is a package of its own and not part of this build.
WEB_MODULES := web/node_modules/.package-lock.json
WEB_SOURCES := $(shell find web/src -path web/src/generated -prune -o -type f -print 2>/dev/null) \
	web/index.html web/vite.config.ts web/codegen.ts web/tsconfig.json schema/schema.graphql

$(WEB_MODULES): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web/dist/index.html: $(WEB_MODULES) $(WEB_SOURCES)
	cd web && npm run build

web: web/dist/index.html

## GraphiQL's page assets, bundled from pinned npm packages (served by the hub, no CDN).
graphiql: $(GRAPHIQL_DIST)

$(GRAPHIQL_DIST): $(GRAPHIQL)/package-lock.json $(GRAPHIQL)/build.mjs $(wildcard $(GRAPHIQL)/src/*)
	cd $(GRAPHIQL) && npm ci --no-audit --no-fund --loglevel=error && node build.mjs
	touch $@

## Apollo Client for the persisted-queries test (tests/api/test_apollo_client.py).
apollo-client: $(APOLLO_STAMP)

$(APOLLO_STAMP): $(APOLLO)/package-lock.json
	cd $(APOLLO) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Start Neo4j (local launcher unless NEO4J_URI is set), migrate, seed if empty, serve on :8000.
run: install graphiql web
	$(BIN)/hub run

## The whole suite against a real Neo4j, ruff and mypy included (tests/test_code_quality.py),
## the explorer's tsc, ESLint and Vitest included (tests/web/test_frontend_checks.py).
test: install chromium graphiql apollo-client subscription-clients web
	$(BIN)/pytest

## PyICU (name transliteration) builds against the system's ICU: its headers, pkg-config and
## a C++ compiler, installed with apt-get when missing.
icu:
	@{ pkg-config --exists icu-i18n 2>/dev/null && command -v c++ >/dev/null 2>&1; } || { \
	  command -v apt-get >/dev/null 2>&1 || { echo "PyICU needs ICU's headers, pkg-config and a C++ compiler: install libicu-dev, pkg-config and g++" >&2; exit 1; }; \
	  echo "installing libicu-dev, pkg-config and g++ with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; }

## The real graphql-ws and graphql-sse clients the subscription tests run (npm ci, once per lock).
SUBSCRIPTION_CLIENTS := tests/clients/subscriptions
SUBSCRIPTION_STAMP := $(SUBSCRIPTION_CLIENTS)/node_modules/.installed-stamp
subscription-clients: $(SUBSCRIPTION_STAMP)

$(SUBSCRIPTION_STAMP): $(SUBSCRIPTION_CLIENTS)/package-lock.json
	cd $(SUBSCRIPTION_CLIENTS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Debian's chromium for the browser tests, installed with apt-get when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  command -v apt-get >/dev/null 2>&1 || { echo "make test needs Debian's chromium: apt-get is not here, install the chromium package" >&2; exit 1; }; \
	  echo "installing Debian's chromium with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

## Stop `make run`'s API and the local Neo4j.
stop: install
	$(BIN)/hub stop

neo4j-start: install
	$(BIN)/hub neo4j start

neo4j-stop: install
	$(BIN)/hub neo4j stop

lint: install
	$(BIN)/ruff check . && $(BIN)/mypy .

## Docker users: Neo4j 5.26 and the API in containers.
run-docker:
	docker compose up --build
