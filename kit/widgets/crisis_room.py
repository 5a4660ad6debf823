"""The crisis simulation room: the feed, the simulated clock, the public pulse, the decision
buttons, a statement editor scored live, and the debrief.

Thin: the run is :class:`kit.crisis.Simulation` (pure, deterministic), the debrief
:func:`kit.crisis.debrief`, its chart, HTML and PDF :mod:`kit.crisis.report`, the live score
``kit.scoring.score(text, "hot_issue")``. The clock is a daemon thread that advances the
simulation by ``speed`` simulated minutes per real second while running (ipykernel sends
widget updates from any thread). The run's state (a few numbers and the list of actions) is
saved after every action and every few seconds of clock, so a reload or a kernel restart
resumes it; statement drafts are autosaved like any draft. Facilitator controls (extra
inject, speed, skip) are shown with ``facilitator=True`` and logged in the run.
"""

from __future__ import annotations

import base64
import json
import threading
import time
import weakref

import ipywidgets as W

from .. import paths, submissions
from ..i18n import N_, _, num, t
from ..storage import Draft, atomic_write_bytes
from ..views.html import esc
from ..views.markdown import markdown_html
from ..views.styles import CSS
from .base import Debouncer, error_html, guarded

TICK_SECONDS = 0.5
SAVE_EVERY = 5.0  # seconds of running clock between autosaves
SPEEDS = (0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0)
CHANNEL_LABELS = {
    "social": N_("Social media"), "press": N_("Press (journalists)"), "zalo": N_("Zalo group"), "phone": N_("Phone call"),
    "email": N_("E-mail"), "order": N_("Instruction from above"), "facts": N_("New facts"), "media": N_("Update from the field"),
    "consequence": N_("Result of your decision"), "statement": N_("Your statement"),
}
CHANNEL_COLOURS = {
    "social": "#b42318", "press": "#7a4cc2", "zalo": "#0b6fa4", "phone": "#1d7a46", "email": "#52606d",
    "order": "#a05a00", "facts": "#0b4f6c", "media": "#3c8d2f", "consequence": "#6b7785", "statement": "#1d7a46",
}
ROOM_CSS = """
<style>
.kit-room-clock{font-size:22px;font-weight:700;color:#0b4f6c;font-variant-numeric:tabular-nums}
.kit-room-clock small{font-size:13px;font-weight:400;color:#6b7785;margin-left:8px}
.kit-pulse{display:flex;gap:10px;flex-wrap:wrap;margin:4px 0}
.kit-pulse>div{border:1px solid #d9e2ec;border-radius:6px;padding:4px 10px;min-width:150px;background:#fbfcfd}
.kit-pulse b{font-size:18px}
.kit-gauge{height:6px;background:#eef1f4;border-radius:3px;margin-top:3px}
.kit-gauge span{display:block;height:6px;border-radius:3px}
.kit-feed{max-height:380px;overflow:auto;border:1px solid #d9e2ec;border-radius:6px;padding:4px 8px;background:#fff}
.kit-feed-item{border-bottom:1px solid #eef1f4;padding:6px 2px}
.kit-feed-item:last-child{border-bottom:none}
.kit-feed-time{font-variant-numeric:tabular-nums;color:#52606d;font-size:12px;margin-right:6px}
.kit-chan{display:inline-block;color:#fff;border-radius:3px;padding:0 6px;font-size:11px;margin-right:6px}
.kit-feed-src{font-weight:600}
.kit-feed-text{white-space:pre-wrap;margin-top:2px}
.kit-feed-new{background:#fff9e6}
.kit-decision{border:1px solid #cfe3ef;background:#eef6fb;border-radius:6px;padding:6px 10px;margin:4px 0}
.kit-deadline{color:#b42318;font-weight:600}
.kit-room .widget-button{height:auto;min-height:30px;white-space:normal;text-align:left;line-height:1.3;padding:4px 10px}
</style>
"""

# One live room per key in this kernel: running a cell again stops the old room's clock.
_ROOMS: "weakref.WeakValueDictionary[str, CrisisRoom]" = weakref.WeakValueDictionary()


