import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARTYCORPUS_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def shared_dir():
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is absent (evaluation data)")
    return SHARED
