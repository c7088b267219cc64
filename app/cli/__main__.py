"""``python -m app.cli`` is ``okno``."""

import sys

from app.cli import main

sys.exit(main())
