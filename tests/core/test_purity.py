"""thawing.core and thawing.content stay pure: importing them never loads Django."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import thawing.core

REPO = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted(m.name for m in pkgutil.iter_modules(thawing.core.__path__))


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
        timeout=60,
    )


def test_the_core_has_the_modules_this_test_expects():
    # A guard so that an empty module list cannot make the purity test pass by itself.
    assert {"mood", "checkins", "emotions", "body", "crypto", "journal"} <= set(CORE_MODULES)


def test_importing_every_core_module_and_the_content_never_loads_django():
    imports = ", ".join(f"thawing.core.{name}" for name in CORE_MODULES)
    code = (
        f"import sys, {imports}, thawing.content\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(repr(loaded))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_content_loaders_load_every_file_without_django():
    code = (
        "import sys\n"
        "from thawing import content\n"
        "v, b, p, h, c = (content.vocabulary(), content.body_map(), content.prompts(),\n"
        "                 content.helplines(), content.countries())\n"
        "print(len(v.emotions), len(b.cues), len(p.prompts), len(h.countries), len(c))\n"
        "print('django' in sys.modules)\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    counts, django_loaded = result.stdout.strip().splitlines()
    assert all(int(n) > 0 for n in counts.split())
    assert django_loaded == "False"
