package dev.latchkey.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "latchkey.trusted-proxies=10.0.0.0/8,127.0.0.1/32")
class ForwardedHeadersFromProxyTest extends ForwardedHeadersTests {

	@Test
	void theClientTheProxySawIsRecorded() {
		assertThat(auditedAddress("203.0.113.7")).isEqualTo("203.0.113.7");
	}

	@Test
	void addressesTheClientWroteLeftOfTheProxysAreNotBelieved() {
		assertThat(auditedAddress("198.51.100.1, 203.0.113.7, 10.1.2.3")).isEqualTo("203.0.113.7");
	}

	@Test
	void garbageInTheHeaderFallsBackToTheConnection() {
		assertThat(auditedAddress("not-an-address")).isEqualTo("127.0.0.1");
	}

}
