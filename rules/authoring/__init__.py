"""Tools for people who write packs: lint, coverage, scenarios, diff, scaffold and the pack in
words. Built on the model and the runtime; nothing in them imports this."""
