package dev.latchkey.apikey;

import java.util.ArrayList;
import java.util.List;

import dev.latchkey.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IpAllowlistTest {

	@Test
	void addressesAndRangesAreNormalised() {
		IpAllowlist list = IpAllowlist.parse(List.of(" 203.0.113.7 ", "198.51.100.77/24", "2001:DB8:0:0:0:0:0:1",
				"2001:db8:abcd:12::/48", "::1", "10.0.0.0/8", "10.1.2.3/8", ""), "allowed_ips");

		assertThat(list.list()).containsExactly("203.0.113.7", "198.51.100.0/24", "2001:db8::1", "2001:db8:abcd::/48",
				"::1", "10.0.0.0/8");
	}

	@Test
	void aRequestIsAllowedFromAListedAddressOrRangeOnly() {
		IpAllowlist list = IpAllowlist.parse(List.of("203.0.113.7", "198.51.100.0/24", "2001:db8::/32"), "allowed_ips");

		assertThat(list.allows("203.0.113.7")).isTrue();
		assertThat(list.allows("203.0.113.8")).isFalse();
		assertThat(list.allows("198.51.100.255")).isTrue();
		assertThat(list.allows("198.51.101.0")).isFalse();
		assertThat(list.allows("2001:db8:1::5")).isTrue();
		assertThat(list.allows("2001:db9::5")).isFalse();
		assertThat(list.allows("0:0:0:0:0:ffff:cb00:7107")).as("IPv4-mapped 203.0.113.7").isTrue();
		assertThat(list.allows(null)).isFalse();
		assertThat(list.allows("localhost")).isFalse();
		assertThat(IpAllowlist.ANYWHERE.allows("192.0.2.1")).isTrue();
		assertThat(IpAllowlist.ANYWHERE.allows(null)).isTrue();
	}

	@Test
	void oddPrefixLengthsMaskTheRightBits() {
		IpAllowlist list = IpAllowlist.parse(List.of("192.168.1.130/25"), "allowed_ips");
		assertThat(list.list()).containsExactly("192.168.1.128/25");
		assertThat(list.allows("192.168.1.129")).isTrue();
		assertThat(list.allows("192.168.1.127")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "localhost", "1.2.3.256", "1.2.3", "1.2.3.4/33", "::1/129", "1.2.3.4/",
			"1.2.3.4/-1", "fe80::1%eth0", "2001:db8:::1", "*", "1.2.3.4 5.6.7.8/x" })
	void anythingElseIsRefusedNamingTheField(String entry) {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> IpAllowlist.parse(List.of(entry), "allowed_ips"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("allowed_ips"));
	}

	@Test
	void atMostAHundredEntries() {
		List<String> entries = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			entries.add("10.0." + i + ".0/24");
		}
		assertThat(IpAllowlist.parse(entries, "allowed_ips").list()).hasSize(100);
		entries.add("192.0.2.1");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> IpAllowlist.parse(entries, "allowed_ips"));
	}

}
