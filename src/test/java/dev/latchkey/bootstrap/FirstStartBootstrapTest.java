package dev.latchkey.bootstrap;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.latchkey.LatchkeyApplication;
import dev.latchkey.account.PasswordPolicy;
import dev.latchkey.account.Users;
import dev.latchkey.tenant.Tenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class FirstStartBootstrapTest {

	@TempDir
	Path data;

	@Test
	void theFirstStartCreatesATenantAndAnAdminWithAGeneratedPasswordPrintedOnce(CapturedOutput output) {
		String url = "--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("db").toAbsolutePath();
		String password;
		try (ConfigurableApplicationContext app = start(url, "--latchkey.bootstrap.tenant=Initech",
				"--latchkey.bootstrap.admin-email=Peter@Initech.test")) {
			String line = output.getAll()
				.lines()
				.filter((l) -> l.contains("generated password"))
				.findFirst()
				.orElseThrow();
			assertThat(line).contains("Initech").contains("Peter@Initech.test");
			password = line.replaceAll(".*generated password: (\\S+).*", "$1");
			assertThat(password).hasSizeGreaterThanOrEqualTo(20);
			var admin = app.getBean(Users.class).findByEmail("peter@initech.test").orElseThrow();
			assertThat(app.getBean(PasswordEncoder.class).matches(password, admin.passwordHash())).isTrue();
			assertThat(admin.passwordHash()).doesNotContain(password);
			assertThat(admin.role()).isEqualTo(dev.latchkey.account.Role.ADMIN);
			assertThat(admin.operator()).as("the bootstrap admin is the first operator").isTrue();
			assertThat(app.getBean(Tenants.class).find(admin.tenantId()).orElseThrow().name()).isEqualTo("Initech");
		}
		try (ConfigurableApplicationContext again = start(url, "--latchkey.bootstrap.tenant=Other")) {
			assertThat(again.getBean(JdbcClient.class).sql("select count(*) from tenants").query(Long.class).single())
				.isEqualTo(1);
		}
		assertThat(output.getAll().split("generated password", -1)).hasSize(2);
	}

	@Test
	void aConfiguredPasswordIsUsedAndNeverPrinted(CapturedOutput output) {
		String secret = "correct horse battery staple 42";
		try (ConfigurableApplicationContext app = start(
				"--spring.datasource.url=jdbc:h2:file:" + this.data.resolve("db2").toAbsolutePath(),
				"--latchkey.bootstrap.admin-email=admin@example.test", "--latchkey.bootstrap.admin-password=" + secret)) {
			var admin = app.getBean(Users.class).findByEmail("ADMIN@example.test").orElseThrow();
			assertThat(app.getBean(PasswordEncoder.class).matches(secret, admin.passwordHash())).isTrue();
		}
		assertThat(output.getAll()).doesNotContain(secret).doesNotContain("generated password");
	}

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
		try (ConfigurableApplicationContext app = start()) {
			Matcher logged = Pattern.compile("with the generated password: (\\S+)").matcher(output.getAll());
			assertThat(logged.find()).isTrue();
			assertThat(app.getBean(PasswordPolicy.class).violations(logged.group(1), "admin@latchkey.local")).isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return new SpringApplicationBuilder(LatchkeyApplication.class).run(all);
	}

}
