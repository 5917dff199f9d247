"""One local Spark session for the whole test run (``local[2]``, UI off, quiet), and the test kit.

Without PySpark or Java the Spark tests are skipped on a developer machine; under
``CI=true`` they fail instead, since CI installs both.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
TESTKIT = HERE / "spark_testkit.py"


def _missing(what: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{what} is missing; CI must provide it (pip install -e '.[spark]', default-jre-headless)")
    pytest.skip(f"{what} is missing (CI is unset, so the Spark tests are skipped)")


def _load_testkit() -> ModuleType:
    module = sys.modules.get("spark_testkit")
    if module is None:
        spec = importlib.util.spec_from_file_location("spark_testkit", TESTKIT)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["spark_testkit"] = module
        spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def testkit() -> ModuleType:
    """``spark_testkit``, importable by that name here and on the executors."""
    return _load_testkit()


@pytest.fixture(scope="session")
def dev_docs(shared_dir: Path) -> list[tuple[str, str]]:
    """The development documents as ``(id, text)``, ids being file stems."""
    paths = sorted((shared_dir / "eval" / "dev" / "docs").glob("*.txt"))
    assert paths, f"no development documents under {shared_dir / 'eval' / 'dev' / 'docs'}"
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


@pytest.fixture(scope="session")
def spark(testkit: ModuleType) -> Iterator[Any]:
    """A SparkSession in local mode with two cores, stopped at the end of the run."""
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError as e:
        _missing(f"{e.name} (the spark extra)")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        _missing("Java")
    old = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # executors run this interpreter (this venv)
    session = (SparkSession.builder.master("local[2]").appName("hz_extract-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.default.parallelism", "2")
               .config("spark.driver.memory", "1g")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "4")
               .config("spark.driver.extraJavaOptions", "-Dlog4j2.level=ERROR")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.addPyFile(str(TESTKIT))
    try:
        yield session
    finally:
        session.stop()
        if old is None:
            os.environ.pop("PYSPARK_PYTHON", None)
        else:
            os.environ["PYSPARK_PYTHON"] = old
