// Team directory: live status over server-sent events, instant filtering while typing, and a keep-alive so the
// session lasts while the page is open.
document.addEventListener('DOMContentLoaded', () => {
  const table = document.getElementById('directory');
  if (!table) {
    return;
  }
  const badge = { ready: 'text-bg-success', unregistered: 'text-bg-secondary', unreachable: 'text-bg-secondary',
    unavailable: 'text-bg-secondary' };
  if (window.EventSource) {
    const source = new EventSource(table.dataset.presenceStream);
    source.addEventListener('presence', (e) => {
      const d = JSON.parse(e.data);
      table.querySelectorAll('[data-presence-for]').forEach((el) => {
        if (el.dataset.presenceFor === d.number) {
          el.textContent = d.label;
          el.dataset.status = d.status;
          el.className = 'badge ' + (badge[d.status] || 'text-bg-danger');
        }
      });
    });
  }
  const filter = document.querySelector('[data-directory-filter]');
  if (filter) {
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase();
      table.querySelectorAll('tr[data-member]').forEach((row) => {
        row.hidden = q !== '' && !row.dataset.search.includes(q);
      });
    });
  }
  const team = document.querySelector('[data-directory-team]');
  if (team && team.form) {
    // the team filter is applied by the server: choosing a team reloads the list narrowed to it (live as before)
    team.addEventListener('change', () => team.form.submit());
  }
  setInterval(() => fetch(table.dataset.alive, { credentials: 'same-origin' }), 5 * 60 * 1000);
});
