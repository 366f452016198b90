package dev.latchkey.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies the addresses (CIDRs such as {@code 10.0.0.0/8} or single addresses) of the reverse
 * proxies in front of Latchkey, whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers are believed.
 * None by default: a client's own header then changes nothing, so it cannot choose the address that throttling
 * and the audit log see.
 */
@ConfigurationProperties("latchkey")
public record TrustedProxies(List<String> trustedProxies) {

	public TrustedProxies {
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
	}

}
