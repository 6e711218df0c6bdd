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
    }
    if (button.dataset.removeRow) {
      htmx.trigger(document.body, button.dataset.removeRow);
    }
  });

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
})();
