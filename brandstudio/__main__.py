"""``python -m brandstudio`` runs the command line."""

import sys

from brandstudio.cli.main import main

sys.exit(main())
