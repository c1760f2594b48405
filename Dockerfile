# The hub's API image; Neo4j comes from the official image (see docker-compose.yml).

# GraphiQL's assets, bundled from the pinned npm packages of web/graphiql (no CDN at run time).
FROM node:20-slim AS graphiql
WORKDIR /web/graphiql
COPY web/graphiql/package.json web/graphiql/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/graphiql/build.mjs ./
COPY web/graphiql/src ./src
RUN node build.mjs

# The web explorer, built with Node and served by the hub from /app/web/dist.
FROM node:20-slim AS web
WORKDIR /build
COPY schema/schema.graphql ./schema/schema.graphql
COPY web/package.json web/package-lock.json ./web/
RUN cd web && npm ci --no-audit --no-fund
COPY web ./web
RUN cd web && npm run build

FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 HUB_HOST=0.0.0.0 HUB_PORT=8000 \
    HUB_WEB_DIST=/app/web/dist
COPY pyproject.toml README.md ./
COPY api ./api
COPY schema ./schema
COPY graph ./graph
COPY seed ./seed
COPY --from=web /build/web/dist ./web/dist
COPY --from=graphiql /web/graphiql/dist ./web/graphiql/dist
# Editable, so api/graphiql.py finds web/graphiql/dist beside the package; PyICU compiles
# against the system's ICU.
RUN apt-get update && apt-get install -y --no-install-recommends libicu-dev pkg-config g++ \
    && pip install --no-cache-dir -e . && useradd --system hub \
    && apt-get purge -y g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
USER hub
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
# NEO4J_URI is set, so `hub run` migrates, seeds an empty graph and serves without a local JVM.
CMD ["hub", "run"]
