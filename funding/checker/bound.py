"""The editor's binding wins over the checker's guess: a quote bound to a
reading is judged by that reading (its figures as stored now), one bound
to ``NOT_A_FIGURE`` is set aside, and a binding that no longer reads (a
figure gone, a formula that cannot be worked out) leaves the quote
"unsure", saying why."""

from __future__ import annotations

from collections.abc import Mapping

from . import idents
from .choose import settle
from .idents import IdentError
from .judge import judge
from .report import NOT_A_FIGURE, UNSURE, Finding, Reading, Report


def apply_binding(
    finding: Finding, report: Report, bindings: Mapping[str, str], by_pk: dict
) -> None:
    """File ``finding`` in ``report``, read as its binding in ``bindings``
    (by ``Finding.key``) says, if any; ``by_pk``: the article's figures
    (``Figure`` by primary key)."""
    ident = bindings.get(finding.key)
    if ident is None:
        report.findings.append(finding)
        return
    finding.bound = True
    if ident == NOT_A_FIGURE:
        report.not_figures.append(finding)
        return
    report.findings.append(finding)
    try:
        node = idents.parse(ident)
        computed = idents.evaluate(node, by_pk)
    except IdentError as error:
        finding.verdict, finding.confidence = UNSURE, 0.0
        finding.expected, finding.figures = "", ()
        finding.explanation = str(error)
        return
    verdict, expected = judge(computed, finding.quote)
    bound = Reading(
        str(node), verdict, expected, computed.explanation, computed.figures, 1.0
    )
    others = [r for r in finding.readings if r.ident != bound.ident]
    settle(finding, bound.verdict, [bound, *others], 1.0)
