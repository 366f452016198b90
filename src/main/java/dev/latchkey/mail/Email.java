package dev.latchkey.mail;

/** One email, in plain text and in HTML. */
public record Email(String to, String subject, String text, String html) {
}
