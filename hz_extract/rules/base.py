"""What the rule families share: the sentence being read (:class:`Context`) and a record in the making (:class:`Draft`).

The rules work on the *cleaned* text (simplified script, half-width punctuation).
Inside a sentence every kept quantity is masked with ``#`` characters of the same
length (:attr:`Context.masked`), so a pattern can say "a figure here" with ``#+``
and offsets stay those of the cleaned text.

>>> QMARK
'#'
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..periods import PeriodMention
    from ..quantities import Quantity
    from ..subjects import SubjectMention
    from .lexicon import Lexicon

__all__ = ["QMARK", "Slot", "Draft", "Context"]

QMARK = "#"
"""The character a kept quantity is masked with in :attr:`Context.masked`."""

_START = itemgetter(0)
"""A clause span's start: clauses are looked up by it (bisect with a key, no list of starts to build)."""


@dataclass(frozen=True, slots=True)
class Slot:
    """A kept quantity of the sentence (offsets into the cleaned text) and the clause it sits in."""

    q: Quantity
    start: int
    end: int
    clause: int
    index: int


@dataclass(slots=True)
class Draft:
    """A record before subject, period and modality are settled.

    ``indicator`` None means "inherit the chain's indicator"; ``anchor`` is where the
    subject and period are looked up from (the nearest mention before it wins);
    ``modality`` None means "decide from the clause"; ``cue`` is where the measure
    words start (the indicator is looked for before it).

    ``hint`` asks the chain for a special treatment when the indicator is settled:

    - ``rate``: keep only if the indicator is a rate (…率);
    - ``time``: keep only if it names a span of time (天数, 时长);
    - ``ratio``: the word before 占比 is the whole when the chain already names the part;
    - ``chain``: the chain's indicator, whatever precedes;
    - ``inherit``: the chain's indicator or nothing;
    - ``loss``: the chain's profit, else 净利润 (a loss is a negative level of it);
    - ``unit_noun``: the unit names what is counted (DAU) and joins the name;
    - ``each:i:n``: the i-th of the last n indicators the sentence named (分别 with no items).
    """

    start: int
    end: int
    measure: str
    value: Decimal
    unit: str | None
    rule: str
    value_max: Decimal | None = None
    qualifier: str = "exact"
    indicator: str | None = None
    base: str | None = None
    modality: str | None = None
    subject: str | None = None
    period: str | None = None
    anchor: int | None = None
    slot: int | None = None
    cue: int | None = None
    hint: str = ""


