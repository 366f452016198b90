package dev.latchkey.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.account.PasswordPolicy;
import dev.latchkey.account.Role;
import dev.latchkey.account.Users;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with an empty database, creates a tenant and its first admin; on later starts, nothing. It
 * lives outside {@code tenant} and {@code account} because it uses both, so that neither depends on the other.
 */
@Component
class FirstStartBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStartBootstrap.class);

	private final BootstrapProperties properties;

	private final Tenants tenants;

	private final Users users;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final TransactionTemplate transaction;

	private final Clock clock;

	FirstStartBootstrap(BootstrapProperties properties, Tenants tenants, Users users, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, TransactionTemplate transaction, Clock clock) {
		this.properties = properties;
		this.tenants = tenants;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			bootstrap();
		}
		catch (DataIntegrityViolationException ex) {
			// Several instances started at once on an empty database: one of them created the tenant first.
			if (this.tenants.isEmpty()) {
				throw ex;
			}
			log.info("Another instance created the first tenant and its admin");
		}
	}

	private void bootstrap() {
		this.transaction.executeWithoutResult((status) -> {
			if (!this.tenants.isEmpty()) {
				return;
			}
			String password = this.properties.adminPassword();
			boolean generated = (password == null || password.isBlank());
			if (generated) {
				password = generatePassword();
			}
			List<String> violations = this.passwordPolicy.violations(password, this.properties.adminEmail());
			if (!violations.isEmpty()) {
				// Refuse to start rather than create an admin whose password the policy would refuse anywhere else.
				throw new IllegalStateException("latchkey.bootstrap.admin-password breaks the password policy: "
						+ String.join(" ", violations)
						+ " Choose another, or leave it unset to have a strong one generated.");
			}
			Tenant tenant = this.tenants.create(this.properties.tenant(), this.properties.production(),
					this.clock.instant());
			var admin = this.users.create(tenant.id(), this.properties.adminEmail(), this.properties.adminName(),
					this.passwordEncoder.encode(password), Role.ADMIN, this.clock.instant());
			// The first tenant's admin is also the first operator, so one account can do everything at first start.
			this.users.grantOperator(admin.id());
			if (generated) {
				// The one time this password is ever shown: the admin needs it to sign in for the first time.
				log.warn("Created tenant '{}' and its admin {} with the generated password: {}  (shown once; "
						+ "change it with 'Forgot password?' or set latchkey.bootstrap.admin-password)",
						tenant.name(), this.properties.adminEmail(), password);
			}
			else {
				log.info("Created tenant '{}' and its admin {}", tenant.name(), this.properties.adminEmail());
			}
		});
	}

	/** 144 random bits as 24 URL-safe characters: within the password policy's length rules. */
	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
