"""Shared fixtures: the repository, example postmortems written for the tests, the report
schema, a CLI runner, and a guard that makes any non-loopback network access fail."""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from _support import DATA, DEFAULT_CHECK_IDS, REPO, SAMPLE  # noqa: F401
from jsonschema import Draft202012Validator
from typer.testing import CliRunner, Result

from pmreview.cli import build


def pytest_configure(config: pytest.Config) -> None:
    # A failing hypothesis test imports libcst (to write a patch) which imports a deprecated
    # mypy_extensions name; with warnings as errors that hid the falsifying example behind
    # an INTERNALERROR.
    config.addinivalue_line(
        "filterwarnings", "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
    )


# --------------------------------------------------------------------------- network guard

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _check(sock: socket.socket, address: Any) -> None:
    if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
        return
    if not _loopback(address):
        raise RuntimeError(f"tests must not reach the network (connect to {address!r})")


def _guarded_connect(self: socket.socket, address: Any) -> None:
    _check(self, address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> int:
    _check(self, address)
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> Iterator[None]:
    """Any connect() to an address other than 127.0.0.1/::1/localhost raises."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _guarded_connect)
        mp.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
        yield


# --------------------------------------------------------------------------- paths and data


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def good_md() -> Path:
    """A postmortem that has all 21 required elements and no vague statement."""
    return DATA / "good.md"


@pytest.fixture(scope="session")
def vague_md() -> Path:
    """A postmortem that misses most elements and is vague throughout."""
    return DATA / "vague.md"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE


@pytest.fixture(scope="session")
def report_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (REPO / "schemas" / "report.schema.json").read_text("utf-8")
    )
    return schema


@pytest.fixture(scope="session")
def report_validator(report_schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(report_schema)
    return Draft202012Validator(report_schema)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder so that no config file of the repository is discovered."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def cli(in_tmp: Path) -> Callable[..., Result]:
    """Invoke the whole typer app (`cli("check", path, ...)`), from an empty working folder."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        result = runner.invoke(build(), list(args), input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke
