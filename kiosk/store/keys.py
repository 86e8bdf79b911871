"""Ed25519 detached signatures over packed bundles (``FILE.zip.sig`` beside ``FILE.zip``)."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # cryptography is imported when signatures are used, not at kiosk start-up
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )


class SignatureError(ValueError):
    """A signature is missing, malformed or made by no trusted key."""


def new_keypair(folder: Path, name: str = "kiosk-signing") -> tuple[Path, str]:
    """Write ``<name>.key`` (private, mode 600) in ``folder``.

    Returns its path and the public key (base64)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    folder.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    private = folder / f"{name}.key"
    raw = key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(base64.b64encode(raw).decode() + "\n")
    public = public_key_b64(key.public_key())
    (folder / f"{name}.pub").write_text(public + "\n")
    return private, public


def public_key_b64(key: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization

    return base64.b64encode(
        key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    ).decode()


def load_private_key(path: Path) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        raw = base64.b64decode(path.read_text().strip(), validate=True)
        return Ed25519PrivateKey.from_private_bytes(raw)
    except (ValueError, OSError) as exc:
        raise SignatureError(
            f"{path} is not a signing key made by 'kiosk keys new' ({exc})"
        ) from exc


def sign_file(path: Path, key: Ed25519PrivateKey) -> Path:
    """Write ``<path>.sig``: the base64 signature of the file's bytes."""
    sig = path.with_name(path.name + ".sig")
    sig.write_text(base64.b64encode(key.sign(path.read_bytes())).decode() + "\n")
    return sig


def verify_signature(
    path: Path, trusted: list[str], *, sig_path: Path | None = None, label: str | None = None
) -> str:
    """Check the signature (default ``<path>.sig``) against the trusted public keys (base64);
    returns the key that signed. The file is read once: the store passes its private copy
    (``label`` is then the name staff know it by)."""
    name = label or path.name
    sig_path = sig_path or path.with_name(path.name + ".sig")
    sig_name = f"{name}.sig"
    if not sig_path.is_file():
        raise SignatureError(f"{name} is not signed (no {sig_name} beside it)")
    try:
        signature = base64.b64decode(sig_path.read_text().strip(), validate=True)
    except (ValueError, UnicodeDecodeError) as exc:
        raise SignatureError(f"{sig_name} is not a signature") from exc
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    data = path.read_bytes()
    for key_b64 in trusted:
        try:
            Ed25519PublicKey.from_public_bytes(base64.b64decode(key_b64)).verify(signature, data)
        except (InvalidSignature, ValueError):
            continue
        return key_b64
    raise SignatureError(f"{name} is not signed by a trusted key")
