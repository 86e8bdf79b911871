"""Simulated visitors: drive the real session state machine with a manual clock.

Used to make realistic databases for tests, reports and benchmarks
(``python -m kiosk.analytics.simulate --sessions 500 -o demo.db``).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..bundle import Bundle, load
from ..clock import ManualClock
from ..paths import SAMPLE_BUNDLE
from ..session import Page, Session
from .recorder import Recorder
from .store import EventLog


def visit(session: Session, clock: ManualClock, rng: random.Random) -> None:
    """One visitor, from the first touch to the idle reset."""
    bundle = session.bundle
    session.touch()
    if rng.random() < 0.3:
        session.set_language("en" if session.language == "ar" else "ar")
    for _ in range(rng.randint(1, 3)):
        clock.advance(rng.uniform(2, 8))
        session.tap(rng.random(), rng.random(), "home")
        entity = rng.choice(bundle.entities)
        session.open_entity(entity.id)
        for _ in range(rng.randint(0, len(entity.slides))):
            clock.advance(rng.uniform(3, 12))
            session.tap(rng.uniform(0.55, 0.95), rng.uniform(0.8, 0.95), "entity")
            session.next_slide()
        if entity.demos and rng.random() < 0.6:
            demo = rng.choice(entity.demos)
            session.open_demo(demo.id)
            route = demo.route_to_end()
            quit_at = len(route) if rng.random() < 0.7 else rng.randrange(len(route))
            for i, (screen_id, index, target) in enumerate(route):
                if i >= quit_at:
                    session.exit_demo()
                    break
                clock.advance(rng.uniform(2, 10))
                screen = demo.screen(screen_id)
                if screen.kind == "image":
                    if rng.random() < 0.3:
                        session.tap_image(rng.random(), rng.random())
                    h = screen.hotspots[index]
                    session.tap_image(h.x + h.w * rng.random(), h.y + h.h * rng.random())
                else:
                    session.follow(target)
            if session.page is Page.DEMO_END:
                clock.advance(rng.uniform(1, 5))
                if rng.random() < 0.6:
                    session.feedback(rng.choice((1, 2, 3, 3, 3)))
                session.exit_demo()
        session.home()
    clock.advance(bundle.idle.timeout)
    session.tick()
    clock.advance(bundle.idle.countdown)
    session.tick()
    assert session.page is Page.ATTRACT


def simulate(
    bundle: Bundle, db: Path, sessions: int, *, kiosk_id: str = "kiosk-sim", seed: int = 1
) -> int:
    """Log ``sessions`` simulated visits into ``db``; returns the number of events."""
    db.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    clock = ManualClock()
    session = Session(bundle, clock)
    start = datetime(2015, 11, 25, 6, 0, tzinfo=UTC)  # 09:00 in Manama, opening day
    t0 = clock()

    def wall() -> str:
        # visitors come only while the pavilion is open: 09:00-17:00 local, two days
        offset = clock() - t0
        day, rest = divmod(offset, 8 * 3600)
        when = start + timedelta(days=day % 2, seconds=rest)
        return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    log = EventLog(db, kiosk_id, synchronous="NORMAL", wall_clock=wall)
    log.start()
    Recorder(session, log)
    for _ in range(sessions):
        clock.advance(rng.uniform(5, 300))
        visit(session, clock, rng)
    if not log.close(timeout=600):
        raise OSError(f"could not write {db}: {log.status().last_error}")
    return log.committed


def main(argv: list[str] | None = None) -> int:
    from ..cli.run import kiosk_id  # the same check as kiosk run's

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sessions", type=int, default=200)
    p.add_argument("--bundle", type=Path, default=SAMPLE_BUNDLE)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--kiosk-id", default="kiosk-sim", type=kiosk_id)
    p.add_argument("-o", "--output", type=Path, required=True)
    args = p.parse_args(argv)
    n = simulate(
        load(args.bundle), args.output, args.sessions, kiosk_id=args.kiosk_id, seed=args.seed
    )
    print(f"{n} events from {args.sessions} simulated visitors in {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
