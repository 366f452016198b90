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
