// The little behaviour the pages need beyond htmx, here rather than inline: the Content-Security-Policy allows
// scripts from Backroom's own files only (no inline scripts, no hx-on, no eval), so elements ask for behaviour with
// data attributes and this file gives it to them.
(function () {
  'use strict';

  // data-enter="ignore": Enter in a search field must not submit the form around it.
  // data-enter="scan": Enter in the barcode field sends the scan (hx-trigger="scan") instead.
  document.addEventListener('keydown', function (event) {
    var field = event.target.closest && event.target.closest('[data-enter]');
    if (!field || event.key !== 'Enter') {
      return;
    }
    event.preventDefault();
    if (field.dataset.enter === 'scan') {
      htmx.trigger(field, 'scan');
    }
  });

  // data-remove-row: a Remove button takes its table row away; data-remove-row="cart-changed" also tells the page.
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-remove-row]');
    if (!button) {
      return;
    }
    var row = button.closest('tr');
    if (row) {
      row.remove();
      numberRows();
    }
    if (button.dataset.removeRow) {
      htmx.trigger(document.body, button.dataset.removeRow);
    }
  });

  // data-indexed-rows="lines" on a table body: each row's [data-field] inputs are named lines[0].itemId,
  // lines[1].itemId and so on, in row order, whenever rows come or go and as the form is sent, so that rows added
  // and removed in any order bind as one list without gaps.
  function numberRows() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-indexed-rows]'), function (body) {
      Array.prototype.forEach.call(body.querySelectorAll('tr'), function (row, index) {
        Array.prototype.forEach.call(row.querySelectorAll('[data-field]'), function (input) {
          input.name = body.dataset.indexedRows + '[' + index + '].' + input.dataset.field;
        });
      });
    });
  }
  document.addEventListener('htmx:afterSwap', numberRows);
  document.addEventListener('submit', numberRows, true);

  // data-query-param="q": a search field sends its text as that parameter, whatever the field's own name.
  document.addEventListener('htmx:configRequest', function (event) {
    var field = event.detail.elt;
    if (field && field.dataset && field.dataset.queryParam) {
      event.detail.parameters[field.dataset.queryParam] = field.value;
    }
  });

  // After an element's request: data-clear-after-request="#a, #b" empties those (a field's text, a list's options);
  // data-close-menu-after-request closes the menu the element sits in.
  document.addEventListener('htmx:afterRequest', function (event) {
    var source = event.detail.elt;
    if (!source || !source.dataset) {
      return;
    }
    if (source.dataset.clearAfterRequest) {
      document.querySelectorAll(source.dataset.clearAfterRequest).forEach(function (target) {
        if ('value' in target && target.tagName !== 'UL') {
          target.value = '';
        }
        else {
          target.innerHTML = '';
        }
      });
    }
    if ('closeMenuAfterRequest' in source.dataset) {
      var menu = source.closest('details');
      if (menu) {
        menu.open = false;
      }
    }
  });

  // The status filter links carry the search text typed since the page was loaded: htmx replaced only the
  // results, so the links still hold the old text until they are told.
  document.addEventListener('input', function (event) {
    var field = event.target;
    var form = field.closest && field.closest('form.toolbar');
    if (!form || field.name !== 'q') {
      return;
    }
    form.querySelectorAll('.filters a').forEach(function (link) {
      var url = new URL(link.getAttribute('href'), window.location.href);
      if (field.value) {
        url.searchParams.set('q', field.value);
      }
      else {
        url.searchParams.delete('q');
      }
      url.searchParams.delete('cursor');
      link.setAttribute('href', url.pathname + url.search);
    });
  });

  // Whatever opened the dialog (a menu's button, a Restore link) gets the focus back when the dialog closes.
  var dialogOpener = null;
  document.addEventListener('htmx:beforeRequest', function (event) {
    var source = event.detail.elt;
    var target = event.detail.target;
    if (source && target && target.id === 'dialog') {
      var menu = source.closest('details');
      dialogOpener = menu ? menu.querySelector('summary') : source;
    }
  });

  function closeDialog(dialog) {
    var holder = dialog.parentElement;
    if (holder && holder.id === 'dialog') {
      holder.innerHTML = '';
    }
    else {
      dialog.remove();
    }
    if (dialogOpener && document.contains(dialogOpener)) {
      dialogOpener.focus();
    }
    dialogOpener = null;
  }

  // Escape closes the innermost open menu, or else the open dialog, and gives the focus back to what opened it.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') {
      return;
    }
    var menu = event.target.closest && event.target.closest('details[open]');
    if (!menu) {
      menu = document.querySelector('details.menu[open], details.nav-menu[open]');
    }
    if (menu) {
      menu.open = false;
      menu.querySelector('summary').focus();
      event.preventDefault();
      return;
    }
    var dialog = document.querySelector('#dialog [role="dialog"], #dialog .dialog');
    if (dialog) {
      event.preventDefault();
      closeDialog(dialog);
    }
  });

  // A menu that would open past the right edge of a narrow screen opens towards the left instead, and the reverse.
  document.addEventListener('toggle', function (event) {
    var menu = event.target;
    if (!menu.matches || !menu.matches('details.menu') || !menu.open) {
      return;
    }
    var list = menu.querySelector('ul');
    list.classList.remove('align-left', 'align-right');
    var box = list.getBoundingClientRect();
    if (box.left < 0) {
      list.classList.add('align-left');
    }
    else if (box.right > document.documentElement.clientWidth) {
      list.classList.add('align-right');
    }
  }, true);

  // data-step="1" / "-1": the +/- buttons beside a quantity field change it and tell the form it changed.
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('[data-step]');
    if (!button) {
      return;
    }
    var field = button.parentElement.querySelector('input[type=number]');
    var next = (parseInt(field.value, 10) || 0) + Number(button.dataset.step);
    field.value = Math.max(Number(field.min || 1), next);
    field.dispatchEvent(new Event('change', { bubbles: true }));
  });

  // A till line's total, price times quantity, counted in cents so that 0.10 x 3 is 0.30.
  function lineTotals(root) {
    var lines = root.querySelectorAll ? root.querySelectorAll('tr[data-price]') : [];
    Array.prototype.forEach.call(lines, function (line) {
      var cents = Math.round(Number(line.dataset.price) * 100);
      var quantity = parseInt(line.querySelector('input[type=number]').value, 10) || 0;
      line.querySelector('[data-line-total]').textContent = (cents * quantity / 100).toFixed(2);
    });
  }
  document.addEventListener('change', function (event) {
    var line = event.target.closest && event.target.closest('tr[data-price]');
    if (line) {
      lineTotals(line.parentElement);
    }
  });

  // data-focus-after-request="#item-search": after picking, the focus goes back where the next item is typed.
  document.addEventListener('htmx:afterRequest', function (event) {
    var source = event.detail.elt;
    var selector = source && source.dataset && source.dataset.focusAfterRequest;
    var target = selector && document.querySelector(selector);
    if (target) {
      target.focus();
    }
  });

  // The navigation's Menu button (shown on narrow screens only) opens and closes it.
  document.addEventListener('click', function (event) {
    var toggle = event.target.closest && event.target.closest('#nav-toggle');
    if (!toggle) {
      return;
    }
    var open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    document.getElementById('main-nav').classList.toggle('open', open);
  });

  // data-print: a button that prints the page (the receipt), since an inline onclick is not allowed.
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
      window.print();
    }
  });

  // data-bar-width / data-bar-height (percent): chart bars. Set through the DOM, which the policy allows, rather
  // than style attributes, which it does not.
  function sizeBars(root) {
    var bars = root.querySelectorAll ? Array.prototype.slice.call(root.querySelectorAll('[data-bar-width], [data-bar-height]')) : [];
    if (root.matches && root.matches('[data-bar-width], [data-bar-height]')) {
      bars.push(root);
    }
    bars.forEach(function (bar) {
      if (bar.dataset.barWidth !== undefined) {
        bar.style.width = Number(bar.dataset.barWidth) + '%';
      }
      if (bar.dataset.barHeight !== undefined) {
        bar.style.height = Number(bar.dataset.barHeight) + '%';
      }
    });
  }
  htmx.onLoad(sizeBars);
  htmx.onLoad(lineTotals);
})();
