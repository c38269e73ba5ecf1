"""Reaching a Dask cluster for a batch: the address, TLS, the version check, the session.

``--cluster local:N`` starts N worker processes on this computer (127.0.0.1 only);
``--cluster tls://HOST:PORT`` joins a scheduler that other machines' workers joined, always
with certificates (Dask runs pickled code: an open scheduler would run anyone's). A plain
``tcp://`` address is accepted only on this computer's loopback. Before any item is sent, every
worker must report the same Brandstudio (version and code), Pillow, OpenCV and NumPy as this
client, since outputs must be byte-identical to a local run. Dask is an optional extra
(``brandstudio[cluster]``) imported only here and in :mod:`brandstudio.batch.cluster_pool`,
and only when a cluster is used. See docs/design/0020-cluster.md.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import importlib
import ipaddress
import logging
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol

from brandstudio.batch.pool import Job

CLUSTER_ENV: Final = "BRANDSTUDIO_CLUSTER"
"""The default of ``--cluster`` (an address, or ``local:N``)."""
CA_ENV: Final = "BRANDSTUDIO_CLUSTER_CA"
CERT_ENV: Final = "BRANDSTUDIO_CLUSTER_CERT"
KEY_ENV: Final = "BRANDSTUDIO_CLUSTER_KEY"
CONNECT_SECONDS: Final = 20.0
"""How long to wait for the scheduler, and then for a first worker (BRANDSTUDIO_CLUSTER_TIMEOUT
overrides it)."""
INSTALL_HINT: Final = "install the cluster extra: pip install 'brandstudio[cluster]'"
_LOOPBACK_NAMES: Final = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


class ClusterError(Exception):
    """A cluster that cannot be used (address, certificates, versions, unreachable)."""


class Shipping(Protocol):
    """How one job's files travel to workers that cannot see this computer's disk.

    Client side: ``job_files`` lists the files every item may need as (root folder, file)
    pairs (sent once per worker); ``item_files`` the files one item reads (sent with it).
    Worker side: ``localise_job`` and ``localise_item`` rebuild the job and an item with every
    such path replaced by ``moved(path)``, the local copy. Picklable.
    """

    def job_files(self) -> Sequence[tuple[Path, Path]]:
        """(root, file) pairs: the job's files, each under the folder it is resolved from."""
        ...

    def item_files(self, item: Any) -> Sequence[Path]:
        """The files ``item`` reads."""
        ...

    def localise_job(self, moved: Callable[[Path], Path]) -> Job:
        """The job with its paths replaced by their local copies."""
        ...

    def localise_item(self, item: Any, moved: Callable[[Path], Path]) -> Any:
        """``item`` with its input paths replaced by their local copies."""
        ...


ShippingFor = Callable[[Job], Shipping]
"""Gives a job's Shipping (jobs.cluster_inputs.shipping_for); ClusterError for a job that
cannot run on a cluster."""


@dataclass(frozen=True)
class TlsFiles:
    """The certificate files of a TLS cluster: the CA's certificate, ours and our key."""

    ca: Path
    cert: Path
    key: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> TlsFiles | None:
        """From BRANDSTUDIO_CLUSTER_CA/_CERT/_KEY; None when none is set."""
        env = os.environ if env is None else env
        values = [env.get(name, "").strip() for name in (CA_ENV, CERT_ENV, KEY_ENV)]
        if not any(values):
            return None
        if not all(values):
            raise ClusterError(f"set all three of {CA_ENV}, {CERT_ENV} and {KEY_ENV}")
        ca, cert, key = (Path(value).expanduser() for value in values)
        return cls(ca, cert, key)


@dataclass(frozen=True)
class ClusterAddress:
    """A checked ``--cluster`` value: ``local`` workers to start, or a scheduler's address."""

    text: str
    local_workers: int = 0
    tls: bool = False

    @property
    def is_local(self) -> bool:
        """True for ``local:N`` (a cluster this process starts)."""
        return self.local_workers > 0


