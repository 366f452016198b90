package dev.latchkey.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without an SMTP server (the embedded default), writes each email to the log so the flows that send mail can
 * be used locally. This is the one place where a password-reset link is logged: whoever reads this log could
 * reset any password, which is why it is used only when no {@code spring.mail.host} is configured.
 */
final class LogTransport implements MailTransport {

	private static final Logger log = LoggerFactory.getLogger(LogTransport.class);

	LogTransport() {
		log.warn("No SMTP server is configured (spring.mail.host): emails, password-reset links included, are "
				+ "written to this log instead of being sent");
	}

	@Override
	public void deliver(Email email) {
		log.info("Email to {}, subject '{}' (not sent: no spring.mail.host):\n{}", email.to(), email.subject(),
				email.text());
	}

}
