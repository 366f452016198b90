// The little behaviour the dashboard needs, loaded from /js/latchkey.js (no inline script: CSP default-src 'self').
// - A <dialog> that htmx swaps into #dialog-slot opens as a modal: focus moves into it, Escape closes it, and
//   closing it removes it from the page (so a shown token does not linger in the DOM).
// - [data-close-dialog] buttons close their dialog (Cancel, Done).
// - [data-copy-target] buttons copy the named field's value.
// - [data-reveal-when] fields are shown only while a select or radio group has a given value (the custom expiry
//   date, the scope checkboxes of a Restricted key).
(function () {
	'use strict';

	function openDialogs(root) {
		root.querySelectorAll('dialog.modal:not([open])').forEach(function (dialog) {
			dialog.addEventListener('close', function () {
				dialog.remove();
			});
			dialog.showModal();
			focusFirst(dialog);
		});
	}

	function focusFirst(container) {
		var target = container.querySelector('[aria-invalid="true"]')
			|| container.querySelector('[autofocus]')
			|| container.querySelector('input:not([type="hidden"]), select, textarea, button');
		if (target) {
			target.focus();
			if (target.select && target.readOnly) {
				target.select();
			}
		}
	}

	function updateReveals(root) {
		root.querySelectorAll('[data-reveal-when]').forEach(function (field) {
			var spec = field.getAttribute('data-reveal-when').split('=');
			var select = document.getElementById(spec[0]);
			if (select) {
				field.hidden = select.value !== spec[1];
				return;
			}
			// or a group of radio buttons of that name (the create dialog's Full access / Restricted)
			var radios = document.querySelectorAll('input[type="radio"][name="' + spec[0] + '"]');
			if (radios.length) {
				var checked = document.querySelector('input[type="radio"][name="' + spec[0] + '"]:checked');
				field.hidden = !checked || checked.value !== spec[1];
			}
		});
	}

	document.addEventListener('change', function (event) {
		if (event.target.matches('select, input[type="radio"]')) {
			updateReveals(document);
		}
	});

	document.addEventListener('click', function (event) {
		var closer = event.target.closest('[data-close-dialog]');
		if (closer && closer.closest('dialog')) {
			closer.closest('dialog').close();
			return;
		}
		var button = event.target.closest('[data-copy-target]');
		if (!button) {
			return;
		}
		var field = document.getElementById(button.getAttribute('data-copy-target'));
		var status = document.getElementById(button.getAttribute('data-copy-status'));
		field.select();
		var done = function () {
			if (status) {
				status.textContent = 'Copied to clipboard';
			}
		};
		if (navigator.clipboard && window.isSecureContext) {
			navigator.clipboard.writeText(field.value).then(done, function () {
				document.execCommand('copy');
				done();
			});
		}
		else {
			document.execCommand('copy');
			done();
		}
	});

	document.addEventListener('htmx:afterSettle', function (event) {
		var target = event.detail.elt;
		openDialogs(document);
		updateReveals(document);
		var dialog = target && target.closest ? target.closest('dialog[open]') : null;
		if (dialog) {
			focusFirst(dialog);
		}
	});

	document.addEventListener('DOMContentLoaded', function () {
		updateReveals(document);
	});
})();

// ==== The key table (branch ui-table) ====
// - <time class="moment"> shows a relative time; its exact date and time (on hover and focus, see latchkey.css)
//   is rewritten from its datetime attribute into the browser's time zone. The relative text stays the server's:
//   its clock also decides whether a key has expired.
// - A whole token pasted into the key search is replaced, once the results are back, by what the server shows for
//   it (the key's prefix), so it does not stay on screen or in the browser's form history.
(function () {
	'use strict';

	document.documentElement.classList.add('js');

	var exact = (window.Intl && Intl.DateTimeFormat)
		? new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit',
			minute: '2-digit', timeZoneName: 'short' })
		: null;

	function localTimes(root) {
		root.querySelectorAll('time.moment[datetime]').forEach(function (time) {
			var date = new Date(time.getAttribute('datetime'));
			var text = (exact && !isNaN(date.getTime())) ? exact.format(date) : time.getAttribute('title');
			if (!text) {
				return;
			}
			time.setAttribute('data-exact', text);
			time.setAttribute('aria-label', time.textContent.trim() + ' (' + text + ')');
			// the page's own tooltip shows it; a title would show it a second time
			time.removeAttribute('title');
		});
	}

	var WHOLE_TOKEN = /^\s*key_[0-9a-f]{48}\s*$/;

	function forgetPastedToken() {
		var box = document.getElementById('key-search');
		var results = document.getElementById('key-results');
		if (box && results && WHOLE_TOKEN.test(box.value)) {
			box.value = results.getAttribute('data-q') || '';
		}
	}

	document.addEventListener('DOMContentLoaded', function () {
		localTimes(document);
	});
	document.addEventListener('htmx:afterSettle', function (event) {
		localTimes(document);
		forgetPastedToken();
	});
})();
