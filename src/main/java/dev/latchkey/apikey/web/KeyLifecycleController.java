package dev.latchkey.apikey.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxReswap;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.SignedInUser;
import dev.latchkey.apikey.ApiKey;
import dev.latchkey.apikey.ApiKeyNotFoundException;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.apikey.CreatedApiKey;
import dev.latchkey.apikey.KeyEdit;
import dev.latchkey.apikey.KeyLifetimePolicy;
import dev.latchkey.apikey.KeyPermissions;
import dev.latchkey.apikey.MaxKeyLifetime;
import dev.latchkey.shared.Actor;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A key's life after creation, from the list's row actions and the detail view: Roll key, Rename and Change
 * expiration, each a dialog loaded into #dialog-slot and posted with htmx. A refused input comes back as the same
 * form with the error next to its field (422). A rename or expiration change closes the dialog and confirms itself in
 * a toast: in the list the key's row is swapped in place, the detail view reloads itself; without JavaScript, the
 * detail view with the same message as its notice.
 */
@Controller
@RequestMapping("/settings/api-credentials/{id}")
class KeyLifecycleController {

	private final ApiKeyService keys;

	private final KeyLifetimePolicy lifetime;

	private final Clock clock;

	KeyLifecycleController(ApiKeyService keys, KeyLifetimePolicy lifetime, Clock clock) {
		this.keys = keys;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "api-credentials";
	}

	@GetMapping("/roll")
	String rollDialog(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HttpServletRequest request,
			Model model) {
		return dialog(user, id, request, "day", Map.of(), model, "apikeys/lifecycle :: roll-dialog");
	}

	/** The one response besides creation that carries a token: the same show-once dialog, never cached. */
	@PostMapping("/roll")
	String roll(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			@RequestParam(defaultValue = "") String expireOld, HttpServletRequest request, HttpServletResponse response,
			HtmxResponse htmx, Model model) {
		RollGrace grace = RollGrace.of(expireOld).orElse(null);
		if (grace == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return dialog(user, id, request, expireOld, Map.of("expireOld", "Choose when the old key stops working"),
					model, "apikeys/lifecycle :: roll-form");
		}
		try {
			CreatedApiKey rolled = this.keys.roll(actor(user, request), id, grace.grace());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			KeyToasts.keysChanged(htmx);
			KeyToasts.toast(htmx, "Key " + KeyToasts.quoted(rolled.key().name()) + " rolled", null, false);
			htmx.setRetarget("#roll-key-dialog");
			htmx.setReswap(HtmxReswap.outerHtml());
			model.addAttribute("rolledGrace", grace.label());
			return TokenDialog.show(rolled,
					KeyView.of(rolled.key(), this.clock.instant(), permissions(user, request, model)), model);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return dialog(user, id, request, expireOld, Map.of("expireOld", sentence(ex.getMessage())), model,
					"apikeys/lifecycle :: roll-form");
		}
		catch (ErrorResponseException ex) {
			// already rolled, or no room for another active key
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return dialog(user, id, request, expireOld, Map.of("roll", ex.getBody().getDetail()), model,
					"apikeys/lifecycle :: roll-form");
		}
	}

	@GetMapping("/rename")
	String renameDialog(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HttpServletRequest request,
			Model model) {
		ApiKey key = this.keys.find(user.tenantId(), id);
		return dialog(user, id, request, key.name(), Map.of(), model, "apikeys/lifecycle :: rename-dialog");
	}

