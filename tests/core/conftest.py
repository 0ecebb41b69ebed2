"""Core tests need no database and no Django: the data_dir fixture is replaced here."""

import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path):
    return tmp_path
