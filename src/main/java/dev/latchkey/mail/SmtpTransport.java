package dev.latchkey.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Delivers over SMTP, plain text and HTML in one multipart message. */
final class SmtpTransport implements MailTransport {

	private final JavaMailSender sender;

	private final MailSettings settings;

	SmtpTransport(JavaMailSender sender, MailSettings settings) {
		this.sender = sender;
		this.settings = settings;
	}

	@Override
	public void deliver(Email email) throws MessagingException {
		MimeMessage message = this.sender.createMimeMessage();
		var helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.settings.from());
		helper.setTo(email.to());
		helper.setSubject(email.subject());
		helper.setText(email.text(), email.html());
		this.sender.send(message);
	}

}