@dataclass(slots=True)
class Context:
    """One sentence of a document, with everything the rules read and the state they carry.

    ``text`` is the whole cleaned document; ``start``/``end`` the sentence; ``clauses``
    its clause spans; ``slots`` its kept quantities; ``periods``/``subjects`` the
    mentions inside the sentence (``all_periods``/``all_subjects``: the document's,
    for what carries over from earlier sentences).
    """

    text: str
    start: int
    end: int
    clauses: list[tuple[int, int]]
    slots: list[Slot]
    periods: list[PeriodMention]
    subjects: list[SubjectMention]
    lex: Lexicon
    all_periods: list[PeriodMention] = field(default_factory=list)
    all_subjects: list[SubjectMention] = field(default_factory=list)
    masked: str = ""
    claimed: set[int] = field(default_factory=set)
    drafts: list[Draft] = field(default_factory=list)
    chain: str | None = None
    chain_measure: str | None = None
    chain_base: str | None = None
    last_base: str | None = None
    last_change_base: str | None = None
    last_pp_base: str | None = None
    list_items: list[str] = field(default_factory=list)
    list_kind: str = ""
    list_head: str = ""
    list_group: str = ""
    rank_base: str | None = None
    _by_clause: dict[int, list[Slot]] | None = field(default=None, repr=False)
    _period_starts: list[int] | None = field(default=None, repr=False)
    _subject_starts: list[int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.masked:
            text, at, parts = self.text, self.start, []
            for s in self.slots:  # the extractor's: in order, inside the sentence, never overlapping
                if not at <= s.start <= s.end <= self.end:
                    self.masked = self._masked_by_char()
                    return
                parts.append(text[at:s.start])
                parts.append(QMARK * (s.end - s.start))
                at = s.end
            parts.append(text[at:self.end])
            self.masked = "".join(parts)

    def _masked_by_char(self) -> str:
        """The masked sentence for slots in any order (the general, slower way)."""
        chars = list(self.text[self.start:self.end])
        for s in self.slots:
            for i in range(s.start - self.start, s.end - self.start):
                chars[i] = QMARK
        return "".join(chars)

    # -- reading ---------------------------------------------------------------

    def m(self, a: int, b: int) -> str:
        """The masked sentence between absolute cleaned offsets ``a`` and ``b``."""
        s = self.start
        a = a - s if a > s else 0
        b = b - s if b > s else 0
        return self.masked[a:b] if a < b else ""

    def t(self, a: int, b: int) -> str:
        """The cleaned text between absolute offsets ``a`` and ``b``."""
        return self.text[a:b]

    def clause_of(self, pos: int) -> tuple[int, int]:
        """The clause span holding absolute offset ``pos``."""
        k = bisect_right(self.clauses, pos, key=_START) - 1
        if k >= 0:
            a, b = self.clauses[k]
            if a <= pos < b:
                return a, b
        return self.start, self.end

    def left(self, slot: Slot) -> str:
        """Masked text from the slot's clause start up to the slot."""
        a, _ = self.clauses[slot.clause]
        return self.m(a, slot.start)

    def right(self, slot: Slot) -> str:
        """Masked text from the end of the slot to the end of its clause."""
        _, b = self.clauses[slot.clause]
        return self.m(slot.end, b)

    def slots_in_clause(self, k: int) -> list[Slot]:
        """The sentence's kept quantities inside clause ``k``."""
        if self._by_clause is None:
            self._by_clause = {}
            for s in self.slots:
                self._by_clause.setdefault(s.clause, []).append(s)
        return self._by_clause.get(k, [])

    def near(self, a: int, b: int, *, subjects: bool = False) -> list[Any]:
        """Period (or subject) mentions of the sentence that start in ``[a - 12, b)``.

        Mentions are few per clause but a sentence may hold thousands; looking them up
        by position keeps every name lookup independent of the sentence's length.
        """
        items: list[Any]
        if subjects:
            items, starts = self.subjects, self._subject_starts
            if starts is None:
                starts = self._subject_starts = [m.start for m in items]
        else:
            items, starts = self.periods, self._period_starts
            if starts is None:
                starts = self._period_starts = [m.start for m in items]
        if not starts:
            return []
        return items[bisect_left(starts, a - 12):bisect_left(starts, b)]

    def clause_index(self, pos: int) -> int:
        """The index of the clause holding absolute offset ``pos`` (-1 when none does)."""
        k = bisect_right(self.clauses, pos, key=_START) - 1
        return k if k >= 0 and pos < self.clauses[k][1] else -1

    def unmask(self, slot: Slot) -> None:
        """Take a figure back into the words (a threshold inside a name: 超10亿元的重大项目)."""
        a, b = slot.start - self.start, slot.end - self.start
        self.masked = self.masked[:a] + self.text[slot.start:slot.end] + self.masked[b:]
        self.claimed.add(slot.index)

    def add(self, draft: Draft) -> None:
        """Keep a draft and claim its slot."""
        self.drafts.append(draft)
        if draft.slot is not None:
            self.claimed.add(draft.slot)

    def from_slot(self, slot: Slot, measure: str, rule: str, *, value: Decimal | None = None,
                  unit: str | None = "", **kw: object) -> Draft:
        """A draft for ``slot`` taking value, range, unit and qualifier from its quantity."""
        q = slot.q
        if value is None:
            value, value_max = q.value, q.value_max
        else:
            value_max = None
        # positional in field order (start, end, measure, value, unit, rule, value_max, qualifier): the faster call
        return Draft(slot.start, slot.end, measure, value, q.unit if unit == "" else unit, rule, value_max,
                     q.qualifier, slot=slot.index, **kw)  # type: ignore[arg-type]
