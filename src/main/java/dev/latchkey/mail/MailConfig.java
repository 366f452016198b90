package dev.latchkey.mail;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

/**
 * Every email goes through the outbox; the dispatcher sends it for real when {@code spring.mail.host} is set
 * (Spring Boot then provides the {@link JavaMailSender}), and writes it to the log otherwise.
 */
@Configuration(proxyBeanMethods = false)
class MailConfig {

	@Bean
	MailTransport mailTransport(Environment environment, ObjectProvider<JavaMailSender> sender,
			MailSettings settings) {
		JavaMailSender javaMailSender = sender.getIfAvailable();
		if (StringUtils.hasText(environment.getProperty("spring.mail.host")) && javaMailSender != null) {
			return new SmtpTransport(javaMailSender, settings);
		}
		return new LogTransport();
	}

	@Bean
	MailDispatcher mailDispatcher(JdbcClient jdbc, MailTransport transport, MailSettings settings, Clock clock) {
		return new MailDispatcher(jdbc, transport, settings, clock);
	}

	@Bean
	MailOutbox mailer(JdbcClient jdbc, MailDispatcher dispatcher, Clock clock) {
		return new MailOutbox(jdbc, dispatcher, clock);
	}

}
