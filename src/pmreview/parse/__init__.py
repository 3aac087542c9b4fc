"""Parse Markdown or plain text into a Document: sections, blocks and timeline, with positions."""

from __future__ import annotations

from dataclasses import replace

from ..models import Document, Source
from .blocks import markdown, token_blocks
from .code import fences_in_timelines
from .directives import read_directives
from .fact_sheet import fact_sections
from .front_matter import html_page, matter_facts, without_front_matter
from .paragraphs import paragraph_sections
from .sections import end_lines, facts_unmarked, posts_unmarked, sectionize
from .timeline import timeline_entries, times_in, zone_statement
from .titles import kinds_of, normalise_title


def parse(source: Source) -> Document:
    text = without_front_matter(source.text)
    source, facts = matter_facts(source)  # the incident's start and end in front matter
    page = html_page(text)
    if page is not None:  # an HTML page, read with its indentation taken away
        source = replace(source, text=page, lines=tuple(page.split("\n")))
        text = page
    tokens = markdown().parse(text)
    blocks = [(b, None) for b in facts] + token_blocks(tokens, source.lines)
    marked = posts_unmarked(facts_unmarked(fact_sections(blocks)))
    sections = fences_in_timelines(sectionize(marked))
    sections = end_lines(paragraph_sections(sections))
    timeline = timeline_entries(sections)
    all_blocks = [b for s in sections for b in s.blocks]
    return Document(
        source=source,
        sections=sections,
        timeline=timeline,
        times=times_in(all_blocks),
        zone_statement=zone_statement(source, sections),
        directives=read_directives(source),
    )


__all__ = ["parse", "kinds_of", "normalise_title"]
