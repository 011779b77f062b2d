"""What the tests that start real Celery worker processes share: killing one dead, as a machine
failing would, and making sure none outlives its test."""

import os
import signal
import subprocess


class WorkerProcesses:
    """Mixed into a test's cluster, which appends each worker it starts to `self.workers`, each
    in a process group of its own (start_new_session=True), so the kill takes its children too."""

    workers: list[subprocess.Popen]

    def kill(self, worker: subprocess.Popen) -> None:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)

    def stop_all(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                self.kill(worker)
