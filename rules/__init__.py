"""How we judge: rule packs (YAML data), the engine adapter, assessments. No Qt here."""