	@PostMapping("/rename")
	String rename(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			@RequestParam(defaultValue = "") String name, HtmxRequest htmx, HtmxResponse htmxResponse,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			String before = this.keys.find(user.tenantId(), id).name();
			ApiKey key = this.keys.edit(actor(user, request), id, KeyEdit.rename(name));
			String message = "Key " + KeyToasts.quoted(before) + " renamed to " + KeyToasts.quoted(key.name());
			return done(user, request, key, message, htmx, htmxResponse, response, model, redirect);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return dialog(user, id, request, name, Map.of("name", sentence(ex.getMessage())), model,
					"apikeys/lifecycle :: rename-form");
		}
	}

	@GetMapping("/expiration")
	String expirationDialog(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			HttpServletRequest request, Model model) {
		MaxKeyLifetime max = this.lifetime.find(user.tenantId());
		String preset = max.limited() ? ExpirationChoice.DAYS_30.value() : ExpirationChoice.NEVER.value();
		return dialog(user, id, request, preset, Map.of(), model, "apikeys/lifecycle :: expiration-dialog");
	}

	@PostMapping("/expiration")
	String changeExpiration(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			@RequestParam(defaultValue = "") String expiration, @RequestParam(defaultValue = "") String customDate,
			HtmxRequest htmx, HtmxResponse htmxResponse, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		CreateKeyForm form = new CreateKeyForm("", expiration, customDate, null, null, null, null);
		try {
			Instant expiresAt = form.toNewApiKey(this.clock.instant()).expiresAt();
			ApiKey key = this.keys.edit(actor(user, request), id, KeyEdit.expiration(expiresAt));
			String message = "Key " + KeyToasts.quoted(key.name()) + ((key.expiresAt() != null)
					? " now expires " + KeyView.dateTime(key.expiresAt()) : " now never expires");
			return done(user, request, key, message, htmx, htmxResponse, response, model, redirect);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("customDate", customDate);
			return dialog(user, id, request, expiration, Map.of(form.fieldFor(ex.field()), sentence(ex.getMessage())),
					model, "apikeys/lifecycle :: expiration-form");
		}
	}

	@ExceptionHandler(ApiKeyNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	@ExceptionHandler(ErrorResponseException.class)
	String refused(ErrorResponseException ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.getStatusCode().value());
		model.addAttribute("message", ex.getBody().getDetail());
		return "error/refused";
	}

	/**
	 * A change made in a dialog: from the list, the key's row replaces itself (the dialog's form asked for its own
	 * swap, so the response retargets) and gets focus; from the detail view, the view reloads itself and its heading
	 * gets focus; without JavaScript, to the detail view with the message as its notice.
	 */
	private String done(SignedInUser user, HttpServletRequest request, ApiKey key, String message, HtmxRequest htmx,
			HtmxResponse htmxResponse, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!htmx.isHtmxRequest()) {
			redirect.addFlashAttribute("notice", message);
			return "redirect:/settings/api-credentials/" + key.publicId();
		}
		if (!KeyToasts.fromList(htmx)) {
			KeyToasts.keysChanged(htmxResponse);
			KeyToasts.toast(htmxResponse, message, "#content h1", true);
			response.setStatus(HttpStatus.NO_CONTENT.value());
			return null;
		}
		KeyToasts.toast(htmxResponse, message, KeyToasts.rowFocus(key.publicId()), true);
		htmxResponse.setRetarget("#key-" + key.publicId());
		htmxResponse.setReswap(HtmxReswap.outerHtml());
		model.addAttribute("key", KeyView.of(key, this.clock.instant(), permissions(user, request, model)));
		return "apikeys/list :: row";
	}

	/** The dialogs are for members who may change the key; others get a 403 before seeing one. */
	private String dialog(SignedInUser user, String id, HttpServletRequest request, String value,
			Map<String, String> errors, Model model, String view) {
		ApiKey key = this.keys.find(user.tenantId(), id);
		KeyView view0 = KeyView.of(key, this.clock.instant(), permissions(user, request, model));
		if (!view0.changeable()) {
			throw new AccessDeniedException("Your role may not change this key");
		}
		MaxKeyLifetime max = this.lifetime.find(user.tenantId());
		model.addAttribute("key", view0);
		model.addAttribute("value", value);
		model.addAttribute("errors", errors);
		model.addAttribute("graces", Arrays.asList(RollGrace.values()));
		model.addAttribute("expirations", Arrays.stream(ExpirationChoice.values())
			.filter((choice) -> !max.limited() || choice != ExpirationChoice.NEVER)
			.toList());
		model.addAttribute("maxLifetime", max.limited() ? max.label() : null);
		return view;
	}

	private KeyPermissions permissions(SignedInUser user, HttpServletRequest request, Model model) {
		if (model.getAttribute("permissions") instanceof KeyPermissions known) {
			return known;
		}
		KeyPermissions permissions = this.keys.permissions(actor(user, request));
		model.addAttribute("permissions", permissions);
		return permissions;
	}

	private static Actor actor(SignedInUser user, HttpServletRequest request) {
		return Actor.user(user.tenantId(), user.id(), request.getRemoteAddr());
	}

	private static String sentence(String message) {
		return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

}
