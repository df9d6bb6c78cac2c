"""The Kubernetes manifests in deploy/kubernetes/, checked offline (no cluster, no network): each
document against the strict JSON schema of its kind for Kubernetes 1.30 (deploy/kubernetes-schemas.json,
bundled by deploy/bundle_schemas.py), so that a misspelt field, a wrong type or a missing required
field fails here; then what the topology needs: probes and resource requests on every container,
secrets only from the Secret, Services that select their pods, sticky sessions at the Ingress.
A broken copy of a manifest is shown to fail, so the check cannot pass by checking nothing."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = sorted((ROOT / "deploy" / "kubernetes").glob("*.yaml"))
SCHEMAS = ROOT / "deploy" / "kubernetes-schemas.json"
SECRET_NAMES = {"DATABASE_URL", "REDIS_URL", "TECHTRACK_ID_HASH_KEY", "TECHTRACK_SESSION_KEY",
                "ACTION_SERVER_TOKEN", "TECHTRACK_REST_TOKEN"}


@cache
def bundle() -> dict[str, Any]:
    return dict(json.loads(SCHEMAS.read_text()))


def documents() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in MANIFESTS:
        for document in yaml.safe_load_all(path.read_text()):
            if document:
                name = f"{path.name}: {document.get('kind')} {document['metadata']['name']}"
                found.append((name, document))
    return found


def schema_errors(document: dict[str, Any]) -> list[str]:
    key = f"{document.get('apiVersion')}/{document.get('kind')}"
    kinds = bundle()["kinds"]
    if key not in kinds:
        return [f"no schema for {key} (deploy/bundle_schemas.py lists the kinds)"]
    validator = Draft202012Validator({**kinds[key], "$defs": bundle()["$defs"]})
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in validator.iter_errors(document)]


def of_kind(kind: str) -> list[dict[str, Any]]:
    return [d for _, d in documents() if d["kind"] == kind]


def test_there_are_manifests_for_the_whole_topology() -> None:
    kinds = sorted((d["kind"], d["metadata"]["name"]) for _, d in documents())
    for needed in [("Deployment", "techtrack-rasa"), ("Deployment", "techtrack-actions"),
                   ("Service", "techtrack-rasa"), ("Service", "techtrack-actions"),
                   ("Ingress", "techtrack"), ("ConfigMap", "techtrack-settings")]:
        assert needed in kinds


@pytest.mark.parametrize(("name", "document"), documents(), ids=[n for n, _ in documents()])
def test_each_manifest_matches_the_kubernetes_schema_of_its_kind(name: str, document: dict[str, Any]) -> None:
    assert schema_errors(document) == [], name


def test_a_broken_manifest_fails_the_schema_check() -> None:
    deployment = next(d for d in of_kind("Deployment") if d["metadata"]["name"] == "techtrack-rasa")
    assert schema_errors(deployment) == []
    container = ["spec", "template", "spec", "containers", 0]

    def broken(change: Any) -> list[str]:
        document = copy.deepcopy(deployment)
        target = document
        for step in container:
            target = target[step]
        change(document, target)
        return schema_errors(document)

    assert any("readinesProbe" in e for e in broken(lambda d, c: c.update(readinesProbe=c["readinessProbe"])))
    assert any("replicas" in e for e in broken(lambda d, c: d["spec"].update(replicas="two")))
    assert any("containerPort" in e for e in broken(lambda d, c: c["ports"][0].pop("containerPort")))
    assert any("selector" in e for e in broken(lambda d, c: d["spec"].pop("selector")))


def containers(deployment: dict[str, Any]) -> list[dict[str, Any]]:
    pod = deployment["spec"]["template"]["spec"]
    return [*pod.get("initContainers", []), *pod["containers"]]


@pytest.mark.parametrize("deployment", of_kind("Deployment"), ids=lambda d: d["metadata"]["name"])
def test_every_server_has_health_checks_resources_and_secrets_from_the_secret(
    deployment: dict[str, Any],
) -> None:
    for container in deployment["spec"]["template"]["spec"]["containers"]:
        assert container["readinessProbe"]["httpGet"]["path"] in ("/", "/health")
        assert container["livenessProbe"]["httpGet"]["path"] == container["readinessProbe"]["httpGet"]["path"]
        requests = container["resources"]["requests"]
        assert requests["memory"].endswith("Mi") and requests["cpu"]
        assert container["resources"]["limits"]["memory"]
    for container in containers(deployment):
        for variable in container.get("env", []):
            if variable["name"] in SECRET_NAMES:
                assert "value" not in variable, f"{variable['name']} must come from the Secret"
                assert variable["valueFrom"]["secretKeyRef"]["name"] == "techtrack-secrets"
    assert deployment["spec"]["template"]["metadata"]["labels"].items() >= \
        deployment["spec"]["selector"]["matchLabels"].items()


def test_no_secret_value_is_committed() -> None:
    assert of_kind("Secret") == []  # created from the environment (docs/operations/scaling.md)
    for config_map in of_kind("ConfigMap"):
        assert not SECRET_NAMES & config_map["data"].keys()


def test_services_select_their_pods_and_the_rasa_pods_reach_the_action_servers() -> None:
    pods = {d["metadata"]["name"]: d["spec"]["template"]["metadata"]["labels"] for d in of_kind("Deployment")}
    for service in of_kind("Service"):
        assert service["spec"]["selector"].items() <= pods[service["metadata"]["name"]].items()
    settings = of_kind("ConfigMap")[0]["data"]
    assert settings["ACTION_SERVER_URL"] == "http://techtrack-actions:5055/webhook"
    assert settings["TECHTRACK_ENV"] == "production"


def test_the_ingress_keeps_a_browser_on_one_replica() -> None:
    ingress = of_kind("Ingress")[0]
    annotations = ingress["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    paths = {p["path"] for rule in ingress["spec"]["rules"] for p in rule["http"]["paths"]}
    assert {"/chat", "/socket.io", "/webhooks"} <= paths
    # longer than a turn can take: the lock's lifetime (a dead replica's lock) plus the action timeout
    lifetime = int(of_kind("ConfigMap")[0]["data"]["TICKET_LOCK_LIFETIME"])
    assert int(annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]) > lifetime + 20
