package dev.latchkey.security;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HeaderText} against the patterns of Spring Security's {@code StrictHttpFirewall} it replaces. */
class HeaderTextTest {

	private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Property(tries = 3000)
	void decidesAsTheFirewallsPatternsDo(@ForAll("headerText") String text) {
		assertThat(HeaderText.isAllowedName(text)).as("name %s", text.codePoints().boxed().toList())
			.isEqualTo(NAME.matcher(text).matches());
		assertThat(HeaderText.isAllowedValue(text)).as("value %s", text.codePoints().boxed().toList())
			.isEqualTo(VALUE.matcher(text).matches());
	}

	@Test
	void examples() {
		assertThat(HeaderText.isAllowedValue("key_0123456789abcdef0123456789abcdef012345672a342d20")).isTrue();
		assertThat(HeaderText.isAllowedValue("a\tb")).isTrue();
		assertThat(HeaderText.isAllowedName("a\tb")).isFalse();
		assertThat(HeaderText.isAllowedValue("a\r\nSet-Cookie: x")).isFalse();
		assertThat(HeaderText.isAllowedValue("caf\u00e9 \u2603 \ud83d\ude00")).isTrue();
		assertThat(HeaderText.isAllowedValue("x\u0085")).as("a C1 control").isFalse();
		assertThat(HeaderText.isAllowedValue("x\u0378")).as("unassigned").isFalse();
		assertThat(HeaderText.isAllowedValue("x\ud800y")).as("a lone surrogate, as the pattern decides").isTrue();
		assertThat(HeaderText.isAllowedValue("")).isTrue();
	}

	/** Mostly printable ASCII, with controls, tabs, Latin-1, unassigned code points and surrogates mixed in. */
	@Provide
	Arbitrary<String> headerText() {
		Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~');
		Arbitrary<Character> special = Arbitraries.of('\t', '\r', '\n', '\u0000', '\u007f', '\u0085', '\u009f',
				'\u00a0', '\u00e9', '\u0378', '\u2028', '\ud800', '\udc00', '\ud83d', '\ude00', '\uffff', '\ufffd');
		Arbitrary<Character> any = Arbitraries.chars();
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, ascii), net.jqwik.api.Tuple.of(3, special),
				net.jqwik.api.Tuple.of(2, any))
			.list()
			.ofMaxSize(40)
			.map((chars) -> {
				StringBuilder text = new StringBuilder();
				chars.forEach(text::append);
				return text.toString();
			});
	}

}
