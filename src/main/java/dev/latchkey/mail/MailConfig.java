package dev.latchkey.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * Sends for real when {@code spring.mail.host} is set (Spring Boot then provides the {@link JavaMailSender}),
 * and writes to the log otherwise.
 */
@Configuration(proxyBeanMethods = false)
class MailConfig {

	@Bean
	Mailer mailer(Environment environment, ObjectProvider<JavaMailSender> sender, MailSettings settings) {
		JavaMailSender javaMailSender = sender.getIfAvailable();
		if (StringUtils.hasText(environment.getProperty("spring.mail.host")) && javaMailSender != null) {
			return new SmtpMailer(javaMailSender, settings);
		}
		return new LogMailer();
	}

}
