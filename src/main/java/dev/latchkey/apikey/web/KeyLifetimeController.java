package dev.latchkey.apikey.web;

import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.SignedInUser;
import dev.latchkey.apikey.KeyLifetimePolicy;
import dev.latchkey.apikey.MaxKeyLifetime;
import dev.latchkey.shared.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Security, section Maximum key lifetime (admins only). Its own form and URL, so that the section sits on
 * the Security page next to the others ({@code settings/key-lifetime :: section}) and is saved on its own.
 */
@Controller
@RequestMapping("/settings/security/key-lifetime")
class KeyLifetimeController {

	private final KeyLifetimePolicy lifetime;

	KeyLifetimeController(KeyLifetimePolicy lifetime) {
		this.lifetime = lifetime;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "security";
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInUser user, Model model) {
		requireAdmin(user);
		return page(this.lifetime.find(user.tenantId()).days(), Map.of(), model);
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String maxKeyLifetimeDays,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		requireAdmin(user);
		try {
			MaxKeyLifetime chosen = MaxKeyLifetime.ofDays(days(maxKeyLifetimeDays), "max_key_lifetime_days");
			this.lifetime.change(Actor.user(user.tenantId(), user.id(), request.getRemoteAddr()), chosen);
			redirect.addFlashAttribute("notice", chosen.limited()
					? "Keys now live at most " + chosen.label() + ", from their next creation, roll or change."
					: "Keys have no maximum lifetime.");
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(null, Map.of("max_key_lifetime_days", "Choose one of the offered lifetimes"), model);
		}
		return "redirect:/settings/security";
	}

	static void addTo(Model model, Integer days) {
		model.addAttribute("maxKeyLifetimeDays", days);
		model.addAttribute("lifetimes", Arrays.asList(MaxKeyLifetime.values()));
	}

	private static String page(Integer days, Map<String, String> errors, Model model) {
		addTo(model, days);
		model.addAttribute("lifetimeErrors", errors);
		return "settings/key-lifetime";
	}

	private static Integer days(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("max_key_lifetime_days", "not a number of days");
		}
	}

	private static void requireAdmin(SignedInUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only an admin may change the maximum key lifetime");
		}
	}

}
