package dev.latchkey.tenant;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.account.PasswordPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first start, as an operator runs it: with a configured admin password, or a generated one. */
@ExtendWith(OutputCaptureExtension.class)
class TenantBootstrapTest {

	@Test
	void aConfiguredAdminPasswordThatBreaksThePolicyStopsTheStartWithEveryReason() {
		assertThatThrownBy(() -> start("--latchkey.bootstrap.admin-email=ada@ex.io",
				"--latchkey.bootstrap.admin-password=ADA@EX.IO").close())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("latchkey.bootstrap.admin-password breaks the password policy")
			.hasMessageContaining("Use at least 15 characters")
			.hasMessageContaining("Do not use your email address as your password.");
	}

	@Test
	void theGeneratedAdminPasswordPassesThePolicy(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			Matcher logged = Pattern.compile("with the generated password: (\\S+)").matcher(output.getAll());
			assertThat(logged.find()).isTrue();
			assertThat(context.getBean(PasswordPolicy.class).violations(logged.group(1), "admin@latchkey.local"))
				.isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--spring.datasource.url=jdbc:h2:mem:bootstrap-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		System.arraycopy(args, 0, all, 2, args.length);
		return new SpringApplicationBuilder(LatchkeyApplication.class).run(all);
	}

}
