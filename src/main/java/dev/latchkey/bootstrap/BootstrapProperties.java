package dev.latchkey.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first tenant and its admin, created on the first start with an empty database.
 *
 * @param adminPassword blank to have a strong one generated and printed once to the log
 */
@ConfigurationProperties("latchkey.bootstrap")
public record BootstrapProperties(@DefaultValue("Latchkey") String tenant,
		@DefaultValue("admin@latchkey.local") String adminEmail, @DefaultValue("Admin") String adminName,
		String adminPassword, @DefaultValue("false") boolean production) {
}
