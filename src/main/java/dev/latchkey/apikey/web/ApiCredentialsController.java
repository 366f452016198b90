package dev.latchkey.apikey.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxReswap;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.SignedInUser;
import dev.latchkey.apikey.ActiveKeyLimitException;
import dev.latchkey.apikey.ApiKey;
import dev.latchkey.apikey.RateLimit;
import dev.latchkey.apikey.ApiKeyNotFoundException;
import dev.latchkey.apikey.ApiKeyPage;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.KeyListQuery;
import dev.latchkey.apikey.KeyPermissions;
import dev.latchkey.shared.Actor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → API Credentials: the list, the create dialog, a key's detail view and its actions. Every call goes to
 * {@link ApiKeyService}, scoped to the signed-in user's tenant; an htmx request gets the fragment the full page is
 * made of.
 */
@Controller
@RequestMapping("/settings/api-credentials")
class ApiCredentialsController {

	static final int PAGE_SIZE = 25;

	private final ApiKeyService keys;

	private final Clock clock;

	ApiCredentialsController(ApiKeyService keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "api-credentials";
	}

	/**
	 * The list, filtered, sorted and paged as its URL says (see {@link KeyListParameters}). htmx requests get the
	 * results section and the URL to show for them: never one with a pasted token in it, which would land in the
	 * browser's history. A full page request with a token is redirected to the URL without it.
	 */
	@GetMapping
	String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String env,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String page, HtmxRequest htmx, HtmxResponse htmxResponse,
			HttpServletRequest request, Model model) {
		boolean production = this.keys.productionGranted(user.tenantId());
		KeyListParameters asked = KeyListParameters.parse(q, status, env, sort, dir, page, production);
		KeyListQuery query = asked.toQuery(PAGE_SIZE);
		ApiKeyPage keys = this.keys.listOrLastPage(user.tenantId(), query);
		KeyListParameters shown = asked.onPage(keys.page() + 1);
		if (query.searchesToken()) {
			// The token is never shown back: the key it found is shown by its prefix, which finds it again.
			shown = shown.showingSearch(keys.keys().isEmpty() ? "" : keys.keys().get(0).tokenPrefix());
			if (!partial(htmx)) {
				return "redirect:" + shown.url();
			}
			model.addAttribute("tokenSearch", true);
		}
		var now = this.clock.instant();
		KeyPermissions permissions = permissions(user, request, model);
		model.addAttribute("list", shown);
		model.addAttribute("q", shown.q());
		model.addAttribute("production", production);
		model.addAttribute("page", keys);
		model.addAttribute("rows", keys.keys().stream().map((key) -> KeyView.of(key, now, permissions)).toList());
		if (!partial(htmx)) {
			return "apikeys/list";
		}
		if (shown.url().equals(pathAndQuery(htmx.getCurrentUrl()))) {
			htmxResponse.preventHistoryUpdate();
		}
		else {
			htmxResponse.setPushUrl(shown.url());
		}
		return "apikeys/list :: results";
	}

	/** The path and query of the page the browser shows, as {@link KeyListParameters#url()} writes them. */
	private static String pathAndQuery(String url) {
		if (url == null) {
			return "";
		}
		try {
			java.net.URI uri = java.net.URI.create(url);
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	@GetMapping("/new")
	String newKey(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
		if (!permissions(user, request, model).canCreate()) {
			throw new AccessDeniedException("Your role may not create keys");
		}
		return form(user, request, CreateKeyForm.empty(), Map.of(), model, "apikeys/create :: create-dialog");
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInUser user, CreateKeyForm form, HttpServletRequest request,
			HttpServletResponse response, HtmxResponse htmx, Model model) {
		try {
			CreatedApiKey created = this.keys.create(actor(user, request), form.toNewApiKey(this.clock.instant()));
			// The one response that carries the token: no cache may keep it, and the table behind the dialog reloads.
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			KeyToasts.keysChanged(htmx);
			KeyToasts.toast(htmx, "Key " + KeyToasts.quoted(created.key().name()) + " created", null, false);
			htmx.setRetarget("#create-key-dialog");
			htmx.setReswap(HtmxReswap.outerHtml());
			return TokenDialog.show(created, KeyView.of(created.key(), this.clock.instant(), permissions(user, request, model)),
					model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, request, form, Map.of(form.fieldFor(ex.field()), sentence(ex.getMessage())), model,
					"apikeys/create :: form");
		}
		catch (ActiveKeyLimitException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, request, form, Map.of("limit", ex.getMessage()), model, "apikeys/create :: form");
		}
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HttpServletRequest request,
			Model model) {
		ApiKey key = this.keys.findIncludingDeleted(user.tenantId(), id);
		if (key.deletedAt() != null) {
			model.addAttribute("key", new DeletedKeyView(key.name(), key.tokenPrefix() + "…",
					KeyView.dateTime(key.deletedAt()), key.deletedAt().toString()));
			model.addAttribute("history", history(user, id));
			return "apikeys/deleted";
		}
		return detail(user, request, key, Map.of(), model);
	}

	/** A person changes a key's scopes here; no key can (see ApiKeyService#changeScopes). */
	@PostMapping("/{id}/scopes")
	String changeScopes(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			@RequestParam(required = false) List<String> scopes, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		try {
			this.keys.changeScopes(actor(user, request), id, (scopes != null) ? scopes : List.of());
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detail(user, request, this.keys.find(user.tenantId(), id), Map.of(ex.field(), sentence(ex.getMessage())),
					model);
		}
		redirect.addFlashAttribute("notice", "Saved the scopes.");
		return "redirect:/settings/api-credentials/" + id;
	}

	/** A person sets where the key may be used from: one address or CIDR range a line; empty for anywhere. */
	@PostMapping("/{id}/allowed-ips")
	String changeAllowedIps(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			@RequestParam(defaultValue = "") String allowedIps, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		try {
			this.keys.changeAllowedIps(actor(user, request), id, CreateKeyForm.addresses(allowedIps));
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("allowedIpsText", allowedIps);
			return detail(user, request, this.keys.find(user.tenantId(), id), Map.of("allowedIps", sentence(ex.getMessage())),
					model);
		}
		redirect.addFlashAttribute("notice", "Saved the allowed IP addresses.");
		return "redirect:/settings/api-credentials/" + id;
	}

	/** A person sets the key's own rate limit, or clears both fields to follow the tenant's default. */
	@PostMapping("/{id}/rate-limit")
	String changeRateLimit(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			@RequestParam(required = false) String requests, @RequestParam(required = false) String perSeconds,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			RateLimit limit = RateLimit.of(whole(requests, "rate_limit"), whole(perSeconds, "rate_limit"), "rate_limit");
			this.keys.changeRateLimit(actor(user, request), id, limit);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return detail(user, request, this.keys.find(user.tenantId(), id),
					Map.of("rate_limit", sentence(ex.getMessage().replace("rate_limit.", "").replace("per_seconds",
							"the window").replace("requests must", "the number of requests must"))),
					model);
		}
		redirect.addFlashAttribute("notice", "Saved the rate limit.");
		return "redirect:/settings/api-credentials/" + id;
	}

	private static Integer whole(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "rate_limit.requests must be a whole number");
		}
	}

	@ExceptionHandler(ErrorResponseException.class)
	String refused(ErrorResponseException ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.getStatusCode().value());
		model.addAttribute("message", ex.getBody().getDetail());
		return "error/refused";
	}

	private String detail(SignedInUser user, HttpServletRequest request, ApiKey key, Map<String, String> errors, Model model) {
		String id = key.publicId();
		model.addAttribute("key", KeyView.of(key, this.clock.instant(), permissions(user, request, model)));
		model.addAttribute("errors", errors);
		model.addAttribute("knownScopes", this.keys.knownScopes(user.tenantId()));
		model.addAttribute("history", history(user, id));
		return "apikeys/detail";
	}

	private List<HistoryView> history(SignedInUser user, String id) {
		return this.keys.history(user.tenantId(), id)
			.stream()
			.map((event) -> new HistoryView(KeyView.dateTime(event.occurredAt()), sentence(event.action()),
					event.actor(), event.clientIp()))
			.toList();
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HtmxRequest htmx,
			HtmxResponse htmxResponse, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		ApiKey key = this.keys.deactivate(actor(user, request), id);
		return changed(user, request, key, "deactivated", "reactivate", htmx, htmxResponse, response, model, redirect);
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HtmxRequest htmx,
			HtmxResponse htmxResponse, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		ApiKey key = this.keys.reactivate(actor(user, request), id);
		return changed(user, request, key, "reactivated", "deactivate", htmx, htmxResponse, response, model, redirect);
	}

	/** The confirmation dialog: deleting is irreversible, so it is never one click. */
	@GetMapping("/{id}/delete")
	String confirmDelete(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			HttpServletRequest request, Model model) {
		KeyView key = KeyView.of(this.keys.find(user.tenantId(), id), this.clock.instant(),
				permissions(user, request, model));
		if (!key.changeable()) {
			throw new AccessDeniedException("Your role may not delete this key");
		}
		model.addAttribute("key", key);
		return "apikeys/delete :: dialog";
	}

	/**
	 * From the list with htmx, the dialog closes and the list reloads, with focus on the row that followed; from the
	 * detail view, or without JavaScript, back to the list with the notice.
	 */
	@PostMapping("/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HtmxRequest htmx,
			HtmxResponse htmxResponse, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		String name = this.keys.find(user.tenantId(), id).name();
		this.keys.delete(actor(user, request), id);
		String message = "Key " + KeyToasts.quoted(name) + " deleted";
		if (htmx.isHtmxRequest() && KeyToasts.fromList(htmx)) {
			KeyToasts.keysChanged(htmxResponse);
			KeyToasts.toastRemoved(htmxResponse, message, id);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		redirect.addFlashAttribute("notice", message);
		return htmx.isHtmxRequest() ? "redirect:htmx:/settings/api-credentials" : "redirect:/settings/api-credentials";
	}

	@ExceptionHandler(ApiKeyNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(InvalidInputException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest() {
		return "error/400";
	}

	/**
	 * After Deactivate or Reactivate: in the list the row comes back in its new state, focused on its ⋯ button; in
	 * the detail view the page reloads itself, focused on the button that undoes it; without JavaScript, the detail
	 * view with the notice.
	 */
	private String changed(SignedInUser user, HttpServletRequest request, ApiKey key, String done, String undo,
			HtmxRequest htmx, HtmxResponse htmxResponse, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		String message = "Key " + KeyToasts.quoted(key.name()) + " " + done;
		if (!htmx.isHtmxRequest()) {
			redirect.addFlashAttribute("notice", message);
			return "redirect:/settings/api-credentials/" + key.publicId();
		}
		if (!KeyToasts.fromList(htmx)) {
			KeyToasts.keysChanged(htmxResponse);
			KeyToasts.toast(htmxResponse, message, "[data-testid='" + undo + "']", false);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		KeyToasts.toast(htmxResponse, message, KeyToasts.rowFocus(key.publicId()), false);
		model.addAttribute("key", KeyView.of(key, this.clock.instant(), permissions(user, request, model)));
		return "apikeys/list :: row";
	}

	private String form(SignedInUser user, HttpServletRequest request, CreateKeyForm form, Map<String, String> errors,
			Model model, String view) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("production", permissions(user, request, model).canCreateProduction());
		model.addAttribute("expirations", Arrays.asList(ExpirationChoice.values()));
		model.addAttribute("knownScopes", this.keys.knownScopes(user.tenantId()));
		return view;
	}

	/** The signed-in member's permissions, once per request, also for the page to decide which buttons to show. */
	private KeyPermissions permissions(SignedInUser user, HttpServletRequest request, Model model) {
		if (model.getAttribute("permissions") instanceof KeyPermissions known) {
			return known;
		}
		KeyPermissions permissions = this.keys.permissions(actor(user, request));
		model.addAttribute("permissions", permissions);
		return permissions;
	}

	private static boolean partial(HtmxRequest htmx) {
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() && !htmx.isBoosted();
	}

	private static Actor actor(SignedInUser user, HttpServletRequest request) {
		return Actor.user(user.tenantId(), user.id(), request.getRemoteAddr());
	}

	/** The service's messages are API-style ("name is required"); the dashboard starts them with a capital. */
	private static String sentence(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

	/** What is left to show of a deleted key: its name, prefix, when it went, and its history. */
	record DeletedKeyView(String name, String maskedKey, String deleted, String deletedIso) {
	}

	record HistoryView(String when, String action, String actor, String clientIp) {
	}

}
