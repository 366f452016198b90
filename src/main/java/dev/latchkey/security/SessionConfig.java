package dev.latchkey.security;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Dashboard sessions: their cookie and their absolute lifetime (the idle timeout is Spring Session's). */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	@Bean
	CookieSerializer sessionCookies() {
		return new SessionCookies();
	}

	/**
	 * After Spring Session has resolved the session, before Spring Security reads the signed-in user from it. On the
	 * system clock, like Spring Session's own idle expiry: a session's lifetime is wall-clock time, not the domain
	 * time that key expiry and throttling read from the injected clock.
	 */
	@Bean
	FilterRegistrationBean<SessionLifetimeFilter> sessionLifetimeFilter(SessionProperties properties) {
		var registration = new FilterRegistrationBean<>(
				new SessionLifetimeFilter(properties.absoluteTimeout(), Clock.systemUTC()));
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

}
