#!/usr/bin/env bash
# Print the path of a Python that LeadFit supports (3.11 or 3.12) and can make a
# virtual environment with; or explain on stderr what to install and exit 1.
#   PY=/path/to/python        check that one only (refused in plain words if unsupported)
#   PYTHON_VERSION=3.12       look for that version only (CI runs the suite on each)
# Looks at python3.11, python3.12 and python3 on PATH, then pyenv's versions
# (a pyenv shim for a version that is installed but not selected fails to run).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
support="$here/../leadfit/python_support.py"
wanted=${PYTHON_VERSION:-}
rejected=()

usable() {  # $1 runs, is a supported version and has venv + ensurepip
    "$1" -c 'import sys' >/dev/null 2>&1 || return 1
    local version
    version=$("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    if [ -n "$wanted" ] && [ "$version" != "$wanted" ]; then return 1; fi
    if ! "$1" "$support" 2>/dev/null; then
        rejected+=("$1 is Python $version")
        reason=$("$1" "$support" 2>&1)
        return 1
    fi
    if ! "$1" -c 'import venv, ensurepip' >/dev/null 2>&1; then
        rejected+=("$1 (Python $version) cannot create virtual environments: install python$version-venv")
        return 1
    fi
    return 0
}

candidates() {
    if [ -n "$wanted" ]; then
        echo "python$wanted"
    else
        printf '%s\n' python3.11 python3.12 python3
    fi
    local root
    root=${PYENV_ROOT:-$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")}
    for v in ${wanted:-3.11 3.12}; do
        ls -d "$root"/versions/"$v".*/bin/python"$v" 2>/dev/null | sort -V -r
    done
}

reason=""
if [ -n "${PY:-}" ]; then
    if ! "$PY" -c 'import sys' >/dev/null 2>&1; then
        echo "PY=$PY does not run as a Python interpreter." >&2
        exit 1
    fi
    wanted=""
    if usable "$PY"; then command -v "$PY" || echo "$PY"; exit 0; fi
    if [ -n "$reason" ]; then echo "$reason" >&2; else printf '%s\n' "${rejected[@]}" >&2; fi
    exit 1
fi

while read -r candidate; do
    [ -n "$candidate" ] || continue
    if usable "$candidate"; then
        path=$("$candidate" -c 'import sys; print(sys.executable)')
        echo "Using $("$path" -c 'import sys; print("Python %d.%d.%d" % sys.version_info[:3])') ($path)" >&2
        echo "$path"
        exit 0
    fi
done < <(candidates)

{
    echo "No Python ${wanted:-3.11 or 3.12} that LeadFit can use was found on PATH${wanted:+ or in pyenv}."
    for line in "${rejected[@]}"; do echo "  - found $line"; done
    [ -n "$reason" ] && printf '%s\n' "$reason"
    echo "Install Python ${wanted:-3.12 (or 3.11)} with its venv module, then run make again:"
    echo "  Debian/Ubuntu: sudo apt install python${wanted:-3.12}-venv   (or pyenv install ${wanted:-3.12})"
    echo "  Or point make at one: make run PY=/path/to/python${wanted:-3.12}"
    echo "  No Python at all is needed for the desktop bundle (README: Install without Python)."
} >&2
exit 1
