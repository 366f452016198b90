package dev.latchkey.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.latchkey.LatchkeyProperties;
import dev.latchkey.mail.Email;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The two emails of a password reset: the link, and the notice that the password was changed. */
@Component
class PasswordResetMails {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final LatchkeyProperties latchkey;

	PasswordResetMails(LatchkeyProperties latchkey) {
		this.latchkey = latchkey;
	}

	Email link(User user, String token, Duration validity) {
		String link = this.latchkey.link("/reset-password?token=" + token);
		String minutes = validity.toMinutes() + " minutes";
		String text = """
				Someone, hopefully you, asked to reset the password of your Latchkey account %s.

				Open this link within %s to choose a new password:

				%s

				The link works once. If you did not ask for it, ignore this email: your password stays as it is.
				""".formatted(user.email(), minutes, link);
		String html = """
				<p>Someone, hopefully you, asked to reset the password of your Latchkey account %s.</p>
				<p>Open this link within %s to choose a new password:</p>
				<p><a href="%s">Reset your password</a></p>
				<p>Or copy this address into your browser: %s</p>
				<p>The link works once. If you did not ask for it, ignore this email: your password stays as it is.</p>
				""".formatted(html(user.email()), minutes, html(link), html(link));
		return new Email(user.email(), "Reset your Latchkey password", text, html);
	}

	Email changed(User user, Instant when) {
		String forgot = this.latchkey.link("/forgot-password");
		String text = """
				The password of your Latchkey account %s was changed on %s, and every session signed in to it \
				was signed out.

				If you did not do this, reset your password now at %s and tell your administrator.
				""".formatted(user.email(), WHEN.format(when), forgot);
		String html = """
				<p>The password of your Latchkey account %s was changed on %s, and every session signed in to it \
				was signed out.</p>
				<p>If you did not do this, <a href="%s">reset your password now</a> and tell your administrator.</p>
				""".formatted(html(user.email()), WHEN.format(when), html(forgot));
		return new Email(user.email(), "Your Latchkey password was changed", text, html);
	}

	private static String html(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