def parse_address(text: str) -> ClusterAddress:
    """Check a ``--cluster`` value; ClusterError says what to write instead."""
    text = text.strip()
    local = re.fullmatch(r"local:(\d+)", text)
    if local:
        count = int(local.group(1))
        if not 1 <= count <= 256:
            raise ClusterError(f"--cluster {text}: local:N takes 1 to 256 workers")
        return ClusterAddress(text, local_workers=count)
    scheme, separator, rest = text.partition("://")
    host, colon, port = rest.rpartition(":")
    if not separator or not colon or not host or not port.isdigit():
        raise ClusterError(
            f"--cluster {text!r}: give tls://HOST:PORT (a scheduler) or local:N (N workers here)"
        )
    if scheme == "tls":
        return ClusterAddress(text, tls=True)
    if scheme == "tcp" and _is_loopback(host):
        return ClusterAddress(text)
    if scheme == "tcp":
        raise ClusterError(
            f"--cluster {text}: an unencrypted scheduler on another machine would run anyone's"
            " code; start it with TLS and use tls://HOST:PORT (README: Past one machine)"
        )
    raise ClusterError(f"--cluster {text}: the address must start with tls:// (or be local:N)")


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def software_versions() -> dict[str, str]:
    """What decides the bytes of an output, in this process: Brandstudio (its version and a
    digest of its code), Pillow, OpenCV and NumPy."""
    import cv2
    import numpy
    import PIL

    import brandstudio

    return {
        "Brandstudio": f"{brandstudio.__version__} (code {_code_digest()})",
        "Pillow": PIL.__version__,
        "OpenCV": str(cv2.__version__),
        "NumPy": numpy.__version__,
    }


def _code_digest() -> str:
    """A short digest of the installed package's Python files (editable installs differ)."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def version_mismatch(worker: str, theirs: Mapping[str, str], ours: Mapping[str, str]) -> str:
    """'' when equal, else a sentence naming the worker and the versions that differ."""
    differences = [
        f"{name} {theirs.get(name, 'missing')} (here {value})"
        for name, value in ours.items()
        if theirs.get(name) != value
    ]
    if not differences:
        return ""
    return (
        f"worker {worker} has {', '.join(differences)}: outputs would not be byte-identical;"
        " install the same versions on every machine"
    )


def dask_distributed(address: str) -> Any:
    """The ``distributed`` module (untyped: used through Any); ClusterError when the extra is
    not installed."""
    try:
        return importlib.import_module("distributed")
    except ImportError:
        raise ClusterError(f"--cluster {address}: {INSTALL_HINT}") from None


@dataclass
class ClusterSession:
    """A connected cluster: the Dask client (and the local cluster when we started one)."""

    address: ClusterAddress
    client: Any
    shipping: ShippingFor
    cluster: Any = None
    in_flight: int | None = None
    """Items sent at most at once (None: twice the workers' threads)."""
    versions: Mapping[str, str] | None = None

    def close(self) -> None:
        """Disconnect (and stop the workers of a local cluster)."""
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()

    def threads(self) -> int:
        """How many items the workers run at once (1 when it cannot be told)."""
        try:
            return max(1, int(sum(self.client.nthreads().values())))
        except Exception:  # a scheduler that went away: the run reports it
            return 1


@contextlib.contextmanager
def open_cluster(
    text: str,
    shipping: ShippingFor,
    *,
    tls: TlsFiles | None = None,
    timeout: float | None = None,
) -> Iterator[ClusterSession]:
    """Connect to (or start) the cluster ``text`` names and check its workers' versions.

    Raises ClusterError: unusable address, missing extra or certificates, scheduler
    unreachable, no worker, a worker with other versions.
    """
    address = parse_address(text)
    timeout = timeout or connect_seconds()
    with short_message_logs(address.text):
        session = _connect(address, shipping, tls, timeout)
        try:
            check_versions(session, timeout)
            yield session
        finally:
            session.close()


MESSAGE_LOG_LENGTH = 16
"""Messages each Dask stream keeps for debugging (Dask's default is 1,000).

Dask keeps every stream's last messages under 1 MB, and ours carry the items' files: with
200 KB photos (3,000 items) that held ~380 MB in a client talking to a separate scheduler, and
~700 MB with ``local:2``, whose scheduler's streams are in the client too."""


@contextlib.contextmanager
def short_message_logs(address: str) -> Iterator[None]:
    """Dask's debugging logs of recent messages cut to MESSAGE_LOG_LENGTH while the session
    lives (streams read it when they open; a local cluster's workers inherit it)."""
    dask_distributed(address)
    config: Any = importlib.import_module("dask.config")
    with config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG_LENGTH}):
        yield


