"""A process killed in the middle of library saves never leaves a library that fails to load."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from brandstudio.fileformat import load_template
from brandstudio.fileformat.brand_io import load_brand
from brandstudio.library.store import Library

WRITER = r"""
import dataclasses, sys
from pathlib import Path
from brandstudio.library.store import Library
library = Library(Path(sys.argv[1]))
brand = "Зерно"
print("ready", flush=True)
n = 0
while True:
    n += 1
    template = library.load_template(brand, "promo").template
    library.save_template(brand, "promo", dataclasses.replace(template, name=f"round {n}"))
    name = f"copy{n % 3}"
    if name in library.template_names(brand):
        library.delete_template(brand, name)
    library.copy_template(brand, "promo", name)
    library.tag_template(brand, name, add=(f"t{n % 5}",))
"""


def test_killed_writers_never_corrupt_the_library(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Library(home)
    rng = random.Random(20261126)
    for _ in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 0.4))
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
        assert writer.stderr is not None
        errors = writer.stderr.read().decode()
        writer.stdout.close()
        writer.stderr.close()
        assert "Traceback" not in errors, errors
        # Everything must load, and the lock must be free again (taken within the timeout).
        library = Library(home)
        for brand in library.brand_names():
            load_brand(library.brand_folder(brand))
            for _, path in library.iter_templates(brand):
                load_template(path)
        assert list(home.rglob("*.tmp")) == [], "a half-written temp file was left behind"
