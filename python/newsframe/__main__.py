"""``python -m newsframe`` is the command line."""

import sys

from newsframe.cli import main

sys.exit(main())
