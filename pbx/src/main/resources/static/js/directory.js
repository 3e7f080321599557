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
  // click-to-call: the PBX rings the user's own phone first, then the colleague
  const status = document.getElementById('directory-call-status');
  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  const say = (text, ok) => {
    status.textContent = text;
    status.className = 'alert py-2 ' + (ok ? 'alert-info' : 'alert-danger');
    status.hidden = false;
  };
  table.querySelectorAll('[data-call]').forEach((button) => {
    button.addEventListener('click', async () => {
      const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'fetch' };
      if (csrf && csrfHeader) {
        headers[csrfHeader.content] = csrf.content;
      }
      button.disabled = true;
      try {
        const reply = await fetch(table.dataset.callUrl, { method: 'POST', headers, credentials: 'same-origin',
          body: JSON.stringify({ to: button.dataset.call }) });
        if (reply.ok) {
          say('Your phone is ringing: answer it to call ' + button.dataset.call + '.', true);
        } else {
          const problem = await reply.json().catch(() => ({}));
          const detail = (problem.errors && problem.errors.length ? problem.errors[0].message : problem.detail);
          say(detail || 'The call could not be placed.', false);
        }
      } catch (e) {
        say('The call could not be placed.', false);
      } finally {
        button.disabled = false;
      }
    });
  });
  setInterval(() => fetch(table.dataset.alive, { credentials: 'same-origin' }), 5 * 60 * 1000);
});
