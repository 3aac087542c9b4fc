"""`pmreview gitlab`: the merge-request bot (run inside a GitLab CI job on merge_request_event).

`api.py` holds the four GitLab endpoints and what GitLab's failures mean, `bot.py` ties the
job's variables, the review and the one note together; the glob matcher, the REST plumbing
(httpx2) and the review of changed files are shared with the GitHub bot in `pmreview.forge`.
Imported only by the `gitlab` command, so `pmreview check` never loads an HTTP client.
"""
