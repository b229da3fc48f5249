"""The bundle's leadfit executable."""
import sys

from leadfit.cli.main import main

sys.exit(main())
