# The hub's API image; Neo4j comes from the official image (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 HUB_HOST=0.0.0.0 HUB_PORT=8000
COPY pyproject.toml README.md ./
COPY api ./api
COPY schema ./schema
COPY graph ./graph
COPY seed ./seed
# PyICU compiles against the system's ICU.
RUN apt-get update && apt-get install -y --no-install-recommends libicu-dev pkg-config g++ \
    && pip install --no-cache-dir . && useradd --system hub \
    && apt-get purge -y g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/*
USER hub
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
# NEO4J_URI is set, so `hub run` migrates, seeds an empty graph and serves without a local JVM.
CMD ["hub", "run"]
