"""Guards that reject abusive queries during validation, before any Neo4j work.

Depth, alias and token limits are Strawberry's own extensions; the cost limit estimates how
many list items an operation could return with the request's variables written in (each page
size multiplied by the sizes of the pages around it, a missing `first` counted as the default
page size), adds what the expensive root fields cost beyond their pages (schema/costs.py:
paths, neighbourhoods, projections, wildcard searches) and refuses operations above
`Limits.max_cost`.
All of them answer with `QUERY_TOO_COMPLEX`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

from graphql import (
    ASTValidationRule,
    DocumentNode,
    EnumValueNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    NullValueNode,
    ObjectFieldNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    ValueNode,
    VariableNode,
    ast_from_value,
    get_named_type,
    get_operation_ast,
    is_input_type,
    type_from_ast,
)
from graphql.execution.values import get_variable_values
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    SchemaExtension,
)
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from graph.network.neighbourhood import DEFAULT_LIMIT
from graph.network.paths import DEFAULT_HOPS
from schema.context import Context, Limits, Price
from schema.costs import (
    WEAK as WEAK_NAMES,
)
from schema.costs import (
    neighbourhood_cost,
    path_cost,
    projection_cost,
    search_factor,
)
from schema.errors import Code
from schema.paging import DEFAULT_PAGE_SIZE
from schema.parse_cache import ParsedDocuments, RememberedValidation, parsed

PAGE_ARGUMENTS: Final = ("first", "last", "limit", "ids")
EVERY_TYPE: Final = ("*",)
"""A list of relationship types left to a variable: counted as every type, weak ones too."""


def limit_extensions(limits: Limits) -> list[Callable[[], SchemaExtension]]:
    """Fresh extension instances per request (Strawberry's factory form), constant rules.

    The rule classes are built once: the validation cache keys on them, and Strawberry's own
    `QueryDepthLimiter`/`MaxAliasesLimiter` would build new classes per request, so a repeated
    query would be validated again every time. Validations are remembered with the parsed
    documents (schema/parse_cache.py), under one memory budget.
    """
    rules: list[type[ASTValidationRule]] = [
        depth_rule(limits.max_query_depth, None),
        alias_rule(limits.max_aliases),
    ]
    return [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        ParsedDocuments,
        lambda: AddValidationRules(rules),
        RememberedValidation,
        cost_limit(limits),
    ]


def cost_limit(limits: Limits) -> Callable[[], SchemaExtension]:
    """Refuses an operation that could return more than `Limits.max_cost` objects, priced
    for the variables the request sent (front-ends send every page size and id as one).

    It runs after validation (placed after the validation cache) and only on valid
    documents; setting the pre-execution errors stops the request before any Neo4j work. A
    request `api/` priced already for its rate limit carries that price in its context
    (`Context.price`), so no request is priced twice.
    """

    class CostLimit(SchemaExtension):
        def on_validate(self) -> Iterator[None]:
            execution = self.execution_context
            document = execution.graphql_document
            if document is not None and not execution.pre_execution_errors:
                context = execution.context
                handed = context.price if isinstance(context, Context) else None
                cost = (
                    handed.objects
                    if handed is not None
                    else operation_cost(
                        execution.schema._schema,
                        limits,
                        document,
                        execution.operation_name,
                        execution.variables,
                    )
                )
                if cost is not None and cost > limits.max_cost:
                    execution.pre_execution_errors = [
                        GraphQLError(
                            f"The query could return about {cost} objects; the limit is "
                            f"{limits.max_cost}. Ask for smaller pages or fewer nested lists.",
                            extensions={"code": Code.QUERY_TOO_COMPLEX.value},
                        )
                    ]
            yield

    return CostLimit


class _Estimate:
    def __init__(
        self,
        limits: Limits,
        fragments: Mapping[str, FragmentDefinitionNode],
        schema: GraphQLSchema,
        literals: _Literals,
    ) -> None:
        self._limits = limits
        self._fragments = fragments
        self._schema = schema
        self._literals = literals
        self._seen: set[str] = set()

    def selections(
        self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType, multiplier: int
    ) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self._field(selection, parent, multiplier)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self._schema.get_type(condition.name.value) if condition else None
                total += self.selections(selection.selection_set, target or parent, multiplier)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self._fragments.get(name)
                if fragment is None or name in self._seen:
                    continue
                self._seen.add(name)
                target = self._schema.get_type(fragment.type_condition.name.value)
                total += self.selections(fragment.selection_set, target or parent, multiplier)
                self._seen.discard(name)
        return total

    def _field(self, node: FieldNode, parent: GraphQLNamedType, multiplier: int) -> int:
        if node.selection_set is None or node.name.value.startswith("__"):
            return 0
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(node.name.value)
        if definition is None:
            return 0
        given = self._literals.arguments(node)
        size = self._page_size(given, definition.args)
        inner = multiplier * (size or 1)
        own = inner if size is not None else 0
        if parent is self._schema.query_type:
            own += multiplier * expensive_cost(node.name.value, given, size)
        return own + self.selections(node.selection_set, get_named_type(definition.type), inner)

    def _page_size(
        self, given: Mapping[str, ValueNode], arguments: Mapping[str, Any]
    ) -> int | None:
        """Items a list field may return; None for fields that are not pages.

        Sizes above the cap count as the cap: the resolver refuses them with a clearer
        `BAD_USER_INPUT` than a cost error would be.
        """
        cap = self._limits.max_page_size
        for name in PAGE_ARGUMENTS:
            if name not in arguments:
                continue
            value = given.get(name)
            if isinstance(value, IntValueNode):
                return min(max(int(value.value), 1), cap)
            if isinstance(value, ListValueNode):
                return min(max(len(value.values), 1), cap)
            if isinstance(value, VariableNode):
                return cap
            if name in ("first", "limit") and "last" not in given:
                return min(DEFAULT_PAGE_SIZE, cap)
        return None


def query_price(
    schema: GraphQLSchema,
    limits: Limits,
    query: str,
    operation: str | None,
    variables: Mapping[str, Any] | None = None,
) -> Price:
    """The estimated cost of the operation `query` runs for `variables`: what the rate limit
    charges (api/ratelimit.py), by the estimate `CostLimit` refuses with, which reads it from
    the request's context instead of pricing again.

    A document that does not parse, names no such operation or gets variables that do not
    coerce has no price (it is charged 1): the executor answers it with its own error without
    reading anything.
    """
    try:
        document = parsed(query, limits.max_tokens)
    except GraphQLError:
        return Price(None)
    return Price(operation_cost(schema, limits, document, operation, variables))


def operation_cost(
    schema: GraphQLSchema,
    limits: Limits,
    document: DocumentNode,
    operation: str | None,
    variables: Mapping[str, Any] | None,
) -> int | None:
    """How many objects the operation could return with these variables written in; None
    when there is no such operation or its variables do not coerce."""
    definition = get_operation_ast(document, operation)
    root = schema.get_root_type(definition.operation) if definition else None
    literals = _Literals.of(schema, definition, variables or {}) if definition else None
    if definition is None or root is None or literals is None:
        return None
    fragments = {
        fragment.name.value: fragment
        for fragment in document.definitions
        if isinstance(fragment, FragmentDefinitionNode)
    }
    return _Estimate(limits, fragments, schema, literals).selections(
        definition.selection_set, root, 1
    )


class _Literals:
    """The operation's variables written in as literals (an absent one as null, as if its
    argument were not given), where the estimate reads a field's arguments: the document
    itself is never copied, so pricing a request costs a walk over its fields."""

    def __init__(self, values: Mapping[str, ValueNode]) -> None:
        self._values = values

    @classmethod
    def of(
        cls,
        schema: GraphQLSchema,
        definition: OperationDefinitionNode,
        variables: Mapping[str, Any],
    ) -> _Literals | None:
        """None when the variables do not coerce (the executor then refuses the request
        with its own error)."""
        if not definition.variable_definitions:
            return cls({})
        values = get_variable_values(schema, definition.variable_definitions, dict(variables))
        if isinstance(values, list):
            return None
        coerced = values.coerced
        literals: dict[str, ValueNode] = {}
        for variable in definition.variable_definitions:
            name = variable.variable.name.value
            kind = type_from_ast(schema, variable.type)
            literal = (
                ast_from_value(coerced[name], kind)
                if name in coerced and kind is not None and is_input_type(kind)
                else None
            )
            literals[name] = literal or NullValueNode()
        return cls(literals)

    def arguments(self, node: FieldNode) -> dict[str, ValueNode]:
        """A field's arguments by name, variables written in."""
        arguments = node.arguments or ()
        return {argument.name.value: self.value(argument.value) for argument in arguments}

    def value(self, value: ValueNode) -> ValueNode:
        if isinstance(value, VariableNode):
            return self._values.get(value.name.value, value)
        if isinstance(value, ListValueNode):
            return ListValueNode(values=tuple(self.value(item) for item in value.values))
        if isinstance(value, ObjectValueNode):
            return ObjectValueNode(
                fields=tuple(
                    ObjectFieldNode(name=field.name, value=self.value(field.value))
                    for field in value.fields
                )
            )
        return value


