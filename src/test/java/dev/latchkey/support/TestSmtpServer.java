package dev.latchkey.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free port, one per test JVM, so that the application sends over SMTP exactly
 * as in production. Tests tell their emails apart by recipient: every test uses addresses of its own.
 */
public final class TestSmtpServer {

	private static GreenMail server;

	private TestSmtpServer() {
	}

	public static synchronized GreenMail get() {
		if (server == null) {
			server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	/** Points {@code spring.mail.*} at this server. */
	public static void register(DynamicPropertyRegistry registry) {
		int port = get().getSmtp().getPort();
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
	}

	/** @return the emails received for the address so far, oldest first */
	public static List<Received> to(String address) {
		return Arrays.stream(get().getReceivedMessages())
			.filter((message) -> recipients(message).contains(address))
			.map(Received::of)
			.toList();
	}

	/** Waits until the address has received {@code count} emails, and returns them. */
	public static List<Received> awaitEmails(String address, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		List<Received> received = to(address);
		while (received.size() < count && System.nanoTime() < deadline) {
			sleep(50);
			received = to(address);
		}
		if (received.size() < count) {
			throw new AssertionError("Expected " + count + " emails to " + address + ", got " + received.size());
		}
		return received;
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> recipients(MimeMessage message) {
		try {
			Address[] to = message.getAllRecipients();
			return (to != null) ? Arrays.stream(to).map(Address::toString).toList() : List.of();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An email as received, its plain-text and HTML parts decoded. */
	public record Received(String from, String subject, String text, String html) {

		static Received of(MimeMessage message) {
			try {
				StringBuilder text = new StringBuilder();
				StringBuilder html = new StringBuilder();
				collect(message, text, html);
				return new Received(message.getFrom()[0].toString(), message.getSubject(), text.toString(),
						html.toString());
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static void collect(Part part, StringBuilder text, StringBuilder html)
				throws MessagingException, IOException {
			if (part.isMimeType("text/plain")) {
				text.append(part.getContent());
			}
			else if (part.isMimeType("text/html")) {
				html.append(part.getContent());
			}
			else if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					collect(multipart.getBodyPart(i), text, html);
				}
			}
		}

	}

}
