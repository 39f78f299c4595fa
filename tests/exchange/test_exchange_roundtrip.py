"""Export from one laptop, import into another: nothing lost, nothing duplicated."""

import sqlite3
import uuid

import pytest

from ewarong_desktop.db.models import Tombstone
from ewarong_desktop.services import advisors, assessments, exchange, profiles, warongs
from ewarong_desktop.services.demo import generate_demo

from .conftest import CONTENT_TABLES, dump, export_file, read_parts


def counts_of(preview, kind):
    counts = preview.counts[kind]
    return counts.new, counts.updated, counts.unchanged, counts.conflicting


def test_round_trip_gives_equal_content(laptop, laptop_file, make_database):
    coordinator = make_database("coordinator")
    result = exchange.apply(coordinator, laptop_file)
    if coordinator.is_server:  # a server is backed up with pg_dump, not before each import
        assert result.applied and result.backup_path is None
    else:
        assert result.applied and result.backup_path is not None and result.backup_path.exists()
    assert dump(coordinator, CONTENT_TABLES) == dump(laptop.database, CONTENT_TABLES)
    assert counts_of(result, "assessments") == (2, 0, 0, 0)
    assert counts_of(result, "ratings") == (35, 0, 0, 0)
    assert counts_of(result, "tombstones") == (1, 0, 0, 0)
    # What the coordinator sees is what the advisor entered: notes, N/A, audit trail.
    with coordinator.session() as session:
        detail = assessments.get_detail(session, laptop.final)
        trail = assessments.audit_trail(session, laptop.final)
    assert detail.summary.status == "final" and detail.summary.advisor_name == "Euis Nur’aini"
    assert detail.ratings["4.2.3"].not_applicable
    assert detail.ratings["4.1.5"].level == 3
    assert detail.ratings["4.1.5"].note == "sudah dibantu laporan laba rugi"
    assert [entry.action for entry in trail] == ["finalise", "reopen", "rating", "note", "refinalise"]


def test_the_backup_holds_the_database_as_it_was_before_the_import(laptop_file, make_database):
    coordinator = make_database("coordinator")
    if coordinator.is_server:
        pytest.skip("pre-import backups are SQLite files; a server is backed up with pg_dump")
    with coordinator.session() as session:
        advisors.create_advisor(session, "Kortek Bandung", "OTHER")
    result = exchange.apply(coordinator, laptop_file)
    assert result.backup_path.name.endswith("-pre-import.sqlite3")
    with sqlite3.connect(result.backup_path) as backup:
        names = [row[0] for row in backup.execute("SELECT name FROM advisor")]
    assert names == ["Kortek Bandung"]


def test_demo_database_round_trips_both_ways(make_database, tmp_path):
    source = make_database("demo")
    with source.session() as session:
        generate_demo(session, seed=7)
    target = make_database("target")
    exchange.apply(target, export_file(source, tmp_path / "demo.ewarong"))
    assert dump(target, CONTENT_TABLES) == dump(source, CONTENT_TABLES)
    back = exchange.apply(source, export_file(target, tmp_path / "back.ewarong"))
    assert back.total("new") == back.total("updated") == back.total("conflicting") == 0
    assert back.backup_path is None  # nothing to change: no backup either


def test_importing_the_same_file_twice_changes_nothing(laptop_file, make_database):
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, laptop_file)
    before = dump(coordinator)
    again = exchange.apply(coordinator, laptop_file)
    assert dump(coordinator) == before  # same rows, same values, same updated_at
    assert not again.has_changes and again.backup_path is None
    assert again.total("unchanged") == sum(len(rows) for rows in read_parts(laptop_file)[1].values())


