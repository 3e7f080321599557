// PBX pages: live extension status over server-sent events (confirmations come from the platform's carillon.js).
document.addEventListener('DOMContentLoaded', () => {
  const live = document.querySelector('[data-status-stream]');
  if (live && window.EventSource) {
    const badge = { ready: 'text-bg-success', unreachable: 'text-bg-warning', unregistered: 'text-bg-secondary' };
    const source = new EventSource(live.dataset.statusStream);
    source.addEventListener('status', (e) => {
      const d = JSON.parse(e.data);
      document.querySelectorAll('[data-status-for]').forEach((el) => {
        if (el.dataset.statusFor === d.number) {
          el.textContent = d.label;
          el.dataset.status = d.status;
          el.className = 'badge ' + (badge[d.status] || 'text-bg-secondary');
        }
      });
    });
  }
});
