"""Guards that reject abusive queries during validation, before any Neo4j work.

Depth, alias and token limits are Strawberry's own extensions; the cost rule estimates how
many list items a query could return (each page size multiplied by the sizes of the pages
around it, a missing `first` counted as the default page size, a variable as the page-size
cap), adds what the expensive root fields cost beyond their pages (schema/costs.py: paths,
neighbourhoods, projections, wildcard searches) and refuses queries above `Limits.max_cost`.
All of them answer with `QUERY_TOO_COMPLEX`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    TypeInfo,
    ValidationContext,
    ValidationRule,
    ValueNode,
    VariableNode,
    Visitor,
    ast_from_value,
    get_named_type,
    get_operation_ast,
    is_input_type,
    parse,
    type_from_ast,
    visit,
)
from graphql.execution.values import get_variable_values
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from graph.network.neighbourhood import DEFAULT_LIMIT
from graph.network.paths import DEFAULT_HOPS
from schema.context import Limits
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
from schema.parse_cache import ParsedDocuments

PAGE_ARGUMENTS: Final = ("first", "last", "limit", "ids")
EVERY_TYPE: Final = ("*",)
"""A list of relationship types left to a variable: counted as every type, weak ones too."""


def limit_extensions(limits: Limits) -> list[Callable[[], SchemaExtension]]:
    """Fresh extension instances per request (Strawberry's factory form), constant rules.

    The rule classes are built once: the validation cache keys on them, and Strawberry's own
    `QueryDepthLimiter`/`MaxAliasesLimiter` would build new classes per request, so a repeated
    query would be validated again every time. The validation cache is a module-level LRU.
    """
    rules: list[type[ASTValidationRule]] = [
        depth_rule(limits.max_query_depth, None),
        alias_rule(limits.max_aliases),
        make_cost_rule(limits),
    ]
    return [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        ParsedDocuments,
        lambda: AddValidationRules(rules),
        lambda: ValidationCache(maxsize=512),
    ]


def make_cost_rule(limits: Limits) -> type[ValidationRule]:
    class CostRule(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            context: ValidationContext = self.context
            root = context.schema.get_root_type(node.operation)
            if root is None:
                return
            fragments = {
                definition.name.value: definition
                for definition in context.document.definitions
                if isinstance(definition, FragmentDefinitionNode)
            }
            cost = _Estimate(limits, fragments, context).selections(node.selection_set, root, 1)
            if cost > limits.max_cost:
                context.report_error(
                    GraphQLError(
                        f"The query could return about {cost} objects; the limit is "
                        f"{limits.max_cost}. Ask for smaller pages or fewer nested lists.",
                        node,
                        extensions={"code": Code.QUERY_TOO_COMPLEX.value},
                    )
                )

    return CostRule


class _Estimate:
    def __init__(
        self,
        limits: Limits,
        fragments: Mapping[str, FragmentDefinitionNode],
        context: ValidationContext,
    ) -> None:
        self._limits = limits
        self._fragments = fragments
        self._context = context
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
                target = self._context.schema.get_type(condition.name.value) if condition else None
                total += self.selections(selection.selection_set, target or parent, multiplier)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self._fragments.get(name)
                if fragment is None or name in self._seen:
                    continue
                self._seen.add(name)
                target = self._context.schema.get_type(fragment.type_condition.name.value)
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
        size = self._page_size(node, definition.args)
        inner = multiplier * (size or 1)
        own = inner if size is not None else 0
        if parent is self._context.schema.query_type:
            own += multiplier * expensive_cost(node, size)
        return own + self.selections(node.selection_set, get_named_type(definition.type), inner)

    def _page_size(self, node: FieldNode, arguments: Mapping[str, Any]) -> int | None:
        """Items a list field may return; None for fields that are not pages.

        Sizes above the cap count as the cap: the resolver refuses them with a clearer
        `BAD_USER_INPUT` than a cost error would be.
        """
        cap = self._limits.max_page_size
        given = {argument.name.value: argument.value for argument in node.arguments or ()}
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


def query_cost(
    schema: GraphQLSchema,
    limits: Limits,
    query: str,
    operation: str | None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The estimated cost of the operation `query` runs (at least 1): what the rate limit
    charges (api/ratelimit.py), by the same estimate the cost rule refuses queries with.

    The cost rule must price a document for any variables (a variable page size counts as
    the cap); a request is charged for the variables it sent, so a search page of 20 costs
    20 hits, not the cap's worth. A document that does not parse, or names no such
    operation, costs 1: the executor answers it with its own error without reading anything.
    """
    try:
        document = parse(query, max_tokens=limits.max_tokens)
    except GraphQLError:
        return 1
    if variables:
        document = _with_variables(schema, document, operation, variables)
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    context = ValidationContext(schema, document, TypeInfo(schema), lambda _error: None)
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        if operation is not None and (
            definition.name is None or definition.name.value != operation
        ):
            continue
        root = schema.get_root_type(definition.operation)
        if root is None:
            return 1
        estimate = _Estimate(limits, fragments, context)
        return max(1, estimate.selections(definition.selection_set, root, 1))
    return 1


def _with_variables(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: str | None,
    variables: Mapping[str, Any],
) -> DocumentNode:
    """`document` with the operation's variables written in as literals, where they coerce.

    Variables that do not coerce stay variables (priced at their worst); the executor then
    refuses the request with its own error.
    """
    definition = get_operation_ast(document, operation)
    if definition is None or not definition.variable_definitions:
        return document
    values = get_variable_values(schema, definition.variable_definitions, dict(variables))
    if isinstance(values, list):  # errors: the executor refuses the request itself
        return document
    coerced = values.coerced
    literals: dict[str, ValueNode] = {}
    for variable in definition.variable_definitions:
        name = variable.variable.name.value
        kind = type_from_ast(schema, variable.type)
        if name in coerced and kind is not None and is_input_type(kind):
            literal = ast_from_value(coerced[name], kind)
            if literal is not None:
                literals[name] = literal

    class Substitute(Visitor):
        def enter_variable_definition(self, *_: Any) -> Any:
            return self.SKIP

        def enter_variable(self, node: VariableNode, *_: Any) -> Any:
            return literals.get(node.name.value)

    substituted = visit(document, Substitute())
    return substituted if isinstance(substituted, DocumentNode) else document


def expensive_cost(node: FieldNode, page: int | None) -> int:
    """What a root field costs beyond its page of `page` items (schema/costs.py)."""
    given = {argument.name.value: argument.value for argument in node.arguments or ()}
    name = node.name.value
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