def connect_seconds() -> float:
    """CONNECT_SECONDS, or BRANDSTUDIO_CLUSTER_TIMEOUT when it is a positive number."""
    text = os.environ.get("BRANDSTUDIO_CLUSTER_TIMEOUT", "")
    try:
        value = float(text)
    except ValueError:
        return CONNECT_SECONDS
    return value if 0 < value < 3600 else CONNECT_SECONDS


def _connect(
    address: ClusterAddress, shipping: ShippingFor, tls: TlsFiles | None, timeout: float
) -> ClusterSession:
    distributed = dask_distributed(address.text)
    if address.is_local:
        try:
            cluster = distributed.LocalCluster(
                n_workers=address.local_workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                # the scheduler's HTTP routes (no dashboard) on a free port: never a clash
                # with another cluster on this computer at Dask's default 8787
                dashboard_address="127.0.0.1:0",
                scheduler_kwargs={"dashboard": False},
                silence_logs=logging.ERROR,
            )
        except Exception as error:  # its processes did not come up (a machine out of memory)
            raise ClusterError(
                f"--cluster {address.text}: the local cluster did not start:"
                f" {error or type(error).__name__}"
            ) from None
        return ClusterSession(address, distributed.Client(cluster), shipping, cluster)
    security = _security(address, tls)
    try:
        client = distributed.Client(
            address.text, security=security, timeout=timeout, set_as_default=False
        )
    except (OSError, TimeoutError) as error:
        raise ClusterError(
            f"cannot reach the scheduler at {address.text}: {error or type(error).__name__}"
        ) from None
    return ClusterSession(address, client, shipping)


def _security(address: ClusterAddress, tls: TlsFiles | None) -> Any:
    if not address.tls:
        return None
    tls = tls or TlsFiles.from_env()
    if tls is None:
        raise ClusterError(
            f"--cluster {address.text}: TLS needs certificate files: set {CA_ENV}, {CERT_ENV}"
            f" and {KEY_ENV} (README: Past one machine)"
        )
    for path in (tls.ca, tls.cert, tls.key):
        if not path.is_file():
            raise ClusterError(f"--cluster {address.text}: {path}: no such certificate file")
    return dask_distributed(address.text).Security(
        tls_ca_file=str(tls.ca),
        tls_client_cert=str(tls.cert),
        tls_client_key=str(tls.key),
        require_encryption=True,
    )


def check_versions(session: ClusterSession, timeout: float = CONNECT_SECONDS) -> None:
    """Refuse a cluster without workers, or with a worker whose versions differ from ours."""
    client = session.client
    try:
        client.wait_for_workers(1, timeout=timeout)
        reported: dict[str, dict[str, str]] = client.run(software_versions)
    except (OSError, TimeoutError) as error:
        raise ClusterError(
            f"the cluster at {session.address.text} has no worker ready"
            f" ({error or type(error).__name__}): start `dask worker` on the other machines"
        ) from None
    ours = software_versions()
    for worker, theirs in sorted(reported.items()):
        problem = version_mismatch(worker, theirs, ours)
        if problem:
            raise ClusterError(problem)
    session.versions = ours


_ACTIVE: contextvars.ContextVar[ClusterSession | None] = contextvars.ContextVar(
    "brandstudio_cluster", default=None
)


@contextlib.contextmanager
def using_cluster(session: ClusterSession | None) -> Iterator[None]:
    """Within this block (in this thread), a batch whose settings name no cluster runs on
    ``session``: for front ends that call a job's own run function (``run_plan``)."""
    token = _ACTIVE.set(session)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active_cluster() -> ClusterSession | None:
    """The session of the innermost :func:`using_cluster` block, if any."""
    return _ACTIVE.get()
