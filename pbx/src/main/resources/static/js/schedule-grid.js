// Weekly schedule grids (issue 12). Each grid mirrors the text boxes of its weekdays ("09:00-12:00, 13:00-17:00"):
// the boxes are what the form sends; the grid edits them in 30-minute cells.
// Mouse: press on a cell and drag to paint (the first cell's new state is painted).
// Keyboard: arrow keys move, Home/End go to the day's start/end, Space or Enter toggles, Shift+arrow paints.
(function () {
  const SLOTS = 48;
  const pad = (n) => String(n).padStart(2, '0');
  const time = (slot) => slot >= SLOTS ? '24:00' : pad(Math.floor(slot / 2)) + ':' + (slot % 2 ? '30' : '00');
  const minutes = (t) => t === '24:00' ? 1440 : parseInt(t.slice(0, 2), 10) * 60 + parseInt(t.slice(3), 10);

  function setup(grid) {
    const field = grid.dataset.kind;
    const cells = Array.from(grid.querySelectorAll('td[data-slot]'));
    const days = Array.from(new Set(cells.map((c) => c.dataset.day)));
    const box = (day) => document.getElementById(field + '.' + day);
    const cell = (d, s) => cells[d * SLOTS + s];
    const label = (c) => {
      const s = parseInt(c.dataset.slot, 10);
      const day = c.dataset.day.charAt(0).toUpperCase() + c.dataset.day.slice(1);
      c.setAttribute('aria-label', day + ' ' + time(s) + ' to ' + time(s + 1)
        + (c.getAttribute('aria-selected') === 'true' ? ', selected' : ''));
    };
    const set = (c, on) => { c.setAttribute('aria-selected', on ? 'true' : 'false'); label(c); };

    // text → grid: a cell is selected when its half hour lies in a span (spans past midnight spill into the next day)
    function fromText() {
      cells.forEach((c) => set(c, false));
      days.forEach((day, d) => {
        (box(day).value || '').split(/[,;]/).map((x) => x.trim()).filter(Boolean).forEach((span) => {
          const m = span.match(/^(\d\d:\d\d)\s*-\s*(\d\d:\d\d)$/);
          if (!m) return;
          let from = minutes(m[1]);
          let to = minutes(m[2]);
          if (to <= from) to += 1440;
          for (let t = from; t < to; t += 30) {
            const slot = Math.floor(t / 30);
            const dd = (d + Math.floor(slot / SLOTS)) % days.length;
            set(cell(dd, slot % SLOTS), true);
          }
        });
      });
    }

    // grid → text for one day: runs of selected cells become spans
    function toText(d) {
      const spans = [];
      let start = -1;
      for (let s = 0; s <= SLOTS; s++) {
        const on = s < SLOTS && cell(d, s).getAttribute('aria-selected') === 'true';
        if (on && start < 0) start = s;
        if (!on && start >= 0) { spans.push(time(start) + '-' + time(s)); start = -1; }
      }
      box(days[d]).value = spans.join(', ');
    }

    let painting = null;
    let last = null;
    const dayIndex = (c) => days.indexOf(c.dataset.day);
    const paint = (c, on) => { set(c, on); toText(dayIndex(c)); };
    // a fast drag skips cells between two mouse events: fill the rectangle from the last painted cell
    function paintTo(c) {
      const [d0, d1] = [dayIndex(last), dayIndex(c)].sort((a, b) => a - b);
      const [s0, s1] = [parseInt(last.dataset.slot, 10), parseInt(c.dataset.slot, 10)].sort((a, b) => a - b);
      for (let d = d0; d <= d1; d++) {
        for (let s = s0; s <= s1; s++) set(cell(d, s), painting);
        toText(d);
      }
      last = c;
    }

    grid.addEventListener('mousedown', (e) => {
      const c = e.target.closest('td[data-slot]');
      if (!c) return;
      e.preventDefault();
      painting = c.getAttribute('aria-selected') !== 'true';
      last = c;
      paint(c, painting);
      focus(c);
    });
    grid.addEventListener('mouseover', (e) => {
      const c = e.target.closest('td[data-slot]');
      if (c && painting !== null) paintTo(c);
    });
    document.addEventListener('mouseup', () => { painting = null; });

    let current = cells[0];
    function focus(c) {
      current.tabIndex = -1;
      current = c;
      c.tabIndex = 0;
      c.focus();
    }
    current.tabIndex = 0;
    grid.addEventListener('keydown', (e) => {
      const c = e.target.closest('td[data-slot]');
      if (!c) return;
      let d = dayIndex(c);
      let s = parseInt(c.dataset.slot, 10);
      if (e.key === ' ' || e.key === 'Enter') {
        e.preventDefault();
        paint(c, c.getAttribute('aria-selected') !== 'true');
        return;
      }
      const moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
      if (e.key === 'Home') s = 0;
      else if (e.key === 'End') s = SLOTS - 1;
      else if (moves[e.key]) { d += moves[e.key][0]; s += moves[e.key][1]; }
      else return;
      e.preventDefault();
      if (d < 0 || d >= days.length || s < 0 || s >= SLOTS) return;
      const next = cell(d, s);
      if (e.shiftKey && moves[e.key]) paint(next, c.getAttribute('aria-selected') === 'true');
      focus(next);
    });
    days.forEach((day) => box(day).addEventListener('change', fromText));
    fromText();
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('table[data-kind]').forEach(setup);
  });
})();
