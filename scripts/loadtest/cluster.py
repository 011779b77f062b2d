"""A throwaway PostgreSQL cluster of the load test's own: its folder, its port, loopback only.

The machine's PostgreSQL (port 5432) serves every other engineer and CI: the load test restarts
a server, so it must be one nobody else uses. initdb refuses to run as root, so as root every
PostgreSQL command runs as the `postgres` OS user (runuser)."""

import glob
import os
import pwd
import shutil
import subprocess
from pathlib import Path

SERVER_USER = "postgres"


def postgresql_bin() -> Path:
    """The newest PostgreSQL server binaries the Debian packages installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    if not found:
        raise SystemExit("No PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql).")
    return Path(found[-1]).parent


class Cluster:
    def __init__(self, folder: Path, port: int):
        self.folder = folder
        self.port = port
        self.data = folder / "data"
        self.log = folder / "postgresql.log"
        self.bin = postgresql_bin()
        self.as_root = os.geteuid() == 0

    @property
    def url(self) -> str:
        # connect_timeout: a connection attempt while the server restarts fails fast, never hangs.
        return f"postgres://postgres@127.0.0.1:{self.port}/governance?connect_timeout=5"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True)  # noqa: S603

    def create(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_root:
            server = pwd.getpwnam(SERVER_USER)
            shutil.chown(self.folder, server.pw_uid, server.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        # In postgresql.conf rather than on the command line, so `pg_ctl restart` keeps them.
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\nport = {self.port}\n"
                "listen_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.folder}'\n"
                "max_connections = 100\n"
            )

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "governance")

    def restart(self) -> None:
        """Fast: every session is ended at once, as when the database host reboots or fails over."""
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-m", "fast", "restart")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-w", "-m", "immediate", "stop", check=False)
