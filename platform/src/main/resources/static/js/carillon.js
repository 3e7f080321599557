// Shared page behaviour: CSRF header on htmx requests, the "Show side menu" toggle, confirmations.
document.addEventListener('DOMContentLoaded', () => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', (e) => {
      e.detail.headers[header.content] = token.content;
    });
  }
  document.querySelectorAll('[data-toggle-sidebar]').forEach((button) => {
    const apply = (hidden) => {
      document.body.classList.toggle('sidebar-hidden', hidden);
      button.setAttribute('aria-pressed', String(!hidden));
      button.textContent = hidden ? 'Show side menu' : 'Hide side menu';
    };
    // Until the user chooses, the menu starts hidden at phone width (below Bootstrap's md), where it would sit
    // above the page's content and push it a screen down.
    const chosen = localStorage.getItem('carillon.sidebarHidden');
    apply(chosen === null ? window.matchMedia('(max-width: 767.98px)').matches : chosen === 'true');
    button.addEventListener('click', () => {
      const hidden = !document.body.classList.contains('sidebar-hidden');
      localStorage.setItem('carillon.sidebarHidden', String(hidden));
      apply(hidden);
    });
  });
  // Destructive actions: <form data-confirm="Delete extension 1001?"> asks before submitting (no inline JS: CSP).
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (e) => {
      if (!window.confirm(form.dataset.confirm)) {
        e.preventDefault();
      }
    });
  });
});
