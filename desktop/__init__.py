"""The LeadFit window (PySide6). Everything Qt lives here; nothing here decides anything."""
