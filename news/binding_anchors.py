"""An editor's binding kept with its number when the words around it are
edited a little.

A binding is stored under the quote's key (``funding.api``: the part, the
number as printed, three words either side, which of the same), so an edit
of a word next to the number gives the quote a new key and the binding no
longer applies. When the article is saved, each binding whose key is gone
is placed again (re-anchored) on a quote of the new text if one is clearly
the same: a quote new in this save (none the text had before: a binding
never moves onto a number already there, such as the same 15% of another
province), the same part and the same printed number, no binding of its
own, and the words around it the most like the binding's
(``MIN_SIMILARITY``), strictly more than any other such quote's, and chosen
by no other binding. Never a different number, never one of two equally
likely. The checker then reads the re-anchored binding against the bound
figures as they are. Only a save that changes the text is looked at.

A binding that cannot be placed is kept (it applies again if the text
comes back, e.g. a version restored from history; bindings have no
history of their own), and the editor is told once, at the save that
left it on no number, to confirm that number again."""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from funding.api import Report

from .figure_check import check_article
from .models import Article, FigureBinding
from .stored_checks import stored_report

#: How alike the words around the number must be (0 to 1: twice the words
#: kept, in order on each side, over all the words of both). With three
#: words either side, up to two of the six changed keep a binding, three do
#: not; with three words on one side only (the number ends its line), one.
MIN_SIMILARITY = 0.6


@dataclass(frozen=True)
class Anchor:
    """What a quote's key says of it: where, which number, which words."""

    part: str
    number: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    @classmethod
    def of(cls, key: str) -> "Anchor | None":
        pieces = key.rsplit("|", 3)
        if len(pieces) != 4 or "|" not in pieces[0]:
            return None
        part, number = pieces[0].split("|", 1)
        return cls(part, number, tuple(pieces[1].split()), tuple(pieces[2].split()))

    def similarity(self, other: "Anchor") -> float:
        """How alike the words either side are (1: the same)."""
        total = sum(map(len, (self.before, self.after, other.before, other.after)))
        if not total:
            return 1.0
        kept = sum(
            block.size
            for mine, theirs in ((self.before, other.before), (self.after, other.after))
            for block in SequenceMatcher(None, mine, theirs).get_matching_blocks()
        )
        return 2 * kept / total

    def shown(self, quoted: str) -> str:
        return "“…{}…”".format(" ".join((*self.before, quoted, *self.after)))


def placed(anchor: Anchor, free: dict[str, Anchor]) -> str | None:
    """The key of the one quote of ``free`` (key → anchor) that ``anchor``
    is clearly on now, or None."""
    scores = sorted(
        (
            (anchor.similarity(other), key)
            for key, other in free.items()
            if (other.part, other.number) == (anchor.part, anchor.number)
        ),
        reverse=True,
    )
    if not scores or scores[0][0] < MIN_SIMILARITY:
        return None
    if len(scores) > 1 and scores[1][0] == scores[0][0]:
        return None  # two alike: not guessed
    return scores[0][1]


