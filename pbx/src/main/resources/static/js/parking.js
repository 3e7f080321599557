// Parking page: each slot row of every lot follows the server-sent events of /parking/stream (one "slot" event per
// change), and its lot's "occupied" count with it.
document.addEventListener('DOMContentLoaded', () => {
  const live = document.querySelector('[data-slot-stream]');
  if (!live || !window.EventSource) {
    return;
  }
  new EventSource(live.dataset.slotStream).addEventListener('slot', (e) => {
    const s = JSON.parse(e.data);
    const row = live.querySelector(`tr[data-slot="${CSS.escape(s.slot)}"]`);
    if (!row) {
      return;
    }
    const field = (name) => row.querySelector(`[data-field="${name}"]`);
    const badge = document.createElement('span');
    badge.className = 'badge ' + (s.state === 'free' ? 'text-bg-secondary' : 'text-bg-warning');
    badge.textContent = s.state;
    field('state').replaceChildren(badge);
    field('parked').textContent = s.parked;
    field('parker').textContent = s.parker;
    const time = document.createElement('time');
    time.textContent = s.since;
    field('since').replaceChildren(time);
    const retrieve = field('retrieve');
    retrieve.replaceChildren();
    if (s.state === 'occupied') {
      const code = document.createElement('code');
      code.textContent = s.slot;
      retrieve.append('dial ', code);
    }
    const lot = row.closest('[data-lot]');
    const count = lot && lot.querySelector('[data-field="occupied"]');
    if (count) {
      const taken = lot.querySelectorAll('tr[data-slot] [data-field="state"] .text-bg-warning').length;
      count.textContent = `${taken} of ${count.dataset.total}`;
    }
  });
});