def expensive_cost(name: str, given: Mapping[str, ValueNode], page: int | None) -> int:
    """What root field `name`, given these arguments, costs beyond its page of `page` items
    (schema/costs.py)."""
    if name == "path":
        return path_cost(_int(given, "maxHops", DEFAULT_HOPS), _names(given.get("via")))
    if name == "neighbourhood":
        return neighbourhood_cost(
            _int(given, "depth", 1),
            _int(given, "limit", DEFAULT_LIMIT),
            _names(given.get("relationships"), absent=None),
        )
    if name in ("centrality", "communities"):
        ranking = given.get("rankBy")
        cheap = isinstance(ranking, EnumValueNode) and ranking.value != "BETWEENNESS"
        return projection_cost(_projection_kind(given.get("projection")), cheap_ranking=cheap)
    if name == "search":
        text = given.get("query")
        factor = search_factor(text.value if isinstance(text, StringValueNode) else None)
        return (page or 1) * (factor - 1)
    return 0


def _int(given: Mapping[str, ValueNode], name: str, default: int) -> int | None:
    """The literal int argument, `default` when absent, None when a variable gives it."""
    value = given.get(name)
    if isinstance(value, VariableNode):
        return None
    return int(value.value) if isinstance(value, IntValueNode) else default


def _names(
    value: ValueNode | None, absent: tuple[str, ...] | None = None
) -> tuple[str, ...] | None:
    """Enum names of a list argument; `absent` when not given, `EVERY_TYPE` for variables."""
    if value is None or isinstance(value, NullValueNode):
        return absent
    items = value.values if isinstance(value, ListValueNode) else (value,)
    if not all(isinstance(item, EnumValueNode) for item in items):
        return EVERY_TYPE + tuple(WEAK_NAMES)
    return tuple(item.value for item in items if isinstance(item, EnumValueNode))


def _projection_kind(value: ValueNode | None) -> str | None:
    if not isinstance(value, ObjectValueNode):
        return None
    for field in value.fields:
        if field.name.value == "kind" and isinstance(field.value, EnumValueNode):
            return field.value.value
    return None
