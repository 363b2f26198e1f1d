"""The PouchDB peer of bench sync: the same vendors as Grapevine's bench, and a plain answer when it cannot run."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from recommender.bench.sync_peer import incremental_rounds, pouchdb_documents, run_pouchdb_peer
from recommender.bench.sync_records import vendor_changes
from recommender.storage.changelog import synced_fields
from recommender.storage.models import Vendor


def test_documents_hold_every_synced_field_with_the_bench_values() -> None:
    documents = pouchdb_documents(30)
    assert [document["_id"] for document in documents] == [str(uuid.UUID(int=n + 1)) for n in range(30)]
    assert all(set(document) == {"_id", *synced_fields(Vendor)} for document in documents)
    seventh = documents[7]
    assert seventh["name"] == "Vendor 7" and seventh["phone"] == "020 7946 0007"
    assert seventh["website"] == "https://vendor7.example" and seventh["deleted"] is False
    assert seventh["notes"] is None and seventh["email"] is None
    by_id = {document["_id"]: document for document in documents}
    for change in vendor_changes(30, "elsewhere", 12345):
        assert by_id[str(change.record_id)][change.field] == change.value


def test_each_incremental_round_changes_ten_loaded_documents() -> None:
    loaded = {document["_id"] for document in pouchdb_documents(10_000)}
    rounds = incremental_rounds(10_000)
    assert len(rounds) == 20 and all(len(edits) == 10 for edits in rounds)
    changed = [document_id for edits in rounds for document_id, _field, _value in edits]
    assert set(changed) <= loaded and len(set(changed)) == 200


def test_without_node_the_peer_is_unavailable_with_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = run_pouchdb_peer(records=10, folder=tmp_path / "work", peer_folder=tmp_path / "peer")
    assert result["available"] is False
    assert "node is not installed" in result["reason"]
    assert not (tmp_path / "peer").exists()


def test_a_failed_install_is_reported_not_raised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # npm offline with an empty cache: the install fails at once, without the network.
    monkeypatch.setenv("npm_config_offline", "true")
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "npm-cache"))
    progress: list[str] = []
    peer = tmp_path / "peer"
    result = run_pouchdb_peer(records=10, progress=progress.append, folder=tmp_path / "work", peer_folder=peer)
    assert any(line.startswith("installing the PouchDB peer") for line in progress)
    assert result["available"] is False
    assert "npm" in result["reason"] and "install" in result["reason"]
    assert not (peer / "node_modules" / "pouchdb").exists()