def test_several_files_import_together_or_not_at_all(laptop, laptop_file, make_database, tmp_path):
    other = make_database("other")
    with other.session() as session:
        advisors.create_advisor(session, "Rina Permana", "PKH")
    other_file = export_file(other, tmp_path / "other.ewarong")
    broken = tmp_path / "broken.ewarong"
    broken.write_bytes(other_file.read_bytes()[:-40])
    coordinator = make_database("coordinator")
    before = dump(coordinator)
    with pytest.raises(exchange.ExchangeError, match="broken.ewarong"):
        exchange.import_files(coordinator, [laptop_file, broken])
    assert dump(coordinator) == before
    results = exchange.import_files(coordinator, [laptop_file, other_file])
    assert [r.counts["advisors"].new for r in results] == [2, 1]


def test_dry_run_counts_without_writing(laptop_file, make_database):
    coordinator = make_database("coordinator")
    before = dump(coordinator)
    [result] = exchange.import_files(coordinator, [laptop_file], dry_run=True)
    assert counts_of(result, "assessments") == (2, 0, 0, 0) and not result.applied
    assert dump(coordinator) == before


def test_preview_writes_nothing_and_matches_apply(laptop_file, make_database):
    coordinator = make_database("coordinator")
    before = dump(coordinator)
    with coordinator.session() as session:
        preview = exchange.preview(session, laptop_file)
    assert dump(coordinator) == before
    applied = exchange.apply(coordinator, exchange.read_exchange_file(laptop_file))
    assert applied.counts == preview.counts
    assert preview.source_id == read_parts(laptop_file)[0]["source_id"]


def test_newer_draft_wins_older_draft_does_not(laptop, laptop_file, make_database, tmp_path):
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, laptop_file)
    with laptop.database.session() as session:
        assessments.set_rating(session, laptop.draft, "4.1.2", 4, note="sudah membaik")
        assessments.set_rating(session, laptop.draft, "4.1.3", 2)
    newer = export_file(laptop.database, tmp_path / "newer.ewarong")
    result = exchange.apply(coordinator, newer)
    assert counts_of(result, "assessments") == (0, 1, 1, 0)
    assert counts_of(result, "ratings")[:2] == (1, 1)  # 4.1.3 new, 4.1.2 changed
    assert dump(coordinator, CONTENT_TABLES) == dump(laptop.database, CONTENT_TABLES)
    # The old file again: the coordinator keeps the newer draft.
    result = exchange.apply(coordinator, laptop_file)
    assert result.counts["assessments"].updated == 0
    with coordinator.session() as session:
        assert assessments.get_detail(session, laptop.draft).ratings["4.1.2"].level == 4


def test_newer_advisor_details_win(laptop, laptop_file, make_database, tmp_path):
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, laptop_file)
    with coordinator.session() as session:  # the coordinator corrects the phone number
        advisors.update_advisor(session, laptop.pkh, "Euis Nur’aini", "PKH", phone="081234567890",
                                staff_number="PKH-1001", kabupaten="Kota Bandung",
                                kecamatan="Lengkong")
    result = exchange.apply(coordinator, laptop_file)  # the laptop's older record
    assert counts_of(result, "advisors") == (0, 0, 2, 0)
    with coordinator.session() as session:
        assert advisors.get_advisor(session, laptop.pkh).phone == "081234567890"
    exchange.apply(laptop.database, export_file(coordinator, tmp_path / "back.ewarong"))
    with laptop.database.session() as session:
        assert advisors.get_advisor(session, laptop.pkh).phone == "081234567890"


@pytest.mark.parametrize("version", ["2027.1", "2026.1"])
def test_other_instrument_version_is_kept(laptop, make_database, tmp_path, monkeypatch, version):
    # A program that knows these editions (an unknown one is refused: test_hostile_text.py).
    from ewarong_desktop.services.exchange import text as exchange_text

    monkeypatch.setattr(exchange_text, "known_instrument_versions",
                        lambda: ("2026.1", "2026.2", "2027.1"))
    with laptop.database.session() as session:
        later = assessments.start_assessment(session, laptop.pkh, laptop.warong_a, "2026-S2",
                                             instrument_version=version).id
        assessments.set_rating(session, later, "4.3.4", 2)
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, export_file(laptop.database, tmp_path / "f.ewarong"))
    with coordinator.session() as session:
        detail = assessments.get_detail(session, later)
        profile = profiles.compute_profile(session, later)
    assert detail.summary.instrument_version == version
    assert detail.ratings["4.3.4"].level == 2  # mapped by cell code
    assert profile.cells["4.3.4"].level == 2 and profile.answered >= 1


