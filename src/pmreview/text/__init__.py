"""Shared readings of text: times and zones (zones as data), dates, durations, sentences, the
summary span, tasks, and the prefilter that lets patterns skip text that cannot match.

Pure functions over strings, blocks and Documents; the facts record (checks/) and the rules
read a document through them, so that a concept means one thing everywhere."""
