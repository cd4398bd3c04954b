// Reloads the page when the record changes (server-sent events from /app/live), unless someone is filling in a form.
// The page says where its data was read (data-position): a change between drawing it and connecting counts too.
(function () {
  if (!window.EventSource || document.body.dataset.live !== 'true') {
    return;
  }
  var first = document.body.dataset.position || null;
  var source = new EventSource('/app/live');
  source.addEventListener('position', function (event) {
    if (first === null) {
      first = event.data;
      return;
    }
    var typing = document.activeElement && ['INPUT', 'SELECT', 'TEXTAREA'].indexOf(document.activeElement.tagName) >= 0;
    if (event.data !== first && !typing) {
      source.close();
      window.location.reload();
    }
  });
})();
