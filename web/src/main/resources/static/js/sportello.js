// Small help the pages work without: focus on what the person must see, and keep what they typed across a change of
// language. Loaded with defer on every page.
(function () {
  // a form came back with errors: the summary takes the focus (and the screen), so it is seen and read first
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  else if (location.hash.length > 1) {
    // "add a child" comes back at the new child's fields: start typing there
    var target = document.getElementById(location.hash.slice(1));
    var field = target && target.querySelector('input:not([type=hidden]), select');
    if (field) {
      // after the browser's own scroll to the fragment, which would otherwise leave the focus on the page
      window.addEventListener('load', function () {
        setTimeout(function () {
          field.focus();
        }, 0);
      });
    }
  }

  // a change of language reloads the page: what was typed in its forms comes back (never passwords or tokens)
  var key = 'sportello.typed:' + location.pathname;
  var keep = function (el) {
    return el.name && el.name.charAt(0) !== '_' && ['hidden', 'password', 'submit', 'button', 'file'].indexOf(el.type) < 0;
  };
  document.querySelectorAll('.language-switch a').forEach(function (link) {
    link.addEventListener('click', function () {
      var typed = [];
      document.querySelectorAll('main form').forEach(function (form, f) {
        Array.prototype.forEach.call(form.elements, function (el) {
          if (keep(el)) {
            typed.push([f, el.name, el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value, el.value]);
          }
        });
      });
      try {
        sessionStorage.setItem(key, JSON.stringify(typed));
      }
      catch (e) {
        // private mode without storage: the language still changes
      }
    });
  });
  var saved = null;
  try {
    saved = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
  }
  catch (e) {
    saved = null;
  }
  if (saved) {
    var forms = document.querySelectorAll('main form');
    JSON.parse(saved).forEach(function (entry) {
      var form = forms[entry[0]];
      if (!form) {
        return;
      }
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name !== entry[1] || !keep(el)) {
          return;
        }
        if (el.type === 'checkbox' || el.type === 'radio') {
          if (el.value === entry[3]) {
            el.checked = entry[2];
          }
        }
        else {
          el.value = entry[2];
        }
      });
    });
  }
})();
