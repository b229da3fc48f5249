"""Property tests: generated hostile YAML into every loading command, generated
conditions into lint and the engine. Never a traceback, never a slow example, and a
condition lint accepts is one the engine accepts.

Bounded in `make test` (profile "ci"); `make fuzz` runs the same tests long
(profile "fuzz", LEADFIT_FUZZ_EXAMPLES examples each) and prints the counts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadfit.forms.conditions import Compare, Group, Member
from leadfit.rules.runtime.engine import get_engine
from leadfit.rules.model.engine_limits import MAX_ALTERNATIVES
from leadfit.rules.model.library import default_pack
from tests.example_limits import limited
from tests.helpers import EXAMPLE_CASE, REPO

# The profiles ("ci" in make test, "fuzz" in make fuzz) are in tests/conftest.py.

DEFAULT_PACK = REPO / "rules" / "packs" / "default"
KNOWN_EXITS = {0, 1, 2, 3}   # documented in leadfit/cli/main.py; 4 is the engine failing

# -- hostile YAML -----------------------------------------------------------------

_scalars = st.one_of(
    st.sampled_from([".nan", ".NaN", ".inf", "-.inf", "1e400", "9" * 400, "-" + "9" * 50,
                     "0x1F", "012345", "12:30", "yes", "NO", "~", "null", "''", '""',
                     "2026-13-45", "2026-02-29", "!!binary aGVsbG8=", "!!python/object:os.system",
                     "!!python/object/apply:os.system ['true']", "!custom x", "!!float x",
                     "!!str 3", "&anchor 1", "*anchor", "<<: *anchor"]),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"')
                             .encode("unicode_escape").decode("ascii") + '"'),
)
_keys = st.one_of(
    st.sampled_from(["stream.name", "candidate.digital_years", "stream.digital_revenue_share",
                     "org.review_date", "answers", "rules", "when", "then", "id", "all", "any",
                     "in", "not", "<<"]),
    _scalars,
    st.sampled_from(["? [a, b]\n", "? {a: 1}\n", "? !!python/tuple [1, 2]\n", "[1]", "{x: 1}"]),
)


@st.composite
def yaml_node(draw, depth=0):
    kind = draw(st.sampled_from(["scalar", "scalar", "map", "list", "flow", "deep"]
                                if depth < 4 else ["scalar"]))
    if kind == "scalar":
        return draw(_scalars)
    if kind == "deep":
        n = draw(st.sampled_from([10, 100, 2000, 6000]))
        return "[" * n + "1" + "]" * n
    if kind == "flow":
        items = draw(st.lists(_scalars, max_size=4))
        return "[" + ", ".join(items) + "]"
    indent = "  " * (depth + 1)
    if kind == "list":
        items = draw(st.lists(yaml_node(depth + 1), min_size=1, max_size=4))
        return "\n" + "".join(f"{indent}- {i}\n" for i in items)
    pairs = draw(st.lists(st.tuples(_keys, yaml_node(depth + 1)), min_size=1, max_size=4))
    out = "\n"
    for key, value in pairs:
        if key.startswith("? "):
            out += f"{indent}{key.strip()}\n{indent}: {value}\n"
        else:
            out += f"{indent}{key}: {value}\n"
    return out


@st.composite
def yaml_document(draw):
    body = draw(yaml_node())
    top = draw(st.sampled_from(["answers:", "rules:", "scenarios:", "name: x\nversion: '1'\n",
                                "", "%YAML 1.1\n---\nanswers:"]))
    text = f"{top}{body}\n".encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        text += draw(st.binary(max_size=8))      # bytes that need not be UTF-8
    return text


def _assert_named(result, what):
    assert result.returncode in KNOWN_EXITS, (what, result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr, (what, result.stderr[-2000:])
    if result.returncode == 2:
        assert "cannot continue" in result.stderr or "error" in result.stdout, what


@given(doc=yaml_document())
@limited
def test_any_yaml_as_a_case_file_is_named_never_a_traceback(tmp_path_factory, cli, doc):
    folder = tmp_path_factory.mktemp("case")
    case = folder / "case.yaml"
    case.write_bytes(doc)
    _assert_named(cli("evaluate", case), "evaluate")
    _assert_named(cli("decide", "--recorded-by", "Robin Hale", case, "--decision", "coach", "--conditions", "x",
                      "--db", folder / "r.sqlite3"), "decide")


@given(doc=yaml_document(), where=st.sampled_from(["rules.yaml", "pack.yaml", "scenarios.yaml"]))
@limited
def test_any_yaml_in_a_pack_is_named_never_a_traceback(tmp_path_factory, cli, doc, where):
    folder = tmp_path_factory.mktemp("pack") / "pack"
    shutil.copytree(DEFAULT_PACK, folder)
    (folder / where).write_bytes(doc)
    for args in (["pack", "lint", folder], ["pack", "test", folder],
                 ["evaluate", EXAMPLE_CASE, "--pack", folder]):
        _assert_named(cli(*args), args[:2])


# -- generated conditions ------------------------------------------------------------

_QUESTIONS = ("candidate.digital_years", "candidate.former_role_share",
              "stream.digital_revenue_share")


@st.composite
def condition(draw, depth=0):
    kind = draw(st.sampled_from(["cmp", "cmp", "in", "group"] if depth < 17 else ["cmp"]))
    question = draw(st.sampled_from(_QUESTIONS))
    if kind == "cmp":
        op = draw(st.sampled_from(["eq", "ne", "lt", "le", "gt", "ge"]))
        return Compare(op, question, draw(st.integers(0, 60)))
    if kind == "in":
        size = draw(st.sampled_from([1, 2, 5, 100, MAX_ALTERNATIVES, MAX_ALTERNATIVES + 1]))
        return Member(draw(st.sampled_from(["in", "not_in"])), "candidate.digital_years",
                      tuple(range(size)))
    parts = draw(st.lists(condition(depth + 1), min_size=1,
                          max_size=draw(st.sampled_from([2, 3, 16]))))
    return Group(draw(st.sampled_from(["all", "any"])), tuple(parts))


_ANSWERS = st.fixed_dictionaries({q: st.integers(0, 60) for q in _QUESTIONS})


@settings(max_examples=settings().max_examples * 4)
@given(cond=condition(), answers=_ANSWERS)
@limited
def test_a_condition_lint_accepts_is_one_the_engine_runs(cond, answers):
    engine = get_engine()
    why = engine.refusal(cond)
    if why is not None:
        assert "error code" not in why     # refused in plain words, with the bound
        return
    fired = engine.evaluate(f"fuzz-{hash(cond)}", [("fuzz-rule", cond)], answers)
    assert fired in ([], ["fuzz-rule"])


def test_lint_names_an_engine_limit_at_the_rule_line_and_the_engine_never_sees_it(tmp_path,
                                                                                 cli):
    folder = tmp_path / "pack"
    shutil.copytree(DEFAULT_PACK, folder)
    rules = folder / "rules.yaml"
    values = ", ".join(str(i) for i in range(MAX_ALTERNATIVES + 1))
    rules.write_text(rules.read_text(encoding="utf-8") + (
        "  - id: lf-seen\n    summary: Named like the adapter's own catch-all.\n"
        f"    when: {{in: {{candidate.digital_years: [{values}]}}}}\n"
        "    then:\n      - finding: {id: F1, severity: low}\n"), encoding="utf-8")
    lint = cli("pack", "lint", folder)
    assert lint.returncode == 2
    line = rules.read_text().splitlines().index("  - id: lf-seen") + 3
    assert f"rules.yaml:{line}: rule 'lf-seen'" in lint.stdout
    assert f"the rules engine takes at most {MAX_ALTERNATIVES}" in lint.stdout
    assert cli("evaluate", EXAMPLE_CASE, "--pack", folder).returncode == 2


def test_a_rule_named_like_the_adapters_catch_all_still_fires():
    pack = default_pack()
    cond = Compare("ge", "candidate.digital_years", 0)
    fired = get_engine().evaluate("collide", [("lf-seen", cond)],
                                  {"candidate.digital_years": 3})
    assert fired == ["lf-seen"] and pack is not None


@pytest.mark.parametrize("depth", [15, 16])
def test_nesting_is_refused_past_the_measured_depth(depth):
    cond = Compare("eq", "candidate.digital_years", 3)
    for i in range(depth):
        cond = Group("all" if i % 2 else "any", (cond, Compare("ne", "candidate.digital_years",
                                                                100 + i)))
    why = get_engine().refusal(cond)
    assert (why is None) == (depth <= 15)
    if depth > 15:
        assert "nested 16 groups deep; the rules engine takes at most 15" in why


def test_lint_does_not_recurse_on_a_very_wide_or_deep_condition():
    from leadfit.rules.model.engine_limits import limit_problem
    wide = Group("all", tuple(Compare("ne", "candidate.digital_years", i) for i in range(5000)))
    assert limit_problem(wide) is None
    deep = Compare("eq", "candidate.digital_years", 3)
    for _ in range(5000):
        deep = Group("all", (deep,))
    assert "nested" in limit_problem(deep)[0]


def test_fuzz_is_a_make_target():
    assert "fuzz:" in Path(REPO / "Makefile").read_text()


def test_an_example_is_limited_by_the_cpu_it_uses_not_the_wall_clock(monkeypatch):
    import time

    from tests.example_limits import ExampleHung, ExampleTooSlow, example_limits
    monkeypatch.setenv("LEADFIT_FUZZ_CPU_SECONDS", "0.2")
    monkeypatch.setenv("LEADFIT_FUZZ_HANG_SECONDS", "60")
    with example_limits():
        time.sleep(0.3)          # waiting (a loaded machine) uses no CPU: passes
    with pytest.raises(ExampleTooSlow, match="of CPU time; the limit is 0.2 s"):
        with example_limits():
            start = time.process_time()
            while time.process_time() - start < 0.3:
                pass
    monkeypatch.setenv("LEADFIT_FUZZ_HANG_SECONDS", "0.5")
    with pytest.raises(ExampleHung, match="after 0.5 s of wall time: a hang"):
        with example_limits():
            time.sleep(5)
