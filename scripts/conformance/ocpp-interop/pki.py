"""A throwaway public key infrastructure for the security scenarios, made at run time with the
`openssl` command-line tool in a temporary folder: test CAs (EC P-256), server certificates for
127.0.0.1/localhost, client certificates whose CN is a charge point id, firmware signing
certificates, CSR signing (`openssl x509 -req`) and firmware signatures
(`openssl dgst -sha256 -sign`, base64) — the OCPP 1.6 security extension's inputs, made by a
tool we do not write.
"""

from __future__ import annotations

import base64
import itertools
import ssl
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Optional


class OpenSSLFailed(RuntimeError):
    """An `openssl` command failed; the message has its arguments and output."""


def openssl(*arguments: str, cwd: Path, stdin: Optional[bytes] = None) -> bytes:
    done = subprocess.run(["openssl", *arguments], cwd=cwd, input=stdin, capture_output=True)
    if done.returncode != 0:
        raise OpenSSLFailed(f"openssl {' '.join(arguments)} exited {done.returncode}: "
                            f"{done.stderr.decode(errors='replace').strip()}")
    return done.stdout


@dataclass(frozen=True)
class Issued:
    """A certificate (PEM file) and its private key (PEM file)."""

    certificate: Path
    key: Path

    @property
    def pem(self) -> str:
        return self.certificate.read_text()


class CertificateAuthority:
    """A self-signed test CA in `folder`; every file it makes lives there."""

    _serials = itertools.count(0x1000)

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder
        self.name = name
        folder.mkdir(parents=True, exist_ok=True)
        self.certificate = folder / f"{name}-ca.pem"
        self.key = folder / f"{name}-ca.key"
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", str(self.key), "-out", str(self.certificate), "-days", "2",
                "-subj", f"/CN=ChargeSim Interop {name} CA",
                "-addext", "basicConstraints=critical,CA:true",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)

    @property
    def pem(self) -> str:
        return self.certificate.read_text()

    def _extensions(self, stem: str, lines: list[str]) -> Path:
        path = self.folder / f"{stem}.ext"
        path.write_text("\n".join(lines) + "\n")
        return path

    def sign_request(self, csr: Path, out: Path, extensions: list[str]) -> None:
        """Signs the CSR file `csr` into `out` with `openssl x509 -req` (valid from 10 minutes back)."""
        stem = out.stem
        openssl("x509", "-req", "-in", str(csr), "-CA", str(self.certificate), "-CAkey", str(self.key),
                "-set_serial", str(next(self._serials)), "-days", "1", "-sha256",
                "-extfile", str(self._extensions(stem, extensions)), "-out", str(out), cwd=self.folder)

    def _issue(self, stem: str, common_name: str, extensions: list[str]) -> Issued:
        key, csr, certificate = (self.folder / f"{stem}.key", self.folder / f"{stem}.csr", self.folder / f"{stem}.pem")
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={common_name}", cwd=self.folder)
        self.sign_request(csr, certificate, extensions)
        return Issued(certificate, key)

    def server(self, stem: str = "server", names: str = "DNS:localhost,IP:127.0.0.1") -> Issued:
        """A server certificate for `names` (subject alternative names; default localhost and 127.0.0.1)."""
        return self._issue(f"{self.name}-{stem}", "localhost", [
            "basicConstraints=critical,CA:false", "keyUsage=critical,digitalSignature,keyEncipherment",
            "extendedKeyUsage=serverAuth", f"subjectAltName={names}"])

    def client(self, charge_point_id: str) -> Issued:
        """A client certificate whose CN is `charge_point_id` (security profile 3)."""
        return self._issue(f"{self.name}-client-{charge_point_id}", charge_point_id, [
            "basicConstraints=critical,CA:false", "keyUsage=critical,digitalSignature,keyEncipherment",
            "extendedKeyUsage=clientAuth"])

    def firmware_signer(self) -> Issued:
        """A firmware signing certificate (SignedUpdateFirmware's signingCertificate)."""
        return self._issue(f"{self.name}-firmware-signer", "ChargeSim Interop Firmware Signer", [
            "basicConstraints=critical,CA:false", "keyUsage=critical,digitalSignature",
            "extendedKeyUsage=codeSigning"])

    def sign_csr_pem(self, csr_pem: str, stem: str) -> str:
        """Signs a charge point's SignCertificate CSR (PEM) as a client certificate; the PEM."""
        csr, out = self.folder / f"{stem}.csr", self.folder / f"{stem}.pem"
        csr.write_text(csr_pem)
        self.sign_request(csr, out, ["basicConstraints=critical,CA:false",
                                     "keyUsage=critical,digitalSignature,keyEncipherment",
                                     "extendedKeyUsage=clientAuth"])
        return out.read_text()


def csr_subject(csr_pem: str, folder: Path) -> dict[str, str]:
    """The subject of a PEM CSR after its signature checked out (`openssl req -verify`), e.g.
    `{"O": "Ampvia", "CN": "CP1"}`."""
    out = openssl("req", "-noout", "-verify", "-subject", "-nameopt", "sep_multiline,space_eq", cwd=folder,
                  stdin=csr_pem.encode())
    fields = {}
    for line in out.decode().splitlines()[1:]:
        key, _, value = line.strip().partition(" = ")
        fields[key] = value
    return fields


def sign_file(data: bytes, signer: Issued, folder: Path) -> str:
    """The base64 SHA-256 signature of `data` by `signer`'s key (`openssl dgst -sha256 -sign`)."""
    return base64.b64encode(openssl("dgst", "-sha256", "-sign", str(signer.key), cwd=folder, stdin=data)).decode()


def server_context(issued: Issued, client_ca: Optional[CertificateAuthority] = None,
                   require_client_certificate: bool = False) -> ssl.SSLContext:
    """A TLS server context presenting `issued`; with `client_ca`, it asks for a client
    certificate signed by it (required or optional)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(str(issued.certificate), str(issued.key))
    if client_ca is not None:
        context.load_verify_locations(str(client_ca.certificate))
        context.verify_mode = ssl.CERT_REQUIRED if require_client_certificate else ssl.CERT_OPTIONAL
    return context
