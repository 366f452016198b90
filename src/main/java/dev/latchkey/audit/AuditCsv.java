package dev.latchkey.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

/**
 * The audit log as CSV (RFC 4180: comma, CRLF, quotes doubled). A cell that a spreadsheet would read as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe, so an email typed at the sign-in
 * form as {@code =HYPERLINK(…)} stays text when an admin opens the export (OWASP "CSV injection").
 */
public final class AuditCsv {

	public static final String HEADER = "Time,Actor,Action,Target,IP address\r\n";

	private AuditCsv() {
	}

	public static String row(AuditEntry event) {
		return String.join(",", cell(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt())), cell(event.actor()),
				cell(event.action()), cell(event.target()), cell(event.ip())) + "\r\n";
	}

	public static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = value;
		char first = text.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	/** Writes the header and every row to {@code out} as the rows come. */
	public static Consumer writer(Writer out) {
		return new Consumer(out);
	}

	/** Writes rows, turning the checked exception of a gone client into an unchecked one that ends the export. */
	public static final class Consumer implements java.util.function.Consumer<AuditEntry> {

		private final Writer out;

		private Consumer(Writer out) {
			this.out = out;
			write(HEADER);
		}

		@Override
		public void accept(AuditEntry event) {
			write(row(event));
		}

		private void write(String text) {
			try {
				this.out.write(text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
