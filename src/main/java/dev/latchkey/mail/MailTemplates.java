package dev.latchkey.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders an email from two Thymeleaf templates, {@code templates/mail/<name>.txt} (text mode) and
 * {@code templates/mail/<name>.html} (HTML mode, so variables are escaped). Its own engine, not a bean: a second
 * template engine bean would make Spring Boot's for the pages back off.
 */
@Component
public class MailTemplates {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final TemplateEngine engine = new SpringTemplateEngine();

	MailTemplates() {
		this.engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT, 1));
		this.engine.addTemplateResolver(resolver(".html", TemplateMode.HTML, 2));
	}

	public Email render(String to, String subject, String template, Map<String, Object> variables) {
		Context context = new Context(Locale.ENGLISH, variables);
		return new Email(to, subject, this.engine.process(template + ".txt", context),
				this.engine.process(template + ".html", context));
	}

	/** How emails show a moment: "1 Dec 2026 at 03:20 UTC". */
	public static String formatInstant(Instant instant) {
		return WHEN.format(instant);
	}

	private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