def _fmt_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class CrisisRoom(W.VBox):
    """Play ``scenario`` (an id of ``kit/scenarios`` or a file path) in the notebook."""

    def __init__(self, scenario: str, *, key: str | None = None, exercise: str | None = None,
                 facilitator: bool = False, speed: float | None = None, tick: float = TICK_SECONDS) -> None:
        from ..crisis import Simulation, load

        self.sc = load(scenario)
        # an exercise keeps its own run, apart from the same scenario played in the lesson
        self.key = key or f"phong-mo-phong-{exercise or self.sc.id}"
        self.exercise = exercise or self.sc.id
        self.facilitator = facilitator
        self.tick = tick
        self._lock = threading.RLock()
        self._running = False
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._saved_at = 0.0
        self._shown = (-1, -1, None, None)
        self._debrief = None
        self.state_store = Draft(f"{self.key}-luot-choi")
        self.drafts = {s.id: Draft(f"{self.key}-{s.id}") for s in self.sc.statements}
        guard = guarded(self._show_error)

        restored = False
        saved = self._load_state()
        if saved:
            try:
                self.sim = Simulation.restore(self.sc, saved)
                restored = True
            except Exception:  # noqa: BLE001 - a broken save must not lock the trainee out
                self.sim = Simulation(self.sc)
        else:
            self.sim = Simulation(self.sc)
        if speed is not None and not restored:
            self.sim.speed = float(speed)

        # -- header, clock and controls
        situation_label, role_label = _("The situation"), _("Your role in the exercise")
        intro = f"**{situation_label}.** {self.sc.situation}\n\n**{role_label}.** {self.sc.role}"
        self.header = W.HTML(CSS + ROOM_CSS + f'<div class="kit-box"><h4>{esc(self.sc.title)}</h4></div>'
                             + markdown_html(intro))
        self.facts = W.Accordion([W.HTML(markdown_html(self.sc.facts or "—"))], titles=(_("Fact sheet"),))
        self.facts.selected_index = None
        self.clock = W.HTML()
        self.play_button = W.Button(description=_("Start the clock"), button_style="primary", icon="play",
                                      layout=W.Layout(width="auto"))
        self.pause_button = W.Button(description=_("Pause the clock"), icon="pause", layout=W.Layout(width="auto"))
        self.jump_button = W.Button(description=_("Jump 10 minutes"), icon="forward", layout=W.Layout(width="auto"))
        self.finish_button = W.Button(description=_("End and see the debrief"), icon="flag-checkered",
                                      layout=W.Layout(width="auto"))
        speeds = sorted(set(SPEEDS) | {self.sim.speed})
        self.speed = W.Dropdown(options=[(t("{value} min per second", value=format(s, "g")), s) for s in speeds],
                                value=self.sim.speed, description=_("Speed:"),
                                layout=W.Layout(width="220px"), style={"description_width": "initial"})
        self.pulse = W.HTML()
        self.feed = W.HTML()
        self.decisions = W.VBox()
        # -- statement editor
        self.which = W.Dropdown(options=[(s.prompt, s.id) for s in self.sc.statements], description=_("Statement:"),
                                layout=W.Layout(width="100%", display="" if len(self.sc.statements) > 1 else "none"),
                                style={"description_width": "initial"})
        self.brief = W.HTML()
        self.editor = W.Textarea(layout=W.Layout(width="100%", height="300px"),
                                 placeholder=_("Write the statement here. It is scored when you pause typing."))
        self.editor.add_class("kit-input")
        self.publish_button = W.Button(description=_("Publish this statement"), button_style="success", icon="bullhorn",
                                       layout=W.Layout(width="auto"))
        self.score = W.HTML()
        self._debounce = Debouncer(self._on_pause_typing, 0.8)
        # -- debrief, exports, submit, replay
        self.status = W.HTML()
        self.debrief_view = W.HTML()
        self.export_html_button = W.Button(description=_("Download the report (HTML)"), icon="download",
                                           layout=W.Layout(width="auto"))
        self.export_pdf_button = W.Button(description=_("Download the report (PDF)"), icon="file-pdf",
                                          layout=W.Layout(width="auto"))
        self.downloads = W.HTML()
        self.name = W.Text(value=submissions.remembered_name() or "", placeholder=_("Your full name"),
                           layout=W.Layout(width="260px"))
        self.submit_button = W.Button(description=_("Submit"), icon="paper-plane")
        self.replay = W.IntSlider(min=0, max=self.sc.duration, value=self.sc.duration, description=_("Replay:"),
                                  continuous_update=False, layout=W.Layout(width="100%"),
                                  style={"description_width": "initial"})
        self.replay_view = W.HTML()
        self.after = W.VBox([
            self.debrief_view,
            W.HBox([self.export_html_button, self.export_pdf_button]), self.downloads,
            W.HBox([W.HTML("<b>" + esc(_("Hand in:")) + "</b>&nbsp;"), self.name, self.submit_button]),
            W.HTML('<div class="kit-box"><h4>' + esc(_("Replay the run")) + "</h4></div>"), self.replay, self.replay_view,
        ])
        self.after.layout.display = "none"
        self.restart_button = W.Button(description=_("Play again from the start"), icon="undo",
                                       layout=W.Layout(width="auto"))
        self.extra = W.HTML()
        # -- facilitator
        self.fac_inject = W.Dropdown(options=[(f"{i.id}: {i.source}", i.id) for i in self.sc.injects],
                                     description=_("Inject:"), layout=W.Layout(width="420px"),
                                     style={"description_width": "initial"})
        self.fac_fire = W.Button(description=_("Fire now"), icon="bolt")
        self.fac_text = W.Text(placeholder=_("…or type an extra inject"), layout=W.Layout(width="420px"))
        self.fac_fire_text = W.Button(description=_("Fire this text"), icon="bolt", layout=W.Layout(width="auto"))
        self.fac_skip_to = W.BoundedIntText(min=0, max=self.sc.duration, value=0, description=_("Skip to minute:"),
                                            layout=W.Layout(width="220px"), style={"description_width": "initial"})
        self.fac_skip = W.Button(description=_("Skip ahead"), icon="fast-forward")
        self.fac_log = W.HTML()
        fac_box = W.VBox([
            W.HTML('<div class="kit-box"><h4>' + esc(_("Facilitator controls")) + "</h4></div>"),
            W.HBox([self.fac_inject, self.fac_fire]), W.HBox([self.fac_text, self.fac_fire_text]),
            W.HBox([self.fac_skip_to, self.fac_skip]), self.fac_log,
        ], layout=W.Layout(display="" if facilitator else "none", border="1px dashed #a05a00", padding="4px"))
        self.fac_box = fac_box

        self.play_button.on_click(guard(lambda _b: self.start()))
        self.pause_button.on_click(guard(lambda _b: self.pause()))
        self.jump_button.on_click(guard(lambda _b: self.jump(10)))
        self.finish_button.on_click(guard(lambda _b: self.finish()))
        self.speed.observe(guard(lambda c: self.set_speed(c["new"])), names="value")
        self.which.observe(guard(lambda _c: self._show_statement()), names="value")
        self.editor.observe(guard(lambda _c: self._debounce.poke()), names="value")
        self.publish_button.on_click(guard(lambda _b: self.publish()))
        self.export_html_button.on_click(guard(lambda _b: self.export("html")))
        self.export_pdf_button.on_click(guard(lambda _b: self.export("pdf")))
        self.submit_button.on_click(guard(lambda _b: self.submit()))
        self.replay.observe(guard(lambda c: self.show_replay(c["new"])), names="value")
        self.restart_button.on_click(guard(lambda _b: self.restart()))
        self.fac_fire.on_click(guard(lambda _b: self.fire(self.fac_inject.value)))
        self.fac_fire_text.on_click(guard(lambda _b: self.fire(None, self.fac_text.value)))
        self.fac_skip.on_click(guard(lambda _b: self.skip(self.fac_skip_to.value)))

        self.play_area = W.VBox([
            W.HTML('<div class="kit-box"><h4>' + esc(_("Decisions waiting for you")) + "</h4></div>"), self.decisions,
            W.HTML('<div class="kit-box"><h4>' + esc(_("Write and publish")) + "</h4></div>"),
            self.which, self.brief, self.editor, W.HBox([self.publish_button]), self.score,
        ])
        super().__init__([
            self.header, self.facts,
            W.HBox([self.clock], layout=W.Layout(align_items="center")),
            W.HBox([self.play_button, self.pause_button, self.jump_button, self.speed, self.finish_button],
                   layout=W.Layout(flex_flow="row wrap")),
            fac_box, self.pulse,
            W.HTML('<div class="kit-box"><h4>' + esc(_("What is coming in")) + "</h4></div>"), self.feed,
            self.play_area, self.status, self.extra, self.after, W.HBox([self.restart_button]),
        ])
        self.add_class("kit-room")

        old = _ROOMS.get(self.key)
        if old is not None and old is not self:
            old.stop_clock()
        _ROOMS[self.key] = self
        self._show_statement()
        if restored:
            self._say(t("Your run was restored at {time} (simulated). Press “Start the clock” to go on.",
                        time=self.sim.clock()))
        self.refresh(force=True)
        if self.sim.ended:
            self._show_debrief()

    # -- persistence ---------------------------------------------------------------------
    def _load_state(self) -> dict | None:
        raw = self.state_store.load()
        if not raw:
            return None
        try:
            state = json.loads(raw)
        except ValueError:
            return None
        return state if isinstance(state, dict) and state.get("scenario") == self.sc.id else None

    def save(self) -> None:
        with self._lock:
            self.state_store.save(json.dumps(self.sim.state(), ensure_ascii=False))
            self._saved_at = time.monotonic()

    # -- clock ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.sim.ended:
            return
        self._running = True
        self._stop.clear()
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run_clock, name=f"kit-crisis-{self.key}", daemon=True)
            self._thread.start()
        self.play_button.description = _("Resume the clock")
        self._say("")
        self.refresh(force=True)

    def pause(self) -> None:
        self._running = False
        self.save()
        self.refresh(force=True)

    def stop_clock(self) -> None:
        """Stop the timer thread for good (another room took over this key, or tests)."""
        self._running = False
        self._stop.set()

    def _run_clock(self) -> None:
        last = time.monotonic()
        while not self._stop.wait(self.tick):
            now = time.monotonic()
            dt, last = now - last, now
            if self.sim.ended:
                return
            if not self._running:
                continue
            # an error is logged and shown as one line; the clock thread lives on
            guarded(self._show_error)(self.advance_by)(dt * self.sim.speed)

    def advance_by(self, minutes: float) -> None:
        """Move the simulated clock (the timer thread calls this; tests call it directly)."""
        with self._lock:
            if self.sim.ended:
                return
            self.sim.advance(self.sim.now + minutes)
            ended = self.sim.ended
            if time.monotonic() - self._saved_at > SAVE_EVERY or ended:
                self.save()
        self.refresh()
        if ended:
            self._running = False
            self._show_debrief()

    def jump(self, minutes: float) -> None:
        with self._lock:
            self.sim.skip(min(self.sc.duration, self.sim.now + minutes),
                          who="facilitator" if self.facilitator else "trainee")
            self.save()
        self.refresh(force=True)
        if self.sim.ended:
            self._show_debrief()

    def set_speed(self, speed: float) -> None:
        with self._lock:
            if abs(speed - self.sim.speed) > 1e-9:
                self.sim.set_speed(speed, who="facilitator" if self.facilitator else "trainee")
                self.save()
        self.refresh(force=True)

    def finish(self) -> None:
        with self._lock:
            self._running = False
            self.sim.finish()
            self.save()
        self.refresh(force=True)
        self._show_debrief()

    # -- actions -------------------------------------------------------------------------
    def choose(self, decision_id: str, option_id: str) -> None:
        from ..crisis import CrisisError

        with self._lock:
            try:
                self.sim.choose(decision_id, option_id)
            except CrisisError as err:
                self._say(err.message, error=True)
                return
            self.save()
        self.refresh(force=True)

    def publish(self) -> None:
        from ..crisis import CrisisError

        sid = self.which.value
        self.drafts[sid].save(self.editor.value)
        with self._lock:
            try:
                self.sim.publish(sid, self.editor.value)
            except CrisisError as err:
                self._say(err.message, error=True)
                return
            self.save()
        self._say(t("Published at {time}.", time=self.sim.clock()))
        self._show_statement()
        self.refresh(force=True)

    def fire(self, inject_id: str | None, text: str = "") -> None:
        from ..crisis import CrisisError

        with self._lock:
            try:
                self.sim.fire(inject_id, source=_("The facilitator (source)"), text=text)
            except CrisisError as err:
                self._say(err.message, error=True)
                return
            self.save()
        self.fac_text.value = ""
        self.refresh(force=True)

    def skip(self, minute: float) -> None:
        with self._lock:
            self.sim.skip(minute)
            self.save()
        self.refresh(force=True)
        if self.sim.ended:
            self._show_debrief()

    def restart(self) -> None:
        from ..crisis import Simulation

        self.stop_clock()
        with self._lock:
            self.sim = Simulation(self.sc)
            self._debrief = None
            self.save()
        self.play_button.description = _("Start the clock")
        self.after.layout.display = "none"
        self.play_area.layout.display = ""
        self._say("")
        self._show_statement()
        self.refresh(force=True)

    # -- statement editor ----------------------------------------------------------------
    def _show_statement(self) -> None:
        sid = self.which.value
        st = self.sc.statement(sid)
        pub = self.sim.published.get(sid)
        due = self.sc.clock_label(st.due)
        if pub is not None:
            self.brief.value = CSS + '<div class="kit-box"><p class="kit-ok">' + esc(
                t("“{prompt}” was published at {time}.", prompt=st.prompt, time=self.sc.clock_label(pub.minute))) + "</p></div>"
            self.editor.value = pub.text
            self.editor.disabled = True
            self.publish_button.disabled = True
        else:
            self.brief.value = CSS + '<div class="kit-box"><p><b>' + esc(st.prompt) + "</b> · " + esc(
                t("due at {time}", time=due)) + "</p></div>"
            self.editor.disabled = False
            self.publish_button.disabled = False
            self.editor.value = self.drafts[sid].load()
        self._score_now()

    def _on_pause_typing(self) -> None:
        guarded(self._show_error)(self._save_and_score)()

    def _save_and_score(self) -> None:
        sid = self.which.value
        if sid not in self.sim.published:
            self.drafts[sid].save(self.editor.value)
        self._score_now()

    def _score_now(self) -> None:
        from ..scoring import score
        from ..views.report_view import report_html

        if not self.editor.value.strip():
            self.score.value = ""
            return
        note = ('<div class="kit-box"><p class="kit-muted">' + esc(_(
            "This is the wording's score. In the room, “timeliness” is judged by the simulated clock when you "
            "publish; the debrief gives the final score.")) + "</p></div>")
        self.score.value = report_html(score(self.editor.value, "hot_issue"), preview=False) + note

    def flush(self) -> None:
        self._debounce.flush()

    # -- display -------------------------------------------------------------------------
    def _say(self, line: str, error: bool = False) -> None:
        if not line:
            self.status.value = ""
            return
        cls = "kit-error" if error else "kit-ok"
        self.status.value = CSS + f'<div class="kit-box"><p class="{cls}">{esc(line)}</p></div>'

    def _show_error(self, line: str) -> None:
        self.extra.value = error_html(line)

    def refresh(self, force: bool = False) -> None:
        """Redraw what changed: the clock every tick, the rest when something happened."""
        with self._lock:  # the timer thread and the buttons both redraw
            self._refresh(force)

    def _refresh(self, force: bool) -> None:
        sim = self.sim
        shown = (int(sim.now), len(sim.feed), tuple(sorted(sim.open)), self._running)
        if not force and shown == self._shown:
            return
        self._shown = shown
        state = _("clock running") if self._running else (_("run ended") if sim.ended else _("clock paused"))
        self.clock.value = (CSS + ROOM_CSS + '<div class="kit-box"><span class="kit-room-clock">' + esc(sim.clock())
                            + "<small>" + esc(t("minute {now} of {total} · {state} · {speed} min per second",
                                                now=int(sim.now), total=self.sc.duration, state=state,
                                                speed=format(sim.speed, "g"))) + "</small></span></div>")
        self.play_button.disabled = self._running or sim.ended
        self.pause_button.disabled = not self._running
        self.jump_button.disabled = self.finish_button.disabled = sim.ended
        self.pulse.value = self._pulse_html(sim)
        self.feed.value = self._feed_html(sim.feed, int(sim.now))
        self._render_decisions()
        if self.facilitator:
            self.fac_log.value = self._log_html()

    def _pulse_html(self, sim) -> str:
        h = sim.history
        last = sim.pulse_now()
        before = h[max(0, len(h) - 11)]
        trend = "▲" if last.shares > before.shares * 1.02 else "▼" if last.shares < before.shares * 0.98 else "▶"
        sent_pct = int((last.sentiment + 100) / 2)
        sent_col = "#1d7a46" if last.sentiment >= 10 else "#c27c0e" if last.sentiment > -30 else "#b42318"
        press_col = "#b42318" if last.press >= 60 else "#c27c0e" if last.press >= 30 else "#1d7a46"
        return (CSS + ROOM_CSS + '<div class="kit-box kit-pulse">'
                + f'<div>{esc(_("Shares of the post"))}<br><b>{_fmt_int(last.shares)}</b> {trend}</div>'
                + f'<div>{esc(_("Public sentiment"))}<br><b style="color:{sent_col}">{last.sentiment:+.0f}</b>'
                + f'<div class="kit-gauge"><span style="width:{sent_pct}%;background:{sent_col}"></span></div></div>'
                + f'<div>{esc(_("Press attention"))}<br><b style="color:{press_col}">{last.press:.0f}/100</b>'
                + f'<div class="kit-gauge"><span style="width:{int(last.press)}%;background:{press_col}"></span></div></div>'
                + "</div>")

    def _feed_html(self, items, now: int) -> str:
        if not items:
            return CSS + ROOM_CSS + '<div class="kit-box kit-feed"><p class="kit-muted">' + esc(
                _("Nothing yet. Start the clock: news will arrive here.")) + "</p></div>"
        rows = []
        for f in reversed(items):
            chan = "statement" if f.kind == "statement" else ("consequence" if f.kind in ("consequence", "timeout")
                                                              else f.channel)
            label = _(CHANNEL_LABELS.get(chan, chan))
            if f.kind == "facilitator":
                label = _("From the facilitator")
            if f.kind == "timeout":
                label = _("Time ran out")
            colour = CHANNEL_COLOURS.get(chan, "#52606d")
            deadline = ""
            if f.deadline:
                deadline = ' <span class="kit-deadline">' + esc(t("answer by {time}", time=self.sc.clock_label(
                    f.minute + f.deadline))) + "</span>"
            new = " kit-feed-new" if now - f.minute <= 5 else ""
            limit = 240 if f.kind == "statement" else 600  # the statement itself is shown in full below
            text = f.text if len(f.text) <= limit else f.text[:limit].rstrip() + " …"
            rows.append(f'<div class="kit-feed-item{new}"><span class="kit-feed-time">{esc(self.sc.clock_label(f.minute))}'
                        f'</span><span class="kit-chan" style="background:{colour}">{esc(label)}</span>'
                        f'<span class="kit-feed-src">{esc(f.source)}</span>{deadline}'
                        f'<div class="kit-feed-text">{esc(text)}</div></div>')
        return CSS + ROOM_CSS + '<div class="kit-box kit-feed">' + "".join(rows) + "</div>"

    def _render_decisions(self) -> None:
        sim = self.sim
        key = tuple(sorted(sim.open))
        if getattr(self, "_decisions_key", None) == key and self.decisions.children:
            for box in self.decisions.children:  # only the time left changes
                dec_id = getattr(box, "_kit_decision", None)
                if dec_id:
                    box.children[0].value = self._decision_head(self.sc.decision(dec_id))
            return
        self._decisions_key = key
        boxes = []
        for dec_id in sorted(sim.open, key=lambda d: sim.open[d]):
            dec = self.sc.decision(dec_id)
            head = W.HTML(self._decision_head(dec))
            buttons = []
            for opt in dec.options:
                b = W.Button(description=opt.label, layout=W.Layout(width="100%"), tooltip=opt.label)
                b.on_click(guarded(self._show_error)(lambda _b, d=dec.id, o=opt.id: self.choose(d, o)))
                buttons.append(b)
            box = W.VBox([head, *buttons])
            box.add_class("kit-decision")
            box._kit_decision = dec.id  # type: ignore[attr-defined]
            boxes.append(box)
        if not boxes:
            boxes = [W.HTML(CSS + '<div class="kit-box"><p class="kit-muted">' + esc(
                _("No decision is waiting right now.")) + "</p></div>")]
        self.decisions.children = boxes

    def _decision_head(self, dec) -> str:
        opened = self.sim.open.get(dec.id, 0)
        left = max(0, int(opened + dec.timeout - self.sim.now))
        return (CSS + '<div class="kit-box"><b>' + esc(dec.prompt) + '</b> <span class="kit-deadline">'
                + esc(t("{minutes} min left", minutes=left)) + "</span></div>")

    def _log_html(self) -> str:
        from ..crisis.debrief import describe

        rows = [f"<li>{esc(self.sc.clock_label(e.minute))}: {esc(describe(self.sc, e)[:160])}</li>"
                for e in self.sim.log if e.who == "facilitator"]
        if not rows:
            rows = ['<li class="kit-muted">' + esc(_("Nothing done by the facilitator yet.")) + "</li>"]
        return CSS + '<div class="kit-box"><ul class="kit-notes">' + "".join(rows) + "</ul></div>"

    # -- debrief, export, submit, replay -------------------------------------------------
    def debrief(self) -> dict:
        from ..crisis import debrief

        with self._lock:
            if self._debrief is None or self._debrief.get("ended_at") != round(self.sim.now, 2):
                self._debrief = debrief(self.sim)
            return self._debrief

    def _show_debrief(self) -> None:
        from ..crisis.report import debrief_html

        d = self.debrief()
        html = debrief_html(d)
        self._html = html
        self.debrief_view.value = (CSS + '<div class="kit-box"><h4>' + esc(t("Debrief: {total}/100", total=format(
            d["total"], "g"))) + "</h4></div>" + '<iframe class="kit-debrief" title="' + esc(_("After-action report"))
            + '" style="width:100%;height:900px;border:1px solid #d9e2ec;border-radius:6px;background:#fff" srcdoc="'
            + esc(html) + '"></iframe>')
        self.play_area.layout.display = "none"
        self.after.layout.display = ""
        self.replay.value = self.sc.duration
        self.show_replay(self.sc.duration)

    def export(self, fmt: str) -> str | None:
        from ..crisis.report import debrief_pdf
        from ..export.plan import ExportError
        from ..storage import safe_name

        if not self.sim.ended:
            self._say(_("Finish the run first: the report is made at the end."), error=True)
            return None
        self._show_debrief() if not getattr(self, "_html", None) else None
        name = f"bao-cao-{safe_name(self.sc.id)}.{fmt}"
        if fmt == "pdf":
            try:
                data = debrief_pdf(self._html)
            except ExportError as err:
                self.downloads.value = error_html(err.message)
                return None
            mime = "application/pdf"
        else:
            data, mime = self._html.encode("utf-8"), "text/html"
        target = paths.exports_dir() / name
        atomic_write_bytes(target, data)
        href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        self.downloads.value = (CSS + '<div class="kit-box"><a class="kit-download" download="' + esc(name) + '" href="'
                                + href + '">⬇ ' + esc(name) + '</a><p class="kit-muted">' + esc(t(
                                    "A copy is also saved in {folder}.", folder=str(paths.exports_dir()))) + "</p></div>")
        return str(target)

    def submit(self):
        if not self.sim.ended:
            self._say(_("Finish the run first: the report is made at the end."), error=True)
            return None
        d = self.debrief()
        text = "\n\n".join(self.sim.published[s.id].text for s in self.sc.statements if s.id in self.sim.published)
        try:
            path = submissions.submit(text, exercise=self.exercise, name=self.name.value, kind="hot_issue",
                                      extra={"debrief": d})
        except submissions.SubmissionError as err:
            self.extra.value = error_html(err.message)
            return None
        submissions.remember_name(self.name.value)
        self.extra.value = CSS + '<div class="kit-box"><p class="kit-ok">' + esc(
            t("Submitted: {points} points. Saved as {file}.", points=num(d["total"]), file=path.name)) + "</p></div>"
        return path

    def show_replay(self, minute: int) -> None:
        """The feed and the pulse as they stood at ``minute`` of the finished run."""
        from ..crisis import Simulation

        if not self.sim.ended:
            return
        past = Simulation(self.sc, self.sim.seed)
        past.replay([a for a in self.sim.actions if float(a.get("at", 0)) <= minute and a.get("type") != "finish"])
        past.advance(minute)
        self.replay_view.value = (CSS + '<div class="kit-box"><p><b>' + esc(past.clock()) + "</b></p></div>"
                                  + self._pulse_html(past) + self._feed_html(past.feed, minute))


def crisis_room(scenario: str, **kwargs) -> CrisisRoom:
    return CrisisRoom(scenario, **kwargs)
