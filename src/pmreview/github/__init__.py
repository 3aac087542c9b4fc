"""`pmreview github`: the pull-request bot (run inside a GitHub Actions job).

`api.py` is a small REST client on httpx2 (the only module here that imports it), `globs.py`
matches changed paths against the postmortem globs, `bot.py` ties the event, the review and
the one comment together. Imported only by the `github` command, so `pmreview check` never
loads an HTTP client.
"""
