// Dashboard: the live cards (registered devices, calls now) are fetched again when the server pushes a change over
// server-sent events: an extension's status (a phone registered or went away) or an active call's state. Changes
// within a quarter second are fetched once. The cards' own "every 30s" trigger covers what sends no event (a second
// phone on an extension that was already registered).
document.addEventListener('DOMContentLoaded', () => {
  const live = document.getElementById('dashboard-live');
  if (!live || !window.EventSource || !window.htmx) {
    return;
  }
  let pending = null;
  const refresh = () => {
    if (pending) {
      return;
    }
    pending = setTimeout(() => {
      pending = null;
      const current = document.getElementById('dashboard-live'); // replaced by each refresh (outerHTML)
      if (current) {
        htmx.trigger(current, 'refresh');
      }
    }, 250);
  };
  new EventSource(live.dataset.statusStream).addEventListener('status', refresh);
  new EventSource(live.dataset.callStream).addEventListener('call', refresh);
});
