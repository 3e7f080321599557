// Portal page behaviour: destructive forms ask first. A form with data-confirm="Question?" opens a Bootstrap
// dialog; only "Yes" submits it. Without JavaScript the form submits directly (the server still checks everything).
document.addEventListener('DOMContentLoaded', () => {
  const forms = document.querySelectorAll('form[data-confirm]');
  if (forms.length === 0 || !window.bootstrap) {
    return;
  }
  const dialog = document.createElement('div');
  dialog.className = 'modal fade';
  dialog.id = 'confirm-dialog';
  dialog.tabIndex = -1;
  dialog.setAttribute('aria-hidden', 'true');
  dialog.innerHTML = '<div class="modal-dialog"><div class="modal-content">'
    + '<div class="modal-header"><h2 class="modal-title fs-5">Please confirm</h2>'
    + '<button type="button" class="btn-close" data-bs-dismiss="modal" aria-label="Close"></button></div>'
    + '<div class="modal-body"></div>'
    + '<div class="modal-footer"><button type="button" class="btn btn-outline-secondary" data-bs-dismiss="modal">Cancel</button>'
    + '<button type="button" class="btn btn-danger" id="confirm-yes">Yes</button></div></div></div>';
  document.body.appendChild(dialog);
  const modal = new bootstrap.Modal(dialog);
  let pending = null;
  dialog.querySelector('#confirm-yes').addEventListener('click', () => {
    if (pending) {
      const form = pending;
      pending = null;
      form.dataset.confirmed = 'true';
      modal.hide();
      form.requestSubmit();
    }
  });
  forms.forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (form.dataset.confirmed === 'true') {
        return;
      }
      event.preventDefault();
      pending = form;
      dialog.querySelector('.modal-body').textContent = form.dataset.confirm;
      modal.show();
    });
  });
});
