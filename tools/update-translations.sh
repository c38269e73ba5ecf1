#!/usr/bin/env bash
# Collect the studio's translatable strings and compile the translations.
#
#   tools/update-translations.sh          # from anywhere inside the repository
#
# 1. pyside6-lupdate reads every brandstudio/gui/**/*.py (self.tr(), QCoreApplication.translate,
#    QT_TRANSLATE_NOOP) into brandstudio/gui/translations/brandstudio_<lang>.ts: new strings are
#    added as "unfinished", translations of unchanged strings are kept, removed ones dropped.
# 2. Translate the unfinished entries (Qt Linguist: .venv/bin/pyside6-linguist, or any editor).
# 3. Run this again: pyside6-lrelease compiles each .ts into the .qm the package ships.
#
# tests/gui/test_i18n.py fails while an entry is unfinished or a self.tr() string is missing.
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

for lang in "${languages[@]}"; do
    ts="brandstudio/gui/translations/brandstudio_${lang}.ts"
    qm="brandstudio/gui/translations/brandstudio_${lang}.qm"
    "$bin/pyside6-lupdate" -no-obsolete -locations none -target-language "$lang" \
        "${sources[@]}" -ts "$ts"
    "$bin/pyside6-lrelease" "$ts" -qm "$qm"
done
