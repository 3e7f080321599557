// The role board (Accounts ▸ User roles): HTML5 drag and drop of extension cards between role columns, the same
// move from the keyboard (arrow keys on a focused card, or the card's role select + Move), and live updates from
// other boards over server-sent events. Every move is decided by the server; the card moves only when it agrees.
document.addEventListener('DOMContentLoaded', () => {
  const board = document.getElementById('role-board');
  if (!board) {
    return;
  }
  const roles = Array.from(board.querySelectorAll('.role-column')).map((c) => c.dataset.role);
  const errorBox = document.getElementById('board-error');
  const status = document.getElementById('board-status');
  const csrf = document.querySelector('meta[name="_csrf"]');
  const csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  const column = (role) => board.querySelector('.role-drop[data-role="' + role + '"]');
  const counts = () => board.querySelectorAll('.role-column').forEach((c) => {
    c.querySelector('.role-count').textContent = c.querySelectorAll('.role-card').length;
  });

  // Puts a card in its role's column (no server call): after the server said yes, or another board moved it.
  const place = (card, role, keepFocus) => {
    const target = column(role);
    if (!target || card.dataset.role === role && card.parentElement === target) {
      return;
    }
    target.appendChild(card);
    card.dataset.role = role;
    card.querySelector('select[name="role"]').value = role;
    counts();
    if (keepFocus) {
      card.focus();
    }
  };

  const move = async (card, role, keepFocus) => {
    errorBox.classList.add('d-none');
    const body = new URLSearchParams({ role });
    const headers = { 'X-Requested-With': 'fetch', 'Content-Type': 'application/x-www-form-urlencoded' };
    if (csrf && csrfHeader) {
      headers[csrfHeader.content] = csrf.content;
    }
    let reply;
    try {
      reply = await fetch(board.dataset.moveUrl + card.dataset.number, { method: 'POST', headers, body });
    } catch (e) {
      reply = null;
    }
    let data = {};
    try {
      data = reply ? await reply.json() : {};
    } catch (e) {
      data = {};
    }
    if (reply && reply.ok) {
      place(card, data.role, keepFocus);
      status.textContent = data.message;
    } else {
      card.querySelector('select[name="role"]').value = card.dataset.role;
      errorBox.textContent = data.message || 'The role could not be changed.';
      errorBox.classList.remove('d-none');
      status.textContent = errorBox.textContent;
    }
  };

  board.querySelectorAll('.role-card').forEach((card) => {
    card.addEventListener('dragstart', (e) => {
      e.dataTransfer.setData('text/plain', card.dataset.number);
      e.dataTransfer.effectAllowed = 'move';
      card.classList.add('opacity-50');
    });
    card.addEventListener('dragend', () => card.classList.remove('opacity-50'));
    card.addEventListener('keydown', (e) => {
      if (e.target !== card || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) {
        return;
      }
      e.preventDefault();
      const next = roles.indexOf(card.dataset.role) + (e.key === 'ArrowRight' ? 1 : -1);
      if (next >= 0 && next < roles.length) {
        move(card, roles[next], true);
      }
    });
    card.querySelector('.role-form').addEventListener('submit', (e) => {
      e.preventDefault();
      move(card, card.querySelector('select[name="role"]').value, false);
    });
  });

  board.querySelectorAll('.role-drop').forEach((drop) => {
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      drop.classList.add('bg-body-secondary');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('bg-body-secondary'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('bg-body-secondary');
      const card = document.getElementById('card-' + e.dataTransfer.getData('text/plain'));
      if (card && card.dataset.role !== drop.dataset.role) {
        move(card, drop.dataset.role, false);
      }
    });
  });

  if (window.EventSource) {
    const source = new EventSource(board.dataset.roleStream);
    source.addEventListener('role', (e) => {
      const d = JSON.parse(e.data);
      const card = document.getElementById('card-' + d.number);
      if (card) {
        place(card, d.role, document.activeElement === card);
      }
    });
  }
});
