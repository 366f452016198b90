package dev.latchkey.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForwardedHeadersIgnoredTest extends ForwardedHeadersTests {

	@Test
	void aSpoofedForwardedForIsIgnored() {
		assertThat(auditedAddress("203.0.113.7")).isEqualTo("127.0.0.1");
	}

}
