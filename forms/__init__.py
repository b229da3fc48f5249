"""What we ask: the questionnaire as data, and validated cases. No Qt here."""
