// Active calls page: rows follow the server-sent events of /calls/active/stream (one "call" event per change).
document.addEventListener('DOMContentLoaded', () => {
  const live = document.querySelector('[data-call-stream]');
  if (!live) {
    return;
  }
  const body = live.querySelector('tbody');
  const none = document.getElementById('no-calls');
  const csrf = document.querySelector('meta[name="_csrf"]');
  const cell = (text) => { const td = document.createElement('td'); td.textContent = text; return td; };
  const confirmForms = (root) => root.querySelectorAll('form[data-confirm]').forEach((f) => {
    f.addEventListener('submit', (e) => { if (!window.confirm(f.dataset.confirm)) { e.preventDefault(); } });
  });
  confirmForms(body);
  const refreshEmpty = () => none.classList.toggle('d-none', body.children.length > 0);
  if (!window.EventSource) {
    return;
  }
  new EventSource(live.dataset.callStream).addEventListener('call', (e) => {
    const c = JSON.parse(e.data);
    let row = body.querySelector(`tr[data-call="${CSS.escape(c.id)}"]`);
    if (c.state === 'ended') {
      if (row) { row.remove(); }
      refreshEmpty();
      return;
    }
    if (!row) {
      row = document.createElement('tr');
      row.dataset.call = c.id;
      const state = cell('');
      state.dataset.field = 'state';
      const action = document.createElement('td');
      const form = document.createElement('form');
      form.method = 'post';
      form.action = live.dataset.hangupBase + encodeURIComponent(c.id) + '/hangup';
      form.dataset.confirm = 'Hang up this call?';
      if (csrf) {
        const hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = '_csrf'; // Spring Security's form parameter
        hidden.value = csrf.content;
        form.appendChild(hidden);
      }
      const button = document.createElement('button');
      button.className = 'btn btn-sm btn-outline-danger';
      button.type = 'submit';
      button.textContent = 'Hang up';
      form.appendChild(button);
      action.appendChild(form);
      row.append(cell(c.startedAt), cell(c.caller), cell(c.dialled), cell(c.callee), state, action);
      body.appendChild(row);
      confirmForms(row);
    } else {
      row.children[3].textContent = c.callee;
    }
    row.querySelector('[data-field="state"]').textContent = c.state.replace('_', ' ');
    refreshEmpty();
  });
});
