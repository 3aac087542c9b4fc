"""`python -m pmreview ...` is the same as `pmreview ...`."""

from .cli import main

if __name__ == "__main__":
    main()
