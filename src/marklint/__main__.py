"""`python -m marklint` runs the command line."""

import sys

from marklint.cli import main

sys.exit(main())
