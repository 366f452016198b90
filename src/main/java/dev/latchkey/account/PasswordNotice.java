package dev.latchkey.account;

import java.time.Instant;
import java.util.Map;

import dev.latchkey.LatchkeyProperties;
import dev.latchkey.mail.MailTemplates;
import dev.latchkey.mail.Mailer;

import org.springframework.stereotype.Component;

/** The email telling a user their password was changed, with what to do if it was not them. */
@Component
class PasswordNotice {

	private final MailTemplates templates;

	private final Mailer mailer;

	private final LatchkeyProperties latchkey;

	PasswordNotice(MailTemplates templates, Mailer mailer, LatchkeyProperties latchkey) {
		this.templates = templates;
		this.mailer = mailer;
		this.latchkey = latchkey;
	}

	void send(User user, Instant when, boolean otherSessionsOnly) {
		String sessions = otherSessionsOnly ? "every other session signed in to it was signed out"
				: "every session signed in to it was signed out";
		this.mailer.send(this.templates.render(user.email(), "Your Latchkey password was changed", "password-changed",
				Map.of("email", user.email(), "when", MailTemplates.formatInstant(when), "sessions", sessions,
						"forgotPassword", this.latchkey.link("/forgot-password"))));
	}

}
