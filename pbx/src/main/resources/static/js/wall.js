// Supervisor wall: the team cards follow one server-sent event stream (/teams/wall/stream, event "wall": one whole
// team as JSON) and the seconds counters tick locally between events.
document.addEventListener('DOMContentLoaded', () => {
  const text = (tag, value) => { const e = document.createElement(tag); e.textContent = value; return e; };
  const seconds = (value) => {
    const td = document.createElement('td');
    const s = text('span', String(value));
    s.dataset.seconds = '';
    td.append(s, ' s');
    return td;
  };
  setInterval(() => document.querySelectorAll('[data-seconds]').forEach((e) => {
    const n = parseInt(e.textContent, 10);
    if (!Number.isNaN(n)) { e.textContent = String(n + 1); }
  }), 1000);
  // One stream for the whole wall (a browser opens at most six connections to a host: a stream per team would
  // starve on a wall of many teams); each event names its team.
  const walls = document.getElementById('walls');
  // Keep-alive: the stream alone does not renew the session's idle timer, so a wall left open would be signed out
  // after 15 minutes (and its stream refused on the next reconnect); the 8-hour absolute limit still applies.
  if (walls && walls.dataset.alive) {
    setInterval(() => fetch(walls.dataset.alive, { credentials: 'same-origin' }), 5 * 60 * 1000);
  }
  if (!walls || !window.EventSource) { return; }
  const cards = () => document.querySelectorAll('[data-wall]');
  const source = new EventSource(walls.dataset.stream);
  source.addEventListener('open', () => cards().forEach((card) => { card.dataset.live = 'on'; }));
  source.addEventListener('error', () => cards().forEach((card) => { delete card.dataset.live; }));
  source.addEventListener('wall', (e) => {
    const w = JSON.parse(e.data);
    const card = document.querySelector(`[data-wall="${CSS.escape(w.number)}"]`);
    if (!card) { return; }
    card.dataset.live = 'on';
    const set = (field, value) => { card.querySelector(`[data-field="${field}"]`).textContent = value; };
    set('waitingCount', String(w.waiting.length));
    set('longestWait', String(w.longestWaitSeconds));
    set('answeredToday', String(w.answeredToday));
    set('abandonedToday', String(w.abandonedToday));
    set('serviceLevel', w.serviceLevel < 0 ? '–' : `${w.serviceLevel} %`);
    const agents = card.querySelector('[data-field="agents"]');
    w.agents.forEach((a) => {
      const row = agents.querySelector(`tr[data-agent="${CSS.escape(a.extension)}"]`);
      if (!row) { return; }
      const state = row.querySelector('[data-field="state"]');
      state.dataset.state = a.state;
      state.textContent = a.label + (a.auxCode ? ` (${a.auxCode})` : '') + (a.pending ? ` → ${a.pending}` : '');
      row.querySelector('[data-seconds]').textContent = String(a.secondsInState);
    });
    const waiting = card.querySelector('[data-field="waiting"]');
    waiting.replaceChildren(...w.waiting.map((c) => {
      const tr = document.createElement('tr');
      tr.append(text('td', c.caller), seconds(c.waitSeconds), text('td', c.ringing));
      return tr;
    }));
  });
});
