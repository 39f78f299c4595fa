"""`demo` streams what it writes: rows go to the database in chunks as they are made."""

from sqlalchemy import func, select

from ewarong_desktop.db.models import Advisor, Assessment, Rating
from ewarong_desktop.services import demo


def test_demo_writes_in_chunks_while_it_generates(database, monkeypatch):
    monkeypatch.setattr(demo, "CHUNK", 300)
    batches: list[tuple[str, int, int]] = []
    with database.session() as session:
        real_execute = session.execute

        def recording(statement, *args, **kwargs):
            rows = args[0] if args else kwargs.get("params")
            table = getattr(getattr(statement, "table", None), "name", None)
            if table is not None and rows is not None:
                # How many advisors exist when this batch goes in: grows only if streaming.
                advisors_so_far = real_execute(select(func.count(Advisor.id))).scalar_one()
                batches.append((table, len(rows), advisors_so_far))
            return real_execute(statement, *args, **kwargs)

        monkeypatch.setattr(session, "execute", recording)
        counts = demo.generate_demo(session, seed=5, assessments=600)
    rating_batches = [batch for batch in batches if batch[0] == "rating"]
    assert len(rating_batches) >= 10  # many small inserts, not one list of everything
    assert max(size for _, size, _ in rating_batches) < 300 + 32 * 6
    # Ratings of the first e-Warongs were written before the last advisors were made.
    assert rating_batches[0][2] < counts.advisors
    with database.reading() as session:
        assert session.scalar(select(func.count(Rating.id))) == counts.ratings
        assert session.scalar(select(func.count(Assessment.id))) == counts.assessments


def test_same_seed_same_demo(tmp_path):
    from ewarong_desktop.db import open_database

    names = []
    for number in (1, 2):
        database = open_database(tmp_path / f"d{number}.sqlite3")
        with database.session() as session:
            demo.generate_demo(session, seed=9, assessments=120)
        with database.reading() as session:
            names.append(session.scalars(select(Advisor.name).order_by(Advisor.name)).all())
        database.close()
    assert names[0] == names[1]
