"""Arbitrary manifest content gives validation problems, never an uncaught exception."""

from __future__ import annotations

import copy
import tomllib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.bundle.problems import Report
from kiosk.bundle.scaffold import BUNDLE_TOML, ENTITY_TOML
from kiosk.bundle.schema import parse_bundle, parse_entity, parse_toml

BUNDLE = tomllib.loads(BUNDLE_TOML.format(id="fuzz"))
ENTITY = tomllib.loads(ENTITY_TOML)

scalars = st.one_of(
    st.text(max_size=20),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=20,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _replace(doc: dict[str, Any], path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    doc = copy.deepcopy(doc)
    node: Any = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return doc


def _check(report: Report) -> None:
    for p in report.problems:
        assert p.file and p.message and p.fix


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_mutated_entity_never_raises(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(_paths(ENTITY)))
    doc = _replace(ENTITY, path, data.draw(values))
    report = Report("fuzz")
    result = parse_entity(
        doc if isinstance(doc, dict) else {},
        report,
        "entities/example/entity.toml",
        "example",
        ("ar", "en"),
    )
    _check(report)
    if result is None:  # a part is only ever dropped with a reason staff can read
        assert not report.ok


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(data=st.data())
def test_mutated_bundle_never_raises(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(_paths(BUNDLE)))
    doc = _replace(BUNDLE, path, data.draw(values))
    report = Report("fuzz")
    head = parse_bundle(doc if isinstance(doc, dict) else {}, report)
    _check(report)
    if head is None:
        assert not report.ok


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=12), values, max_size=8))
def test_arbitrary_tables_never_raise(doc: dict[str, Any]) -> None:
    report = Report("fuzz")
    parse_bundle(doc, report)
    parse_entity(doc, report, "entities/x/entity.toml", "x", ("ar", "en"))
    _check(report)
    assert not report.ok


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    report = Report("fuzz")
    parse_toml(text, "bundle.toml", report)
    _check(report)
