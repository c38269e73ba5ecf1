#!/usr/bin/env bash
# Collect the studio's translatable strings and compile the translations.
#
#   tools/update-translations.sh          # from anywhere inside the repository
#
# 1. pyside6-lupdate reads every brandstudio/gui/**/*.py (self.tr(), QCoreApplication.translate,
#    QT_TRANSLATE_NOOP) into brandstudio/gui/translations/brandstudio_<lang>.ts: new strings are
#    added as "unfinished", translations of unchanged strings are kept, removed ones dropped.
#    Calls of a one-line wrapper such as
#        def _tr(text): return QCoreApplication.translate("Inspector", text)
#    are invisible to lupdate: they are listed for it in a temporary file first.
# 2. Translate the unfinished entries (Qt Linguist: .venv/bin/pyside6-linguist, or any editor).
# 3. Run this again: pyside6-lrelease compiles each .ts into the .qm the package ships.
#
# tests/gui/test_i18n.py fails while an entry is unfinished or a source string is missing.
set -euo pipefail
shopt -s globstar nullglob

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bin="${VENV:-.venv}/bin"
languages=(ru)

sources=(brandstudio/gui/**/*.py)
if [ ${#sources[@]} -eq 0 ]; then
    echo "no sources found under brandstudio/gui" >&2
    exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
wrapped="$scratch/wrapped_strings.py"
"$bin/python" - "$wrapped" "${sources[@]}" <<'PY'
"""Write QT_TRANSLATE_NOOP lines for the literal calls of translate wrappers."""
import ast
import json
import sys


def wrapper_context(function: ast.FunctionDef) -> str | None:
    """The context of ``def f(text): return QCoreApplication.translate("Ctx", text)``."""
    if len(function.args.args) != 1 or not function.body:
        return None
    last = function.body[-1]
    call = last.value if isinstance(last, ast.Return) else None
    if not isinstance(call, ast.Call) or len(call.args) != 2:
        return None
    name = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    context, text = call.args
    if (
        name == "translate"
        and isinstance(context, ast.Constant)
        and isinstance(context.value, str)
        and isinstance(text, ast.Name)
        and text.id == function.args.args[0].arg
    ):
        return context.value
    return None


output, *files = sys.argv[1:]
lines = []
for path in files:
    with open(path, encoding="utf-8") as stream:
        tree = ast.parse(stream.read(), path)
    wrappers = {
        node.name: context
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and (context := wrapper_context(node))
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in wrappers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            context = json.dumps(wrappers[node.func.id], ensure_ascii=False)
            text = json.dumps(node.args[0].value, ensure_ascii=False)
            lines.append(f"QT_TRANSLATE_NOOP({context}, {text})  # {path}:{node.lineno}")
with open(output, "w", encoding="utf-8") as stream:
    stream.write("\n".join(lines) + "\n")
PY

for lang in "${languages[@]}"; do
    ts="brandstudio/gui/translations/brandstudio_${lang}.ts"
    qm="brandstudio/gui/translations/brandstudio_${lang}.qm"
    "$bin/pyside6-lupdate" -no-obsolete -locations none -target-language "$lang" \
        "${sources[@]}" "$wrapped" -ts "$ts"
    "$bin/pyside6-lrelease" "$ts" -qm "$qm"
done
