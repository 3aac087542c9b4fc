"""`pmreview github`: the pull-request bot (run inside a GitHub Actions job).

`api.py` holds the four GitHub endpoints and what GitHub's failures mean, `bot.py` ties the
event, the review and the one comment together; what they share with the GitLab bot (globs,
REST plumbing, the review of changed files) is in `pmreview.forge`. Imported only by the
`github` command, so `pmreview check` never loads an HTTP client.
"""
