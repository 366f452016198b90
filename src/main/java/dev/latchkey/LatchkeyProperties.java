package dev.latchkey;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param baseUrl where users reach this installation, for links in emails: configured, never taken from a
 * request's Host or X-Forwarded-Host header, which a client controls
 */
@ConfigurationProperties("latchkey")
public record LatchkeyProperties(URI baseUrl) {

	public LatchkeyProperties {
		if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null
				|| !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw new IllegalArgumentException(
					"latchkey.base-url must be an absolute http(s) URL such as https://latchkey.example.com, not "
							+ baseUrl);
		}
	}

	/** @param path starting with {@code /}, already encoded */
	public String link(String path) {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
