package dev.latchkey.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a dashboard session lasts: it ends after {@code idleTimeout} without a request (application.yml hands
 * this to Spring Session as {@code server.servlet.session.timeout}) and, however active, {@code absoluteTimeout}
 * after sign-in.
 */
@ConfigurationProperties("latchkey.session")
public record SessionProperties(@DefaultValue("30m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout) {
}