def test_deletions_travel_and_never_lose_newer_work(laptop, make_database, tmp_path):
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, export_file(laptop.database, tmp_path / "first.ewarong"))
    with laptop.database.session() as session:
        spare = warongs.create_warong(session, warongs.WarongFields(
            name="e-Warong Cadangan", kelurahan="Cijagra", kecamatan="Lengkong",
            kabupaten="Kota Bandung")).id
        typo = advisors.create_advisor(session, "Ujang Typo", "PKH").id
    exchange.apply(coordinator, export_file(laptop.database, tmp_path / "second.ewarong"))
    with laptop.database.session() as session:
        warongs.delete_warong(session, spare)
        advisors.delete_advisor(session, typo)
        with pytest.raises(Exception, match="assessment"):
            advisors.delete_advisor(session, laptop.pkh)  # has assessments: refused
    with coordinator.session() as session:  # the coordinator fixed the advisor after the deletion
        advisors.update_advisor(session, typo, "Ujang Saepudin", "PKH")
    result = exchange.apply(coordinator, export_file(laptop.database, tmp_path / "third.ewarong"))
    assert counts_of(result, "tombstones") == (1, 0, 2, 0)
    with coordinator.session() as session:
        assert [w.name for w in warongs.list_warongs(session, search="Cadangan")] == []
        assert advisors.get_advisor(session, typo).name == "Ujang Saepudin"  # newer: kept
        assert session.get(Tombstone, ("warong", spare)) is not None


def test_same_warung_entered_on_two_laptops_is_not_duplicated(laptop, laptop_file, make_database):
    coordinator = make_database("coordinator")
    with coordinator.session() as session:
        mine = warongs.create_warong(session, warongs.WarongFields(
            name="E-warong  SAUYUNAN", kelurahan="Cijagra", kecamatan="Lengkong",
            kabupaten="Kota Bandung")).id
    result = exchange.apply(coordinator, laptop_file)
    # Barokah is new; Sauyunan is the one already here, and here it was entered later.
    assert counts_of(result, "warongs") == (1, 0, 1, 0)
    with coordinator.session() as session:
        assert len(warongs.list_warongs(session)) == 2
        final = assessments.get_summary(session, laptop.final)
        assert final.warong_id == mine and final.warong_name == "E-warong SAUYUNAN"
    assert not exchange.apply(coordinator, laptop_file).has_changes


def test_cancel_leaves_database_and_folder_as_they_were(laptop, laptop_file, make_database, tmp_path):
    coordinator = make_database("coordinator")
    before = dump(coordinator)

    def cancel_while_writing(stage, done, total):
        return stage != "write"

    with pytest.raises(exchange.ExchangeCancelled):
        exchange.apply(coordinator, laptop_file, progress=cancel_while_writing)
    assert dump(coordinator) == before
    out = tmp_path / "cancelled" / "x.ewarong"
    out.parent.mkdir()
    with pytest.raises(exchange.ExchangeCancelled), laptop.database.session() as session:
        exchange.export_exchange(session, out, progress=lambda stage, done, total: done < 3)
    assert list(out.parent.iterdir()) == []


def test_progress_reports_every_stage(laptop_file, make_database):
    stages = []
    coordinator = make_database("coordinator")
    exchange.apply(coordinator, laptop_file,
                   progress=lambda stage, done, total: stages.append(stage))
    expected = {"read", "check", "compare", "write"} | (set() if coordinator.is_server else {"backup"})
    assert expected <= set(stages)


def test_source_id_is_made_once_per_installation(laptop, tmp_path):
    first = read_parts(export_file(laptop.database, tmp_path / "1.ewarong"))[0]["source_id"]
    second = read_parts(export_file(laptop.database, tmp_path / "2.ewarong"))[0]["source_id"]
    assert first == second and uuid.UUID(first)
