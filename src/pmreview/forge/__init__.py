"""What the pull-request and merge-request bots (`github`, `gitlab`) share: the glob matcher
(`globs`), the REST plumbing on httpx2 (`rest`, the only module here that imports it), and the
review of changed files into one marked comment (`review`). Imported only by the bots, so
`pmreview check` never loads an HTTP client."""
