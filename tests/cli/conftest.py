"""Fixtures for the `smith` command-line tool's tests.

The binary comes from $SMITH_CLI (default: the release build, build/release/tools/cli/smith).
`PtyProcess` drives the interactive shell through a pseudo-terminal with the standard library
only (pty + select), so the tests need no extra packages.
"""

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

# The tool as the README's commands install it.
DEFAULT_CLI = str(Path(__file__).resolve().parents[2] / ".venv" / "bin" / "smith")


def smith_binary() -> str:
    path = os.environ.get("SMITH_CLI", DEFAULT_CLI)
    if not os.access(path, os.X_OK):
        pytest.fail(f"smith binary not found at {path} (set SMITH_CLI)")
    return path


@pytest.fixture(scope="session")
def smith() -> str:
    return smith_binary()


class Smith:
    """Runs `smith ARGS...` and captures the outcome."""

    def __init__(self, binary: str, cwd: Path, env: dict):
        self.binary = binary
        self.cwd = cwd
        self.env = env

    def __call__(self, *args, input=None, check=None):
        proc = subprocess.run(
            [self.binary, *map(str, args)],
            input=input,
            capture_output=True,
            text=True,
            cwd=self.cwd,
            env=self.env,
            timeout=120,
        )
        if check is not None:
            assert proc.returncode == check, (proc.returncode, proc.stdout, proc.stderr)
        return proc


@pytest.fixture
def env(tmp_path):
    e = dict(os.environ)
    e["HOME"] = str(tmp_path / "home")
    e["SMITH_HISTORY"] = str(tmp_path / "home" / ".smith_history")
    e["TERM"] = "xterm"
    (tmp_path / "home").mkdir()
    return e


@pytest.fixture
def run(smith, tmp_path, env):
    return Smith(smith, tmp_path, env)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "db"


@pytest.fixture
def people(run, db):
    """A small graph with every kind of schema object and several property types."""
    run("query", db, "CREATE CONSTRAINT person_id FOR (p:Person) REQUIRE p.id IS NODE KEY", check=0)
    run("query", db, "CREATE INDEX person_name FOR (p:Person) ON (p.name)", check=0)
    run(
        "query",
        db,
        "CREATE (a:Person {id: 1, name: 'Ada', born: date('1815-12-10'), tags: ['math', 'poetry'],"
        " score: 0.5, nan: 0.0/0.0, t: localtime('12:31:14.645876123')})"
        "-[:KNOWS {since: datetime('2020-01-01T10:00+01:00[Europe/Paris]'), d: duration('P1M2DT3.5S')}]->"
        "(b:Person:Admin {id: 2, name: 'Bob, \"the\" builder', empty: []}),"
        " (c:City {name: 'London', at: time('08:00Z'), ldt: localdatetime('2015-07-21T21:40:32.142')}),"
        " (a)-[:LIVES_IN]->(c), (b)-[:LIVES_IN {big: -9223372036854775807 - 1}]->(c)",
        check=0,
    )
    return db


class PtyProcess:
    """A child process on a pseudo-terminal, driven like a person at a keyboard."""

    def __init__(self, argv, env, cwd, columns=200):
        pid, fd = pty.fork()
        if pid == 0:  # child
            try:
                os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid = pid
        self.fd = fd
        self.buffer = ""
        self.pos = 0
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))

    def send(self, text: str):
        os.write(self.fd, text.encode())

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return None
        if not data:
            return None
        self.buffer += data.decode(errors="replace")
        return True

    def expect(self, pattern: str, timeout: float = 60.0) -> re.Match:
        """Waits until `pattern` (a regex) appears after the previous match; returns the match.
        The timeout only keeps a broken build from hanging the test run."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            m = regex.search(self.buffer, self.pos)
            if m:
                self.pos = m.end()
                return m
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._read(remaining) is None:
                m = regex.search(self.buffer, self.pos)
                if m:
                    self.pos = m.end()
                    return m
                raise AssertionError(
                    f"{pattern!r} not found; output after last match:\n{self.buffer[self.pos:]}"
                )

    def wait(self, timeout: float = 60.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._read(0.1)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError("the process did not exit")


@pytest.fixture
def shell_pty(smith, tmp_path, env):
    procs = []

    def start(*args):
        p = PtyProcess([smith, "shell", *map(str, args)], env, tmp_path)
        procs.append(p)
        return p

    yield start
    for p in procs:
        try:
            os.kill(p.pid, signal.SIGKILL)
            os.waitpid(p.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
