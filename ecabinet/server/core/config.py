"""Server settings, made by a function (never at import time) so tests can build their own."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    body_code: str = "gov"
    body_name: str = "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam"
    # Certificates name the body in full when X.520's 64 characters allow it, else by this
    # short name and body_code (its identification code).
    body_short_name: str = ""
    blob_max_bytes: int = 200 * 1024 * 1024
    request_max_bytes: int = 20 * 1024 * 1024
    token_ttl_hours: int = 24 * 14
    offline_expiry_hours: int = 72  # a laptop away from the server this long hides its papers
    idle_lock_minutes: int = 10  # a laptop left alone this long locks its window
    login_max_failures: int = 5
    login_window_seconds: int = 15 * 60
    # scrypt cost: 2**14 takes ~50 ms here, enough to make guessing slow and sign-in quick.
    password_scrypt_n: int = 2**14
    pdf_check_seconds: float = 20.0
    pdf_check_memory_mb: int = 768
    # How many PDF checks (child processes) run at once in one server process: one per CPU,
    # so hostile uploads can never take more than the machine has; an upload that finds
    # them all busy waits this long for a place, then is answered 503 server_busy.
    pdf_check_workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    pdf_check_wait_seconds: float = 2.0
    demo: bool = False
    # Further CAs whose certificates members may sign with (the national government CA).
    trusted_ca_files: tuple[Path, ...] = ()
    # The RFC 3161 time-stamping authority laptops ask when they sign (PAdES B-T): a national
    # TSA's URL, or empty for this server's own (POST /api/v1/tsa).
    tsa_url: str = ""
    # The address members reach this server at ("https://ecabinet.example.gov.vn"): the
    # certificates the CA issues name its revocation list there (GET /api/v1/pki/crl), so a
    # validator finds it. Empty: certificates name none (the list is embedded in B-LT files).
    public_url: str = ""
    # Document files in an S3-compatible bucket ("s3://bucket/prefix/") instead of blob_dir.
    blob_s3_url: str = ""
    blob_s3_endpoint: str = ""  # for a store that is not Amazon's (MinIO, Ceph)
    # The live stream (GET /api/v1/events): a comment this often keeps proxies from closing
    # it; a stream ends after at most this long (and when its token expires), so that a
    # laptop proves its session again when it reconnects.
    # The feed's first page, read once for the members of an audience (first_pages.py): at
    # most this much memory in each server process for the pages kept; 0 turns it off.
    first_page_cache_mb: int = 32
    live_keepalive_seconds: float = 15.0
    live_stream_max_seconds: float = 900.0
    # Document interconnection (edXML, QCVN 102:2016): this body's organ id on the national
    # document exchange (a package's To must name it; empty: the Government Office's, from
    # ecabinet.domain.organs), and the largest package taken, counted as it arrives.
    interconnect_organ_id: str = ""
    interconnect_max_bytes: int = 100 * 1024 * 1024
    # Where the outbound queue goes (status packages and results): a folder the exchange's
    # adapter collects from, or its http(s) endpoint; empty: the queue waits for
    # ``ecabinet-server interconnect deliver``. Tried every exchange_interval seconds.
    exchange_out: str = ""
    exchange_interval: float = 15.0
    # A folder of PEM certificates whose keys may sign incoming packages (XML signature);
    # a signed package whose key is not among them is refused. Unsigned packages are taken
    # unless exchange_require_signature (ECABINET_EXCHANGE_UNSIGNED=refuse).
    exchange_trust: Path | None = None
    exchange_require_signature: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def ca_dir(self) -> Path:
        return self.data_dir / "ca"

    @property
    def audit_key_file(self) -> Path:
        """The key the audit log's hashes are keyed with: beside the CA, never in the database,
        so that whoever can write the database cannot rebuild a chain that verifies."""
        return self.data_dir / "audit.key"

    @property
    def audit_keys_dir(self) -> Path:
        """The keys of the audit chains of bodies restored from another server, one file per
        body (``<body id>.key``): their hashes were keyed there, and stay so."""
        return self.data_dir / "audit-keys"

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]


def get_settings(
    data_dir: str | Path | None = None, database_url: str | None = None, **overrides: object
) -> Settings:
    """Settings from arguments, then ECABINET_* environment variables, then defaults."""
    data = Path(data_dir or os.environ.get("ECABINET_DATA") or "./data").resolve()
    url = database_url or os.environ.get("ECABINET_DATABASE_URL") or ""
    if not url:
        url = f"sqlite:///{data / 'ecabinet.sqlite3'}"
    env_ints = {
        "blob_max_bytes": "ECABINET_BLOB_MAX_BYTES",
        "token_ttl_hours": "ECABINET_TOKEN_TTL_HOURS",
        "offline_expiry_hours": "ECABINET_OFFLINE_EXPIRY_HOURS",
        "idle_lock_minutes": "ECABINET_IDLE_LOCK_MINUTES",
        "pdf_check_workers": "ECABINET_PDF_CHECK_WORKERS",
        "interconnect_max_bytes": "ECABINET_INTERCONNECT_MAX_BYTES",
        "first_page_cache_mb": "ECABINET_FIRST_PAGE_CACHE_MB",
    }
    values: dict[str, object] = {}
    for name, var in env_ints.items():
        if os.environ.get(var):
            values[name] = int(os.environ[var])
    for name, var in (
        ("blob_s3_url", "ECABINET_BLOB_S3_URL"),
        ("blob_s3_endpoint", "ECABINET_BLOB_S3_ENDPOINT"),
        ("body_short_name", "ECABINET_BODY_SHORT_NAME"),
        ("tsa_url", "ECABINET_TSA_URL"),
        ("public_url", "ECABINET_PUBLIC_URL"),
        ("interconnect_organ_id", "ECABINET_INTERCONNECT_ORGAN_ID"),
    ):
        if os.environ.get(var):
            values[name] = os.environ[var]
    if os.environ.get("ECABINET_EXCHANGE_OUT"):
        values["exchange_out"] = os.environ["ECABINET_EXCHANGE_OUT"]
    if os.environ.get("ECABINET_EXCHANGE_INTERVAL"):
        values["exchange_interval"] = float(os.environ["ECABINET_EXCHANGE_INTERVAL"])
    if os.environ.get("ECABINET_EXCHANGE_TRUST"):
        values["exchange_trust"] = Path(os.environ["ECABINET_EXCHANGE_TRUST"])
    unsigned = os.environ.get("ECABINET_EXCHANGE_UNSIGNED", "allow").strip().lower()
    values["exchange_require_signature"] = unsigned == "refuse"
    if os.environ.get("ECABINET_TRUSTED_CA_FILES"):
        values["trusted_ca_files"] = tuple(
            Path(f) for f in os.environ["ECABINET_TRUSTED_CA_FILES"].split(os.pathsep) if f
        )
    values.update(overrides)
    return Settings(data_dir=data, database_url=url, **values)  # type: ignore[arg-type]
