package dev.latchkey.link;

import java.util.Map;

/**
 * The email that carries a link, rendered from {@code templates/mail/<template>.txt} and
 * {@code templates/mail/<template>.html}. Besides {@code variables}, both templates see {@code link} (the whole
 * URL, token included), {@code validity} (such as "30 minutes" or "72 hours") and {@code expiresAt} (formatted,
 * UTC).
 *
 * @param to the address to send it to
 * @param subject the subject line
 * @param template the templates' name, without folder or suffix
 * @param variables anything else the templates show (a name, a tenant); escaped in the HTML part by the template
 */
public record LinkEmail(String to, String subject, String template, Map<String, Object> variables) {

	public LinkEmail {
		variables = Map.copyOf(variables);
	}

}
