"""`pmreview coach`: walk an author through what is missing and what is vague, most important
first, and put their answers into the document.

- `plan`: what to ask, in which order (the review's own findings, a failed check or a rule's
  finding each, by severity, missing elements before vague words, then by line).
- `placement`: where an answer goes, by the placement rules of data/coach.toml (the end time
  into the summary, a task into the measures list, a vague phrase replaced).
- `edits`: the editor that keeps every edit in the original's coordinates, so the positions
  of later findings stay right.
- `answers`: the YAML answers file, and which answer in it answers which finding.
- `rewrite`: with an LLM, the model turns an answer into a rewrite of the passage.
- `session`: the loop, in a terminal or from an answers file.
- `command`: the `coach` command's flow (review, coach, write, review again).
"""
