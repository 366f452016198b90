package dev.latchkey.apikey.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;

/**
 * How a key action confirms itself. With htmx, as events for latchkey.js: {@code toast} puts the message in the
 * layout's aria-live region and moves focus where the user goes on from, {@code keys-changed} reloads the list or
 * detail view that shows the key. Without JavaScript the same message is the page's flash notice.
 */
final class KeyToasts {

	static final String KEYS_CHANGED = "keys-changed";

	static final String TOAST = "toast";

	private KeyToasts() {
	}

	/** The action's message, shown once the dialog it came from (if any) is closed. */
	static void toast(HtmxResponse htmx, String message, String focus, boolean closeDialog) {
		htmx.addTrigger(TOAST, new Toast(message, focus, closeDialog, null));
	}

	/** After a delete: latchkey.js moves focus to the row that followed the deleted one, once the list reloads. */
	static void toastRemoved(HtmxResponse htmx, String message, String removedId) {
		htmx.addTrigger(TOAST, new Toast(message, null, true, removedId));
	}

	static void keysChanged(HtmxResponse htmx) {
		htmx.addTrigger(KEYS_CHANGED);
	}

	/** The ⋯ button of a key's row, the natural place to go on from after an action on that row. */
	static String rowFocus(String id) {
		return "#key-menu-button-" + id;
	}

	/** Whether the htmx request came from the list (rather than the key's detail view). */
	static boolean fromList(HtmxRequest htmx) {
		String current = htmx.getCurrentUrl();
		return current != null && current.matches("^[a-z]+://[^/]+/settings/api-credentials/?(\\?.*)?$");
	}

	static String quoted(String name) {
		return "'" + name + "'";
	}

	/**
	 * @param message what happened, for the aria-live region
	 * @param focus a CSS selector of what gets focus once the page has settled, or {@code null}
	 * @param closeDialog whether the open dialog (the action's own) closes first
	 * @param removed the id of a deleted key, whose row's successor gets focus
	 */
	record Toast(String message, String focus, boolean closeDialog, String removed) {
	}

}
