"""The bundle's leadfit-desktop executable."""
import sys

from leadfit.desktop.app import main

sys.exit(main())
