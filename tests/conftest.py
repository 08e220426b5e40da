from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "reportgen" / "examples"


@pytest.fixture
def luwu_timur() -> Path:
    return EXAMPLES / "luwu-timur" / "study.yaml"
