// The little behaviour the dashboard needs, loaded from /js/latchkey.js (no inline script: CSP default-src 'self').
// - A <dialog> that htmx swaps into #dialog-slot opens as a modal: focus moves into it, Escape closes it, and
//   closing it removes it from the page (so a shown token does not linger in the DOM).
// - [data-close-dialog] buttons close their dialog (Cancel, Done).
// - [data-copy-target] buttons copy the named field's value, and then say "Copied".
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
			button.textContent = 'Copied';
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

// ---- Key actions menu, toasts, focus after an action, progress (issue 10: the table and its dialogs) ----
// - [data-key-menu]: the ⋯ button opens its menu (click, Enter, Space, ArrowDown: first item; ArrowUp: last item);
//   arrows, Home and End move; Escape closes it and returns focus to the button; Tab or a click outside closes it.
//   The menu is position: fixed, placed from the button's rectangle, so the table's scrolling box never clips it;
//   it opens upwards or leftwards when there is no room below or to the right.
// - An htmx response's "toast" event ({message, focus, closeDialog, removed}, see KeyToasts) closes the action's
//   dialog, puts the message in the #toasts aria-live region (after any dialog still open, such as the token's,
//   is closed) and moves focus to `focus` once the part of the page that holds it has settled (after a delete: the
//   row that followed the deleted one, or the page's heading).
// - A dialog closed by its own Cancel/Done/Escape gives focus back to what opened it.
// - While an htmx request runs, the element that made it is aria-busy (the CSS shows a spinner; hx-disabled-elt
//   keeps its submit button from being pressed twice).
(function () {
	'use strict';

	var open = null;
	var pendingFocus = null;
	var queuedToasts = [];
	var opener = null;

	function menuItems(menu) {
		return Array.prototype.slice.call(menu.querySelectorAll('[role="menuitem"]')).filter(function (item) {
			return !item.disabled;
		});
	}

	function place(button, menu) {
		var gap = 4;
		var margin = 8;
		var rect = button.getBoundingClientRect();
		var width = menu.offsetWidth;
		var height = menu.offsetHeight;
		var left = rect.right - width;
		if (left < margin) {
			left = Math.min(rect.left, window.innerWidth - width - margin);
		}
		var top = rect.bottom + gap;
		if (top + height > window.innerHeight - margin && rect.top - gap - height >= margin) {
			top = rect.top - gap - height;
		}
		menu.style.left = Math.max(margin, left) + 'px';
		menu.style.top = Math.max(margin, top) + 'px';
	}

	function openMenu(button, which) {
		closeMenu(false);
		var menu = document.getElementById(button.getAttribute('aria-controls'));
		if (!menu) {
			return;
		}
		menu.hidden = false;
		button.setAttribute('aria-expanded', 'true');
		place(button, menu);
		open = { button: button, menu: menu };
		var items = menuItems(menu);
		if (items.length) {
			items[which === 'last' ? items.length - 1 : 0].focus();
		}
	}

	function closeMenu(returnFocus) {
		if (!open) {
			return;
		}
		var current = open;
		open = null;
		current.menu.hidden = true;
		current.button.setAttribute('aria-expanded', 'false');
		if (returnFocus && current.button.isConnected) {
			current.button.focus();
		}
	}

	function move(step, to) {
		var items = menuItems(open.menu);
		var index = items.indexOf(document.activeElement);
		var next = (to === 'first') ? 0 : (to === 'last') ? items.length - 1
			: (index + step + items.length) % items.length;
		if (items[next]) {
			items[next].focus();
		}
	}

	document.addEventListener('click', function (event) {
		var button = event.target.closest('[data-key-menu] .menu-button');
		if (button) {
			if (open && open.button === button) {
				closeMenu(true);
			}
			else {
				openMenu(button, 'first');
			}
			return;
		}
		if (!open) {
			return;
		}
		if (event.target.closest('[role="menuitem"]') && open.menu.contains(event.target)) {
			// the item's own action (a dialog, a form post, a link) goes on; focus waits on the ⋯ button for it
			closeMenu(true);
		}
		else if (!open.menu.contains(event.target)) {
			closeMenu(false);
		}
	});

	document.addEventListener('keydown', function (event) {
		var button = event.target.closest ? event.target.closest('[data-key-menu] .menu-button') : null;
		if (button && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
			event.preventDefault();
			openMenu(button, event.key === 'ArrowUp' ? 'last' : 'first');
			return;
		}
		if (!open || !open.menu.contains(event.target)) {
			return;
		}
		switch (event.key) {
			case 'ArrowDown':
				event.preventDefault();
				move(1);
				break;
			case 'ArrowUp':
				event.preventDefault();
				move(-1);
				break;
			case 'Home':
				event.preventDefault();
				move(0, 'first');
				break;
			case 'End':
				event.preventDefault();
				move(0, 'last');
				break;
			case 'Escape':
				event.preventDefault();
				event.stopPropagation();
				closeMenu(true);
				break;
			case 'Tab':
				closeMenu(false);
				break;
			case ' ':
				// a link item (View) is activated by Space too, as a menu item should be
				if (event.target.tagName === 'A') {
					event.preventDefault();
					event.target.click();
				}
				break;
			default:
		}
	});

	document.addEventListener('focusin', function (event) {
		if (open && !open.menu.contains(event.target) && event.target !== open.button) {
			closeMenu(false);
		}
	});

	window.addEventListener('scroll', function () {
		if (open) {
			place(open.button, open.menu);
		}
	}, true);

	window.addEventListener('resize', function () {
		closeMenu(false);
	});

	// ---- toasts ----

	function showToast(message) {
		var region = document.getElementById('toasts');
		if (!region || !message) {
			return;
		}
		var toast = document.createElement('div');
		toast.className = 'toast';
		toast.setAttribute('data-testid', 'toast');
		var text = document.createElement('p');
		text.className = 'toast-message';
		text.textContent = message;
		var dismiss = document.createElement('button');
		dismiss.type = 'button';
		dismiss.className = 'toast-dismiss';
		dismiss.setAttribute('aria-label', 'Dismiss');
		dismiss.textContent = '×';
		dismiss.addEventListener('click', function () {
			toast.remove();
		});
		toast.appendChild(text);
		toast.appendChild(dismiss);
		region.appendChild(toast);
		while (region.children.length > 3) {
			region.removeChild(region.firstElementChild);
		}
		// long enough to read; never while the pointer or the keyboard is on it
		var expire = function () {
			if (toast.matches(':hover') || toast.contains(document.activeElement)) {
				setTimeout(expire, 2000);
			}
			else {
				toast.remove();
			}
		};
		setTimeout(expire, 10000);
	}

	function anyDialogOpen() {
		return document.querySelector('dialog[open]') !== null;
	}

	function focusOn(element) {
		if (!element) {
			return;
		}
		if (!element.matches('a[href], button, input, select, textarea, [tabindex]')) {
			element.setAttribute('tabindex', '-1');
		}
		element.focus();
	}

	document.addEventListener('toast', function (event) {
		var detail = event.detail || {};
		if (detail.closeDialog) {
			document.querySelectorAll('dialog[open]').forEach(function (dialog) {
				opener = null;
				dialog.close();
			});
		}
		if (detail.removed) {
			var row = document.getElementById('key-' + detail.removed);
			var next = row ? (row.nextElementSibling || row.previousElementSibling) : null;
			var nextId = next ? next.getAttribute('data-key-id') : null;
			pendingFocus = nextId ? '#key-menu-button-' + nextId : '#content h1';
		}
		else if (detail.focus) {
			pendingFocus = detail.focus;
		}
		if (anyDialogOpen()) {
			queuedToasts.push(detail.message);
		}
		else {
			showToast(detail.message);
		}
	});

	document.addEventListener('htmx:afterSettle', function (event) {
		if (!pendingFocus) {
			return;
		}
		var settled = event.target;
		var inside = (settled.matches && settled.matches(pendingFocus)) ? settled
			: (settled.querySelector ? settled.querySelector(pendingFocus) : null);
		var reloaded = settled.id === 'key-results' || settled.id === 'content';
		if (inside || reloaded) {
			var target = inside || document.querySelector(pendingFocus) || document.querySelector('#content h1');
			pendingFocus = null;
			focusOn(target);
		}
	});

	// ---- dialogs: focus back to what opened them; toasts that waited for them ----

	document.addEventListener('htmx:beforeRequest', function (event) {
		var elt = event.detail.elt;
		elt.setAttribute('aria-busy', 'true');
		if (!anyDialogOpen() && elt.closest && !elt.closest('dialog')) {
			opener = (open && open.button) || document.activeElement;
		}
	});

	document.addEventListener('htmx:afterRequest', function (event) {
		event.detail.elt.removeAttribute('aria-busy');
	});

	document.addEventListener('close', function (event) {
		if (!(event.target instanceof HTMLDialogElement)) {
			return;
		}
		// after the dialog's own close handler removed it
		setTimeout(function () {
			if (anyDialogOpen()) {
				return;
			}
			var focused = document.activeElement;
			if ((!focused || focused === document.body || !focused.isConnected) && opener && opener.isConnected) {
				opener.focus();
			}
			opener = null;
			var waiting = queuedToasts;
			queuedToasts = [];
			waiting.forEach(showToast);
		}, 0);
	}, true);
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
