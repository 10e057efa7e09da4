#!/usr/bin/env bash
# Dry-run validation of the Kubernetes manifests in Examples/deploy/k8s (issue 11): they cannot
# be applied here (no cluster), so each resource is checked offline against the Kubernetes
# OpenAPI schemas bundled in the pinned PyPI `kubernetes-validate` (strict: unknown fields fail,
# required ones must be there). The venv is created once; exits non-zero on any invalid resource.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${CHARGESIM_K8S_VENV:-$root/.venv-k8s}"
pins=(kubernetes-validate==1.37.0 jsonschema==4.26.0 PyYAML==6.0.4 referencing==0.37.0)
if ! [ -x "$venv/bin/kubernetes-validate" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "${pins[@]}"
fi
"$venv/bin/kubernetes-validate" --strict --kubernetes-version 1.37.0 "$root"/Examples/deploy/k8s/*.yaml
