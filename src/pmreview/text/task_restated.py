"""Task lists that restate one another: "What can be improved" (three aims) followed by "Tasks"
(the same three, each with its date). The author has given the aims their dates and owners
in the second list; asking again for the first repeats a question already answered."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Document
from .task_parts import listed_tasks
from .tasks import Task, tasks_by_list
from .verb_forms import WORD

# words that say nothing about which task an item is
_GENERIC = frozenset(
    [
        "with",
        "from",
        "into",
        "that",
        "this",
        "their",
        "them",
        "they",
        "will",
        "when",
        "then",
        "than",
        "have",
        "been",
        "more",
        "each",
        "also",
        "ensure",
        "make",
        "sure",
        "using",
        "about",
        "after",
        "before",
        "during",
        "every",
        "other",
        "such",
        "some",
        "team",
        "teams",
        "system",
        "systems",
        "issue",
        "issues",
        "problem",
        "problems",
        "future",
    ]
)


def _stems(task: Task) -> set[str]:
    """The item's content words (four letters or more, generic words left out), a plural or
    -ing ending dropped: "configurations" and "configuration" are one word."""
    out = set()
    for m in WORD.finditer(task.text[task.start :]):
        w = m.group(0).lower().strip("'’-")
        if len(w) < 4 or w in _GENERIC:
            continue
        for end in ("ing", "s"):
            if w.endswith(end) and len(w) - len(end) >= 4:
                w = w[: -len(end)]
                break
        out.add(w)
    return out


def _runs(doc: Document, group: list[Task]) -> list[list[Task]]:
    """The tasks cut into runs: tasks of one section with no other block between them (a label
    item such as "- **Tasks:**", a paragraph or a heading ends a run); the group's own tasks
    where it has them."""
    by_block = {id(t.block): t for _, ts in listed_tasks(doc) for t in ts}
    by_block.update({id(t.block): t for t in group})
    runs: list[list[Task]] = []
    for sec, _ in tasks_by_list(doc):
        current: list[Task] = []
        for block in sec.blocks:
            task = by_block.get(id(block))
            if task is not None:
                current.append(task)
                continue
            if current:
                runs.append(current)
            current = []
        if current:
            runs.append(current)
    return runs


def _same_tasks(one: list[Task], other: list[Task]) -> bool:
    """Two runs of the same length whose items, in order, each share two content words."""
    return len(one) == len(other) and all(
        len(_stems(a) & _stems(b)) >= 2 for a, b in zip(one, other, strict=True)
    )


def restated(doc: Document, group: list[Task], test: Callable[[Task], bool]) -> set[int]:
    """Ids of the group's tasks (of two or more in a run) that another run of the measures
    restates item for item, where every item passes `test` (has its owner, or its date)."""
    runs = [r for r in _runs(doc, group) if len(r) >= 2]
    passing = [r for r in runs if all(test(t) for t in r)]
    ours = {id(t) for t in group}
    out: set[int] = set()
    for run in (r for r in runs if id(r[0]) in ours):
        if any(other is not run and _same_tasks(run, other) for other in passing):
            out |= {id(t) for t in run}
    return out