@dataclass
class Anchoring:
    """What ``reanchor_bindings`` did: bindings moved to a quote's new key,
    those in force before the save that are on no number now (kept: they
    apply again if the text comes back), and the check of the text with
    the bindings as they now are (None: the text was not checked)."""

    moved: list[FigureBinding] = field(default_factory=list)
    lost: list[FigureBinding] = field(default_factory=list)
    report: Report | None = None

    def _listed(self) -> str:
        return "; ".join(where_it_was(b) for b in self.lost)

    def lost_message(self) -> str:
        return ngettext(
            "Đoạn quanh %(count)s số đã xác nhận đã đổi nên xác nhận không còn "
            "gắn với số nào: %(list)s. Hãy bấm vào số đó ở phần “Kiểm tra số "
            "liệu” và xác nhận lại (xác nhận cũ vẫn được giữ, có hiệu lực lại "
            "nếu đoạn văn trở lại như trước).",
            "Đoạn quanh %(count)s số đã xác nhận đã đổi nên xác nhận không còn "
            "gắn với số nào: %(list)s. Hãy bấm vào các số đó ở phần “Kiểm tra "
            "số liệu” và xác nhận lại (xác nhận cũ vẫn được giữ, có hiệu lực "
            "lại nếu đoạn văn trở lại như trước).",
            len(self.lost),
        ) % {"count": len(self.lost), "list": self._listed()}

    def would_lose_message(self) -> str:
        """The same, for a save refused (rolled back: nothing changed)."""
        return ngettext(
            "Nếu lưu như vậy, %(count)s số đã xác nhận sẽ mất xác nhận vì đoạn "
            "quanh số đã đổi: %(list)s.",
            "Nếu lưu như vậy, %(count)s số đã xác nhận sẽ mất xác nhận vì đoạn "
            "quanh các số đã đổi: %(list)s.",
            len(self.lost),
        ) % {"count": len(self.lost), "list": self._listed()}

    def moved_message(self) -> str:
        return _("Giữ xác nhận của %(list)s (đoạn quanh số đã sửa).") % {
            "list": ", ".join(f"“{b.quoted}”" for b in self.moved)
        }


def where_it_was(binding: FigureBinding) -> str:
    """A binding's number with the words around it when it was confirmed:
    “…kinh phí đạt 45,5 tỷ đồng…”."""
    anchor = Anchor.of(binding.key)
    return anchor.shown(binding.quoted) if anchor else f"“{binding.quoted}”"


def text_of(article: Article) -> tuple[str, str, str]:
    """What the checker reads of ``article``: its title, lead and body."""
    return article.title, article.lead, article.body


def keys_of(report: Report) -> set[str]:
    return {f.key for f in (*report.findings, *report.not_figures)}


def _keys_before(article: Article, before: tuple[str, str, str]) -> set[str]:
    """The quote keys of ``article``'s text as it was (``before``): from its
    stored check if that is of this text, else checked now."""
    previous = Article(pk=article.pk)
    previous.title, previous.lead, previous.body = before
    stored = stored_report(previous)
    return keys_of(stored or check_article(previous, bindings={}))


@transaction.atomic
def reanchor_bindings(article: Article, before: tuple[str, str, str]) -> Anchoring:
    """Place again the bindings of ``article`` whose quote's key is gone
    from its text as it is now (called in the transaction saving it;
    ``before``: its ``text_of`` before this save). Only onto a quote new in
    this save; none is deleted. See the module's doc."""
    bindings = list(FigureBinding.objects.filter(article=article))
    if not bindings or text_of(article) == before:
        return Anchoring()
    report = check_article(article, bindings={b.key: b.reading for b in bindings})
    quotes = {f.key: f for f in (*report.findings, *report.not_figures)}
    gone = [b for b in bindings if b.key not in quotes]
    if not gone:
        return Anchoring(report=report)
    previous = _keys_before(article, before)
    bound = {b.key for b in bindings}
    free = {
        key: anchor
        for key in quotes.keys() - bound - previous
        if (anchor := Anchor.of(key)) is not None
    }
    chosen: dict[str, list[FigureBinding]] = {}
    unplaced = []
    for binding in gone:
        anchor = Anchor.of(binding.key)
        key = placed(anchor, free) if anchor else None
        if key is None:
            unplaced.append(binding)
        else:
            chosen.setdefault(key, []).append(binding)
    anchoring = Anchoring(report=report)
    for key, claimants in chosen.items():
        if len(claimants) > 1:  # two bindings on one quote: neither guessed
            unplaced += claimants
            continue
        (binding,) = claimants
        binding.key, binding.quoted = key, quotes[key].quote.text[:100]
        binding.save(update_fields=["key", "quoted"])
        anchoring.moved.append(binding)
    # Those already on no number before this save were told then.
    anchoring.lost = [b for b in unplaced if b.key in previous]
    if anchoring.moved:
        anchoring.report = check_article(article)
    return anchoring
