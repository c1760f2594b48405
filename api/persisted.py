"""Persisted queries: Apollo's automatic persisted queries (APQ), or trusted documents only.

APQ (the default): a client sends `extensions.persistedQuery {version: 1, sha256Hash}`; an
unknown hash gets `PersistedQueryNotFound` (code `PERSISTED_QUERY_NOT_FOUND`), and the client
sends the query once with its hash, which registers it (graph/database/persisted_queries.py); from
then on the hash alone runs it, over GET too, so answers can be cached by URL.

Trusted documents (`HUB_TRUSTED_DOCUMENTS=<file>`, the hash -> document JSON that
graphql-codegen and Relay emit): only listed documents run, by hash, by `documentId`, or as
text whose SHA-256 is listed; nothing is registered. The OWASP advice for production
front-ends: a stolen or crafted query is refused before it is parsed.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Final

import orjson

from api.graphql_request import GraphQLParams, RequestError
from graph.database.cypher import Cypher
from graph.database.persisted_queries import fetch_persisted_query, register_persisted_query

NOT_FOUND: Final = "PersistedQueryNotFound"
SHA256: Final = re.compile(r"^[0-9a-f]{64}$")
LOCAL_ENTRIES: Final = 1000


class TrustedDocumentsError(ValueError):
    """A trusted-documents file the hub cannot use: it stops the start."""


def load_trusted_documents(path: Path) -> dict[str, str]:
    try:
        documents = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as error:
        raise TrustedDocumentsError(f"cannot read trusted documents {path}: {error}") from None
    if not isinstance(documents, dict) or not all(
        isinstance(key, str) and isinstance(value, str) and value.strip()
        for key, value in documents.items()
    ):
        raise TrustedDocumentsError(f"{path} must be one JSON object of id -> document text")
    return documents


def sha256_of(query: str) -> str:
    return hashlib.sha256(query.encode()).hexdigest()


def _not_found() -> RequestError:
    return RequestError(400, "PERSISTED_QUERY_NOT_FOUND", NOT_FOUND)


def _persisted_hash(extensions: Mapping[str, Any] | None) -> str | None:
    """The hash of `extensions.persistedQuery`, None without one; malformed ones are refused."""
    if not extensions or "persistedQuery" not in extensions:
        return None
    persisted = extensions["persistedQuery"]
    if not isinstance(persisted, dict):
        raise RequestError(400, "BAD_REQUEST", "`extensions.persistedQuery` must be an object")
    if persisted.get("version") != 1:
        raise RequestError(400, "BAD_REQUEST", "`extensions.persistedQuery.version` must be 1")
    sha256_hash = persisted.get("sha256Hash")
    if not isinstance(sha256_hash, str) or not SHA256.match(sha256_hash):
        raise RequestError(
            400,
            "BAD_REQUEST",
            "`extensions.persistedQuery.sha256Hash` must be 64 lower-case hex digits",
        )
    return sha256_hash


class PersistedQueries:
    """One per worker: the trusted list or the APQ store's recent entries in memory."""

    def __init__(self, keep: int, trusted: Mapping[str, str] | None = None) -> None:
        self.keep = keep
        self.trusted = trusted
        self._recent: OrderedDict[str, str] = OrderedDict()

    async def resolve(self, params: GraphQLParams, cypher: Cypher) -> GraphQLParams:
        """`params` with the query text to run; refuses what this mode does not run."""
        if self.trusted is not None:
            return self._trusted(params, self.trusted)
        if params.document_id is not None:
            raise RequestError(
                400, "BAD_REQUEST", "`documentId` needs trusted documents (HUB_TRUSTED_DOCUMENTS)"
            )
        sha256_hash = _persisted_hash(params.extensions)
        if sha256_hash is None:
            return params
        if params.query is not None:
            if sha256_of(params.query) != sha256_hash:
                raise RequestError(
                    400, "BAD_USER_INPUT", "`sha256Hash` is not the SHA-256 of `query`"
                )
            if sha256_hash not in self._recent:
                await register_persisted_query(cypher, sha256_hash, params.query, self.keep)
                self._remember(sha256_hash, params.query)
            return params
        query = self._recent.get(sha256_hash)
        if query is None:
            query = await fetch_persisted_query(cypher, sha256_hash)
            if query is None:
                raise _not_found()
            self._remember(sha256_hash, query)
        else:
            self._recent.move_to_end(sha256_hash)
        return replace(params, query=query)

    def _remember(self, sha256_hash: str, query: str) -> None:
        self._recent[sha256_hash] = query
        if len(self._recent) > LOCAL_ENTRIES:
            self._recent.popitem(last=False)

    @staticmethod
    def _trusted(params: GraphQLParams, trusted: Mapping[str, str]) -> GraphQLParams:
        key = params.document_id or _persisted_hash(params.extensions)
        if key is None:
            if params.query is not None and sha256_of(params.query) in trusted:
                return params
            raise RequestError(
                400, "TRUSTED_DOCUMENT_REQUIRED", "only trusted documents run on this hub"
            )
        document = trusted.get(key)
        if document is None:
            raise _not_found()
        if params.query is not None and params.query != document:
            raise RequestError(
                400, "BAD_USER_INPUT", "`query` is not the trusted document of that hash"
            )
        return replace(params, query=document)
