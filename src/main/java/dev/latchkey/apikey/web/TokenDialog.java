package dev.latchkey.apikey.web;

import dev.latchkey.apikey.CreatedApiKey;

import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "Save your API key": the one view that shows a token, after Create and after Roll. Besides the token it offers a
 * ready {@code curl} line that calls the API with it, addressed as the browser reached this dashboard.
 */
final class TokenDialog {

	static final String TRY_PATH = "/api/hello_world/authenticated";

	private TokenDialog() {
	}

	static String show(CreatedApiKey created, KeyView key, Model model) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(TRY_PATH).toUriString();
		model.addAttribute("key", key);
		model.addAttribute("token", created.token());
		model.addAttribute("curl", "curl -H 'x-api-key: " + created.token() + "' " + url);
		return "apikeys/create :: created";
	}

}
