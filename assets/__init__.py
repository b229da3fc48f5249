"""Look: fonts (DejaVu Sans, see fonts/LICENSE-DejaVu.txt) and icons."""
