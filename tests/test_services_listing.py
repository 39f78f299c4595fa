"""Counting and listing helpers the window's lazily loaded lists rely on."""

from ewarong_desktop.services import advisors, warongs


def _add(session, name, kecamatan, advisor_id=None):
    return warongs.create_warong(
        session, warongs.WarongFields(name=name, kelurahan="Cigending", kecamatan=kecamatan,
                                      kabupaten="Kota Bandung"), advisor_id=advisor_id)


def test_count_matches_the_list_for_every_filter(database, advisor_and_warong):
    advisor_id, _ = advisor_and_warong
    with database.session() as session:
        _add(session, "e-Warong Berkah", "Cibiru")
        _add(session, "e-Warong Mandiri", "Cibiru", advisor_id)
        filters = [{}, {"kecamatan": "Cibiru"}, {"search": "berkah"}, {"advisor_id": advisor_id},
                   {"advisor_id": advisor_id, "kecamatan": "Cibiru"}, {"search": "nothing"}]
        counts = [warongs.count_warongs(session, **f) for f in filters]
        assert counts == [len(warongs.list_warongs(session, **f)) for f in filters]
        assert counts == [3, 2, 1, 2, 1, 0]


def test_paging_returns_each_warong_once_in_name_order(database):
    with database.session() as session:
        for number in range(7):
            _add(session, f"e-Warong {number}", "Cibiru")
        pages = [warongs.list_warongs(session, limit=3, offset=offset) for offset in (0, 3, 6)]
    assert [len(page) for page in pages] == [3, 3, 1]
    assert [w.name for page in pages for w in page] == [f"e-Warong {n}" for n in range(7)]


def test_advisors_of_a_warong(database, advisor_and_warong):
    advisor_id, warong_id = advisor_and_warong
    with database.session() as session:
        other = advisors.create_advisor(session, "Asep Hidayat", "TKSK")
        advisors.assign(session, other.id, warong_id)
        assert [a.name for a in advisors.list_warong_advisors(session, warong_id)] == [
            "Asep Hidayat", "Euis Rahmawati"]
        advisors.unassign(session, advisor_id, warong_id)
        assert [a.id for a in advisors.list_warong_advisors(session, warong_id)] == [other.id]
