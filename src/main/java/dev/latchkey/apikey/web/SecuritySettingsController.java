package dev.latchkey.apikey.web;

import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.SignedInUser;
import dev.latchkey.apikey.LeakPolicy;
import dev.latchkey.apikey.LimitsProperties;
import dev.latchkey.apikey.SecuritySettingsService;
import dev.latchkey.shared.Actor;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Security, for admins (see SecurityConfig): the tenant's own scope names, the default rate limit of its
 * keys and what happens to a key reported as leaked. A simple form of sections, so later settings join as sections.
 */
@Controller
@RequestMapping("/settings/security")
class SecuritySettingsController {

	private final SecuritySettingsService settings;

	private final LimitsProperties limits;

	private final dev.latchkey.apikey.KeyLifetimePolicy lifetime;

	SecuritySettingsController(SecuritySettingsService settings, LimitsProperties limits,
			dev.latchkey.apikey.KeyLifetimePolicy lifetime) {
		this.settings = settings;
		this.limits = limits;
		this.lifetime = lifetime;
	}

	/** The section Maximum key lifetime, saved by its own form (KeyLifetimeController). */
	@ModelAttribute
	void keyLifetime(@AuthenticationPrincipal SignedInUser user, Model model) {
		KeyLifetimeController.addTo(model, this.lifetime.find(user.tenantId()).days());
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "security";
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInUser user, Model model) {
		return page(SecuritySettingsForm.of(this.settings.find(user.tenantId())), Map.of(), model);
	}

	@PostMapping
	String save(@AuthenticationPrincipal SignedInUser user, SecuritySettingsForm form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		try {
			this.settings.update(Actor.user(user.tenantId(), user.id(), request.getRemoteAddr()), form.toSettings());
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			String message = ex.getMessage().replace("default_rate_limit.requests", "The number of requests")
				.replace("default_rate_limit.per_seconds", "The window");
			return page(form, Map.of(ex.field(), message), model);
		}
		redirect.addFlashAttribute("notice", "Saved the security settings.");
		return "redirect:/settings/security";
	}

	private String page(SecuritySettingsForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("policies", Arrays.asList(LeakPolicy.values()));
		model.addAttribute("installationDefault", this.limits.defaultRateLimit().requests() + " requests per "
				+ this.limits.defaultRateLimit().perSeconds() + " seconds");
		return "settings/security";
	}

}
